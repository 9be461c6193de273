"""A task put to the room ("还有参数切换的制度，谁来写？", "The spare label printer — who'll take that?") and
taken by the next speaker ("还是我吧，9月15号前出制度", "I'll take it, by Friday"): the task named in the
question is the volunteer's, with the date they give."""

from __future__ import annotations

from typing import TypeVar

from coach.notes import cues
from coach.notes.segment import Item
from coach.notes.wordlists import phrases

K = TypeVar("K", bound=str)

_MIN_TASK_CHARS = 4


def asked_task(question: str) -> str | None:
    """ "还有参数切换的制度，谁来写？" → "参数切换的制度"; None when no one is asked to take a task."""
    text = question.strip()
    if not cues.QUESTION.search(text):
        return None
    who = phrases("who_takes_it").search(text)
    if who is None:
        return None
    task = phrases("list_goes_on", anchored=True).sub("", text[: who.start()].strip(" ，,、—–-:：")).strip()
    return task if len(task) >= _MIN_TASK_CHARS else None


def volunteers(reply: str) -> bool:
    """ "还是我吧，…", "I'll take it, by Friday": the reply takes the task for its speaker."""
    return phrases("volunteer", anchored=True).match(reply.strip()) is not None


def take_asked_tasks(items: list[Item], kinds: list[K], action: K) -> list[K]:
    """Kinds after each task put to the room goes, with its words, to the speaker who takes it next."""
    kinds = list(kinds)
    for i in range(len(items) - 1):
        question, reply = items[i], items[i + 1]
        if kinds[i] == action or question.speaker is None or reply.speaker in (None, question.speaker):
            continue
        task = asked_task(question.text)
        if task is None or not volunteers(reply.text):
            continue
        reply.due = reply.due or reply.text
        reply.text, reply.owner = task, reply.speaker
        kinds[i + 1] = action
    return kinds
