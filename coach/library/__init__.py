"""The lesson library: hybrid zh/en search over past lessons, recurring lessons, import/export."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from coach.library.filters import MAX_K, LessonFilters, LessonQueryError

if TYPE_CHECKING:
    from coach.library.library import ImportReport, LessonLibrary, SearchResult
    from coach.library.recurring import RecurringCluster

__all__ = [
    "MAX_K",
    "ImportReport",
    "LessonFilters",
    "LessonLibrary",
    "LessonQueryError",
    "RecurringCluster",
    "SearchResult",
]

# loaded on first use: they pull in Chroma and jieba, which the CLI's light commands
# (a file parse in coach.library.records, a search sent to a running server) never need
_LAZY = {
    "ImportReport": "coach.library.library",
    "LessonLibrary": "coach.library.library",
    "SearchResult": "coach.library.library",
    "RecurringCluster": "coach.library.recurring",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
