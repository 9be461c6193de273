"""Reviews: the document as JSON or as the Markdown report, the list, action status, archive,
restore and purge. Storage and the tenant check live in ReviewService."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Body, Query
from fastapi.responses import PlainTextResponse

from coach.api.deps import ReviewsDep, WorkspaceDep
from coach.api.errors import UserError
from coach.api.schemas import (
    ActionItemPublic,
    ActionStatusUpdate,
    PurgeResult,
    ReviewPublic,
    ReviewPurge,
    ReviewSummary,
)
from coach.domain.report import render_markdown
from coach.services.reviews import (
    ActionNotFound,
    ReviewNotArchived,
    ReviewNotFound,
    ReviewOverview,
    TrackedAction,
)

router = APIRouter(prefix="/reviews", tags=["reviews"])


def not_found(review_id: str) -> UserError:
    return UserError(404, f"找不到复盘 {review_id}", f"Review {review_id} not found", "review_not_found")


def _not_archived(review_id: str) -> UserError:
    return UserError(
        409,
        f"复盘 {review_id} 尚未归档：请先归档（DELETE /api/v1/reviews/{review_id}），再永久删除",
        f"Review {review_id} is not archived: archive it first (DELETE /api/v1/reviews/{review_id}), "
        "then purge it",
        "review_not_archived",
    )


def _action_public(action: TrackedAction) -> ActionItemPublic:
    return ActionItemPublic(
        id=action.id,
        review_id=action.review_id,
        position=action.position,
        what=action.what,
        how=action.how,
        when=action.due,
        who=action.who,
        kind=action.kind,
        status=action.status,  # type: ignore[arg-type]
        status_note=action.status_note,
    )


def summary_public(review: ReviewOverview) -> ReviewSummary:
    return ReviewSummary(
        id=review.id,
        team=review.team,
        title=review.title,
        date=review.date,
        language=review.language,  # type: ignore[arg-type]
        source=review.source,
        goals=review.goals,
        lessons=review.lessons,
        actions=review.actions,
        updated_at=review.updated_at.isoformat() if review.updated_at else None,
        archived_at=review.archived_at.isoformat() if review.archived_at else None,
    )


@router.get("", summary="Reviews of the workspace, newest first (archived ones with ?archived=true)")
def list_reviews(
    reviews: ReviewsDep,
    workspace: WorkspaceDep,
    team: str | None = Query(default=None, max_length=200),
    archived: bool = Query(default=False, description="list the archived reviews instead"),
    limit: int = Query(default=100, ge=1, le=500),
) -> list[ReviewSummary]:
    return [
        summary_public(r) for r in reviews.overviews(workspace, team=team, archived=archived, limit=limit)
    ]


@router.post(
    "/purge",
    summary="Delete archived reviews for good (admin): with their lessons, vectors, actions and sessions",
)
def purge_reviews(
    reviews: ReviewsDep, workspace: WorkspaceDep, body: Annotated[ReviewPurge | None, Body()] = None
) -> PurgeResult:
    try:
        report = reviews.purge(workspace, body.ids if body is not None else None)
    except ReviewNotFound as exc:
        raise not_found(str(exc)) from None
    except ReviewNotArchived as exc:
        raise _not_archived(str(exc)) from None
    return PurgeResult(
        reviews=report.reviews, lessons=report.lessons, actions=report.actions, sessions=report.sessions
    )


@router.get(
    "/{review_id}.md",
    summary="The review as a Markdown report",
    response_class=PlainTextResponse,
    responses={200: {"content": {"text/markdown": {}}}},
)
def get_review_markdown(
    review_id: str,
    reviews: ReviewsDep,
    workspace: WorkspaceDep,
    lang: Literal["zh", "en"] | None = None,
) -> PlainTextResponse:
    try:
        doc = reviews.document(workspace, review_id)
    except ReviewNotFound:
        raise not_found(review_id) from None
    return PlainTextResponse(render_markdown(doc, lang), media_type="text/markdown; charset=utf-8")


@router.get("/{review_id}", summary="The review as the Retrospective document")
def get_review(review_id: str, reviews: ReviewsDep, workspace: WorkspaceDep) -> ReviewPublic:
    try:
        detail = reviews.detail(workspace, review_id)
    except ReviewNotFound:
        raise not_found(review_id) from None
    return ReviewPublic.model_validate(
        {
            **detail.document,
            "source": detail.source,
            "action_items": [_action_public(a) for a in detail.actions],
            "archived_at": detail.archived_at,
        }
    )


@router.delete(
    "/{review_id}",
    summary="Archive a review: 200 with the archived review; it leaves lists, search, recurring lessons "
    "and follow-ups until POST /reviews/{id}/restore (an admin's POST /reviews/purge deletes it for good)",
)
def archive_review(review_id: str, reviews: ReviewsDep, workspace: WorkspaceDep) -> ReviewSummary:
    try:
        return summary_public(reviews.archive(workspace, review_id))
    except ReviewNotFound:
        raise not_found(review_id) from None


@router.post("/{review_id}/restore", summary="Restore an archived review, with its lessons and actions")
def restore_review(review_id: str, reviews: ReviewsDep, workspace: WorkspaceDep) -> ReviewSummary:
    try:
        return summary_public(reviews.restore(workspace, review_id))
    except ReviewNotFound:
        raise not_found(review_id) from None


@router.patch("/{review_id}/actions/{action_id}", summary="Record whether an action was done")
def update_action(
    review_id: str, action_id: str, body: ActionStatusUpdate, reviews: ReviewsDep, workspace: WorkspaceDep
) -> ActionItemPublic:
    try:
        action = reviews.set_action_status(workspace, review_id, action_id, body.status, body.note)
    except ActionNotFound:
        raise UserError(
            404, f"找不到行动项 {action_id}", f"Action {action_id} not found", "action_not_found"
        ) from None
    return _action_public(action)
