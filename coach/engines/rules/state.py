"""The rules coach's memory between turns: a pydantic model kept in the session's `state` dict.

Each stage keeps its own typed model, with its sub-step a `Literal`, so a misspelt step fails mypy; the
top level keeps what every stage shares. Version 1 (one flat model with a free-form `step`) is upgraded on
load (`state_upgrade.py`).
"""

from __future__ import annotations

import logging
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError

from coach.engines.base import OpenAction, Stage
from coach.engines.rules.chains import FindingKind
from coach.engines.rules.state_upgrade import upgrade

log = logging.getLogger("coach.rules")

FollowupStep = Literal["", "status", "why"]
ReviewStep = Literal["", "goals", "more", "quantify", "focus"]
DrillStep = Literal["drill", "confirm_root", "share", "more_causes", "another"]
FindingsStep = Literal[
    "",
    "highlights",
    "highlight_why",
    "shortfalls",
    "shortfall_why",
    "missed",
    "choose",
    "finding_kind",
    "chain_share",
]
AnalysisStep = Literal[FindingsStep, DrillStep]
ReflectionStep = Literal["", "person", "answer"]
LessonsStep = Literal["", "edit"]
ActionsStep = Literal["", "item", "how", "who", "when", "more"]
DoneStep = Literal[""]


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
    vague_how: str | None = None  # a HOW too vague to check, asked about again and kept if the user moves on
    evidence: list[str] = Field(default_factory=list)


class FollowupState(BaseModel):
    """The open actions of the team's earlier review, gone through one at a time."""

    step: FollowupStep = ""
    actions: list[OpenAction] = Field(default_factory=list)
    index: int = 0
    answers: dict[str, str] = Field(default_factory=dict)  # action id → status


class ReviewState(BaseModel):
    """The KPIs: which goal is being quantified, which were asked once, and the ones that matter most."""

    step: ReviewStep = ""
    quantify_goal: int | None = None
    quantify_asked: list[int] = Field(default_factory=list)
    focus: list[int] = Field(default_factory=list)  # goal indexes; the analysis drills into these


class AnalysisState(BaseModel):
    """The findings with their whys, the drill-down in progress, and the share of each chain."""

    step: AnalysisStep = ""
    finding_index: int = 0  # the finding whose "why?" was asked
    pending_finding: str | None = None  # a finding whose kind (亮点/不足) was asked about
    findings_kind: FindingKind = (
        "highlights"  # the findings being collected when the coach asked something else
    )
    why_asked: list[str] = Field(default_factory=list)  # "highlights:0": asked once, never again
    drilled: list[str] = Field(default_factory=list)  # phenomena drilled into already
    drill: DrillState | None = None
    share_chain: int | None = None  # the chain whose share is asked
    share_tries: int = 0


class ReflectionState(BaseModel):
    """The person answering the four questions, and which question they are at."""

    step: ReflectionStep = ""
    person_index: int | None = None
    question: int = 0


class LessonsState(BaseModel):
    """How sure the coach is of each lesson's type, and the lesson last edited."""

    step: LessonsStep = ""
    confidence: list[float] = Field(default_factory=list)  # one per lesson, in order
    cursor: int | None = None
    proposed: bool = False
    own: bool = False  # the user said they give their own lessons ("lessons:"): theirs replace the proposals


class ActionsState(BaseModel):
    """The lesson whose action is asked for, and the action being assembled."""

    step: ActionsStep = ""
    lesson: int = 0
    draft: ActionDraft | None = None


class DoneState(BaseModel):
    """The review is complete: the coach only asks what to change."""

    step: DoneStep = ""


class RulesState(BaseModel):
    """Everything the state machine needs to resume: the stage, what all stages share, one model per stage."""

    version: Literal[2] = 2
    stage: Stage = "review"
    asked: Question | None = None
    visited: list[Stage] = Field(default_factory=list)
    edit_target: int | None = None  # the item number a "what should #n become?" is about (lessons, actions)
    # the document before each of the last turns that changed it, newest last ("撤销" / "undo")
    undo: list[dict[str, Any]] = Field(default_factory=list)
    # people named in full anywhere in the chat ("Present: Fiona Drummond, …"): an owner named "Fiona" is her
    names: list[str] = Field(default_factory=list)
    # the one typing, the first who said "我是…" / "I'm …" in the chat: the owner of "我负责", "负责人写我"
    speaker: str | None = None
    followup: FollowupState = Field(default_factory=FollowupState)
    review: ReviewState = Field(default_factory=ReviewState)
    analysis: AnalysisState = Field(default_factory=AnalysisState)
    reflection: ReflectionState = Field(default_factory=ReflectionState)
    lessons: LessonsState = Field(default_factory=LessonsState)
    actions: ActionsState = Field(default_factory=ActionsState)
    done: DoneState = Field(default_factory=DoneState)

    @property
    def step(self) -> str:
        """The current stage's sub-step, for the log."""
        return str(getattr(self, self.stage).step)

    def enter(self, stage: Stage) -> None:
        """Make a stage the current one, at its first sub-step."""
        self.stage = stage
        getattr(self, stage).step = ""
        if stage not in self.visited:
            self.visited.append(stage)

    @classmethod
    def load(cls, data: dict[str, Any] | None) -> RulesState | None:
        """The saved state, or None when there is none or it cannot be read (a fresh start then, logged)."""
        if not data:
            return None
        try:
            return cls.model_validate(upgrade(data))
        except (ValidationError, ValueError) as err:
            log.warning("rules state unreadable, starting fresh: %s", _reason(err))
            return None

    def dump(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


def _reason(err: Exception) -> str:
    """The first line of why a state could not be read, without the whole state in the log."""
    if isinstance(err, ValidationError):
        first = err.errors(include_input=False)[0]
        return f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']} ({err.error_count()} error(s))"
    return str(err)
