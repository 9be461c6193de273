"""Pairing found items with gold items by keywords (shared by the coach and facts scores)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from typing import Any


def norm(text: str | None) -> str:
    return unicodedata.normalize("NFKC", text or "").casefold()


# PRODUCT.md reads durations in days (`两周` = 14 days); gold written in weeks is compared in days
_DAYS_PER_UNIT = {"周": 7, "星期": 7, "week": 7, "weeks": 7}


def gold_values(goal: dict[str, Any]) -> tuple[float | None, float | None]:
    """The gold goal's target and result in the units the document uses."""
    factor = _DAYS_PER_UNIT.get(str(goal.get("unit") or "").strip().casefold(), 1)
    target, result = goal.get("target_value"), goal.get("result_value")
    return (
        target * factor if isinstance(target, (int, float)) else None,
        result * factor if isinstance(result, (int, float)) else None,
    )


def contains_all(text: str, keywords: Sequence[str]) -> bool:
    return all(norm(k) in text for k in keywords)


def match(
    gold: Sequence[dict[str, Any]],
    found: Sequence[Any],
    keys: Callable[[dict[str, Any]], Sequence[str]],
    texts: Sequence[Callable[[Any], str]],
) -> list[tuple[dict[str, Any], Any]]:
    """Greedy one-to-one pairs, one pass per text source (first pass = the most specific field)."""
    used: set[int] = set()
    paired: dict[int, Any] = {}
    for text_of in texts:
        normalized = [norm(text_of(item)) for item in found]
        for gi, g in enumerate(gold):
            if gi in paired:
                continue
            for i, text in enumerate(normalized):
                if i not in used and text and contains_all(text, keys(g)):
                    used.add(i)
                    paired[gi] = found[i]
                    break
    return [(gold[gi], paired[gi]) for gi in sorted(paired)]
