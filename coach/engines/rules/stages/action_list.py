"""An action list cut into its items: by "；", new lines and bullets (digits only when they number the items
1, 2, 3…), and the sentences among them that file no action set apart."""

from __future__ import annotations

import re

from coach.domain.parsing import ANY_DAY, find_dates
from coach.domain.reading import edit_cues
from coach.domain.reading.blocks import sentences

_ITEMS = re.compile(r"\s*(?:[；;\n]+|(?:^|\s|[。，,])\(?\d[.、)）]\s*|(?:^|[。，,\s])[①②③④⑤]\s*)\s*")
_ITEMS_NO_DIGITS = re.compile(r"\s*(?:[；;\n]+|(?:^|[。，,\s])[①②③④⑤]\s*)\s*")
_DIGIT_BULLET = re.compile(r"(?:^|\s|[。，,])\(?(\d)[.、)）]")
# "- 每天场次上限写进接单系统，…": the list's mark, no part of the item
DASH_BULLET = re.compile(r"^[-*•·]\s+")


def split_items(text: str) -> list[str]:
    """The items of a list; digits count as bullets only when they number the items 1, 2, 3…
    ("by March 5. Newsletter list…" is a date, not item 5), and never when they are a date's day ("from
    July 1.": the full stop after it ends the sentence)."""
    masked = _days_masked(text)
    numbers = [int(m.group(1)) for m in _DIGIT_BULLET.finditer(masked)]
    items = _ITEMS.split(masked)
    if numbers and numbers != list(range(1, len(numbers) + 1)):
        items = _ITEMS_NO_DIGITS.split(masked)
    return [item.replace(_DAY_STOP, ".") for item in items]


_DAY_STOP = "\u2024"  # stands for the full stop after a date's day while the list is cut


def _days_masked(text: str) -> str:
    for mention in find_dates(text, ANY_DAY):
        end = text.find(mention.text) + len(mention.text)
        if end >= len(mention.text) and mention.text[-1:].isdigit() and text[end : end + 1] == ".":
            text = f"{text[:end]}{_DAY_STOP}{text[end + 1 :]}"
    return text


def set_apart(items: list[str]) -> tuple[list[str], list[str]]:
    """(the items, the sentences that file no action): "周姐这边没任务", "Ollie doesn't get anything",
    "…这个算经验，不算行动", "…，先不定负责人" are said back, never glued to the item before them."""
    kept: list[str] = []
    aside: list[str] = []
    for item in items:
        said = sentences(item, capitalised=True)
        off = [s for s in said if edit_cues.action_set_aside().search(s)]
        rest = [s for s in said if s not in off]
        aside += off
        kept += rest if off else [item]  # the sentences left each stand as said
    return kept, aside
