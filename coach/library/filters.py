"""Search filters and their validation, with messages in both languages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coach.domain.retrospective import Dimension, LessonAction

MAX_K = 50
MAX_QUERY_CHARS = 1000
DIMENSIONS = tuple(d.value for d in Dimension)
ACTIONS = tuple(a.value for a in LessonAction)


class LessonQueryError(ValueError):
    """A search or import request the library cannot answer; carries zh and en messages."""

    def __init__(self, zh: str, en: str, code: str = "invalid_lesson_query") -> None:
        super().__init__(en)
        self.zh, self.en, self.code = zh, en, code


@dataclass(frozen=True)
class LessonFilters:
    team: str | None = None
    dimension: str | None = None
    action: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    @property
    def restricts(self) -> bool:
        return any(
            v is not None for v in (self.team, self.dimension, self.action, self.date_from, self.date_to)
        )

    def admit(self, team: str | None, dimension: str, action: str, date: int) -> bool:
        """Whether a lesson with these fields (date as `date_key`) passes the filters."""
        if self.team is not None and team != self.team:
            return False
        if self.dimension is not None and dimension != self.dimension:
            return False
        if self.action is not None and action != self.action:
            return False
        if self.date_from is not None and date < date_key(self.date_from):
            return False
        return self.date_to is None or 0 < date <= date_key(self.date_to)

    def __post_init__(self) -> None:
        if self.dimension is not None and self.dimension not in DIMENSIONS:
            allowed = ", ".join(DIMENSIONS)
            raise LessonQueryError(
                f"dimension 只能是 {allowed}（收到 {self.dimension!r}）",
                f"dimension must be one of {allowed} (got {self.dimension!r})",
                "invalid_dimension",
            )
        if self.action is not None and self.action not in ACTIONS:
            allowed = ", ".join(ACTIONS)
            raise LessonQueryError(
                f"action 只能是 {allowed}（收到 {self.action!r}）",
                f"action must be one of {allowed} (got {self.action!r})",
                "invalid_action",
            )
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise LessonQueryError(
                "date_from 不能晚于 date_to", "date_from must not be after date_to", "invalid_date_range"
            )


def validate_query(query: str, k: int) -> str:
    """The stripped query, or a LessonQueryError naming what is allowed."""
    stripped = (query or "").strip()
    if not stripped:
        raise LessonQueryError("查询内容不能为空", "The query must not be empty", "empty_query")
    if len(stripped) > MAX_QUERY_CHARS:
        raise LessonQueryError(
            f"查询内容最多 {MAX_QUERY_CHARS} 个字符",
            f"The query is limited to {MAX_QUERY_CHARS} characters",
            "query_too_long",
        )
    if not 1 <= k <= MAX_K:
        raise LessonQueryError(
            f"k 必须在 1 到 {MAX_K} 之间（收到 {k}）",
            f"k must be between 1 and {MAX_K} (got {k})",
            "invalid_k",
        )
    return stripped


def date_key(day: dt.date | None) -> int:
    """YYYYMMDD as an int, so both indexes can filter date ranges; 0 when unknown."""
    return day.year * 10000 + day.month * 100 + day.day if day else 0
