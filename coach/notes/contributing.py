"""Contributing factors told in one sentence: "Two other things contributed: A, and B.", "The regulator made
things worse, and the thinner cans did not help." Each factor is a cause of its own, beside the main chain.

The cue phrases are per-language data (coach/notes/words/ `count_lead`, `counted_factor`,
`contributing_verb`)."""

from __future__ import annotations

import dataclasses
import re
from typing import TypeVar

from coach.notes import cues
from coach.notes.segment import Item
from coach.notes.wordlists import phrases

K = TypeVar("K", bound=str)

_COUNTS = {"two": 2, "three": 3, "four": 4, "两": 2, "二": 2, "三": 3, "四": 4}
# "A, which we could not control, and B": a list's last place is joined on with "and"; "；" in Chinese
_PLACES = re.compile(
    r",?\s+and\s+(?=(?:the|a|an|our|their|its)\b)|；|;|，(?:以及|还有|另一个是|二是|三是)", re.I
)
_MIN_PLACE = 8


def _count(lead: str) -> int | None:
    """How many a count word says ("two other" → 2, "还有两个" → 2); None for "several", "几个"."""
    return next((n for word, n in _COUNTS.items() if word in lead.lower()), None)


def counted_factors(text: str) -> list[str]:
    """ "Two other things contributed: A, which we could not control, and B." → [A, B]: a count of factors
    and then exactly that many places; [] when the places do not add up to the count."""
    lead = phrases("count_lead", anchored=True).match(text.strip())
    if lead is None or (count := _count(lead.group(0))) is None:
        return []
    rest = text.strip()[lead.end() :].lstrip()
    factor = phrases("counted_factor", anchored=True).match(rest)
    if factor is None:
        return []
    rest = re.sub(r"^\s*(?:also\s+)?", "", rest[factor.end() :], flags=re.I)
    verb = phrases("contributing_verb", anchored=True).match(rest)
    rest = rest[verb.end() :] if verb else rest
    colon = re.match(r"\s*[:：]\s*", rest)
    if colon is None:
        return []
    places = [p.strip(" ，,。.") for p in _PLACES.split(rest[colon.end() :])]
    return places if len(places) == count and all(len(p) >= _MIN_PLACE for p in places) else []


def said_to_contribute(text: str) -> list[str]:
    """ "The regulator made things worse, and the thinner cans did not help." → both clauses: every clause
    says it added to the gap; [] when one of them does not."""
    clauses = [c.strip(" ，,。.") for c in _PLACES.split(text.strip())]
    return clauses if all(_names_a_factor(c) for c in clauses) else []


def _names_a_factor(clause: str) -> bool:
    """ "The regulator made things worse": a subject of its own, then words saying it added to the gap;
    "Honestly, that didn't help." points back and names no factor."""
    verb = phrases("contributing_verb").search(clause)
    return verb is not None and len(clause) >= _MIN_PLACE and _POINTING.match(clause[: verb.start()]) is None


_POINTING = re.compile(
    r"^\s*(?:(?:honestly|frankly|well|and|but|so|说实话|老实说)[,，]?\s*)*"
    r"(?:that|this|it|these|those|they|这|那|这个|那个|这些|它)?\s*$",
    re.I,
)


def split_contributing(items: list[Item], kinds: list[K], cause: K, other: K) -> tuple[list[Item], list[K]]:
    """Each contributing factor told in a counted list, or said to have made things worse, is a cause of its
    own (a secondary one: it starts no drill-down and joins none)."""
    out_items: list[Item] = []
    out_kinds: list[K] = []
    for item, kind in zip(items, kinds, strict=True):
        places: list[str] = []
        if kind in (cause, other) and item.part is None and not cues.QUESTION.search(item.text):
            places = counted_factors(item.text) or said_to_contribute(item.text)
        if not places:
            out_items.append(item)
            out_kinds.append(kind)
            continue
        for place in places:
            out_items.append(dataclasses.replace(item, text=place, part="secondary"))
            out_kinds.append(cause)
    return out_items, out_kinds
