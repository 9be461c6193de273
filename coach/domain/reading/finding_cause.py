"""A finding named again with why it went so, said on its own: "Quotes were slow because one estimator does
all of them", "Late deliveries: rush jobs accepted without checking capacity", "工单慢是因为外包运维按单结算".

The reader only splits the sentence into the words that name the finding and its cause; whether those
words name a finding of the review is for the coach to tell (it knows the findings).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from coach.domain.reading import cues
from coach.domain.reading.blocks import has_rung, strip_filler
from coach.domain.reading.language import HAN
from coach.domain.reading.meta import is_meta_remark
from coach.domain.reading.vocabulary import languages, words

_ARROW = re.compile(r"→|->|=>")
_CLAUSES = re.compile(r"\s*[，,;；]\s*|(?<=[A-Za-z%)])\.\s+")
_HEAD_HAN = 12  # "新品上架晚", "重复报修": a finding's name, not a sentence
_HEAD_WORDS = 5  # "Coaches not coming back"
_CAUSE_LEAST = 4  # characters a cause needs to say something


@dataclass(frozen=True)
class SaidCause:
    head: str  # the finding as named in the sentence
    cause: str
    surface: str | None = None  # the cause said first when a later clause names what lies under it


@cache
def _linked() -> re.Pattern[str]:
    """head + the words that link it to its cause ("…were slow because…", "…主要是…", "…：…")."""
    return re.compile(
        rf"^(?P<head>[^，,。.;；:：!?！？]+?)\s*(?:{cues.alternatives('finding_cause_link')})\s*(?P<cause>.+)$",
        re.I,
    )


@cache
def _beneath() -> re.Pattern[str]:
    said = [
        cues.own_groups(fragment, "root", f"{lang}{i}")
        for lang in languages()
        for i, fragment in enumerate(words(lang).get("finding_cause_beneath", []))
    ]
    return re.compile(rf"^(?:{'|'.join(f'(?:{s})' for s in said)})[\s.。!！]*$", re.I)


@cache
def _remedy() -> re.Pattern[str]:
    return re.compile(rf"^(?:{cues.alternatives('finding_cause_remedy')})[\s.。!！]*$", re.I)


def _layered(cause: str) -> tuple[str | None, str]:
    """(surface, root) of a cause whose later clause names what lies under it ("高峰期出餐慢，这个是后厨人手
    的问题" → 高峰期出餐慢, 后厨人手); a clause that only says what would fix it ("下个月招人就好了") goes."""
    clauses = [c.strip() for c in _CLAUSES.split(cause) if c.strip() and not _remedy().match(c.strip())]
    comma = "，" if HAN.search(cause) else ", "
    for at, clause in enumerate(clauses[1:], 1):
        if (match := _beneath().match(clause)) is not None:
            return comma.join(clauses[:at]), (cues.named(match, "root") or "").strip()
    return None, comma.join(clauses) or cause


@cache
def _not_a_name() -> re.Pattern[str]:
    """Heads that point rather than name ("it", "这个", "the rest"): never a finding of their own."""
    return re.compile(rf"^(?:{cues.alternatives('finding_cause_not_head')})(?![A-Za-z])", re.I)


@cache
def _aside() -> re.Pattern[str]:
    return re.compile(rf"^(?:{cues.alternatives('finding_cause_aside')})[\s.。!！]*$", re.I)


@cache
def _pointer() -> re.Pattern[str]:
    """A clause that only points at a cause told before ("the same story", "也是这个原因"): no cause."""
    return re.compile(rf"^(?:{cues.alternatives('finding_cause_pointer')})[\s.。!！]*$", re.I)


def _short(head: str) -> bool:
    if HAN.search(head):
        return 2 <= len(HAN.findall(head)) <= _HEAD_HAN and not head.endswith("的")  # "做得好的是…"
    return 0 < len(head.split()) <= _HEAD_WORDS


def without_asides(cause: str) -> str:
    """The cause without the clauses that only say it is not dug into ("外部的，不用挖了", "not ours")."""
    clauses = [c for c in _CLAUSES.split(cause) if c.strip()]
    kept = [
        c
        for c in clauses
        if not _aside().match(c.strip()) and not _pointer().match(c.strip()) and not is_meta_remark(c)
    ]
    return ("，" if HAN.search(cause) else ", ").join(kept)


def only_aside(text: str) -> bool:
    """Words that only say a cause is not dug into or point at one told before ("Don't dig.")."""
    return not has_words_left(without_asides(text.strip(" 。.")))


def has_words_left(text: str) -> bool:
    return bool(re.search(r"[\w\u4e00-\u9fff]", text))


def _mentioned_only(body: str) -> str:
    """The sentence without the words that say it is only mentioned ("损耗高我就不展开了，顺口说一句，主要是…"
    → "损耗高，主要是…"): the finding and its cause are still said."""
    first, *rest = re.split(r"(?<=[，,])\s*", body)
    comma = first[-1:] if first[-1:] in "，," else ""
    head = first.rstrip("，, ")
    for at in range(2, len(head)):
        if _aside().match(head[at:].strip()):
            head = head[:at].rstrip(" ，,")
            break
    kept = [c for c in rest if not _aside().match(c.strip(" ，,"))]
    return ("" if HAN.search(body) else " ").join([head + comma, *kept]) if kept else head


def read_said_cause(sentence: str) -> SaidCause | None:
    """The finding a sentence names and the cause it gives, or None when it is no such sentence (a rung of
    a ladder, "→" steps, a head that points rather than names)."""
    body = _mentioned_only(strip_filler(sentence).strip(" 。."))
    if has_rung(body) or _ARROW.search(body):
        return None
    match = _linked().match(body)
    if match is None:
        return None
    head = re.sub(r"^(?:the|our)\s+", "", match.group("head").strip(), flags=re.I)
    cause = without_asides(match.group("cause").strip(" ，,。."))
    # a cause says something in four characters, three Chinese ones ("等太久")
    least = _CAUSE_LEAST - 1 if HAN.search(cause) else _CAUSE_LEAST
    if not _short(head) or _not_a_name().match(head) or len(cause) < least:
        return None
    surface, cause = _layered(cause)
    return SaidCause(head=head, cause=cause, surface=surface)


@cache
def _same_story() -> re.Pattern[str]:
    """A finding said to share the chain just told: "backlog is the same story", "损耗也是这个原因"."""
    return re.compile(
        rf"^(?P<head>[^，,。.;；:：!?！？]+?)\s*(?:{cues.alternatives('finding_same_story')})"
        r"(?:[,，]?\s*(?:too|as well|again|really|i think))?[\s.。!！]*$",
        re.I,
    )


def read_same_story(sentence: str) -> str | None:
    """The finding a sentence says has the same causes as the one just told, or None."""
    match = _same_story().match(strip_filler(sentence).strip())
    if match is None:
        return None
    head = re.sub(r"^(?:the|our)\s+", "", match.group("head").strip(), flags=re.I)
    return head if _short(head) and not _not_a_name().match(head) else None
