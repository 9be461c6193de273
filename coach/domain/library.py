"""Lesson-library shapes shared by the coach, the API and the CLI (PRODUCT.md)."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from coach.domain.retrospective import Dimension, LessonAction


class LessonRecord(BaseModel):
    """A lesson as imported/exported: one JSON line."""

    # the widths of the lesson table's columns: PostgreSQL refuses longer values where SQLite kept them
    id: str | None = Field(default=None, max_length=64)
    text: str = Field(min_length=1)
    team: str | None = Field(default=None, max_length=200)
    dimension: Dimension
    action: LessonAction
    review_date: dt.date | None = None
    context: str | None = None


class LessonHit(BaseModel):
    """A search hit; also what a coach turn cites in `sources`."""

    id: str
    text: str
    team: str | None = None
    dimension: Dimension
    action: LessonAction
    review_date: dt.date | None = None
    score: float
    review_id: str | None = None
