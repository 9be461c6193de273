"""A numbered edit that takes an item from its owner and gives it to someone said with who they are
("第3条不给小罗了，她下周去外地培训，换成接班的设备员邹凯，日期不变", "#2, take it off Chloe, she's away,
change it to Sam Reed, same date") changes the owner, never the HOW; and an owner named short is written
in full once the chat says the full name ("老彭（彭志强）说…", "Kyle Dunn can't…"). zh and en."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.engines.rules.helpers import Coaching

OPENING = {
    "zh": ("出货量目标120万盒，实际131万盒", "出货量"),
    "en": ("admissions target 50000, actual 41000", "admissions"),
}
LISTS = {
    "zh": "行动：砂辊更换，设备科老彭，5月6日前；色选机校准，质检小罗，5月15日前。",
    "en": "Actions: flashing training day, Kyle, by May 30. RA escalation training, Chloe, by May 13.",
}
TAKEN = {
    "zh": "第2条色选机校准不给小罗了，她下周去外地培训，换成接班的设备员邹凯，日期不变",
    "en": "#2, take it off Chloe, she's away, change it to Sam Reed",
}
FULL = {
    "zh": ("第1条砂辊，老彭（彭志强）说赶不上，改到5月8日前", "彭志强"),
    "en": ("Kyle Dunn says #1 needs to move, change it to June 13", "Kyle Dunn"),
}


@pytest.mark.parametrize(("lang", "who"), [("zh", "邹凯"), ("en", "Sam Reed")])
def test_an_item_taken_from_its_owner_goes_to_the_one_named_after(lang: str, who: str) -> None:
    coach = Coaching(language=lang)  # type: ignore[arg-type]
    coach.script(*OPENING[lang], LISTS[lang], TAKEN[lang])
    action = coach.last.review.actions[1]
    assert action.who == who
    assert who not in (action.how or "") and action.when == dt.date(2026, 5, 15 if lang == "zh" else 13)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_owner_named_short_is_written_in_full_once_the_full_name_is_said(lang: str) -> None:
    coach = Coaching(language=lang)  # type: ignore[arg-type]
    said, full = FULL[lang]
    coach.script(*OPENING[lang], LISTS[lang], said)
    assert coach.last.review.actions[0].who == full
