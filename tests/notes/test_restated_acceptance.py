"""A task asked of someone and taken on in the task's own words (zh, en): "Joy, separator settings and a
post-rebuild checklist?" — "I'll have the checklist by March 25." is one task, Joy's, due March 25; a reply
that refuses or names another thing takes nothing on."""

from __future__ import annotations

import datetime as dt

import pytest

from coach.notes.followups import restates_it
from tests.notes.extracting import extract

EN = (
    "[00:04:06] Helen Whitford: Joy, separator drum settings and a post-rebuild checklist?\n"
    "[00:04:16] Joy Mensah: I'll have the checklist by May 25.\n"
)
ZH = "[00:04:06] 汤立群：苏婉，夏季发酵的温控方案，你牵头？\n[00:04:16] 苏婉：温控方案我5月25日前拿出来。\n"


@pytest.mark.parametrize(
    ("note", "what", "who"), [(EN, "post-rebuild checklist", "Joy Mensah"), (ZH, "温控方案", "苏婉")]
)
def test_the_reply_in_the_tasks_words_takes_it_on(note: str, what: str, who: str) -> None:
    actions = extract(note, name="note.txt").actions
    assert len(actions) == 1
    assert what in actions[0].what
    assert (actions[0].who, actions[0].when) == (who, dt.date(2026, 5, 25))


@pytest.mark.parametrize(
    ("reply", "task"),
    [
        ("I'll have the checklist by May 25.", "the budget for the new press"),
        ("I can't do the checklist by May 25.", "a post-rebuild checklist"),
        ("温控方案我5月25日前做不了。", "夏季发酵的温控方案"),
    ],
)
def test_a_reply_about_another_thing_or_a_refusal_takes_nothing_on(reply: str, task: str) -> None:
    assert not restates_it(reply, task)
