"""Contributing factors told in one sentence are causes of their own, beside the main chain."""

from __future__ import annotations

import pytest

from coach.notes.contributing import counted_factors, said_to_contribute
from tests.notes.extracting import chains, words

MAIN_EN = (
    "Postmortem\n\nThe delays started in July. They happened because nobody re-designed the hand-off with "
    "the surgeries. We think this explains around 70% of the late prescriptions. "
)
MAIN_ZH = "复盘纪要\n\n原因方面。说到底是交接流程没人重新设计，这一条占七成。"


@pytest.mark.parametrize(
    ("note", "factors"),
    [
        (
            MAIN_EN + "Two other things contributed: a national shortage of two common inhalers, which we "
            "could not control, and the hub running three pharmacists short after two resignations.\n",
            ["inhalers", "three pharmacists short"],
        ),
        (
            MAIN_EN
            + "The filler's CO2 regulator, which has been sticking since March, made things worse, and "
            "the new supplier's thinner can walls did not help.\n",
            ["CO2 regulator", "thinner can walls"],
        ),
        (
            MAIN_ZH + "另外两个因素：全国性的吸入剂短缺，我们控制不了，以及中心药房缺了三名药剂师。\n",
            ["吸入剂短缺", "三名药剂师"],
        ),
        (
            MAIN_ZH
            + "灌装机的二氧化碳减压阀三月起就卡，让情况更糟，以及新供应商的罐壁偏薄，也有一定影响。\n",
            ["减压阀", "罐壁偏薄"],
        ),
    ],
)
def test_each_contributing_factor_told_in_one_sentence_is_a_cause_of_its_own(
    note: str, factors: list[str]
) -> None:
    found = chains(note)
    for factor in factors:
        holding = [c for c in found if factor in words(c)]
        assert len(holding) == 1 and not holding[0].is_main, [words(c) for c in found]
    assert len({id(c) for c in found if any(f in words(c) for f in factors)}) == len(factors)


@pytest.mark.parametrize(
    "text",
    [
        # the places do not add up to the count: nothing is split
        "Two other things contributed: a national shortage of inhalers.",
        "Several things contributed: the shortage, and the resignations.",  # no number to check against
        "两个因素：吸入剂短缺。",
    ],
)
def test_a_count_the_places_do_not_match_splits_nothing(text: str) -> None:
    assert counted_factors(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # only one of the clauses says it added to the gap
        "The regulator made things worse, and the team fixed it within a day.",
        "备件晚到了三天，让情况更糟；后来我们换了供应商。",
    ],
)
def test_clauses_are_factors_only_when_each_says_it_added_to_the_gap(text: str) -> None:
    assert said_to_contribute(text) == []


@pytest.mark.parametrize("text", ["Honestly, that didn't help.", "It made things worse.", "这个让情况更糟。"])
def test_a_remark_pointing_back_names_no_contributing_factor(text: str) -> None:
    assert said_to_contribute(text) == []
