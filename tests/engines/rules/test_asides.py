"""Facts said before their step, in passing: an action during the goals, a lesson during the drill-down.
They are filed where they belong and the step being asked goes on; zh and en."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.engines.rules.helpers import TO_DRILL_EN, TO_DRILL_ZH, Coaching


@pytest.mark.parametrize(
    ("language", "text", "owner", "due"),
    [
        (
            "zh",
            "回款目标1.2亿，实际9600万。对了我先说个要做的：合同模板加付款节点，法务老黄负责，5月31日前。",
            "老黄",
            dt.date(2026, 5, 31),
        ),
        (
            "en",
            "Revenue target 1.2M, actual 960k. Before I forget: Nina will rewrite the terms by May 31.",
            "Nina",
            dt.date(2026, 5, 31),
        ),
        # the action put down first, its date said with the verb that delivers it ("…前出")
        (
            "zh",
            "先把一个行动记上：帐篷防水检查表，营地主管程野，5月底前出。回款目标1.2亿，实际9600万。",
            "程野",
            dt.date(2026, 5, 31),
        ),
        (
            "en",
            "Let's log one action first: Nina will rewrite the terms by May 31. "
            "Revenue target 1.2M, actual 960k.",
            "Nina",
            dt.date(2026, 5, 31),
        ),
    ],
)
def test_an_action_said_with_the_goals_is_filed_and_the_goals_are_still_read(
    language: str, text: str, owner: str, due: dt.date
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    result = coach.say(text)
    (action,) = result.review.actions
    assert (action.who, action.when) == (owner, due)
    assert action.how in (None, action.what) or len(action.how) > 2  # no leftover word for a HOW ("出")
    assert len(result.review.goals) == 1 and coach.stage == "review"


def test_an_action_alone_with_no_goal_yet_is_filed_and_the_goals_are_asked_again() -> None:
    coach = Coaching()
    result = coach.say("顺便记一条：仓库盘点改成每周一次，仓储李明负责，6月15日前")
    assert [a.who for a in result.review.actions] == ["李明"] and not result.review.goals
    assert coach.stage == "review"


@pytest.mark.parametrize(
    ("language", "opening", "text", "lesson"),
    [
        (
            "zh",
            TO_DRILL_ZH,
            "因为审批变慢了。这里先记一条经验：审批要设时限，这个要新增，算组织。",
            "审批要设时限",
        ),
        (
            "en",
            TO_DRILL_EN,
            "because approvals got slower. Lesson while we're here: start approval deadlines, organization.",
            "approval deadlines",
        ),
        (
            "en",
            TO_DRILL_EN,
            "because approvals got slower. Lesson while I'm at it: start approval deadlines, organization.",
            "approval deadlines",
        ),
        (
            "zh",
            TO_DRILL_ZH,
            "因为审批变慢了。经验顺便记一条：审批要设时限，这个要新增，算组织。",
            "审批要设时限",
        ),
    ],
)
def test_a_lesson_noted_during_the_drill_down_is_kept_and_the_drill_goes_on(
    language: str, opening: tuple[str, ...], text: str, lesson: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    assert coach.step == "drill"
    result = coach.say(text)
    (kept,) = result.review.lessons
    assert lesson in kept.text and kept.dimension.value == "organization" and kept.action.value == "start"
    assert coach.stage == "analysis" and coach.step in ("drill", "confirm_root")  # the why goes on


@pytest.mark.parametrize(
    ("language", "text", "how"),
    [
        (
            "zh",
            "顺便记一条：仓库盘点改成每周一次，仓储李明负责，6月15日前，这个必须做",
            "仓库盘点改成每周一次",
        ),
        ("en", "Before I forget: Nina will rewrite the terms by May 31, that's a must.", "rewrite the terms"),
    ],
)
def test_how_much_an_action_said_in_passing_matters_is_no_part_of_it(
    language: str, text: str, how: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    (action,) = coach.say(text).review.actions
    assert action.how == how


@pytest.mark.parametrize(
    ("language", "text", "owner", "what"),
    [
        (
            "zh",
            "回款目标1.2亿，实际9600万。先说个事免得忘：尾气线那台分析仪下周一必须送去标定，负责人信息员沈莉。",
            "沈莉",
            "尾气线那台分析仪",
        ),
        (
            "en",
            "Revenue target 1.2M, actual 960k. Before I forget: Priya sends the analyser off for calibration "
            "next Monday.",
            "Priya",
            "sends the analyser off for calibration",
        ),
    ],
)
def test_an_action_noted_on_the_way_may_be_due_on_a_day_named_without_a_date(
    language: str, text: str, owner: str, what: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    result = coach.say(text)
    (action,) = result.review.actions
    assert (action.who, action.when) == (owner, dt.date(2026, 5, 4))  # the Monday after the review
    assert action.what.startswith(what) and action.what.rstrip(" .。") == action.what
    assert len(result.review.goals) == 1


@pytest.mark.parametrize(
    ("language", "text", "what"),
    [
        (
            "zh",
            "回款目标1.2亿，实际9600万。先记一个行动，别忘了：跟档案馆对一下4月的交接清单，韩露负责，5月20日前。",
            "跟档案馆对一下4月的交接清单",
        ),
        (
            "en",
            "Revenue target 1.2M, actual 960k. Let's note one action, so we don't forget: "
            "Nina checks April's invoices by May 20.",
            "checks April's invoices",
        ),
    ],
)
def test_why_an_action_is_noted_now_is_no_part_of_it_and_a_date_that_names_a_thing_stays(
    language: str, text: str, what: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    (action,) = coach.say(text).review.actions
    assert action.what == what and action.when == dt.date(2026, 5, 20)
