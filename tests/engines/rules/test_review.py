"""Review: KPIs with target, result, gap and verdict; quantify once; the focus (抓大放小)."""

from __future__ import annotations

import pytest

from tests.engines.rules.helpers import Coaching


def test_several_kpis_in_one_message_are_said_back_with_gap_and_verdict() -> None:
    coach = Coaching()
    result = coach.say("回款目标1.2亿，实际9600万；新客户数目标50，实际62")
    assert "回款：目标 1.2亿，实际 9600万，差距 -20%（未达成）" in result.reply
    assert "新客户数：目标 50，实际 62，差距 +24%（超额完成）" in result.reply
    revenue, customers = result.review.goals
    assert (revenue.target_value, revenue.result_value, revenue.verdict) == (1.2e8, 9.6e7, "missed")
    assert revenue.gap_ratio == pytest.approx(-0.2)
    assert customers.verdict == "exceeded"
    assert revenue.evidence == "回款目标1.2亿，实际9600万"


def test_unquantified_goal_is_asked_once_then_accepted() -> None:
    coach = Coaching()
    asked = coach.say("团队士气")
    assert "量化" in asked.reply and coach.step == "quantify"
    after = coach.say("无法量化")
    assert after.stage == "review" and coach.step == "more"
    assert after.review.goals[0].name == "团队士气" and after.review.goals[0].target_value is None


def test_quantify_answer_fills_in_the_goal() -> None:
    coach = Coaching()
    coach.say("客户满意度")
    result = coach.say("目标90分，实际85分")
    goal = result.review.goals[0]
    assert goal.target_value == 90 and goal.result_value == 85 and goal.verdict is not None
    assert "客户满意度" in result.reply


def test_text_without_a_kpi_is_asked_again() -> None:
    coach = Coaching()
    result = coach.say("🙂🙂🙂")
    assert result.stage == "review" and not result.review.goals and "KPI" in result.reply


def test_focus_by_number_and_default_to_biggest_gap() -> None:
    coach = Coaching()
    coach.script("回款目标1.2亿，实际9600万；新客户数目标50，实际62；毛利率目标30%，实际20%", "没有了")
    assert "抓大放小" in coach.reply
    assert coach.say("第2个").stage == "analysis"
    assert coach.last.state["focus"] == [1]

    other = Coaching()
    other.script("回款目标1.2亿，实际9600万；毛利率目标30%，实际20%", "没有了")
    result = other.say("嗯，你看着办")
    assert "毛利率" in result.reply and other.last.state["focus"] == [1]


def test_english_goals() -> None:
    coach = Coaching(language="en")
    result = coach.say("Revenue target 1.2M, actual 960k")
    assert "Revenue: target 1.2M, actual 960k, gap -20% (missed)" in result.reply
