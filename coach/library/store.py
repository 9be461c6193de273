"""The SQL side: lessons are the record; both indexes are rebuilt from these rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from coach.library.filters import date_key
from coach.library.lexical import LexicalDoc
from coach.library.text import passage_text, tokenize
from coach.storage.db import Database
from coach.storage.tables import ActionItemRow, LessonRow, Workspace


def lexical_doc(row: LessonRow) -> LexicalDoc:
    return LexicalDoc(
        id=row.id,
        tokens=tokenize(passage_text(row.text, row.context)),
        team=row.team,
        dimension=row.dimension,
        action=row.action,
        date=date_key(row.review_date),
    )


def root_order(row: LessonRow) -> tuple[dt.date, dt.datetime, str]:
    """Earliest first: review date, then when it was stored, then id."""
    created = row.created_at or dt.datetime.max
    if created.tzinfo is not None:
        created = created.replace(tzinfo=None)
    return (row.review_date or dt.date.max, created, row.id)


class LessonStore:
    """Queries over LessonRow; every one is scoped to a workspace."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def session(self) -> Session:
        return self.database.sessionmaker()

    def workspace_exists(self, workspace_id: str) -> bool:
        with self.session() as db:
            return db.get(Workspace, workspace_id) is not None

    def signature(self, workspace_id: str) -> tuple[int, str]:
        """Changes whenever lessons are added or removed in the workspace, by any process."""
        with self.session() as db:
            count, latest = db.execute(
                select(func.count(LessonRow.id), func.max(LessonRow.created_at)).where(
                    LessonRow.workspace_id == workspace_id
                )
            ).one()
        return int(count), str(latest)

    def workspaces_with_lessons(self) -> list[str]:
        with self.session() as db:
            return list(db.scalars(select(LessonRow.workspace_id).distinct()))

    def count(self, workspace_id: str | None = None) -> int:
        with self.session() as db:
            query = select(func.count(LessonRow.id))
            if workspace_id is not None:
                query = query.where(LessonRow.workspace_id == workspace_id)
            return int(db.scalar(query) or 0)

    def load_lexical(self, workspace_id: str) -> tuple[object, list[LexicalDoc]]:
        signature = self.signature(workspace_id)
        return signature, [lexical_doc(row) for row in self.iter_rows(workspace_id)]

    def iter_rows(self, workspace_id: str | None = None, batch: int = 2000) -> Iterator[LessonRow]:
        """All lessons (of one workspace, or all for reindex), oldest first, streamed."""
        with self.session() as db:
            query = select(LessonRow).order_by(LessonRow.workspace_id, LessonRow.created_at, LessonRow.id)
            if workspace_id is not None:
                query = query.where(LessonRow.workspace_id == workspace_id)
            yield from db.scalars(query.execution_options(yield_per=batch))

    def fetch(self, workspace_id: str, ids: Sequence[str]) -> dict[str, LessonRow]:
        if not ids:
            return {}
        with self.session() as db:
            rows = db.scalars(
                select(LessonRow).where(LessonRow.workspace_id == workspace_id, LessonRow.id.in_(list(ids)))
            )
            return {row.id: row for row in rows}

    def owners(self, ids: Sequence[str]) -> dict[str, str]:
        """Which workspace holds each of these ids (ids are global keys)."""
        if not ids:
            return {}
        with self.session() as db:
            rows = db.execute(select(LessonRow.id, LessonRow.workspace_id).where(LessonRow.id.in_(list(ids))))
            return {lesson_id: workspace for lesson_id, workspace in rows}

    def of_review(self, workspace_id: str, review_id: str) -> list[LessonRow]:
        with self.session() as db:
            return list(
                db.scalars(
                    select(LessonRow)
                    .where(LessonRow.workspace_id == workspace_id, LessonRow.review_id == review_id)
                    .order_by(LessonRow.created_at, LessonRow.id)
                )
            )

    def clusters_touching(self, db: Session, workspace_id: str, ids: Iterable[str]) -> list[LessonRow]:
        """The given lessons plus every lesson of the recurrence clusters they belong to."""
        ids = list(ids)
        rows = list(
            db.scalars(select(LessonRow).where(LessonRow.workspace_id == workspace_id, LessonRow.id.in_(ids)))
        )
        roots = {row.recurrence_of or row.id for row in rows}
        return list(
            db.scalars(
                select(LessonRow).where(
                    LessonRow.workspace_id == workspace_id,
                    or_(LessonRow.id.in_(roots | set(ids)), LessonRow.recurrence_of.in_(roots)),
                )
            )
        )

    def recurring_rows(self, workspace_id: str) -> list[LessonRow]:
        """Every lesson that is a recurrence or has recurrences."""
        with self.session() as db:
            linked = select(LessonRow.recurrence_of).where(
                LessonRow.workspace_id == workspace_id, LessonRow.recurrence_of.is_not(None)
            )
            return list(
                db.scalars(
                    select(LessonRow).where(
                        LessonRow.workspace_id == workspace_id,
                        or_(LessonRow.recurrence_of.is_not(None), LessonRow.id.in_(linked)),
                    )
                )
            )

    def actions_of_reviews(
        self, workspace_id: str, review_ids: Iterable[str]
    ) -> dict[str, list[ActionItemRow]]:
        ids = [r for r in set(review_ids) if r]
        if not ids:
            return {}
        out: dict[str, list[ActionItemRow]] = {}
        with self.session() as db:
            rows = db.scalars(
                select(ActionItemRow)
                .where(ActionItemRow.workspace_id == workspace_id, ActionItemRow.review_id.in_(ids))
                .order_by(ActionItemRow.position)
            )
            for row in rows:
                out.setdefault(row.review_id, []).append(row)
        return out
