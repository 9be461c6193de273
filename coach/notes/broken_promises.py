"""A promise told in one sentence and broken in the next: "We promised patients that the app would show the
approval status. We did not deliver that." The promise names what was not done: a shortfall. So does the
promise told right after the words that say it was broken ("We also broke a promise. Our status page said …").

The cue phrases are per-language data (coach/notes/words/ `promise_made`, `promise_broken`)."""

from __future__ import annotations

import re
from typing import TypeVar

from coach.notes.segment import Item
from coach.notes.wordlists import phrases

K = TypeVar("K", bound=str)

# what was promised is work to come: "… that we would fit …", "… 要上线 …"
_TO_COME = re.compile(r"\b(?:would|will|'d)\b|要|会", re.I)
_LEAD = re.compile(r"^(?:and|but|also|so|但是?|而且|可是)[,，]?\s*", re.I)


def makes_promise(text: str) -> bool:
    """ "We also said in March that we would fit a camera", "当时说好要上线微信叫号": a promise of work."""
    made = phrases("promise_made", anchored=True).match(_LEAD.sub("", text.strip()))
    return made is not None and _TO_COME.search(text, made.end()) is not None


def breaks_it(text: str) -> bool:
    """ "We did not do it, and …", "结果没做": the sentence opens by saying the promise was not kept."""
    return phrases("promise_broken", anchored=True).match(_LEAD.sub("", text.strip())) is not None


def promises_broken(items: list[Item], kinds: list[K], shortfall: K, other: K) -> list[K]:
    """The promise a statement of the same paragraph or turn says right after was not kept is a shortfall."""
    kinds = list(kinds)
    for i in range(len(items) - 1):
        item, after = items[i], items[i + 1]
        together = item.line == after.line and item.speaker == after.speaker
        if together and kinds[i] == other and makes_promise(item.text) and breaks_it(after.text):
            kinds[i] = shortfall
        elif together and kinds[i + 1] in (other, shortfall) and announces_broken_promise(item.text):
            # "We also broke a promise." | "Our status page said we would post an update every 15 minutes;":
            # the promise told after the words that say it was broken
            kinds[i], kinds[i + 1] = other, shortfall
    return kinds


def announces_broken_promise(text: str) -> bool:
    """ "We also broke a promise.", "有一个承诺没兑现。": it says a promise was broken, and no more."""
    told = phrases("promise_broken_told").search(text)
    rest = text[told.end() :].strip(" .。:：!！") if told else "-"
    return told is not None and not rest and len(re.findall(r"[A-Za-z]+", text)) <= 8
