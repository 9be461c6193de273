"""A task put to the room and taken by the next speaker (zh, en): "还有参数切换的制度，谁来写？" —
"还是我吧，9月15号前出制度" is the volunteer's task, named by the question, due the date they give; a
question nobody takes, or one the same speaker answers, hands out nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from coach.notes.volunteers import asked_task
from tests.notes.extracting import extract

ZH = (
    "[00:03:49] 晏伟：车间加两台工业冷风机，我自己盯，月底前装好。\n"
    "[00:03:57] 晏伟：还有季节性参数切换的制度，谁来写？\n"
    "[00:04:05] 钟雪：还是我吧，跟参数表一起，6月15号前出。\n"
)
EN = (
    "[00:03:49] Helen: I'll sign the gearbox order myself by the end of May.\n"
    "[00:03:57] Helen: And the spare label printer for the dispatch desk, who'll take that?\n"
    "[00:04:05] Stuart: I'll take it, by June 15.\n"
)


@pytest.mark.parametrize(
    ("note", "what", "who"), [(ZH, "参数切换的制度", "钟雪"), (EN, "spare label printer", "Stuart")]
)
def test_the_volunteer_owns_the_task_the_question_named(note: str, what: str, who: str) -> None:
    action = next(a for a in extract(note, name="note.txt").actions if what in a.what)
    assert (action.who, action.when) == (who, dt.date(2026, 6, 15))


@pytest.mark.parametrize(
    "question", ["参数表谁来写？", "谁来？", "Who's here from finance?", "我们谁负责过这个客户？那时候"]
)
def test_a_question_without_a_task_to_take_hands_nothing_out(question: str) -> None:
    assert asked_task(question) is None
