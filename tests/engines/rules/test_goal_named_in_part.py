"""A KPI named by part of its name: in a correction, and when picking the focus; zh and en."""

from __future__ import annotations

import pytest

from tests.engines.rules.helpers import Coaching

GOALS = {
    "zh": "新客户签约目标40家，实际签约31家；官网访问到签约的转化率目标5%，实际3%；"
    "回款目标1.2亿，实际9600万。",
    "en": "New client signings target 40, actual 31. Visit to signing conversion target 5%, actual 3%. "
    "Revenue target 1.2M, actual 960k.",
}


@pytest.mark.parametrize(
    ("language", "text", "result"),
    [
        ("zh", "哦不对，签约是35家，31是上个月的数。", 35),
        ("en", "Correction: signings were 35, not 31.", 35),
    ],
)
def test_a_correction_naming_part_of_a_kpi_corrects_that_kpi(language: str, text: str, result: float) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.say(GOALS[language])
    review = coach.say(text).review
    assert len(review.goals) == 3  # never a new KPI
    assert review.goals[0].result_value == result
    assert [g.result_value for g in review.goals[1:]] == [3, 960_000 if language == "en" else 96_000_000]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("zh", "回访流程改成48小时内必回。"),
        ("en", "We changed the follow-up to within 48 hours, actually."),
    ],
)
def test_a_number_in_another_unit_corrects_no_kpi(language: str, text: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    before = coach.say(GOALS[language]).review.goals
    review = coach.say(text).review
    assert review.goals[:3] == before


@pytest.mark.parametrize(
    ("language", "text", "name"),
    [
        ("zh", "最看重签约家数，老板就看这个。", "新客户签约"),
        ("en", "Signings matter most.", "New client signings"),
    ],
)
def test_the_focus_named_in_part_picks_the_kpi_it_names_most_of(language: str, text: str, name: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(GOALS[language], "没有了" if language == "zh" else "that's all")
    coach.say(text)
    state = coach.last.state["review"]
    goals = coach.last.review.goals
    assert [goals[i].name for i in state["focus"]] == [name]
