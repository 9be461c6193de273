"""Cheap text similarity for merging near-identical items (character bigrams, zh and en)."""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-z0-9]+")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


def bigrams(text: str) -> set[str]:
    """Character bigrams of CJK runs plus lower-cased English words."""
    text = text.lower()
    grams = set(_WORD.findall(text))
    for run in _CJK_RUN.findall(text):
        grams.update(run[i : i + 2] for i in range(max(len(run) - 1, 1)))
    return grams


def similarity(a: str, b: str) -> float:
    """Jaccard overlap of bigrams (0..1)."""
    x, y = bigrams(a), bigrams(b)
    if not x or not y:
        return 0.0
    return len(x & y) / len(x | y)
