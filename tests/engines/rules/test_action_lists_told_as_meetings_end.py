"""Action lists told the way meetings end: "Actions." heads the list and names no item; "I'll take it" /
"——我来" is the one typing, who signed in ("Dana Kerr, GM.", "Hannah Vogel here", "邵立新，车间主任。");
a person with no task, a lesson said among the actions and an item left without an owner are said back,
never filed and never glued to the item before them. zh and en."""

from __future__ import annotations

import datetime as dt

import pytest

from coach.domain.reading.people import introduced_self
from tests.engines.rules.helpers import Coaching

SIGNED_IN = {
    "zh": "华澄玻璃厂十月复盘。邵立新，车间主任。",
    "en": "Northgate Ice Centre, winter season review. Dana Kerr, GM.",
}
OPENING = {
    "zh": ("出货量目标120万盒，实际131万盒", "出货量"),
    "en": ("admissions target 50000, actual 41000", "admissions"),
}
LISTS = {
    "zh": "行动：1. 模具周保养计划——班长金海波，5月20日前\n2. 新操作工调机培训——我来，5月15日前\n"
    "3. 二车间风机改造，等预算，先不定负责人",
    "en": "Actions. Resurfacer PM schedule: Marco, end of May. Driver certification: I'll take it, May 20.",
}
EXPECTED = {
    "zh": [("模具周保养计划", "金海波", dt.date(2026, 5, 20)), ("调机培训", "邵立新", dt.date(2026, 5, 15))],
    "en": [
        ("Resurfacer PM schedule", "Marco", dt.date(2026, 5, 31)),
        ("Driver certification", "Dana Kerr", dt.date(2026, 5, 20)),
    ],
}


def _listed(lang: str, listed: str) -> Coaching:
    coach = Coaching(language=lang)  # type: ignore[arg-type]
    coach.script(SIGNED_IN[lang], *OPENING[lang], listed)
    return coach


@pytest.mark.parametrize(
    ("lang", "said", "who"),
    [
        ("zh", "华澄玻璃厂十月复盘。邵立新，车间主任。", "邵立新"),
        ("en", "Northgate Ice Centre, winter season review. Dana Kerr, GM.", "Dana Kerr"),
        ("en", "Hi, Hannah Vogel here, delivery lead for the mobile testing pod.", "Hannah Vogel"),
    ],
)
def test_a_sentence_that_is_a_full_name_and_a_role_introduces_the_one_typing(
    lang: str, said: str, who: str
) -> None:
    assert introduced_self(said) == who


@pytest.mark.parametrize("said", ["Marion, the shade sails are keepers' work.", "Callum Fraser, yes."])
def test_a_name_before_other_words_introduces_nobody(said: str) -> None:
    assert introduced_self(said) is None


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_item_is_filed_and_i_will_take_it_is_the_one_typing(lang: str) -> None:
    actions = _listed(lang, LISTS[lang]).last.review.actions
    assert len(actions) == len(EXPECTED[lang])
    for action, (words, who, when) in zip(actions, EXPECTED[lang], strict=True):
        assert words in f"{action.what} {action.how}"
        assert (action.who, action.when) == (who, when)


@pytest.mark.parametrize(
    ("lang", "listed", "aside"),
    [
        (
            "zh",
            "行动：模具周保养计划，班长金海波，5月20日前；新操作工调机培训，我来吧，5月15日前。"
            "另外以后换模必须先预热模具——这个算经验，不算行动。周姐这边没任务。",
            ("预热模具", "周姐"),
        ),
        (
            "en",
            "Actions. Second CI runner, Tomasz, by May 8. Escaped-defect log, Priya, May 20."
            " Ollie doesn't get anything, he's still shadowing.",
            ("Ollie", "shadowing"),
        ),
    ],
)
def test_a_sentence_that_files_no_action_is_said_back_and_glued_to_no_item(
    lang: str, listed: str, aside: tuple[str, ...]
) -> None:
    coach = _listed(lang, listed)
    actions = coach.last.review.actions
    assert len(actions) == 2
    for action in actions:
        assert action.who and action.when
        assert not any(word in f"{action.what} {action.how} {action.who}" for word in aside)
    assert aside[0] in coach.reply


@pytest.mark.parametrize(
    ("lang", "listed", "expected"),
    [
        (
            "zh",
            "行动，会上定的：砂辊更换，设备科老彭（彭志强），5月8日前；色选机校准，质检罗敏，5月15日前。",
            [("砂辊更换", "彭志强"), ("色选机校准", "罗敏")],
        ),
        (
            "en",
            "Actions, from Monday's meeting: subbie sign-off checklist, Kyle Dunn, by May 30."
            " Survey-before-quote rule, Bethan (Bethan Price, our estimator), next Friday.",
            [("subbie sign-off checklist", "Kyle Dunn"), ("Survey-before-quote rule", "Bethan Price")],
        ),
    ],
)
def test_a_list_said_as_agreed_in_a_meeting_files_each_item_with_the_full_name_in_brackets(
    lang: str, listed: str, expected: list[tuple[str, str]]
) -> None:
    actions = _listed(lang, listed).last.review.actions
    assert [(a.what, a.who) for a in actions] == expected
