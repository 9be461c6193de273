"""What the chat and summary services need from the lesson library (implemented in coach.library)."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from coach.domain.library import LessonHit
from coach.domain.retrospective import Lesson


class LessonSearch(Protocol):
    def search(
        self,
        workspace_id: str,
        query: str,
        k: int = 5,
        *,
        team: str | None = None,
        dimension: str | None = None,
        action: str | None = None,
    ) -> list[LessonHit]: ...

    def same_as(self, workspace_id: str, text: str, other_than_review: str | None = None) -> LessonHit | None:
        """The past lesson that names the same thing as the text, if one is near enough."""
        ...

    def version(self, workspace_id: str) -> int:
        """The version of the workspace's lessons that this process's search holds (a cache key)."""
        ...


class LessonSink(Protocol):
    def add_review_lessons(
        self,
        workspace_id: str,
        review_id: str,
        team: str | None,
        review_date: dt.date | None,
        lessons: list[Lesson],
        context: str | None = None,
    ) -> list[str]:
        """Store and index a review's lessons (replacing earlier ones of that review); return ids."""
        ...


class LessonLibraryPort(LessonSearch, LessonSink, Protocol):
    pass
