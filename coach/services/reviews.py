"""Reviews under the user's control: list, read, edit, archive, restore, purge and export.

Every review and action is looked up through the tenant check (coach.storage.tenancy): one of
another workspace is "not found".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import ColumnElement, delete, func, select, update
from sqlalchemy.orm import Session

from coach.domain.retrospective import Retrospective
from coach.services.action_items import sync_action_items
from coach.services.chat import lesson_context
from coach.services.ports import LessonSink
from coach.storage.db import Database
from coach.storage.reviews import archived_review_ids, is_listed
from coach.storage.tables import ActionItemRow, ChatSession, Review, SummaryJobItem, Team, Turn, utcnow
from coach.storage.tenancy import in_workspace, owned


class ReviewNotFound(LookupError):
    pass


class ActionNotFound(LookupError):
    pass


class ReviewNotArchived(ValueError):
    """Only an archived review can be purged: archiving first is the undo window."""


class ReviewArchived(ValueError):
    """An archived review's lessons are out of search: an edit must not bring them back."""


class ReviewLessons(LessonSink, Protocol):
    """What the review service needs of the lesson library."""

    def review_visibility_changed(self, workspace_id: str, review_ids: Sequence[str]) -> None: ...

    def purge_reviews(self, workspace_id: str, review_ids: Sequence[str]) -> int: ...


@dataclass(frozen=True)
class ReviewOverview:
    """A review as lists show it: what it is and how much it holds."""

    id: str
    team: str | None
    title: str
    date: dt.date | None
    language: str
    source: str
    goals: int
    lessons: int
    actions: int
    updated_at: dt.datetime | None
    archived_at: dt.datetime | None


@dataclass(frozen=True)
class TrackedAction:
    """An action of a review as it is followed up: what, by whom, when, and whether it was done."""

    id: str
    review_id: str
    position: int
    what: str
    how: str | None
    due: dt.date | None
    who: str | None
    kind: str | None
    status: str
    status_note: str | None

    @classmethod
    def of(cls, row: ActionItemRow) -> TrackedAction:
        return cls(
            id=row.id,
            review_id=row.review_id,
            position=row.position,
            what=row.what,
            how=row.how,
            due=row.due,
            who=row.who,
            kind=row.kind,
            status=row.status,
            status_note=row.status_note,
        )


@dataclass(frozen=True)
class ReviewDetail:
    """A review as its page shows it: the stored document and its tracked actions in order."""

    document: dict[str, Any]
    source: str
    archived_at: dt.datetime | None
    actions: list[TrackedAction]


@dataclass(frozen=True)
class PurgeReport:
    reviews: list[str]
    lessons: int
    actions: int
    sessions: int


NEWEST_FIRST = (Review.review_date.desc().nulls_last(), Review.created_at.desc())


def overview(row: Review) -> ReviewOverview:
    """Read from the stored document as it is: counting its parts needs no validation."""
    document = row.document or {}
    return ReviewOverview(
        id=row.id,
        team=document.get("team"),
        title=row.title,
        date=row.review_date,
        language=document.get("language") or row.language,
        source=row.source,
        goals=len(document.get("goals") or []),
        lessons=len(document.get("lessons") or []),
        actions=len(document.get("actions") or []),
        updated_at=row.updated_at,
        archived_at=row.archived_at,
    )


