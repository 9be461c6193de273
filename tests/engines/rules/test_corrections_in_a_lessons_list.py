"""A dictated list of lessons that ends on a correction ("Oh, correction: drone surveys are organisation, not
business", "哦不对，无人机测绘算组织，不是业务"): it retypes the lesson it names and is no lesson of its own;
once the KPIs are collected, the cue corrects no KPI through a number said in a lesson before it ("the first
three jobs"); and an edit that names a lesson by its words takes the type from the sentence naming it only;
zh and en."""

from __future__ import annotations

import pytest

from tests.engines.rules.helpers import Coaching

TO_REFLECTION = {
    "zh": (
        "完工单数目标420，实际386",
        "没有了",
        "完工单数",
        "没有",
        "完工单数没达成，因为人手不够",
        "没有",
        "因为招人慢",
        "根本原因是没有招聘计划",
        "是",
        "八成",
        "跳过",
    ),
    "en": (
        "Jobs completed target 420, actual 386",
        "that's all",
        "Jobs completed",
        "none",
        "Jobs completed missed because crews were short",
        "none",
        "because hiring was slow",
        "the root cause is we had no hiring plan",
        "yes",
        "80%",
        "skip",
    ),
}

CORRECTED_LISTS = {
    "zh": "经验：车前安全带检查继续，文化；无人机测绘继续，业务；"
    "新班组完工单数的前3单由我签字验收，新增，组织。哦不对，无人机测绘算组织，不是业务。",
    "en": "Lessons: keep the van harness check, culture. Keep drone surveys, business. "
    "Start sign-off on every new crew's first three jobs, organisation. "
    "Oh, correction: drone surveys are organisation, not business, it's how we work.",
}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_correction_closing_the_list_retypes_the_lesson_it_names(language: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*TO_REFLECTION[language])
    lessons = coach.say(CORRECTED_LISTS[language]).review.lessons
    assert len(lessons) == 3
    (drone,) = [x for x in lessons if "无人机" in x.text or "drone" in x.text]
    assert (drone.dimension.value, drone.action.value) == ("organization", "continue")


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_correction_cue_corrects_no_kpi_through_a_number_before_it(language: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*TO_REFLECTION[language])
    review = coach.say(CORRECTED_LISTS[language]).review
    assert [(g.target, g.result) for g in review.goals] == [("420", "386")]


LISTS = {
    "zh": "经验：车前安全带检查继续，文化；所有班组的泛水节点培训新增，人；勘察前报固定价停止，业务。",
    "en": "Lessons: keep the van harness check, culture. Start flashing training for all crews, people. "
    "Stop fixed-price quotes before a survey, business.",
}
ABOUT_ANOTHER_THING = {
    "zh": "所有班组的泛水节点培训这个月已经排上了。业务那边还在催报价。",
    "en": "Actions, from Monday's meeting: flashing training day for all crews, Kyle, end of October. "
    "Survey-before-quote rule in the estimating process, Bethan, next Friday.",
}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_type_word_in_another_sentence_retypes_no_lesson(language: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*TO_REFLECTION[language], LISTS[language])
    coach.say(ABOUT_ANOTHER_THING[language])
    assert [x.dimension.value for x in coach.last.review.lessons] == ["culture", "people", "business"]
