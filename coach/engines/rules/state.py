"""The rules coach's memory between turns: a pydantic model kept in the session's `state` dict."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, ValidationError

from coach.engines.base import OpenAction, Stage


class Question(BaseModel):
    """The last question asked, so it can be asked again after a command or a misunderstanding."""

    key: str
    params: dict[str, str] = Field(default_factory=dict)


class DrillState(BaseModel):
    """One why-why drill-down in progress."""

    phenomenon: str
    answers: list[str] = Field(default_factory=list)
    candidate_root: str | None = None
    asked_control: bool = False  # "is any part of it in our control?" was asked after an external cause


class ActionDraft(BaseModel):
    """An action item being assembled over one or more messages."""

    lesson_index: int | None = None
    what: str | None = None
    how: str | None = None
    when: str | None = None  # ISO date
    when_text: str | None = None
    who: str | None = None
    walk: bool = False  # asked for while walking through the lessons one by one
    what_from: int = 0  # the message (1-based, in evidence) the WHAT was read from
    evidence: list[str] = Field(default_factory=list)


class RulesState(BaseModel):
    """Everything the state machine needs to resume; one sub-step (`step`) inside each stage."""

    version: int = 1
    stage: Stage = "review"
    step: str = ""
    asked: Question | None = None
    visited: list[Stage] = Field(default_factory=list)
    # followup
    followups: list[OpenAction] = Field(default_factory=list)
    followup_index: int = 0
    followup_answers: dict[str, str] = Field(default_factory=dict)
    # review
    quantify_goal: int | None = None
    quantify_asked: list[int] = Field(default_factory=list)
    focus: list[int] = Field(default_factory=list)
    # analysis
    finding_index: int = 0
    pending_finding: str | None = None  # a finding whose kind (亮点/不足) was asked about
    findings_step: str = "highlights"  # the findings being collected when the coach asked something else
    why_asked: list[str] = Field(default_factory=list)
    drilled: list[str] = Field(default_factory=list)
    drill: DrillState | None = None
    share_chain: int | None = None
    share_tries: int = 0
    # reflection
    person_index: int | None = None
    reflection_question: int = 0
    # lessons
    lesson_confidence: list[float] = Field(default_factory=list)
    lesson_cursor: int | None = None
    lessons_proposed: bool = False
    # actions
    action_lesson: int = 0
    draft: ActionDraft | None = None
    edit_target: int | None = None  # the item number a "what should #n become?" is about
    # the document before each of the last turns that changed it, newest last ("撤销" / "undo")
    undo: list[dict[str, Any]] = Field(default_factory=list)

    @classmethod
    def load(cls, data: dict[str, Any] | None) -> RulesState | None:
        """The saved state, or None when there is none or it cannot be read (a fresh start then)."""
        if not data:
            return None
        try:
            return cls.model_validate(data)
        except ValidationError:
            return None

    def dump(self) -> dict[str, Any]:
        return self.model_dump(mode="json")
