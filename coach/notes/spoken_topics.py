"""A topic announced without a heading, by voice in a transcript ("What didn't go well.", "不足呢？") or at
the start of a prose paragraph ("不足方面，…"), and how long it holds."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TypeVar

from coach.notes import cues, drilldown, finding_cues
from coach.notes.segment import Item

K = TypeVar("K", bound=str)


def _tells_the_chain(item: Item, kind: str) -> bool:
    """A cause told down to its root or weighed as the main one, or a share said on its own."""
    text = item.text
    if kind == "cause" and (
        cues.ROOT.search(text)
        or cues.MAIN_CAUSE.search(text)
        or drilldown.deeper_step(text) is not None
        or drilldown.surface_split(text) is not None
    ):
        return True
    return finding_cues.is_bare_share(text)


def _spoken_in(item: Item, section: str | None) -> bool:
    """The item stands under a topic announced by voice or in its paragraph, not under a heading."""
    return item.spoken and item.section == section


def talk_turned_to_causes(
    items: list[Item], kinds: list[K], own_kind: Callable[[Item], K | None], other: K
) -> list[K]:
    """ "What didn't go well." | "Data import took a week." | "The imports are the bottleneck. … The root
    cause is …" | "The handoff problem is simpler. There is no handoff form …": in a transcript, a topic
    announced by voice holds while the findings are told; from the turn that tells a cause down to its root
    or weighs it, the talk is about causes, and what is said there or after is a finding only by its own
    words. In a prose paragraph ("不足方面，…。根子上是…。…") it holds up to the sentence that tells it."""
    kinds = list(kinds)
    start = 0
    while start < len(items):
        section = items[start].section
        end = start
        while end < len(items) and _spoken_in(items[end], section):
            end += 1
        if end == start or section not in ("highlight", "shortfall"):
            start = max(end, start + 1)
            continue
        turned = next((i for i in range(start, end) if _tells_the_chain(items[i], kinds[i])), None)
        if turned is not None:
            same_turn = [i for i in range(start, end) if items[i].line == items[turned].line]
            first = turned if items[turned].paragraph else same_turn[0]
            for i in range(first, end):
                if kinds[i] not in ("highlight", "shortfall") or items[i].label is not None:
                    continue
                own = own_kind(dataclasses.replace(items[i], section=None, spoken=False))
                kinds[i] = own if own is not None and own in ("highlight", "shortfall") else other
        start = end
    return kinds
