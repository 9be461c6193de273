"""The SQL side: lessons are the record; both indexes are rebuilt from these rows."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol, cast

from sqlalchemy import ColumnElement, Table, bindparam, func, insert, or_, select, update
from sqlalchemy.orm import Session

from coach.domain.library import LessonRecord
from coach.library import outbox
from coach.library.filters import date_key
from coach.library.lexical import LexicalDoc
from coach.library.text import TOKENIZER_VERSION, lexical_tokens
from coach.storage.db import Database
from coach.storage.reviews import archived_review_ids
from coach.storage.tables import ActionItemRow, LessonRevision, LessonRow, Review, Workspace, new_id
from coach.storage.tenancy import in_workspace, of_workspace


def set_tokens(row: LessonRow) -> None:
    """Store the row's BM25 tokens (jieba, ~0.6 ms a lesson) with the tokenizer version."""
    row.tokens = json.dumps(lexical_tokens(row.text, row.context), ensure_ascii=False)
    row.tokens_version = TOKENIZER_VERSION


class LessonColumns(Protocol):
    """What a BM25 document is made of: an ORM lesson row or a Core row of the same columns."""

    id: str
    team: str | None
    dimension: str
    action: str
    review_date: dt.date | None
    text: str
    context: str | None
    tokens: str | None
    tokens_version: int | None


def tokens_current(row: LessonColumns) -> bool:
    return row.tokens is not None and row.tokens_version == TOKENIZER_VERSION


def lexical_doc(row: LessonColumns) -> LexicalDoc:
    """The lesson's BM25 document, from its stored tokens when this tokenizer made them."""
    tokens = json.loads(row.tokens or "[]") if tokens_current(row) else lexical_tokens(row.text, row.context)
    return LexicalDoc(row.id, tokens, row.team, row.dimension, row.action, date_key(row.review_date))


