"""After an edit by words the coach asks "any other action?", never again about an action it no longer
assembles; dropping the one being assembled ("scrap the card-reader backup", "读卡器备份那条撤了") drops
it; the closing words after a transcript's note ("(end of minutes) that's all, wrap up", "（记录完）结束")
end the review. zh and en."""

from __future__ import annotations

import pytest

from tests.engines.rules.helpers import Coaching

OPENING = {
    "zh": ("出货量目标120万盒，实际131万盒", "出货量"),
    "en": ("admissions target 50000, actual 41000", "admissions"),
}
LISTS = {
    "zh": "行动：砂辊更换，设备科侯斌，5月6日前；色选机校准，质检罗敏，5月15日前。",
    "en": "Actions: weekly rota review against the forecast, Jamie Reid, by May 11."
    " Shade sails for the panda house, Sunita Rao, by May 29.",
}
VAGUE = {
    "zh": "再加一条：第二家读卡器备份，侯斌，弄一下，5月28日前",
    "en": "And a second card-reader backup, Sunita Rao, do that, by May 28.",
}
DROP = {
    "zh": "读卡器备份那条撤了，财务说合同不允许。",
    "en": "And scrap the card-reader backup, finance says the contract won't let us.",
}
CLOSING = {"zh": "（记录完）结束", "en": "(end of minutes) that's all, wrap up"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_dropping_the_action_being_assembled_drops_it_and_the_closing_after_a_note_ends(lang: str) -> None:
    coach = Coaching(language=lang)  # type: ignore[arg-type]
    coach.script(*OPENING[lang], LISTS[lang], VAGUE[lang])
    assert coach.step in ("how", "who", "when")  # an action still being assembled
    coach.say(DROP[lang])
    assert coach.step == "more"
    assert len(coach.last.review.actions) == 2
    coach.say(CLOSING[lang])
    assert coach.stage == "done"
    assert len(coach.last.review.actions) == 2
