"""Replies to a task asked of someone in a transcript (zh, en): a reply that only names a deadline takes the
task on with that date; a question about how things stand ("are you getting all this?") hands out no task;
"got it" / "记下了" and an aside ("can I just say …", "顺带一提 …") are no action, nor is praise reported
after the to-dos ("郝总表扬了…", "Dana praised …")."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.notes.extracting import extract

ONLY_A_DATE_EN = (
    "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n"
    "<v Ana>Actions. Megan, can you write the induction standard?\n\n"
    "00:00:04.000 --> 00:00:06.000\n<v Megan>By May 29.\n"
)
ONLY_A_DATE_ZH = (
    "1\n00:00:01,000 --> 00:00:04,000\n刘志强：行动。水肥管理表，杨桂花你来？\n\n"
    "2\n00:00:04,000 --> 00:00:06,000\n杨桂花：5月29日前。\n"
)


@pytest.mark.parametrize(
    ("note", "name", "what", "who"),
    [
        (ONLY_A_DATE_EN, "n.vtt", "induction standard", "Megan"),
        (ONLY_A_DATE_ZH, "n.srt", "水肥管理表", "杨桂花"),
    ],
)
def test_a_reply_that_only_names_a_deadline_takes_the_asked_task_on(
    note: str, name: str, what: str, who: str
) -> None:
    actions = extract(note, name=name).actions
    assert len(actions) == 1
    assert what in actions[0].what and actions[0].who == who and actions[0].when == dt.date(2026, 5, 29)


FACT_QUESTION_EN = (
    "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n"
    "<v Ana>Actions. I'll book a first-aid refresher for all desk staff by May 29. "
    "Ellie, are you getting all this?\n\n"
    "00:00:04.000 --> 00:00:06.000\n<v Ellie>Got it.\n\n"
    "00:00:06.000 --> 00:00:09.000\n<v Dom>Can I just say the new coffee machine is a massive upgrade.\n"
)
FACT_QUESTION_ZH = (
    "1\n00:00:01,000 --> 00:00:04,000\n刘志强：行动。急救培训我来安排，5月29日前。小吴，你有没有记下来？\n\n"
    "2\n00:00:04,000 --> 00:00:06,000\n小吴：记下了。\n\n"
    "3\n00:00:06,000 --> 00:00:09,000\n老周：顺带一提，新咖啡机真不错。\n"
)


@pytest.mark.parametrize(
    ("note", "name", "what"),
    [(FACT_QUESTION_EN, "n.vtt", "first-aid refresher"), (FACT_QUESTION_ZH, "n.srt", "急救培训")],
)
def test_asking_how_things_stand_and_remarks_after_it_hand_out_no_task(
    note: str, name: str, what: str
) -> None:
    actions = extract(note, name=name).actions
    assert [what in a.what for a in actions] == [True]


@pytest.mark.parametrize(
    ("note", "what"),
    [
        (
            "# 门店复盘\n\n## 行动\n\n贵价包双人复核制度，宋一凡负责，6月30日前。\n\n"
            "郝总最后表扬了杭州店的直播打法。散会。\n",
            "双人复核",
        ),
        (
            "# Store review\n\n## Actions\n\nTwo-person checks on luxury bags, Sam owns it, by June 30.\n\n"
            "Dana praised the Hangzhou store's livestream format. Meeting closed.\n",
            "Two-person checks",
        ),
    ],
)
def test_praise_reported_after_the_to_dos_is_no_task(note: str, what: str) -> None:
    # "郝总表扬了…", "Dana praised …": what someone said, nobody's work
    actions = extract(note).actions
    assert [what in a.what for a in actions] == [True]
