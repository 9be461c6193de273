"""Request and response bodies, named by role."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from coach.domain.library import LessonHit
from coach.domain.retrospective import (
    ActionItem,
    CauseChain,
    Finding,
    Goal,
    Language,
    Lesson,
    Reflection,
    Retrospective,
)


class SessionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str | None = Field(default=None, max_length=300)
    team: str | None = Field(default=None, max_length=200)
    language: Language | None = None
    date: dt.date | None = None


class MessageCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str


class TurnPublic(BaseModel):
    session_id: str
    reply: str
    stage: str
    review: Retrospective
    sources: list[LessonHit]
    engine: str = "rules"
    fallback: bool = False
    fallback_reason: str | None = Field(default=None, description="why the rules engine answered")


class TurnLogPublic(BaseModel):
    role: Literal["user", "coach"]
    text: str
    stage: str | None
    engine: str | None
    fallback: bool
    fallback_reason: str | None = Field(default=None, description="why the rules engine answered")
    sources: list[dict[str, Any]]
    created_at: str | None


class SessionPublic(BaseModel):
    id: str
    session_id: str
    review_id: str
    team: str | None
    title: str
    language: Language
    date: dt.date | None
    stage: str
    review: Retrospective
    turns: list[TurnLogPublic]
    reply: str | None = None
    sources: list[LessonHit] = Field(default_factory=list)


class ActionItemPublic(BaseModel):
    id: str
    review_id: str
    position: int
    what: str
    how: str | None
    when: dt.date | None
    who: str | None
    kind: str | None
    status: Literal["open", "done", "not_done"]
    status_note: str | None


class ActionStatusUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: Literal["open", "done", "not_done"]
    note: str | None = Field(default=None, max_length=2000)


class ReviewPublic(Retrospective):
    """The Retrospective plus where it lives."""

    model_config = ConfigDict(extra="ignore")

    source: str = "chat"
    action_items: list[ActionItemPublic] = Field(default_factory=list)
    archived_at: dt.datetime | None = Field(default=None, description="set while the review is archived")


class ReviewSummary(BaseModel):
    id: str
    team: str | None
    title: str
    date: dt.date | None
    language: Language
    source: str
    goals: int
    lessons: int
    actions: int
    updated_at: str | None
    archived_at: str | None = None


class ReviewPurge(BaseModel):
    """Which archived reviews to delete for good; every archived review of the workspace when left out."""

    model_config = ConfigDict(extra="forbid")

    ids: list[str] | None = Field(default=None, max_length=1000)


class PurgeResult(BaseModel):
    reviews: list[str] = Field(description="the ids deleted for good")
    lessons: int
    actions: int
    sessions: int


class ReviewDocumentEdit(BaseModel):
    """A partial Retrospective from the editor: each part sent replaces that part; parts left out stay."""

    model_config = ConfigDict(extra="forbid")

    title: str | None = Field(default=None, min_length=1, max_length=300)
    date: dt.date | None = None
    summary: str | None = Field(default=None, max_length=20_000)
    goals: list[Goal] | None = Field(default=None, description="gap and verdict are recomputed")
    highlights: list[Finding] | None = None
    shortfalls: list[Finding] | None = None
    cause_chains: list[CauseChain] | None = None
    reflections: list[Reflection] | None = None
    lessons: list[Lesson] | None = Field(default=None, description="re-indexed in the lesson library")
    actions: list[ActionItem] | None = None
