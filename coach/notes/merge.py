"""Near-identical items of one kind are merged, keeping the first wording and every piece of evidence."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from pydantic import BaseModel

from coach.notes.similarity import similarity

T = TypeVar("T", bound=BaseModel)


def merge_near_identical(items: list[T], text_of: Callable[[T], str], threshold: float = 0.72) -> list[T]:
    """Drop items whose text is near-identical to an earlier one; the earlier keeps both evidences."""
    kept: list[T] = []
    for item in items:
        twin = next((k for k in kept if similarity(text_of(k), text_of(item)) >= threshold), None)
        if twin is None:
            kept.append(item)
            continue
        evidence = getattr(item, "evidence", None)
        if evidence and evidence not in (getattr(twin, "evidence", None) or ""):
            twin.evidence = f"{getattr(twin, 'evidence', '') or ''}\n{evidence}".strip()  # type: ignore[attr-defined]
    return kept
