"""A lesson said in passing: in a meeting people name what to keep or stop while they talk about something
else ("夜班这个事以后要坚持，不能为了省人工再砍掉。", "We should stop pricing hospital work off the office
model, that's organisation."). Only a sentence whose verb types the lesson counts; a plain opinion does not.
"""

from __future__ import annotations

import re

from coach.domain.reading import cues
from coach.domain.reading.people import read_reflections

_QUESTION = re.compile(r"[？?]\s*$")


def is_lesson(sentence: str, labelled: bool = False) -> bool:
    """A sentence that says a lesson: its verb types it (keep, stop, 要坚持, 要优化…), and it is said as a
    lesson, with a "should"/"要" or a dimension beside it (`labelled` when the next sentence names one).
    A question, or a person's own reflection ("下一步我要继续…"), is none."""
    body = sentence.strip()
    if not body or _QUESTION.search(body) or not cues.lesson_in_passing().search(body):
        return False
    if any(p.answers for p in read_reflections(body)):
        return False
    return bool(labelled or dimension_label(body) or cues.lesson_in_passing_modal().search(body))


def only_dimension_label(sentence: str) -> bool:
    """A sentence that says nothing but a dimension ("That's people.", "算组织的。")."""
    clauses = [c.strip() for c in re.split(r"[，,；;。.!！]\s*", sentence.strip()) if c.strip()]
    return bool(clauses) and all(cues.dimension_label().match(c) for c in clauses)


def dimension_label(sentence: str) -> bool:
    """A sentence, or a clause of one, that only names a lesson's dimension: "That's people.",
    "business side", "算组织的", "属于人的问题"."""
    clauses = re.split(r"[，,；;。.!！]\s*", sentence.strip())
    return any(cues.dimension_label().match(c.strip()) for c in clauses if c.strip())
