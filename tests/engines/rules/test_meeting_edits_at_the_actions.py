"""A meeting pasted at the actions that changes tasks already on the list ("Callum: …the shade sails are
keepers' work. Give them to me.", "Jamie: And push my first rota review to Monday the 31st, I'm off next
week.", "侯斌：砂辊那条推到5月8日，配件要等。"): each changing line is its own edit, "me" is the one speaking;
dropping an item never filed ("scrap the card-reader backup", "风机改造那条撤了") takes nothing out and
files nothing. zh and en."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.engines.rules.helpers import Coaching

OPENING = {
    "zh": ("出货量目标120万盒，实际131万盒", "出货量"),
    "en": ("admissions target 50000, actual 41000", "admissions"),
}
LISTS = {
    "zh": "行动：砂辊更换，设备科侯斌，5月6日前；色选机校准，质检罗敏，5月15日前。",
    "en": "Actions: weekly rota review against the forecast, Jamie Reid, by May 11."
    " Shade sails and misting for the panda house, Sunita Rao, by May 29.",
}
MEETING = {
    "zh": "[10:01] 罗敏：色选机校准我忙不过来，交给我们组的邹凯吧。\n"
    "[10:02] 侯斌：砂辊那条推到5月8日，配件要等。\n"
    "[10:03] 罗敏：另外风机改造那条撤了，预算没批。\n[10:04] 侯斌：好，散会。",
    "en": "[10:01] Callum Fraser: Sunita, the shade sails are keepers' work, not the vet's."
    " Give them to me.\n"
    "[10:02] Jamie Reid: And push my first rota review to Monday the 18th, I'm off next week.\n"
    "[10:03] Sunita Rao: And scrap the card-reader backup, finance says the contract won't allow it.\n"
    "[10:04] Callum Fraser: Thanks all.",
}
EXPECTED = {
    "zh": [("砂辊更换", "侯斌", dt.date(2026, 5, 8)), ("色选机校准", "邹凯", dt.date(2026, 5, 15))],
    "en": [
        ("weekly rota review", "Jamie Reid", dt.date(2026, 5, 18)),
        ("Shade sails", "Callum Fraser", dt.date(2026, 5, 29)),
    ],
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_changing_line_edits_its_task_and_an_item_never_filed_is_not_dropped_or_filed(lang: str) -> None:
    coach = Coaching(language=lang)  # type: ignore[arg-type]
    coach.script(*OPENING[lang], LISTS[lang])
    actions = coach.say(MEETING[lang]).review.actions
    assert [
        (words in a.what, a.who, a.when) for a, (words, _, _) in zip(actions, EXPECTED[lang], strict=True)
    ] == [(True, who, when) for _, who, when in EXPECTED[lang]]
