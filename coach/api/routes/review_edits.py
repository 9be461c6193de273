"""Editing a review by hand: goals, findings, cause chains, reflections, lessons and actions."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import ValidationError

from coach.api.deps import ReviewsDep, WorkspaceDep
from coach.api.errors import UserError
from coach.api.routes.reviews import get_review, not_found
from coach.api.schemas import ReviewDocumentEdit, ReviewPublic
from coach.domain.parsing import assess, build_goal, lower_is_better
from coach.domain.retrospective import Goal, Retrospective
from coach.services.reviews import ReviewArchived, ReviewNotFound

router = APIRouter(prefix="/reviews", tags=["reviews"])

# the one text each item cannot do without, by part of the document
_REQUIRED_TEXT = {
    "goals": ("name", "目标名称", "goal name"),
    "highlights": ("text", "亮点内容", "highlight text"),
    "shortfalls": ("text", "不足内容", "shortfall text"),
    "cause_chains": ("phenomenon", "现象", "phenomenon"),
    "lessons": ("text", "经验内容", "lesson text"),
    "actions": ("what", "行动事项", "action"),
}


def _blank(field: str, zh: str, en: str) -> UserError:
    return UserError(422, f"{field}：{zh}不能为空", f"{field}: the {en} cannot be empty", "invalid_request")


def _check_texts(edit: ReviewDocumentEdit) -> None:
    """Every item keeps its defining text, and a review has at most one main cause."""
    if edit.title is not None and not edit.title.strip():
        raise _blank("title", "标题", "title")
    for part, (key, zh, en) in _REQUIRED_TEXT.items():
        for i, item in enumerate(getattr(edit, part) or []):
            if not str(getattr(item, key) or "").strip():
                raise _blank(f"{part}.{i}.{key}", zh, en)
    if edit.cause_chains is not None and sum(c.is_main for c in edit.cause_chains) > 1:
        raise UserError(
            422,
            "cause_chains.is_main：只能有一个主因",
            "cause_chains.is_main: only one chain can be the main cause",
            "invalid_request",
        )


def measured(goal: Goal) -> Goal:
    """The goal with its numbers, gap and verdict recomputed as the coach does in a chat."""
    if goal.target or goal.result:
        rebuilt = build_goal(goal.name.strip(), goal.target, goal.result)
        return rebuilt.model_copy(update={"evidence": goal.evidence})
    if goal.target_value is None or goal.result_value is None:
        return goal.model_copy(update={"gap_value": None, "gap_ratio": None, "verdict": None})
    gap, ratio, verdict = assess(goal.target_value, goal.result_value, lower_is_better(goal.name))
    return goal.model_copy(
        update={
            "gap_value": round(gap, 6),
            "gap_ratio": None if ratio is None else round(ratio, 4),
            "verdict": verdict,
        }
    )


def apply_edit(doc: Retrospective, edit: ReviewDocumentEdit) -> Retrospective:
    """The document with the parts the edit sent, validated again as a whole."""
    changes: dict[str, Any] = {name: getattr(edit, name) for name in edit.model_fields_set}
    if "title" in changes and changes["title"] is None:
        del changes["title"]
    if "summary" in changes and changes["summary"] is None:
        changes["summary"] = ""
    for part in ("goals", "highlights", "shortfalls", "cause_chains", "reflections", "lessons", "actions"):
        if part in changes and changes[part] is None:
            changes[part] = []
    if changes.get("goals"):
        changes["goals"] = [measured(g) for g in changes["goals"]]
    if changes.get("title"):
        changes["title"] = changes["title"].strip()
    merged = {**doc.model_dump(), **{k: _dumped(v) for k, v in changes.items()}}
    return Retrospective.model_validate(merged)


def _dumped(value: Any) -> Any:
    if isinstance(value, list):
        return [item.model_dump() if hasattr(item, "model_dump") else item for item in value]
    return value


def _archived(review_id: str) -> UserError:
    return UserError(
        409,
        f"复盘 {review_id} 已归档：请先恢复（POST /api/v1/reviews/{review_id}/restore）再编辑",
        f"Review {review_id} is archived: restore it (POST /api/v1/reviews/{review_id}/restore) to edit it",
        "review_archived",
    )


def _invalid(exc: ValidationError) -> UserError:
    problem = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
    return UserError(422, f"复盘内容不合法：{problem}", f"Invalid review: {problem}")


@router.patch(
    "/{review_id}/document",
    summary="Edit parts of a review (each part sent replaces that part)",
    responses={404: {"description": "No such review in this workspace"}, 422: {"description": "Invalid"}},
)
def edit_review(
    review_id: str, edit: ReviewDocumentEdit, reviews: ReviewsDep, workspace: WorkspaceDep
) -> ReviewPublic:
    _check_texts(edit)
    sent = edit.model_fields_set
    try:
        reviews.edit(
            workspace,
            review_id,
            lambda doc: apply_edit(doc, edit),
            actions="actions" in sent,
            lessons="lessons" in sent,
        )
    except ReviewNotFound:
        raise not_found(review_id) from None
    except ReviewArchived:
        raise _archived(review_id) from None
    except ValidationError as exc:
        raise _invalid(exc) from exc
    return get_review(review_id, reviews, workspace)
