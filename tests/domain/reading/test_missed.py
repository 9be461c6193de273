"""A missed item (该做没做的) without the words on when it was promised; words that say what was to be done
stay; zh and en."""

from __future__ import annotations

import pytest

from coach.domain.reading.missed import missed_item


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("the dedicated radiology porter we agreed in November", "the dedicated radiology porter"),
        ("The churn survey. We said we'd run it in January.", "The churn survey"),
        ("the snag app, it never happened", "the snag app"),
        ("放射科专职护工，11月就定好了的", "放射科专职护工"),
        ("夜班交接单，去年就定了", "夜班交接单"),
    ],
)
def test_when_it_was_promised_is_no_part_of_the_item(text: str, item: str) -> None:
    assert missed_item(text) == item


@pytest.mark.parametrize(
    "text",
    [
        "候选人库去年就说要清洗，一直没做",  # 清洗 is the work itself
        "长处方，政策早就允许开两个月的药，我们一直没推",
        "we agreed in November",  # nothing would be left
        "a parts pre-order in October, we talked about it and nobody did it",
    ],
)
def test_the_words_of_the_work_stay(text: str) -> None:
    assert missed_item(text) == text
