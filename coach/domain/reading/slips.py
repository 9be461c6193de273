"""Numbers taken back as they are said: "实际4百60万——打错了，是460万", "target 12, sorry, 15"."""

from __future__ import annotations

import re
from functools import cache

from coach.domain.parsing.goals import bound_words
from coach.domain.reading import cues

# a number as people type it: "4百60万", "1.2万", "3,500", "95%"
_NUMBER = r"\d[\d.,]*(?:\s*[百千万亿kKmM]\d*(?:\.\d+)?)*\s*%?"


@cache
def _slip() -> re.Pattern[str]:
    marker = cues.alternatives("number_slip")
    return re.compile(
        rf"(?P<old>{_NUMBER})[\s—–…\-，,。.；;：:!！]*(?:{marker})"
        rf"[\s—–…\-，,：:]*(?:(?:目标|实际|结果|应该)?是|it'?s|it\s+was|should\s+be)?\s*"
        # the right number follows at once, a bound ("不超过", "at most") at most before it
        rf"(?=(?:{bound_words()})?\s*\d)",
        re.I,
    )


def settle_slips(text: str) -> str:
    """`text` with each number taken back, and the words that take it back, blanked out: the same length,
    so the spans read from it still point into the text as said."""
    return _slip().sub(lambda slip: " " * (slip.end() - slip.start()), text)
