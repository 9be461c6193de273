"""The vector index's to-do list in SQL: which lessons to (re)embed or remove, and which generation of
collections serves. Entries are written in the lesson's own transaction, so none is ever lost."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from coach.storage.tables import IndexGeneration, LessonOutbox, utcnow

# the lease that makes one process at a time drain the outbox (coach.storage.leases)
OUTBOX_LEASE = "lesson-outbox"
_LESSONS = "lessons"


@dataclass(frozen=True)
class OutboxEntry:
    """A lesson whose vector is stale: its SQL row is embedded, or its vector removed if the row is gone."""

    id: int
    workspace_id: str
    lesson_id: str
    link: bool


def enqueue(db: Session, workspace_id: str, lesson_ids: Iterable[str], *, link: bool = True) -> None:
    """Add entries to the caller's transaction (`link`: look for recurrences once embedded)."""
    db.add_all(LessonOutbox(workspace_id=workspace_id, lesson_id=i, link=link) for i in lesson_ids)


def next_batch(db: Session, limit: int) -> list[OutboxEntry]:
    """The oldest entries, first come first served."""
    rows = db.execute(
        select(LessonOutbox.id, LessonOutbox.workspace_id, LessonOutbox.lesson_id, LessonOutbox.link)
        .order_by(LessonOutbox.id)
        .limit(limit)
    ).all()
    return [OutboxEntry(*row) for row in rows]


def remove(db: Session, entry_ids: Iterable[int]) -> None:
    """Forget drained entries, by id: one committed meanwhile with a lower id is kept."""
    db.execute(delete(LessonOutbox).where(LessonOutbox.id.in_(list(entry_ids))))


def backlog(db: Session) -> int:
    return int(db.scalar(select(func.count(LessonOutbox.id))) or 0)


def generation(db: Session) -> int:
    """The generation of collections that serves search (0 before the first reindex)."""
    found = db.scalar(select(IndexGeneration.generation).where(IndexGeneration.name == _LESSONS))
    return int(found or 0)


def switch_generation(db: Session, new: int) -> None:
    """Make `new` the serving generation, in the caller's transaction; every replica follows."""
    changed = db.execute(
        update(IndexGeneration)
        .where(IndexGeneration.name == _LESSONS)
        .values(generation=new, switched_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    if changed.rowcount == 0:  # type: ignore[attr-defined]
        db.add(IndexGeneration(name=_LESSONS, generation=new))
