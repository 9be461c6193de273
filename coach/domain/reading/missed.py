"""What should have been done and was not (该做没做的), as an item: "the dedicated radiology porter we agreed
in November" is the radiology porter; when it was promised and that it never came say why it counts as
missed, they are no part of the item."""

from __future__ import annotations

import re
from functools import cache

from coach.domain.reading import cues


@cache
def _promised_tail() -> re.Pattern[str]:
    return re.compile(rf"(?:[，,;；]?\s*(?:{cues.alternatives('missed_promised')}))+[\s.。!！]*$", re.I)


def missed_item(text: str) -> str:
    """The item without the words on when it was promised ("…we agreed in November", "…，去年就说要上，
    一直没上"); the text itself when nothing but those words would be left."""
    item = _promised_tail().sub("", text).strip(" ，,;；.。")
    return item if re.search(r"[\u4e00-\u9fff]{2}|[A-Za-z]{3}", item) else text
