"""Reviews: the document as JSON or as the Markdown report, the list, action status."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Query
from fastapi.responses import PlainTextResponse
from sqlalchemy import select

from coach.api.deps import ServicesDep, WorkspaceDep
from coach.api.errors import UserError
from coach.api.schemas import ActionItemPublic, ActionStatusUpdate, ReviewPublic, ReviewSummary
from coach.domain.report import render_markdown
from coach.domain.retrospective import Retrospective
from coach.storage.tables import ActionItemRow, Review, Team

router = APIRouter(prefix="/reviews", tags=["reviews"])


def _not_found(review_id: str) -> UserError:
    return UserError(404, f"找不到复盘 {review_id}", f"Review {review_id} not found", "review_not_found")


def _action_public(row: ActionItemRow) -> ActionItemPublic:
    return ActionItemPublic(
        id=row.id,
        review_id=row.review_id,
        position=row.position,
        what=row.what,
        how=row.how,
        when=row.due,
        who=row.who,
        kind=row.kind,
        status=row.status,  # type: ignore[arg-type]
        status_note=row.status_note,
    )


@router.get("", summary="Reviews of the workspace, newest first")
def list_reviews(
    services: ServicesDep,
    workspace: WorkspaceDep,
    team: str | None = Query(default=None, max_length=200),
    limit: int = Query(default=100, ge=1, le=500),
) -> list[ReviewSummary]:
    with services.database.session() as db:
        query = select(Review).where(Review.workspace_id == workspace)
        if team:
            query = query.join(Team, Team.id == Review.team_id).where(Team.name == team)
        rows = db.scalars(
            query.order_by(Review.review_date.desc().nulls_last(), Review.created_at.desc()).limit(limit)
        )
        out = []
        for row in rows:
            doc = Retrospective.model_validate(row.document)
            out.append(
                ReviewSummary(
                    id=row.id,
                    team=doc.team,
                    title=row.title,
                    date=row.review_date,
                    language=doc.language,
                    source=row.source,
                    goals=len(doc.goals),
                    lessons=len(doc.lessons),
                    actions=len(doc.actions),
                    updated_at=row.updated_at.isoformat() if row.updated_at else None,
                )
            )
        return out


@router.get(
    "/{review_id}.md",
    summary="The review as a Markdown report",
    response_class=PlainTextResponse,
    responses={200: {"content": {"text/markdown": {}}}},
)
def get_review_markdown(
    review_id: str,
    services: ServicesDep,
    workspace: WorkspaceDep,
    lang: Literal["zh", "en"] | None = None,
) -> PlainTextResponse:
    doc = _load(services, workspace, review_id)
    return PlainTextResponse(render_markdown(doc, lang), media_type="text/markdown; charset=utf-8")


@router.get("/{review_id}", summary="The review as the Retrospective document")
def get_review(review_id: str, services: ServicesDep, workspace: WorkspaceDep) -> ReviewPublic:
    with services.database.session() as db:
        row = db.get(Review, review_id)
        if row is None or row.workspace_id != workspace:
            raise _not_found(review_id)
        actions = db.scalars(
            select(ActionItemRow).where(ActionItemRow.review_id == review_id).order_by(ActionItemRow.position)
        )
        return ReviewPublic.model_validate(
            {**row.document, "source": row.source, "action_items": [_action_public(a) for a in actions]}
        )


@router.patch("/{review_id}/actions/{action_id}", summary="Record whether an action was done")
def update_action(
    review_id: str, action_id: str, body: ActionStatusUpdate, services: ServicesDep, workspace: WorkspaceDep
) -> ActionItemPublic:
    with services.database.session() as db:
        row = db.get(ActionItemRow, action_id)
        if row is None or row.review_id != review_id or row.workspace_id != workspace:
            raise UserError(
                404, f"找不到行动项 {action_id}", f"Action {action_id} not found", "action_not_found"
            )
        row.status, row.status_note = body.status, body.note
        db.commit()
        return _action_public(row)


def _load(services: ServicesDep, workspace: str, review_id: str) -> Retrospective:
    with services.database.session() as db:
        row = db.get(Review, review_id)
        if row is None or row.workspace_id != workspace:
            raise _not_found(review_id)
        return Retrospective.model_validate(row.document)
