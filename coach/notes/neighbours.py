"""Kinds read from an item's place among the others: before the meeting starts or after it ends, the next
places of a list, a finding joined on with "and", the answer right after a question while causes are told,
figures called no targets after they were told."""

from __future__ import annotations

import re
from typing import TypeVar

from coach.domain.reading.cues import share_lead
from coach.notes import cues, prose
from coach.notes.segment import Item
from coach.notes.wordlists import phrases

K = TypeVar("K", bound=str)


def before_the_start(items: list[Item], kinds: list[K], goal: K, other: K) -> list[K]:
    """ "人是陆陆续续到的……十二点四十正式开始。": a paragraph told before the meeting starts holds no item."""
    kinds = list(kinds)
    for i, item in enumerate(items[:12]):
        if item.speaker is None and prose.starts_meeting(item.text):
            for j in range(i + 1):
                if items[j].para == item.para and kinds[j] != goal:
                    kinds[j] = other
            break
    return kinds


# "一是…；二是…；三是…", "First, …; second, …": the places of one list
_NEXT_IN_LIST = re.compile(
    r"^(?:[二三四五六七八九]是|第[二三四五六七八九][，,、是]|(?:second|third|fourth|fifth)(?:ly)?\b)", re.I
)


def figures_called_no_targets(items: list[Item], kinds: list[K], goal: K, other: K) -> list[K]:
    """ "We had 112 callouts this season, against 87 last season." | "Neither is something we set a target
    for.": the figures told before words that call them no targets, in the same paragraph or turn, are
    context, no goals; a figure told against a named target ("target 4,200, we did 4,510") stays one."""
    kinds = list(kinds)
    for i, item in enumerate(items):
        if kinds[i] == goal or not phrases("not_a_target").search(item.text):
            continue
        if re.search(r"\d", item.text):
            continue  # "单场最高在线8.7万人，这是过程数字，不是考核的": it calls its own figure no target
        for j in range(i - 1, -1, -1):
            before = items[j]
            if before.para != item.para or before.speaker != item.speaker or before.line != item.line:
                break
            if kinds[j] == goal and not phrases("target_named").search(before.text):
                kinds[j] = other
    return kinds


def list_goes_on(items: list[Item], kinds: list[K], action: K, other: K) -> list[K]:
    """ "下一步…：一是A，甘雨负责；二是B，马骁负责": the next places of a list of actions are actions too."""
    kinds = list(kinds)
    for i in range(1, len(items)):
        item, before = items[i], items[i - 1]
        same_list = item.para == before.para and item.speaker == before.speaker
        if kinds[i] == other and kinds[i - 1] == action and same_list and _NEXT_IN_LIST.match(item.text):
            kinds[i] = action
    return kinds


def findings_go_on(items: list[Item], kinds: list[K], findings: tuple[K, ...], other: K) -> list[K]:
    """ "The pop-up desks were great, …" | "And the student helpers, …, they ran the walk-in triage.": in one
    turn, a statement joined on with "and", "而且" goes on with the list of what went well or wrong."""
    kinds = list(kinds)
    for i in range(1, len(items)):
        item, before = items[i], items[i - 1]
        same_turn = item.speaker is not None and item.speaker == before.speaker and item.line == before.line
        finding = kinds[i - 1] in findings
        joined = phrases("separate_lead", anchored=True).match(item.text) is not None
        if kinds[i] == other and finding and same_turn and joined and not cues.QUESTION.search(item.text):
            kinds[i] = kinds[i - 1]
    return kinds


def answers_among_causes(items: list[Item], kinds: list[K], cause: K, other: K) -> list[K]:
    """ "And first-contact resolution?" — "New agents.": while the causes are being told, what another person
    says right after a question is the cause asked for."""
    kinds = list(kinds)
    for i in range(1, len(items)):
        item, before = items[i], items[i - 1]
        asked = kinds[i - 1] == other and before.speaker is not None and cues.QUESTION.search(before.text)
        answer = item.speaker is not None and item.speaker != before.speaker and item.spoken
        telling = item.section == "cause" and kinds[i] == other and not cues.QUESTION.search(item.text)
        weighs = share_lead().search(item.text) is not None  # "这个占多少？" — "我看七成": a weight, no cause
        if asked and answer and telling and not weighs and not prose.only_agrees(item.text):
            kinds[i] = cause
    return kinds


def after_the_end(items: list[Item], kinds: list[K], digression: K, other: K) -> list[K]:
    """ "就这样，散会。" — "好嘞，我把空调关了": in a transcript, what is said after the meeting is closed
    holds no item."""
    kinds = list(kinds)
    closed = False
    for i, item in enumerate(items):
        if closed and item.speaker is not None and kinds[i] != digression:
            kinds[i] = other
        closed = closed or (item.speaker is not None and prose.closes_meeting(item.text))
    return kinds


def goals_named_as_missed(items: list[Item], kinds: list[K], goal: K, shortfall: K, other: K) -> list[K]:
    """ "And what didn't go well?" — "Touch-ups, obviously. No-shows. Revenue short.": in talk, a measure of
    the note named in a word or two where what went wrong is told is a shortfall, once."""
    kinds = list(kinds)
    names = [_goal_head(items[i].text) for i in range(len(items)) if kinds[i] == goal]
    for i, item in enumerate(items):
        if kinds[i] != other or item.section != "shortfall" or item.speaker is None:
            continue
        head = _named_head(item.text)
        if head is None or not any(head in name for name in names):
            continue
        told = any(kinds[j] == shortfall and head in items[j].text.casefold() for j in range(i))
        if not told:
            kinds[i] = shortfall
    return kinds


def _goal_head(text: str) -> str:
    """What a goal statement is about: its words before the first colon or comma."""
    return re.split(r"[:：,，]", text, maxsplit=1)[0].casefold()


def _named_head(text: str) -> str | None:
    """The measure a short fragment names ("Touch-ups, obviously." → "touch-ups"), or None for a longer
    statement or a question."""
    body = text.strip().rstrip(".。!！")
    if cues.QUESTION.search(text) or len(body.split()) > 4 or len(re.findall(r"[\u4e00-\u9fff]", body)) > 10:
        return None
    tail = phrases("named_miss_tail").pattern
    body = re.sub(rf"(?:[,，]?\s*(?:{tail}))+$", "", body, flags=re.I).strip(" ,，")
    return body.casefold() if len(body) >= 2 and not re.search(r"[,，]", body) else None
