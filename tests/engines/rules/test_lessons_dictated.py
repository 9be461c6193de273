"""Lessons dictated in one message (stages/lessons.py `dictated`): several on one line, each closed by its
type in brackets, are several lessons; brackets that name no type cut nothing; zh and en."""

from __future__ import annotations

import pytest

from coach.engines.rules.stages.lessons import dictated
from coach.engines.rules.stages.lessons_dictated import type_label_off


@pytest.mark.parametrize(
    ("text", "items"),
    [
        (
            "经验：\n早鸟价继续（业务）、场次上限新增（组织）；\n主持人培训体系优化（人）",
            ["早鸟价继续（业务）", "场次上限新增（组织）", "主持人培训体系优化（人）"],
        ),
        (
            "Lessons: keep the early-bird price (business), start a daily booking cap (organisation); "
            "optimise host training (people)",
            [
                "keep the early-bird price (business)",
                "start a daily booking cap (organisation)",
                "optimise host training (people)",
            ],
        ),
    ],
)
def test_lessons_on_one_line_each_closed_by_its_type_are_several(text: str, items: list[str]) -> None:
    assert dictated(text) == items


@pytest.mark.parametrize(
    ("text", "items"),
    [
        # a bracket that names no type ("每周", "UK only") is part of the lesson
        (
            "经验：客户回访（每周）、报价模板统一要新增；早鸟价继续",
            ["客户回访（每周）、报价模板统一要新增", "早鸟价继续"],
        ),
        (
            "Lessons: start the supplier calls (UK only), and the price list review; "
            "keep the early-bird price",
            ["start the supplier calls (UK only), and the price list review", "keep the early-bird price"],
        ),
    ],
)
def test_a_bracket_that_names_no_type_cuts_nothing(text: str, items: list[str]) -> None:
    assert dictated(text) == items


@pytest.mark.parametrize(
    ("said", "words", "dimension", "action"),
    [
        ("培训改成实操带教，优化，人的层面", "培训改成实操带教", "people", "optimize"),
        # the dimension said by its one character alone, as in brackets
        ("助理调色上岗考核，新增，人", "助理调色上岗考核", "people", "start"),
        ("coach the new drivers, start, people", "coach the new drivers", "people", "start"),
        ("多听一线的声音，这个我想算文化，新增", "多听一线的声音", "culture", "start"),
        ("按单结算不算路程的做法停掉，这个也算组织", "按单结算不算路程的做法停掉", "organization", None),
        (
            "keep the berth window confirmation, organization, continue",
            "keep the berth window confirmation",
            "organization",
            "continue",
        ),
        (
            "Stop treating a shelf layout as permanent: organisation, stop",
            "Stop treating a shelf layout as permanent",
            "organization",
            "stop",
        ),
        # the dimension and the action in one clause
        ("单量预测要有专人负责，这是组织层面要开始做的", "单量预测要有专人负责", "organization", "start"),
        (
            "capacity planning needs an owner, that's an organization thing to start",
            "capacity planning needs an owner",
            "organization",
            "start",
        ),
    ],
)
def test_the_last_clauses_naming_only_the_type_type_the_lesson_and_leave_its_words(
    said: str, words: str, dimension: str | None, action: str | None
) -> None:
    text, said_dimension, said_action = type_label_off(said, None, None)
    assert text == words
    assert (said_dimension and said_dimension.value) == dimension
    assert (said_action and said_action.value) == action


@pytest.mark.parametrize(
    ("said", "words", "action"),
    [
        ("新增：储位防错标准", "储位防错标准", "start"),
        ("Start: emergency change path", "emergency change path", "start"),
    ],
)
def test_an_action_said_as_a_label_before_the_lesson_is_its_action(
    said: str, words: str, action: str
) -> None:
    text, _, said_action = type_label_off(said, None, None)
    assert (text, said_action and said_action.value) == (words, action)


def test_a_last_clause_with_more_than_the_type_stays_in_the_lesson() -> None:
    assert (
        type_label_off("碳源投加要停止，改成按进水和水温算", None, None)[0]
        == "碳源投加要停止，改成按进水和水温算"
    )
    assert (
        type_label_off("stop the loop, it's the job mix", None, None)[0] == "stop the loop, it's the job mix"
    )


@pytest.mark.parametrize(
    ("said", "words", "dimension"),
    [
        (
            "新增高峰期弹性诊室，算人的方面，从病房调医生过来",
            "新增高峰期弹性诊室，从病房调医生过来",
            "people",
        ),
        (
            "stop routing short runs to the litho, that's business really, it's the job mix",
            "stop routing short runs to the litho, it's the job mix",
            "business",
        ),
    ],
)
def test_a_type_said_between_the_lessons_words_and_its_reason_is_no_part_of_the_words(
    said: str, words: str, dimension: str
) -> None:
    text, said_dimension, _ = type_label_off(said, None, None)
    assert (text, said_dimension and said_dimension.value) == (words, dimension)