def not_archived(workspace_id: str) -> ColumnElement[bool]:
    """Lessons that are not of an archived review: an archived review's lessons leave search and
    recurrences until it is restored (its vectors stay in Chroma, so restoring needs no embedding)."""
    return or_(LessonRow.review_id.is_(None), LessonRow.review_id.not_in(archived_review_ids(workspace_id)))


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

    def signature(self, workspace_id: str) -> int:
        """The workspace's lesson version: one more with every write to its lessons, by any process."""
        with self.session() as db:
            version = db.scalar(
                select(LessonRevision.version).where(in_workspace(LessonRevision, workspace_id))
            )
            return int(version or 0)

    @staticmethod
    def touch(db: Session, workspace_id: str) -> int:
        """Advance the workspace's lesson version in the caller's transaction; returns the new one."""
        version = db.scalar(
            update(LessonRevision)
            .where(in_workspace(LessonRevision, workspace_id))
            .values(version=func.coalesce(LessonRevision.version, 0) + 1)
            .returning(LessonRevision.version)
        )
        if version is None:
            db.execute(insert(LessonRevision).values(workspace_id=workspace_id, token=new_id(), version=1))
            return 1
        return int(version)

    def workspaces_with_lessons(self) -> list[str]:
        with self.session() as db:
            return list(db.scalars(select(LessonRow.workspace_id).distinct()))

    def ids(self, workspace_id: str) -> list[str]:
        """Every lesson id of the workspace (archived reviews' too: their vectors stay)."""
        with self.session() as db:
            return list(db.scalars(select(LessonRow.id).where(in_workspace(LessonRow, workspace_id))))

    def count(self, workspace_id: str | None = None) -> int:
        with self.session() as db:
            query = select(func.count(LessonRow.id))
            if workspace_id is not None:
                query = query.where(in_workspace(LessonRow, workspace_id))
            return int(db.scalar(query) or 0)

    def load_lexical(self, workspace_id: str) -> tuple[int, list[LexicalDoc]]:
        """The workspace's BM25 documents; lessons without tokens of this tokenizer get them stored."""
        signature = self.signature(workspace_id)
        docs: list[LexicalDoc] = []
        made: list[dict[str, str]] = []
        lessons = cast(Table, LessonRow.__table__)
        with self.session() as db:
            rows = db.execute(
                select(
                    lessons.c.id,
                    lessons.c.team,
                    lessons.c.dimension,
                    lessons.c.action,
                    lessons.c.review_date,
                    lessons.c.text,
                    lessons.c.context,
                    lessons.c.tokens,
                    lessons.c.tokens_version,
                )
                .where(in_workspace(LessonRow, workspace_id), not_archived(workspace_id))
                .order_by(lessons.c.created_at, lessons.c.id)
            )
            for row in rows:
                doc = lexical_doc(row)
                if not tokens_current(row):
                    made.append({"lesson_id": row.id, "made": json.dumps(doc.tokens, ensure_ascii=False)})
                docs.append(doc)
            if made:
                # only where no writer stored current tokens meanwhile (ours may be of older text)
                stale = or_(lessons.c.tokens_version.is_(None), lessons.c.tokens_version != TOKENIZER_VERSION)
                db.execute(
                    update(lessons)
                    .where(lessons.c.id == bindparam("lesson_id"), stale)
                    .values(tokens=bindparam("made"), tokens_version=TOKENIZER_VERSION),
                    made,
                )
                db.commit()
        return signature, docs

    def iter_rows(
        self, workspace_id: str | None = None, batch: int = 2000, *, listed_only: bool = False
    ) -> Iterator[LessonRow]:
        """All lessons (of one workspace, or all for reindex), oldest first, streamed;
        `listed_only` leaves out those of archived reviews (one workspace only)."""
        with self.session() as db:
            query = select(LessonRow).order_by(LessonRow.workspace_id, LessonRow.created_at, LessonRow.id)
            if workspace_id is not None:
                query = query.where(in_workspace(LessonRow, workspace_id))
                if listed_only:
                    query = query.where(not_archived(workspace_id))
            yield from db.scalars(query.execution_options(yield_per=batch))

    def fetch(self, workspace_id: str, ids: Sequence[str]) -> dict[str, LessonRow]:
        if not ids:
            return {}
        with self.session() as db:
            return {row.id: row for row in self.by_ids(db, workspace_id, ids)}

    @staticmethod
    def by_ids(db: Session, workspace_id: str, ids: Iterable[str]) -> list[LessonRow]:
        """The workspace's lessons among these ids.

        Looked up by primary key, then kept to the workspace by `of_workspace`: with `workspace_id = ?`
        in the SQL, SQLite (without ANALYZE statistics) walks the whole workspace index, ~45 ms at
        100k lessons.
        """
        rows = db.scalars(select(LessonRow).where(LessonRow.id.in_(list(ids))))
        return of_workspace(rows, workspace_id)

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
                    .where(in_workspace(LessonRow, workspace_id), LessonRow.review_id == review_id)
                    .order_by(LessonRow.created_at, LessonRow.id)
                )
            )

    def of_reviews(self, workspace_id: str, review_ids: Sequence[str]) -> list[LessonRow]:
        """Every lesson of these reviews, archived or not."""
        if not review_ids:
            return []
        with self.session() as db:
            return list(
                db.scalars(
                    select(LessonRow).where(
                        in_workspace(LessonRow, workspace_id), LessonRow.review_id.in_(list(review_ids))
                    )
                )
            )

    def review_archived(self, review_id: str) -> bool:
        with self.session() as db:
            return db.scalar(select(Review.archived_at).where(Review.id == review_id)) is not None

    def review_visibility(self, workspace_id: str, review_ids: Sequence[str]) -> tuple[set[str], int]:
        """Which of these reviews are archived, and a new lesson version (other processes reload)."""
        with self.session() as db:
            asked = archived_review_ids(workspace_id).where(Review.id.in_(list(review_ids)))
            archived = set(db.scalars(asked))
            version = self.touch(db, workspace_id)
            db.commit()
        return archived, version

    def clusters_touching(self, db: Session, workspace_id: str, ids: Iterable[str]) -> list[LessonRow]:
        """The given lessons plus every lesson of the recurrence clusters they belong to."""
        ids = set(ids)
        roots = {row.recurrence_of or row.id for row in self.by_ids(db, workspace_id, ids)}
        members = {row.id: row for row in self.by_ids(db, workspace_id, roots | ids)}
        # by the recurrence_of index alone, for the same reason as in by_ids
        linked = db.scalars(select(LessonRow).where(LessonRow.recurrence_of.in_(roots)))
        members.update((row.id, row) for row in of_workspace(linked, workspace_id))
        return list(members.values())

    def recurring_rows(self, workspace_id: str) -> list[LessonRow]:
        """Every lesson that is a recurrence or has recurrences."""
        with self.session() as db:
            linked = select(LessonRow.recurrence_of).where(
                in_workspace(LessonRow, workspace_id), LessonRow.recurrence_of.is_not(None)
            )
            return list(
                db.scalars(
                    select(LessonRow).where(
                        in_workspace(LessonRow, workspace_id),
                        or_(LessonRow.recurrence_of.is_not(None), LessonRow.id.in_(linked)),
                        not_archived(workspace_id),
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
                .where(in_workspace(ActionItemRow, workspace_id), ActionItemRow.review_id.in_(ids))
                .order_by(ActionItemRow.position)
            )
            for row in rows:
                out.setdefault(row.review_id, []).append(row)
        return out

    def upsert(
        self,
        workspace_id: str,
        records: Sequence[tuple[LessonRecord, LessonRow | None]],
        review_id: str | None,
    ) -> tuple[list[LessonRow], list[LessonRow], int | None]:
        """Upsert into SQL; returns all rows, those whose indexed content changed, and the new version."""
        rows: list[LessonRow] = []
        changed: list[LessonRow] = []
        with self.session() as db:
            ids = [r.id for r, _ in records if r.id]
            current = {row.id: row for row in self.by_ids(db, workspace_id, ids)}
            for record, _ in records:
                row = current.get(record.id or "")
                fields = {
                    "team": record.team.strip() if record.team and record.team.strip() else None,
                    "dimension": record.dimension.value,
                    "action": record.action.value,
                    "review_date": record.review_date,
                    "text": record.text.strip(),
                    "context": record.context.strip() if record.context and record.context.strip() else None,
                }
                if row is None:
                    row = LessonRow(id=record.id or new_id(), workspace_id=workspace_id, review_id=review_id)
                    db.add(row)
                if any(getattr(row, name) != value for name, value in fields.items()):
                    for name, value in fields.items():
                        setattr(row, name, value)
                    set_tokens(row)
                    changed.append(row)
                rows.append(row)
            version = self.touch(db, workspace_id) if changed else None
            outbox.enqueue(db, workspace_id, [row.id for row in changed])  # with the lessons, or not at all
            db.commit()
        return rows, changed, version