class ReviewService:
    def __init__(self, database: Database, library: ReviewLessons | None = None) -> None:
        self.database = database
        self.library = library

    # ---- reading --------------------------------------------------------------------------

    @staticmethod
    def _owned(db: Session, workspace_id: str, review_id: str) -> Review:
        row = owned(db, Review, review_id, workspace_id)
        if row is None:
            raise ReviewNotFound(review_id)
        return row

    @staticmethod
    def _where(
        workspace_id: str, *, team: str | None = None, archived: bool = False
    ) -> list[ColumnElement[bool]]:
        """The workspace's listed reviews, or its archived ones; drafts never."""
        where = [in_workspace(Review, workspace_id)]
        where.append(Review.archived_at.is_not(None) if archived else is_listed())
        if team:
            teams = select(Team.id).where(in_workspace(Team, workspace_id), Team.name == team)
            where.append(Review.team_id.in_(teams))
        return where

    def overviews(
        self, workspace_id: str, *, team: str | None = None, archived: bool = False, limit: int = 100
    ) -> list[ReviewOverview]:
        with self.database.session() as db:
            query = select(Review).where(*self._where(workspace_id, team=team, archived=archived))
            rows = db.scalars(query.order_by(*NEWEST_FIRST).limit(limit))
            return [overview(row) for row in rows]

    def document(self, workspace_id: str, review_id: str) -> Retrospective:
        with self.database.session() as db:
            return Retrospective.model_validate(self._owned(db, workspace_id, review_id).document)

    def detail(self, workspace_id: str, review_id: str) -> ReviewDetail:
        with self.database.session() as db:
            row = self._owned(db, workspace_id, review_id)
            actions = db.scalars(
                select(ActionItemRow)
                .where(ActionItemRow.review_id == review_id)
                .order_by(ActionItemRow.position)
            )
            return ReviewDetail(
                row.document, row.source, row.archived_at, [TrackedAction.of(a) for a in actions]
            )

    def set_action_status(
        self, workspace_id: str, review_id: str, action_id: str, status: str, note: str | None
    ) -> TrackedAction:
        with self.database.session() as db:
            row = owned(db, ActionItemRow, action_id, workspace_id)
            if row is None or row.review_id != review_id:
                raise ActionNotFound(action_id)
            row.status, row.status_note = status, note
            db.commit()
            return TrackedAction.of(row)

    # ---- editing --------------------------------------------------------------------------

    def edit(
        self,
        workspace_id: str,
        review_id: str,
        change: Callable[[Retrospective], Retrospective],
        *,
        actions: bool = False,
        lessons: bool = False,
    ) -> Retrospective:
        """Store the document `change` makes of the review's; `actions` and `lessons` say whether
        the edit touched those parts (then the tracked actions, or the lesson library, follow).

        ReviewArchived for an archived review; whatever `change` raises leaves the review as it was.
        """
        with self.database.session() as db:
            row = self._owned(db, workspace_id, review_id)
            if row.archived_at is not None:
                raise ReviewArchived(review_id)
            doc = change(Retrospective.model_validate(row.document))
            row.document = doc.model_dump(mode="json")
            row.title, row.review_date = doc.title, doc.date
            if actions:
                sync_action_items(db, row, doc)
            db.commit()
        if lessons and self.library is not None:
            self.library.add_review_lessons(
                workspace_id, review_id, doc.team, doc.date, doc.lessons, context=lesson_context(doc)
            )
        return doc

    # ---- archive, restore, purge ------------------------------------------------------------

    def archive(self, workspace_id: str, review_id: str) -> ReviewOverview:
        """Hide the review, its lessons and its actions; archiving twice changes nothing."""
        return self._set_archived(workspace_id, review_id, archived=True)

    def restore(self, workspace_id: str, review_id: str) -> ReviewOverview:
        """Bring an archived review back, with its lessons and actions."""
        return self._set_archived(workspace_id, review_id, archived=False)

    def _set_archived(self, workspace_id: str, review_id: str, *, archived: bool) -> ReviewOverview:
        with self.database.session() as db:
            row = self._owned(db, workspace_id, review_id)
            changed = (row.archived_at is None) == archived
            if changed:
                row.archived_at = utcnow() if archived else None
                db.commit()
            result = overview(row)
        if changed and self.library is not None:
            self.library.review_visibility_changed(workspace_id, [review_id])
        return result

    def purge(self, workspace_id: str, review_ids: Sequence[str] | None = None) -> PurgeReport:
        """Delete archived reviews for good: lessons (SQL and vectors), actions, sessions and turns.

        With no ids, every archived review of the workspace; an id that is not archived is refused
        before anything is deleted.
        """
        with self.database.session() as db:
            if review_ids is None:
                ids = list(db.scalars(archived_review_ids(workspace_id)))
            else:
                ids = list(dict.fromkeys(review_ids))
                for review_id in ids:
                    if self._owned(db, workspace_id, review_id).archived_at is None:
                        raise ReviewNotArchived(review_id)
        if not ids:
            return PurgeReport([], 0, 0, 0)
        # lessons first, through the library: it re-points recurrences and drops the vectors too
        lessons = self.library.purge_reviews(workspace_id, ids) if self.library is not None else 0
        with self.database.session() as db:
            sessions = list(db.scalars(select(ChatSession.id).where(ChatSession.review_id.in_(ids))))
            db.execute(delete(Turn).where(Turn.session_id.in_(sessions)))
            db.execute(delete(ChatSession).where(ChatSession.id.in_(sessions)))
            actions = db.scalar(select(func.count(ActionItemRow.id)).where(ActionItemRow.review_id.in_(ids)))
            db.execute(delete(ActionItemRow).where(ActionItemRow.review_id.in_(ids)))
            # the job's record of the note stays; only its link to the review goes
            db.execute(update(SummaryJobItem).where(SummaryJobItem.review_id.in_(ids)).values(review_id=None))
            db.execute(delete(Review).where(Review.id.in_(ids), in_workspace(Review, workspace_id)))
            db.commit()
        return PurgeReport(ids, lessons, int(actions or 0), len(sessions))

    # ---- export ---------------------------------------------------------------------------

    def iter_documents(self, workspace_id: str, *, archived: bool = False) -> Iterator[Retrospective]:
        """Every listed (or archived) review's document, newest first, streamed."""
        with self.database.session() as db:
            query = select(Review).where(*self._where(workspace_id, archived=archived))
            for row in db.scalars(query.order_by(*NEWEST_FIRST).execution_options(yield_per=200)):
                yield Retrospective.model_validate(row.document)

    def iter_actions(
        self, workspace_id: str, *, archived: bool = False
    ) -> Iterator[tuple[ActionItemRow, Review]]:
        """Every action of the listed (or archived) reviews with its review, newest review first."""
        with self.database.session() as db:
            query = (
                select(ActionItemRow, Review)
                .join(Review, Review.id == ActionItemRow.review_id)
                .where(*self._where(workspace_id, archived=archived))
                .order_by(*NEWEST_FIRST, ActionItemRow.position)
                .execution_options(yield_per=500)
            )
            for row in db.execute(query):
                yield row[0], row[1]
