"""A success asked about in talk: "中暑这个，怎么做到的？" — "六月中旬我们就把空调全检修了一遍。": the answers
tell why the success went well, not successes of their own; the statement the question names was one."""

from __future__ import annotations

import re
from typing import TypeVar

from coach.notes import cues
from coach.notes.segment import Item
from coach.notes.wordlists import phrases, word_set

K = TypeVar("K", bound=str)

_WORD = re.compile(r"[A-Za-z'][A-Za-z'-]*")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def reasons_asked_for(items: list[Item], kinds: list[K], highlight: K, other: K) -> list[K]:
    """In one talk about what went well, a question asking how or why a success came about ("Why did the
    twilight offer do so well?", "中暑这个，怎么做到的？") and a short follow-up naming the next one ("入住率
    呢？", "And the back nine?") are answered by the other speakers' turns up to the next question: those
    turns give reasons, and are no highlights. The success the question names, told just before, is one."""
    kinds = list(kinds)
    asked_why = False
    for i, item in enumerate(items):
        if item.section != "highlight" or item.speaker is None:
            asked_why = False
            continue
        if not cues.QUESTION.search(item.text):
            continue
        asked_why = _asks_how_it_went_well(item.text) or (asked_why and _asks_next(item.text))
        if not asked_why:
            continue
        for j in _answers(items, i):
            if kinds[j] == highlight:
                kinds[j] = other
        named = _named_success(items, i)
        if named is not None and kinds[named] != highlight:
            kinds[named] = highlight
    return kinds


def _asks_how_it_went_well(text: str) -> bool:
    asks = phrases("why_question").search(text) or phrases("success_how_question").search(text)
    return asks is not None


def _asks_next(text: str) -> bool:
    """ "入住率呢？", "And the back nine?": a few words naming the next success to be explained."""
    body = text.strip().rstrip("？?").strip(" ，,")
    lead = phrases("topic_question_lead", anchored=True).match(body)
    tail = re.search(rf"(?:{phrases('topic_question_tail').pattern})$", body, re.I)
    short = len(_WORD.findall(body)) <= 6 and len(_CJK.findall(body)) <= 10
    return short and (lead is not None or tail is not None)


def _answers(items: list[Item], asked: int) -> list[int]:
    """The rest of the question's turn and the turns of others after it, up to the next question or the end
    of the talk."""
    found: list[int] = []
    for j in range(asked + 1, len(items)):
        item = items[j]
        if item.section != "highlight" or item.speaker is None or cues.QUESTION.search(item.text):
            break
        if item.speaker == items[asked].speaker and item.line != items[asked].line:
            break
        # "…怎么做到的？去年7月可是送了三个。": the rest of the asker's turn is part of the question
        found.append(j)
    return found


def _named_success(items: list[Item], asked: int) -> int | None:
    """The statement before the question, in the same talk, that holds the words the question asks about."""
    question = items[asked].text
    for k in range(asked - 1, -1, -1):
        item = items[k]
        if item.section != "highlight" or item.speaker is None:
            return None
        if item.speaker == items[asked].speaker or cues.QUESTION.search(item.text):
            continue
        if _shares_a_name(question, item.text):
            return k
    return None


def _shares_a_name(question: str, text: str) -> bool:
    """Two Chinese characters in a row or a word of five letters or more that the question names stand in
    the statement ("中暑" in "没有一个老人中暑", "twilight" in "The twilight golf offer sold out")."""
    asked = question
    for listed in ("why_question", "success_how_question", "question_word", "question_back_reference"):
        asked = phrases(listed).sub(" ", asked)
    pairs = {asked[k : k + 2] for k in range(len(asked) - 1) if len(_CJK.findall(asked[k : k + 2])) == 2}
    plain = word_set("function_words")
    words = {w.lower() for w in _WORD.findall(asked) if len(w) >= 5 and w.lower() not in plain}
    return any(p in text for p in pairs) or any(w in text.lower() for w in words)
