"""Said among the actions but no task: thanks, a task set aside ("先不列", "not a work item"), a meal after
the meeting, and a remark that the task just named has no owner yet; a speaker taking the task just named
("I'll sort that myself") owns it."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.notes.extracting import extract, texts


@pytest.mark.parametrize(
    ("note", "tasks"),
    [
        (
            "# Review\n\n## Improvements\n\nTomasz Wilk will move the trade lines to full measurement by the "
            "end of April. Finally, we will ask our supplier for a tighter tolerance; there is no owner or "
            "date for this yet.\n\nWe thank Priya Vance of the merchants' association, who helped us reach "
            "the smaller shops.\n",
            ["full measurement", "tighter tolerance"],
        ),
        (
            "卓岚：行动。清洗质检登记表，阮小溪，10月15日前。\n"
            "卓岚：冉师傅那边的改衣排班，等国庆后再说，先不列。\n"
            "卓岚：今天就这样，散会。\n",
            ["质检登记表"],
        ),
        (
            "# 复盘\n\n## 行动\n\n1. 放款前的还款能力问询清单，尤佳负责，两周内。\n\n"
            "会后大家去楼下吃了饭，靳晓说下次聚餐换一家。\n",
            ["还款能力"],
        ),
    ],
)
def test_only_the_tasks_are_actions(note: str, tasks: list[str]) -> None:
    actions = extract(note, name="note.txt").actions
    assert len(actions) == len(tasks)
    for words in tasks:
        assert words in texts(actions)


def test_a_speaker_who_takes_the_task_just_named_owns_it() -> None:
    note = (
        "Maya: Actions. Sam, deposits on every booking by the end of October.\n"
        "Maya: And I'd like another guest artist in spring. I'll sort that myself, no date yet.\n"
    )
    actions = extract(note, name="note.txt").actions
    guest = [a for a in actions if "guest artist" in a.what]
    assert len(actions) == 2
    assert [a.who for a in guest] == ["Maya"]


@pytest.mark.parametrize(
    ("turn", "due"),
    [
        ("[00:06:50] Rosa: I'll test two other cartridge brands side by side. Give me two weeks.\n", 28),
        ("[00:06:50] 冉师傅：我来试两家别的针片，对比着用。两周内吧。\n", 28),
    ],
)
def test_a_deadline_said_alone_after_ones_own_task_dates_it(turn: str, due: int) -> None:
    note = "[00:06:25] Maya: Actions. Sam, deposits on all bookings by the end of October.\n" + turn
    actions = extract(note, name="note.txt", review_date=dt.date(2026, 10, 14)).actions
    assert len(actions) == 2
    assert actions[1].when == dt.date(2026, 10, due)
