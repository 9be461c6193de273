"""A finding told by how it went, its subject first: "复购做得好，主要是…", "Repeat rate went well, mostly
because …", "差评这块没做好". No heading opens it, so the reader only says which kind it is and what it names;
whether those words name a KPI of the review is for the coach to tell. The verdict words are per-language
data (`told_went_well`, `told_went_badly`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from coach.domain.reading import cues

ToldKind = Literal["highlights", "shortfalls"]


@dataclass(frozen=True)
class ToldVerdict:
    kind: ToldKind
    head: str  # the words before the verdict: what went so


_KEYS: tuple[tuple[ToldKind, str], ...] = (
    ("shortfalls", "told_went_badly"),
    ("highlights", "told_went_well"),
)


@cache
def _verdicts() -> dict[ToldKind, re.Pattern[str]]:
    """subject + verdict at the start of a sentence; the bad words are tried first ("没做好" holds "做好")."""
    return {
        kind: re.compile(
            rf"^(?P<head>[^，,。.;；:：!?！？]{{2,40}}?)\s*(?:{cues.alternatives(key)})(?![A-Za-z])", re.I
        )
        for kind, key in _KEYS
    }


def told_verdict(sentence: str) -> ToldVerdict | None:
    """The kind and the subject of a sentence that opens by saying how something went; None otherwise."""
    body = sentence.strip()
    for kind, pattern in _verdicts().items():
        if (match := pattern.match(body)) is not None:
            head = re.sub(r"^(?:the|our)\s+", "", match.group("head").strip(), flags=re.I)
            return ToldVerdict(kind, head)
    return None
