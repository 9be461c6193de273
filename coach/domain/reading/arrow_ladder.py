"""The method's ladder drawn with arrows, each a level down (现象→表因→根因): "FRT: tickets wait in the
general queue -> nobody triages before 10am -> the rota was dropped in July. ~70%". With no rung word in
it, only the arrows say it is a ladder: two of them at least, between words."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ARROW = re.compile(r"\s*(?:→|-+>|=>)\s*")
_TOPIC = re.compile(r"^(?P<topic>[^:：,，。.;；→>]{1,30})[:：]\s*")
_WORDS = re.compile(r"[A-Za-z\u4e00-\u9fff]")


@dataclass(frozen=True)
class ArrowLadder:
    topic: str  # the finding named before a colon ("FRT: …"), "" when none is
    rungs: list[str]  # top first; the last is the deepest, its share words still in it


def arrow_ladder(text: str) -> ArrowLadder | None:
    """The rungs of a ladder drawn with two arrows or more, words in each; None for anything else."""
    body = text.strip()
    topic = ""
    if (named := _TOPIC.match(body)) is not None and _ARROW.search(body[named.end() :]):
        topic, body = named.group("topic").strip(), body[named.end() :]
    rungs = [part.strip(" 。.;；") for part in _ARROW.split(body)]
    if len(rungs) < 3 or not all(len(_WORDS.findall(rung)) >= 2 for rung in rungs):
        return None  # "3月 → 4月 → 5月", "420 → 386": no words to go down through
    return ArrowLadder(topic, rungs)
