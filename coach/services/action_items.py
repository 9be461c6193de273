"""The actions a review tracks and the team they belong to: a review's actions mirrored into the tracked
table, and the team's actions nobody has reported done, for the next review to follow up."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from coach.domain.retrospective import ActionItem, Retrospective
from coach.engines.base import OpenAction
from coach.storage.reviews import is_listed
from coach.storage.tables import ActionItemRow, Review, Team
from coach.storage.tenancy import in_workspace


def team_id_for(db: Session, workspace_id: str, name: str | None) -> str | None:
    """The team's id, created on first use."""
    if not name:
        return None
    team = db.scalar(select(Team).where(in_workspace(Team, workspace_id), Team.name == name))
    if team is None:
        team = Team(workspace_id=workspace_id, name=name)
        db.add(team)
        db.flush()
    return team.id


def open_actions_of_team(
    db: Session, workspace_id: str, team_id: str | None, exclude_review: str
) -> list[OpenAction]:
    """Actions of the team's earlier reviews that nobody has reported done."""
    if team_id is None:
        return []
    rows = db.execute(
        select(ActionItemRow, Review)
        .join(Review, Review.id == ActionItemRow.review_id)
        .where(
            in_workspace(ActionItemRow, workspace_id),
            ActionItemRow.team_id == team_id,
            ActionItemRow.status != "done",
            ActionItemRow.review_id != exclude_review,
            is_listed(),  # an archived review's actions are not followed up
        )
        .order_by(Review.review_date.desc().nulls_last(), Review.created_at.desc(), ActionItemRow.position)
    ).all()
    return [
        OpenAction(
            id=a.id,
            review_id=r.id,
            review_title=r.title,
            review_date=r.review_date,
            what=a.what,
            how=a.how,
            who=a.who,
            due=a.due,
        )
        for a, r in rows
    ]


def sync_action_items(db: Session, review: Review, doc: Retrospective) -> None:
    """Mirror the document's actions into the tracked table, keeping any status already recorded."""
    existing = {
        row.what: row for row in db.scalars(select(ActionItemRow).where(ActionItemRow.review_id == review.id))
    }
    keep: set[str] = set()
    for position, item in enumerate(doc.actions):
        row = existing.get(item.what)
        if row is None:
            row = ActionItemRow(workspace_id=review.workspace_id, team_id=review.team_id, review_id=review.id)
            db.add(row)
        _copy_action(row, item, position)
        keep.add(item.what)
    for what, row in existing.items():
        if what not in keep:
            db.delete(row)


def _copy_action(row: ActionItemRow, item: ActionItem, position: int) -> None:
    row.position, row.what, row.how, row.due, row.who = position, item.what, item.how, item.when, item.who
    row.kind = item.kind.value if item.kind else None
