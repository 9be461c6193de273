"""Scoring against a complete gold: every fact not in the gold is a wrong fact; a gap is only a gap."""

from __future__ import annotations

import datetime as dt
from typing import Any

from coach.domain.retrospective import (
    ActionItem,
    CauseChain,
    Dimension,
    Finding,
    Goal,
    Lesson,
    LessonAction,
    Reflection,
    Retrospective,
    Verdict,
)
from coach.evaluation.facts import FACT_FIELDS, fact_rows, score_facts

GOLD: dict[str, Any] = {
    "goals": [
        {
            "name_keywords": ["毛利率"],
            "target_value": 25,
            "result_value": 21.5,
            "verdict": "missed",
            "unit": "%",
        }
    ],
    "highlights": [{"keywords": ["老带新"]}],
    "shortfalls": [{"keywords": ["续费率"]}],
    "chains": [
        {
            "phenomenon_keywords": ["续费率"],
            "surface_keywords": ["用不上"],
            "root_keywords": ["客户成功经理"],
            "is_main": True,
            "share": 0.7,
        }
    ],
    "reflections": [
        {
            "person": "周敏",
            "most_touched": ["陪跑"],
            "self_discovery": None,
            "do_better": ["早点"],
            "next_step": None,
        }
    ],
    "lessons": [{"keywords": ["上线陪跑"], "dimension": "organization", "action": "start"}],
    "actions": [{"keywords": ["招聘"], "who": "张伟", "when": "2026-06-30"}],
    "forbidden": ["刚说了", "不是新行动"],
}


def good_review() -> Retrospective:
    return Retrospective(
        id="r",
        title="续费复盘",
        goals=[Goal(name="毛利率", target_value=25, result_value=21.5, unit="%", verdict=Verdict.missed)],
        highlights=[Finding(text="老带新活动带来三成新客")],
        shortfalls=[Finding(text="续费率没达成")],
        cause_chains=[
            CauseChain(
                phenomenon="续费率低",
                surface_cause="客户觉得用不上",
                root_cause="没有客户成功经理做上线陪跑",
                share=0.7,
                is_main=True,
            )
        ],
        reflections=[Reflection(person="周敏", most_touched="陪跑太晚", do_better="早点介入")],
        lessons=[
            Lesson(text="新客户要有上线陪跑", dimension=Dimension.organization, action=LessonAction.start),
        ],
        actions=[ActionItem(what="招聘客户成功经理", who="张伟", when=dt.date(2026, 6, 30))],
    )


def test_a_review_that_holds_exactly_the_gold_scores_full_marks_and_no_wrong_fact() -> None:
    counts = score_facts(good_review(), GOLD)

    assert counts.wrong == []
    assert all(counts.f1(kind) == 1.0 for kind in FACT_FIELDS)


def test_meta_talk_filed_as_an_action_is_one_wrong_fact_not_two() -> None:
    review = good_review()
    review.actions.append(ActionItem(what="改截止日期", who="不是新行动，我是要改第1条"))

    counts = score_facts(review, GOLD)

    assert len(counts.wrong) == 1
    assert counts.f1("actions") < 1.0


def test_a_wrong_owner_is_wrong_but_a_missing_owner_is_only_missing() -> None:
    wrong_owner = good_review()
    wrong_owner.actions[0].who = "Route"
    missing_owner = good_review()
    missing_owner.actions[0].who = None

    assert [w for w in score_facts(wrong_owner, GOLD).wrong if "owner" in w]
    assert score_facts(missing_owner, GOLD).wrong == []


def test_a_met_verdict_for_a_result_short_of_target_is_wrong() -> None:
    review = good_review()
    review.goals[0].verdict = Verdict.met

    assert any("verdict" in w for w in score_facts(review, GOLD).wrong)


def test_a_forbidden_prefix_inside_a_right_cause_is_a_wrong_fact() -> None:
    review = good_review()
    review.cause_chains[0].surface_cause = "刚说了，客户觉得用不上"

    counts = score_facts(review, GOLD)

    assert counts.matched["chains"] == 1
    assert any("刚说了" in w for w in counts.wrong)


def test_a_whole_reflection_stored_under_one_answer_loses_the_other_answers() -> None:
    review = good_review()
    review.reflections = [Reflection(person="周敏", most_touched="陪跑太晚；早点介入")]

    counts = score_facts(review, GOLD)

    assert counts.matched["reflections"] == 1
    assert counts.gold["reflections"] == 2
    assert counts.f1("reflections") < 1.0


def test_a_share_off_by_more_than_a_tenth_is_wrong_and_the_rows_say_per_dialogue() -> None:
    review = good_review()
    review.cause_chains[0].share = 0.3

    counts = score_facts(review, GOLD)

    assert any("share" in w for w in counts.wrong)
    assert fact_rows(counts, 2)[-1].endswith("0.50 per dialogue")


def test_english_lessons_typed_wrong_are_wrong() -> None:
    gold = {"lessons": [{"keywords": ["on-call"], "dimension": "people", "action": "optimize"}]}
    review = Retrospective(
        id="e",
        title="outage",
        language="en",
        lessons=[
            Lesson(
                text="Train on-call engineers", dimension=Dimension.business, action=LessonAction.continue_
            ),
        ],
    )

    counts = score_facts(review, gold)

    assert counts.matched["lessons"] == 1
    assert counts.wrong == ["lessons: 'Train on-call engineers' typed business·continue"]
