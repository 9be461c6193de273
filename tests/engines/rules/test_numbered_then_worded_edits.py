"""An edit by number, then edits by words in the sentences after it ("I'm changing #3: move it to May 21.
And undo the porters one, … Marcus is fine but he wants June 6 for the routing.", "第3条日期改到5月21日。
燃气报警那条撤了，…。老彭说砂辊要到5月8日才行。"): each sentence is its own edit, the numbered one takes
only its own date. zh and en."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.engines.rules.helpers import Coaching

OPENING = {
    "zh": ("出货量目标120万盒，实际131万盒", "出货量"),
    "en": ("admissions target 50000, actual 41000", "admissions"),
}
LISTS = {
    "zh": "行动：砂辊更换，设备科彭志强，5月6日前；色选机校准，质检罗敏，5月15日前；"
    "调机培训，班长金海波，5月12日前；燃气压力报警接到中控，设备科侯斌，5月20日前。",
    "en": "Actions: surge clause in the maintenance contract, Helen Ward, by May 30."
    " Ticket routing fix with uni IT, Marcus, end of May. RA escalation training, Chloe, by May 13."
    " Extra porters for next September, Tom Reed, by June 18.",
}
EDITS = {
    "zh": "第3条日期改到5月21日。燃气报警那条撤了，燃气公司自己装。老彭说砂辊要到5月8日才行。",
    "en": "That's not a new action, I'm changing #3, Chloe's training: move it to May 21."
    " And undo the porters one, the staffing budget isn't mine."
    " Marcus is fine but he wants June 6 for the routing.",
}
EXPECTED = {
    "zh": [
        ("砂辊更换", dt.date(2026, 5, 8)),
        ("色选机校准", dt.date(2026, 5, 15)),
        ("调机培训", dt.date(2026, 5, 21)),
    ],
    "en": [
        ("surge clause", dt.date(2026, 5, 30)),
        ("Ticket routing fix", dt.date(2026, 6, 6)),
        ("RA escalation training", dt.date(2026, 5, 21)),
    ],
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_sentence_after_a_numbered_edit_is_its_own_edit(lang: str) -> None:
    coach = Coaching(language=lang)  # type: ignore[arg-type]
    coach.script(*OPENING[lang], LISTS[lang])
    assert len(coach.last.review.actions) == 4
    coach.say(EDITS[lang])
    actions = coach.last.review.actions
    assert [(words in a.what, a.when) for a, (words, _) in zip(actions, EXPECTED[lang], strict=True)] == [
        (True, when) for _, when in EXPECTED[lang]
    ]
