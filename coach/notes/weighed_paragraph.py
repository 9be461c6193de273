"""A paragraph that ends by weighing itself against the problem: "The backup never took over because the
switch had been left in manual mode. Nobody noticed because there is no checklist. Going by the log, we put
this at around 80% of the outage." Under "What went wrong" it tells a cause from its start to its root, so
every statement of it is the cause's telling, none a shortfall of its own."""

from __future__ import annotations

import re
from typing import TypeVar

from coach.notes import cues, drilldown
from coach.notes.cause_statement import share_of
from coach.notes.segment import Item

K = TypeVar("K", bound=str)

# "we put this at …", "this accounts for …", "这大概占了八成": the weighing points back at what was told
_POINTS_BACK = re.compile(r"\b(?:this|that|it)\b|这", re.I)


def _weighs_what_went_before(text: str) -> bool:
    return share_of(text.lower()) is not None and _POINTS_BACK.search(text) is not None


def weighed_paragraphs(items: list[Item], kinds: list[K], shortfall: K, cause: K) -> list[K]:
    """Kinds after a written paragraph of shortfalls that gives a reason ("because", "因为") and ends by
    weighing what it told ("…80% of the outage", "这占了八成") is read as one cause told step by step."""
    kinds = list(kinds)
    paragraphs: dict[int, list[int]] = {}
    for i, item in enumerate(items):
        if item.speaker is None and not item.bullet:
            paragraphs.setdefault(item.para, []).append(i)
    for members in paragraphs.values():
        told, last = members[:-1], members[-1]
        if not told or any(kinds[i] != shortfall for i in members):
            continue
        reasons = [k for k, i in enumerate(told) if cues.CAUSE.search(items[i].text)]
        if reasons and _weighs_what_went_before(items[last].text):
            start = reasons[0] if _opens_a_cause_of_its_own(items, members, reasons[0]) else 0
            for i in members[start:]:
                kinds[i] = cause
    return kinds


def _opens_a_cause_of_its_own(items: list[Item], members: list[int], first: int) -> bool:
    """ "Detection was slow: … . The connection pool was exhausted because …": the first reason names its
    own subject and shares no words with the statements before it, so those are findings of their own."""
    reason = items[members[first]].text
    cue = cues.CAUSE.search(reason)
    if (
        first == 0
        or cue is None
        or len(re.findall(r"[A-Za-z]+|[\u4e00-\u9fff]{2}", reason[: cue.start()])) < 2
    ):
        return False
    return not any(drilldown.shared_stems(items[i].text, reason) for i in members[:first])
