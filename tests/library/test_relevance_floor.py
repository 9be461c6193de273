"""The relevance floor: with `floor=True` hybrid search leaves out the weak tail, never the best hits."""

from __future__ import annotations

import pytest

from coach.library import LessonLibrary
from coach.library.library import FLOOR_KEEPS_FIRST, RELEVANCE_FLOOR, above_floor
from coach.storage.tables import DEFAULT_WORKSPACE

pytestmark = pytest.mark.sqlite_only(
    reason="the eval set is always embedded in a temp home (coach.evaluation)"
)


def test_above_floor_keeps_the_first_few_then_only_what_clears_the_floor() -> None:
    ranked = [("a", 0.9), ("b", 0.4), ("c", 0.3), ("d", 0.7), ("e", 0.59), ("f", 0.2)]
    assert above_floor(ranked, floor=0.6, keep=3) == [("a", 0.9), ("b", 0.4), ("c", 0.3), ("d", 0.7)]
    assert above_floor(ranked, floor=0.6, keep=1) == [("a", 0.9), ("d", 0.7)]
    assert above_floor([], floor=0.6, keep=3) == []


def test_a_floored_search_is_the_head_of_the_unfloored_one(eval_library: LessonLibrary) -> None:
    query = "灰度名单只选内部员工"  # a development-set keyword query
    full = eval_library.search_detailed(DEFAULT_WORKSPACE, query, 20).hits
    cut = eval_library.search_detailed(DEFAULT_WORKSPACE, query, 20, floor=True).hits
    assert len(full) == 20
    assert FLOOR_KEEPS_FIRST <= len(cut) < len(full)
    assert [h.id for h in cut] == [h.id for h in full[: len(cut)]]
    assert "L064" in [h.id for h in cut[:5]]  # the relevant lesson stays
    assert all(h.score >= RELEVANCE_FLOOR for h in cut[FLOOR_KEEPS_FIRST:])
    assert any(h.score < RELEVANCE_FLOOR for h in full)


def test_an_off_topic_query_shows_fewer_lessons_with_the_floor(eval_library: LessonLibrary) -> None:
    query = "the office printer keeps jamming"
    full = eval_library.search_detailed(DEFAULT_WORKSPACE, query, 20).hits
    cut = eval_library.search_detailed(DEFAULT_WORKSPACE, query, 20, floor=True).hits
    assert len(cut) < len(full)
