"""How many KPIs follow, said before they are listed: "指标四个：", "四个指标：", "Four numbers:",
"KPI 3个：", "这个季度我们给自己定了两个目标：". The count is no KPI's number, and the words leading up to
it no KPI's name.

Two readers ask, with the same shapes of words but not the same reach (`CountWords`): the goal reader
blanks a count said at the head of a sentence before it reads the KPIs (`blank_kpi_counts`), and the
number reader passes over a number that counts them wherever it stands (`counts_the_kpis`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class CountWords:
    """The words that make a number a count of the KPIs, in its two orders: the count before its noun
    ("四个指标：", "3 KPIs:") or after it ("指标四个：", "KPI 3个："), a colon after both."""

    nouns_after: str  # a noun said after the count: "四个指标："
    nouns_before: str  # a noun said before it: "指标四个："
    links: str  # words between a noun before and its count: "指标有四个", "指标一共四个", "指标就三个"
    unit_needed: bool  # a count after its noun needs 个/项 ("指标4个：") or not ("指标4：")

    def noun_after(self) -> str:
        """What follows a count said before its noun, up to the colon: "个指标：", " KPIs:"."""
        return rf"\s*(?:个|项)?\s*(?:{self.nouns_after})\s*[：:]"

    def noun_before(self) -> str:
        """What comes before a count said after its noun: "指标", "指标有", "KPI "."""
        return rf"(?:{self.nouns_before})\s*(?:{self.links})?\s*"

    def unit_after(self) -> str:
        """What follows a count said after its noun, up to the colon: "个：", "："."""
        return rf"\s*(?:个|项){'' if self.unit_needed else '?'}\s*[：:]"


# A number the number reader has found counts the KPIs in either order, anywhere it stands. 目标 is no
# noun before it ("目标3个：" may say a target of three), and a count after its noun may go without 个.
NUMBER_COUNTS = CountWords(
    nouns_after=r"指标|数字|目标|(?i:kpis?|numbers|metrics|goals|targets)",
    nouns_before=r"指标|数字|(?i:kpis?|numbers|metrics)",
    links=r"就?(?:只?有|是|共|一共)|就",
    unit_needed=False,
)
# A count blanked before the goals are read takes its lead-in with it, so it stands at the head of a
# sentence and is written in digits or Chinese numerals; said after 指标 or 目标 it needs its 个/项.
LEADING_COUNTS = CountWords(
    nouns_after=r"指标|目标|(?i:kpis?|numbers|metrics|goals|targets)",
    nouns_before=r"指标|目标",
    links=r"就?(?:只?有|是|共)|就",
    unit_needed=True,
)

_NUMBER_NOUN_AFTER = re.compile(NUMBER_COUNTS.noun_after())
_NUMBER_UNIT_AFTER = re.compile(NUMBER_COUNTS.unit_after())
_NUMBER_NOUN_BEFORE = re.compile(NUMBER_COUNTS.noun_before() + "$")


def counts_the_kpis(text: str, start: int, end: int) -> bool:
    """Whether the number at text[start:end] counts the KPIs that follow ("指标四个：", "3 KPIs:"); a
    share or a decimal (50%, 3.5) counts nothing."""
    number, after = text[start:end], text[end:]
    counted = _NUMBER_NOUN_AFTER.match(after) or (
        _NUMBER_UNIT_AFTER.match(after) and _NUMBER_NOUN_BEFORE.search(text[:start])
    )
    return bool(counted) and not re.search(r"[%％.]", number)


_COUNT = r"[一二两三四五六七八九十\d]+"
# a count with the words leading up to it, from the head of a sentence: "这个季度我们给自己定了两个目标："
_LEADING_COUNT = re.compile(
    r"(?:^|(?<=[。！？!?\n]))[^。！？!?\n：:]{0,30}?"
    rf"(?:{_COUNT}{LEADING_COUNTS.noun_after()}|{LEADING_COUNTS.noun_before()}{_COUNT}{LEADING_COUNTS.unit_after()})"
)


def blank_kpi_counts(text: str) -> str:
    """`text` with a count of the KPIs that follow, and its lead-in, blanked out (the same length, so the
    spans read from it still point into the text as said)."""
    return _LEADING_COUNT.sub(lambda said: " " * (said.end() - said.start()), text)
