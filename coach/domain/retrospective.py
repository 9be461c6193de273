"""The retrospective document: the normative shape of PRODUCT.md as pydantic models.

Keys are English; enum values are the English words; labels shown to people
are localized by `coach.domain.labels`.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Language = Literal["zh", "en"]


class Verdict(StrEnum):
    exceeded = "exceeded"
    met = "met"
    missed = "missed"
    far_missed = "far_missed"


class Dimension(StrEnum):
    organization = "organization"
    culture = "culture"
    people = "people"
    business = "business"


class LessonAction(StrEnum):
    continue_ = "continue"
    stop = "stop"
    optimize = "optimize"
    start = "start"


class ActionKind(StrEnum):
    focus = "focus"
    strategy = "strategy"
    improvement = "improvement"
    opportunity = "opportunity"


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class _Item(_Part):
    """An item of the document; `evidence` keeps the user's or the note's own words."""

    evidence: str | None = None


class Goal(_Item):
    name: str
    target: str | None = None
    result: str | None = None
    target_value: float | None = None
    result_value: float | None = None
    unit: str | None = None
    gap_value: float | None = None
    gap_ratio: float | None = Field(default=None, description="(result-target)/target")
    verdict: Verdict | None = None


class Finding(_Item):
    """A highlight or a shortfall with the causes the team gave for it."""

    text: str
    causes: list[str] = Field(default_factory=list)


class CauseChain(_Item):
    phenomenon: str
    surface_cause: str | None = None
    root_cause: str | None = None
    share: float | None = Field(default=None, ge=0, le=1)
    is_main: bool = False


class Reflection(_Item):
    person: str | None = None
    most_touched: str | None = None
    self_discovery: str | None = None
    do_better: str | None = None
    next_step: str | None = None


class Lesson(_Item):
    text: str
    dimension: Dimension
    action: LessonAction


class ActionItem(_Item):
    what: str
    how: str | None = None
    when: dt.date | None = None
    when_text: str | None = None
    who: str | None = None
    kind: ActionKind | None = None


class Retrospective(_Part):
    id: str
    team: str | None = None
    title: str
    date: dt.date | None = None
    language: Language = "zh"
    goals: list[Goal] = Field(default_factory=list)
    highlights: list[Finding] = Field(default_factory=list)
    shortfalls: list[Finding] = Field(default_factory=list)
    cause_chains: list[CauseChain] = Field(default_factory=list)
    reflections: list[Reflection] = Field(default_factory=list)
    lessons: list[Lesson] = Field(default_factory=list)
    actions: list[ActionItem] = Field(default_factory=list)
    summary: str = ""


def retrospective_json_schema() -> dict[str, object]:
    """The JSON Schema every engine, the API and the evals share."""
    return Retrospective.model_json_schema()
