"""The messages a meeting said, put as the coach reads them: lessons said in passing join the meeting's
lessons, causes weighed later join their chain, and the parts come in the method's order (analysis,
then lessons, then actions), the meeting's order kept within each part."""

from __future__ import annotations

import re

from coach.domain.parsing import has_date
from coach.domain.reading import edit_cues
from coach.domain.reading.blocks import has_rung, opens, sentences, strip_filler
from coach.domain.reading.language import HAN

# a share said as a number: "八成", "70%", "75 percent"
WEIGHT = re.compile(r"[一二两三四五六七八九十\d.]+\s*(?:成|%|％|percent\b)")


def _stop(text: str) -> str:
    return "。" if HAN.search(text) else ". "


def with_lessons(out: list[str], passing: list[str]) -> list[str]:
    """The lessons said in passing join the meeting's list of lessons, or make one before its actions."""
    if not passing:
        return out
    zh = bool(HAN.search("".join(passing)))
    stop = "；" if zh else ". "
    listed = next((i for i, m in enumerate(out) if lesson_list(m) or opens_kind(m) == "lessons"), None)
    if listed is not None:
        out[listed] = out[listed].rstrip("。.；; ") + stop + stop.join(passing)
        return out
    at = next((i for i, m in enumerate(out) if opens_kind(m) == "actions"), len(out))
    return [*out[:at], ("经验：" if zh else "Lessons: ") + stop.join(passing), *out[at:]]


def weights_with_their_chain(out: list[str]) -> list[str]:
    """ "清单那块，我估计八成是清单的问题，剩下两成是乘客扒门。" said after the drill-down moved on: the
    weights go with the last chain said before them, as its share and its other causes."""
    kept: list[str] = []
    for message in out:
        chain = next((i for i in range(len(kept) - 1, -1, -1) if _is_chain_message(kept[i])), None)
        if chain is not None and weighs(message):
            weights = _from_first_weight(message)  # "清单那块，刚才…，" only point back at the chain
            kept[chain] = f"{kept[chain].rstrip('。.；; ')}{_stop(weights)}{weights}"
        else:
            kept.append(message)
    return kept


def weighs(said: str) -> bool:
    """Causes weighed ("八成是清单的问题，剩下两成是乘客扒门", "I'd put 70% on that. The rest is …"),
    with no date and no block of its own."""
    if opens(said) is not None or has_date(said):
        return False
    weights = len(WEIGHT.findall(said))
    rest = any(opens_kind(s) == "rest" for s in sentences(said)[1:])
    return weights >= 2 or (weights == 1 and rest)


def _from_first_weight(message: str) -> str:
    clauses = re.split(r"(?<=[，,])", message.strip())
    first = next((i for i, c in enumerate(clauses) if WEIGHT.search(c)), 0)
    return strip_filler("".join(clauses[first:]).strip())


def _is_chain_message(message: str) -> bool:
    return opens_kind(message) == "chain" or any(has_rung(s) for s in sentences(message))


def in_method_order(out: list[str]) -> list[str]:
    """The messages in the method's order, the meeting's order kept within each part: a cause weighed
    after the lessons were named still goes with the analysis, before them."""
    rank = {"lessons": 1, "actions": 2}
    return sorted(out, key=lambda m: rank.get(opens_kind(m) or ("lessons" if lesson_list(m) else ""), 0))


def opens_kind(said: str) -> str | None:
    opened = opens(said)
    return opened[0] if opened else None


def lesson_list(said: str) -> bool:
    """ "经验我说几条：…", "Lessons then. …": a list of lessons the coach reads as dictated."""
    return bool(edit_cues.lesson_list_lead().match(said))
