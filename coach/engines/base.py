"""The engine boundary: one small interface both engines implement.

Like simonw/llm's Model: capability flags and one `execute()` generator that yields
text deltas and ends with a `TurnResult`. Engines are pure with respect to storage:
everything they need arrives in `TurnContext`, everything they change leaves in
`TurnResult`; the chat service persists it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any, Literal, Protocol

from pydantic import BaseModel, Field

from coach.domain.library import LessonHit
from coach.domain.retrospective import Language, Retrospective

Stage = Literal["followup", "review", "analysis", "reflection", "lessons", "actions", "done"]
STAGES: tuple[Stage, ...] = ("followup", "review", "analysis", "reflection", "lessons", "actions", "done")


class OpenAction(BaseModel):
    """An action from an earlier review of the team that is not known to be done."""

    id: str
    review_id: str
    review_title: str
    review_date: dt.date | None = None
    what: str
    how: str | None = None
    who: str | None = None
    due: dt.date | None = None


class ActionStatusUpdate(BaseModel):
    """The followup's answer about an earlier action."""

    action_id: str
    status: Literal["done", "not_done", "open"]
    note: str | None = None


LessonLookup = Callable[[str, int], list[LessonHit]]
"""(query, k) -> past lessons of the workspace, best first."""


def no_lessons(_query: str, _k: int) -> list[LessonHit]:
    return []


LessonMatch = Callable[[str], LessonHit | None]
"""(text) -> the past lesson of the workspace that names the same thing, if one is near enough."""


def no_match(_text: str) -> LessonHit | None:
    return None


class TurnContext(BaseModel):
    model_config = {"arbitrary_types_allowed": True}

    session_id: str
    language: Language = "zh"
    review_date: dt.date | None = None
    open_actions: list[OpenAction] = Field(default_factory=list)
    lesson_lookup: LessonLookup = no_lessons
    lesson_match: LessonMatch = no_match


class TurnResult(BaseModel):
    reply: str
    stage: Stage
    review: Retrospective
    state: dict[str, Any]
    sources: list[LessonHit] = Field(default_factory=list)
    action_updates: list[ActionStatusUpdate] = Field(default_factory=list)
    lessons_confirmed: bool = False
    engine: str = "rules"
    fallback: bool = False
    fallback_reason: str | None = None  # why the rules engine answered: timeout, deadline, reply_echo, …
    model: str | None = None
    prompt_version: str | None = None
    tokens: int | None = None


class Delta(BaseModel):
    text: str


TurnEvent = Delta | TurnResult


class CoachEngine(Protocol):
    name: str
    can_stream: bool

    def opening(self, review: Retrospective, ctx: TurnContext) -> TurnResult:
        """The coach's first message of a session (followup when there are open actions)."""
        ...

    def execute(
        self, state: dict[str, Any], review: Retrospective, text: str, ctx: TurnContext
    ) -> Iterator[TurnEvent]:
        """Answer one user message: zero or more `Delta`s, then exactly one `TurnResult`."""
        ...


def run_turn(
    engine: CoachEngine, state: dict[str, Any], review: Retrospective, text: str, ctx: TurnContext
) -> TurnResult:
    """Drain `execute()` and return its final result."""
    for event in engine.execute(state, review, text, ctx):
        if isinstance(event, TurnResult):
            return event
    raise RuntimeError(f"engine {engine.name} ended a turn without a result")


class ExtractionOutcome(BaseModel):
    """Which engine summarized a note, and why the rules engine took over when it did."""

    engine: str
    fallback: str | None = None


class NotesExtractor(Protocol):
    """Turns one meeting note into a Retrospective (rules: embedded; llm: prompt chains)."""

    name: str

    def extract(
        self,
        text: str,
        *,
        doc_id: str,
        title: str,
        team: str | None = None,
        review_date: dt.date | None = None,
        language: Language | None = None,
    ) -> Retrospective: ...
