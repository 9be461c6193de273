"""Gold goals are compared in the document's units: PRODUCT.md reads weeks as days."""

from __future__ import annotations

import pytest

from coach.domain.parsing import build_goal
from coach.evaluation.matching import gold_values


@pytest.mark.parametrize(
    ("gold", "expected"),
    [
        ({"target_value": 6, "result_value": 8, "unit": "周"}, (42, 56)),
        ({"target_value": 2, "result_value": 3, "unit": "weeks"}, (14, 21)),
        ({"target_value": 95, "result_value": 91, "unit": "%"}, (95, 91)),
        ({"target_value": 120_000_000, "result_value": None, "unit": None}, (120_000_000, None)),
    ],
)
def test_gold_values_in_document_units(gold: dict[str, object], expected: tuple[float, float | None]) -> None:
    assert gold_values(gold) == expected


@pytest.mark.parametrize(("target", "result"), [("计划 6 周", "8 周"), ("6 weeks", "8 weeks")])
def test_a_goal_read_in_weeks_meets_its_gold_written_in_weeks(target: str, result: str) -> None:
    goal = build_goal("工期", target, result)
    assert (goal.target_value, goal.result_value) == gold_values(
        {"target_value": 6, "result_value": 8, "unit": "周"}
    )
