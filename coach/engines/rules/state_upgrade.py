"""Saved states of older versions, brought to the current shape before they are read.

Version 1 was one flat model: `stage`, a free-form `step`, and every stage's fields side by side. Version 2
keeps one model per stage (state.py); the flat `step` becomes the sub-step of the stage it was in.
"""

from __future__ import annotations

from functools import cache
from typing import Any, get_args

from coach.engines.base import STAGES

# version 1 field → (stage model, its field in version 2)
_V1_FIELDS: dict[str, tuple[str, str]] = {
    "followups": ("followup", "actions"),
    "followup_index": ("followup", "index"),
    "followup_answers": ("followup", "answers"),
    "quantify_goal": ("review", "quantify_goal"),
    "quantify_asked": ("review", "quantify_asked"),
    "focus": ("review", "focus"),
    "finding_index": ("analysis", "finding_index"),
    "pending_finding": ("analysis", "pending_finding"),
    "findings_step": ("analysis", "findings_kind"),
    "why_asked": ("analysis", "why_asked"),
    "drilled": ("analysis", "drilled"),
    "drill": ("analysis", "drill"),
    "share_chain": ("analysis", "share_chain"),
    "share_tries": ("analysis", "share_tries"),
    "person_index": ("reflection", "person_index"),
    "reflection_question": ("reflection", "question"),
    "lesson_confidence": ("lessons", "confidence"),
    "lesson_cursor": ("lessons", "cursor"),
    "lessons_proposed": ("lessons", "proposed"),
    "action_lesson": ("actions", "lesson"),
    "draft": ("actions", "draft"),
}
_SHARED = ("stage", "asked", "visited", "undo", "edit_target")


def upgrade(data: dict[str, Any]) -> dict[str, Any]:
    """The saved state in the current version's shape; ValueError for a version this code does not know."""
    version = data.get("version", 1)
    if version == 2:
        return data
    if version == 1:
        return from_v1(data)
    raise ValueError(f"unknown rules state version {version!r}")


def from_v1(old: dict[str, Any]) -> dict[str, Any]:
    """Version 1 (flat, free-form `step`) → version 2 (one model per stage, typed sub-steps)."""
    new: dict[str, Any] = {key: old[key] for key in _SHARED if key in old}
    new["version"] = 2
    for key, (stage, field) in _V1_FIELDS.items():
        if key in old:
            new.setdefault(stage, {})[field] = old[key]
    stage = old.get("stage", "review")
    step = old.get("step", "")
    if isinstance(stage, str) and stage in _steps():
        # a step the stage does not have (version 1 never wrote one) starts the stage's questions again
        new.setdefault(stage, {})["step"] = step if step in _steps()[stage] else ""
    return new


@cache
def _steps() -> dict[str, tuple[str, ...]]:
    """Each stage's sub-steps, read from the models so the two never disagree."""
    from coach.engines.rules.state import RulesState  # state.py imports this module to load

    fields = RulesState.model_fields
    return {stage: get_args(_step_type(fields[stage].annotation)) for stage in STAGES}


def _step_type(model: Any) -> Any:
    return model.model_fields["step"].annotation
