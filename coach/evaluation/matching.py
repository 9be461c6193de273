"""Pairing found items with gold items by keywords (shared by the coach and facts scores)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from typing import Any


def norm(text: str | None) -> str:
    return unicodedata.normalize("NFKC", text or "").casefold()


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
