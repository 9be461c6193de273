"""Lessons dictated in one message (stages/lessons.py `dictated`): several on one line, each closed by its
type in brackets, are several lessons; brackets that name no type cut nothing; zh and en."""

from __future__ import annotations

import pytest

from coach.engines.rules.stages.lessons import dictated


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
