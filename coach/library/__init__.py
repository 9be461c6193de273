"""The lesson library: hybrid zh/en search over past lessons, recurring lessons, import/export."""

from coach.library.filters import MAX_K, LessonFilters, LessonQueryError
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
