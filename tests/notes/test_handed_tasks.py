"""Tasks handed out in talk (zh, en): once the talk has turned to the actions, "老廖，三楼卫生间扶手。" —
老廖: "下周五前装完。" is 老廖's task, due the day he gives; a surname with a title ("胡护士长") calls the
speaker of that surname. A question of small talk answered with a day, or a reply that refuses, hands
out nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.notes.extracting import extract

ZH = (
    "谢院长：下一步我们要做这几件。胡护士长，夜班按跌倒风险重新排班，什么时候能出来？\n"
    "胡秀英：5月底前出新排班表。\n"
    "谢院长：老廖，三楼卫生间扶手。\n"
    "老廖：下周五前装完。\n"
)
EN = (
    "Graham: Next steps. Dan, the deposit rule in the booking system.\n"
    "Dan: By the end of May, done.\n"
    "Graham: Ross, a reserve list of weekend staff.\n"
    "Ross: Next Friday.\n"
)


@pytest.mark.parametrize(
    ("note", "what", "who", "when"),
    [
        (ZH, "重新排班", "胡秀英", dt.date(2026, 5, 31)),
        (ZH, "扶手", "老廖", dt.date(2026, 5, 22)),
        (EN, "deposit rule", "Dan", dt.date(2026, 5, 31)),
        (EN, "reserve list", "Ross", dt.date(2026, 5, 22)),
    ],
)
def test_a_task_named_to_someone_is_theirs_when_they_give_a_date(
    note: str, what: str, who: str, when: dt.date
) -> None:
    actions = extract(note, name="note.txt").actions
    action = next(a for a in actions if what in a.what)
    assert (action.who, action.when) == (who, when)
    assert len(actions) == 2  # the replies are no tasks of their own


@pytest.mark.parametrize(
    "note",
    [
        "刘志强：开会开会。老杨，你孙子满月酒定哪天了？\n杨桂花：下个月初，到时候都来啊。\n",
        "Nadia: Right, let's start. Sam, when's the wedding?\nSam: Next June, you're all invited.\n",
        "谢院长：下一步我们要做这几件。老廖，三楼卫生间扶手。\n老廖：下周五前不行，料还没到。\n",
        "Graham: Next steps. Dan, the deposit rule.\nDan: Not by Friday, I can't.\n",
    ],
)
def test_small_talk_or_a_refusal_hands_out_no_task(note: str) -> None:
    assert all(a.who is None or a.when is None for a in extract(note, name="note.txt").actions)
