"""The statement that opens an incident report: "On the evening of Monday 16 November, riders could not top up
their travel cards …", "3月9日晚上，用户无法下单". Said first, with the day it happened, it is what went
wrong; what follows is the story.

The cue phrases are per-language data (coach/notes/words/ `could_not_do`)."""

from __future__ import annotations

import re
from typing import TypeVar

from coach.notes.segment import Item
from coach.notes.wordlists import phrases

K = TypeVar("K", bound=str)

_WHEN = re.compile(
    r"^(?:on|for|from|between|during|over|at|in the)\b.{0,80}?"
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|^\d{1,2}月\d{1,2}[日号]",
    re.I,
)


def opens_incident(text: str) -> bool:
    """ "On Saturday 9 May, … many fans could not complete checkout": the day, then what people could not
    do."""
    return _WHEN.search(text.strip()) is not None and phrases("could_not_do").search(text) is not None


def incident_opening(items: list[Item], kinds: list[K], shortfall: K, other: K) -> list[K]:
    """The first statement of a written note's story (the first to open with the day, before any goal or
    finding is told), when it says what people could not do, is a shortfall; the rest stays the story's."""
    kinds = list(kinds)
    for i, item in enumerate(items):
        if kinds[i] != other or item.speaker is not None:
            break
        if _WHEN.search(item.text.strip()):
            if phrases("could_not_do").search(item.text):
                kinds[i] = shortfall
            break
    return kinds
