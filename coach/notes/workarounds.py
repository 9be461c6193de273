"""A workaround told, then called one: "我们临时调了两个人顶夜班，这个是补救，不算改进", "We rerouted the
starter to ring no-shows. That kept the sheet fuller, but it's firefighting." — what was done to cope is no
shortfall of its own."""

from __future__ import annotations

from typing import TypeVar

from coach.notes.segment import Item
from coach.notes.wordlists import phrases

K = TypeVar("K", bound=str)


def workarounds_called_so(items: list[Item], kinds: list[K], shortfall: K, other: K) -> list[K]:
    """A shortfall whose own words, or the next sentence of the same paragraph or turn, call it a stopgap
    ("这是补救", "不算改进", "it's firefighting, it doesn't fix anything", "a workaround, not a fix") tells
    how the team coped; the shortfall it coped with is told elsewhere."""
    kinds = list(kinds)
    for i, item in enumerate(items):
        if kinds[i] != shortfall or item.label is not None:
            continue
        after = items[i + 1] if i + 1 < len(items) else None
        same_place = (
            after is not None
            and after.para == item.para
            and after.line == item.line
            and kinds[i + 1] in (other, shortfall)
        )
        remark = same_place and after is not None and _calls_it_a_stopgap(after.text)
        if remark or _calls_it_a_stopgap(item.text):
            kinds[i] = other
    return kinds


def _calls_it_a_stopgap(text: str) -> bool:
    return phrases("stopgap_remark").search(text) is not None
