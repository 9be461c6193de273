"""A topic announced without a heading, by voice in a transcript ("What didn't go well.", "不足呢？") or at
the start of a prose paragraph ("不足方面，…"), and how long it holds."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import TypeVar

from coach.notes import cues, drilldown, finding_cues, prose
from coach.notes.segment import Item
from coach.notes.wordlists import phrases

K = TypeVar("K", bound=str)

_WORD = re.compile(r"[A-Za-z']+")
_CJK = re.compile(r"[\u4e00-\u9fff]")


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


_NAME_WORDS = 6
_NAME_CHARS = 12


def finding_asked(question: str) -> str | None:
    """ "二次消费低呢？" → "二次消费低", "And the slow lockouts?" → "the slow lockouts": a question that
    names a finding (its words end on how it went: 低, 慢, slow, late) and asks for no more than its cause.
    "充电桩呢？" names no finding, "为什么排那么久？" asks why, and neither is one."""
    if not cues.QUESTION.search(question):
        return None
    text = question.strip().rstrip("？?").strip(" ，,")
    lead = phrases("topic_question_lead", anchored=True).match(text)
    pointer = phrases("question_back_reference", anchored=True).match(text)
    if pointer and (lead is None or pointer.end() > lead.end()):
        return None  # "那个慢呢？", "That one?": it points back, it names nothing
    text = text[lead.end() :].lstrip(" ，,") if lead else text
    tail = re.search(rf"(?:{phrases('topic_question_tail').pattern})$", text, re.I)
    name = (text[: tail.start()] if tail else text).strip(" ，,")
    short = len(_WORD.findall(name)) <= _NAME_WORDS and len(_CJK.findall(name)) <= _NAME_CHARS
    if not name or not short or phrases("why_question").search(name) or phrases("question_word").search(name):
        return None  # "这个占排队的多少？" asks for a share, not after a finding
    if phrases("question_back_reference", anchored=True).match(name):
        return None  # "And that?" points back too
    finding = phrases("finding_end")
    # "二次消费低": a Chinese finding ends on how it went; "the slow lockouts" says it before the noun
    told = finding.search(name) if name.isascii() else re.search(rf"(?:{finding.pattern})$", name)
    return name if told else None


def asked_findings(items: list[Item], kinds: list[K], shortfall: K, cause: K) -> tuple[list[Item], list[K]]:
    """ "二次消费低呢？" — "餐饮档口价格太高，游客都自己带吃的。": the finding is named by the question, the
    answer of another speaker gives its cause; a finding already told is not told twice."""
    items, kinds = list(items), list(kinds)
    told = [items[i].text for i, kind in enumerate(kinds) if kind == shortfall]
    for i in range(len(items) - 1):
        item, answer = items[i], items[i + 1]
        answered = answer.speaker is not None and answer.speaker != item.speaker and kinds[i + 1] == cause
        name = (
            finding_asked(item.text)
            if item.speaker and answered and kinds[i] not in (shortfall, cause)
            else None
        )
        if name and not any(name in text for text in told):
            items[i], kinds[i] = dataclasses.replace(item, text=name), shortfall
            told.append(name)
    return items, kinds


def answers_to_an_announced_why(items: list[Item], kinds: list[K], cause: K, other: K) -> list[K]:
    """ "Nadia: Why were there so many crew delays?" — "Ben: Mostly crews going illegal on duty hours. Once
    the first sector runs late, …": in a transcript, the turn that answers a why-question opening the causes
    tells the cause, sentence by sentence, down to its weight ("I'd put that at 70%")."""
    kinds = list(kinds)
    for i, item in enumerate(items):
        if item.asked is None or item.speaker is None or item.section != "cause":
            continue
        for j in range(i, len(items)):
            other_turn = items[j].speaker != item.speaker or items[j].line != item.line
            if other_turn or cues.QUESTION.search(items[j].text):
                break
            no_answer = phrases("no_answer", anchored=True).match(items[j].text.strip()) is not None
            if no_answer:
                break  # "No idea, ask facilities.", "不清楚": the why goes unanswered
            floor = prose.only_passes_the_floor(items[j].text)  # "志刚你先说。", "我补充一下。"
            if kinds[j] == other and not prose.only_agrees(items[j].text) and not floor:
                kinds[j] = cause
    return kinds
