"""What makes a review visible: the one definition lists, exports, follow-ups and search share."""

from __future__ import annotations

from sqlalchemy import ColumnElement, Select, and_, select, update
from sqlalchemy.orm import Session

from coach.storage.tables import Review, holds_facts
from coach.storage.tenancy import in_workspace


def is_listed() -> ColumnElement[bool]:
    """Reviews shown in lists, exports, counts and follow-ups: not archived, not a draft."""
    return and_(Review.archived_at.is_(None), Review.draft.is_not(True))


def archived_review_ids(workspace_id: str) -> Select[str]:
    """The workspace's archived reviews, as a subquery for the lessons and actions they hold."""
    return select(Review.id).where(in_workspace(Review, workspace_id), Review.archived_at.is_not(None))


def mark_old_drafts(db: Session) -> int:
    """Chat reviews stored before drafts existed: empty ones become drafts, the rest stay listed."""
    rows = db.execute(
        select(Review.id, Review.document).where(Review.draft.is_(None), Review.source == "chat")
    ).all()
    for review_id, document in rows:
        db.execute(update(Review).where(Review.id == review_id).values(draft=not holds_facts(document or {})))
    return len(rows)
