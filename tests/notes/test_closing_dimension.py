"""A dimension said after the lesson, closing it (zh, en): "师带徒继续，人的层面；", "Keep the buddy scheme,
people;" type the lesson, also when a list goes on after it; "人" alone is no dimension ("一个人")."""

from __future__ import annotations

import pytest

from coach.domain.retrospective import Dimension
from coach.notes.lessons import build_lesson
from coach.notes.segment import Item


def _dimension(text: str) -> Dimension:
    return build_lesson(Item(text=text, evidence=text)).dimension


@pytest.mark.parametrize(
    ("text", "dimension"),
    [
        ("师带徒继续，人的层面；", Dimension.people),
        ("新员工带教要优化，人的问题", Dimension.people),
        ("U型线改造要继续，组织上的；", Dimension.organization),
        ("Keep the buddy scheme for new starters, people;", Dimension.people),
        ("Keep the shuttle timetable, organisation;", Dimension.organization),
    ],
)
def test_a_closing_dimension_types_the_lesson(text: str, dimension: Dimension) -> None:
    assert _dimension(text) is dimension


def test_a_person_counted_is_no_dimension() -> None:
    assert _dimension("会员日特价引流要继续，一个人") is Dimension.business
