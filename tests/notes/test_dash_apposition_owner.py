"""A name set off between two dashes is the one who takes the task (zh, en): "让仓库的老樊——樊建国——来做"
is 樊建国's, "Spare label printer —Priya— by Friday" is Priya's; a verb after a dash ("来做") is none."""

from __future__ import annotations

import pytest

from coach.notes.actions import find_who


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("鞋底来料加一道脱模剂检查，让仓库的老樊——樊建国——来做，8月20号前落实。", "樊建国"),
        ("Spare label printer for the dispatch desk —Priya— by Friday.", "Priya"),
    ],
)
def test_a_name_between_two_dashes_owns_the_task(text: str, who: str) -> None:
    assert find_who(text, None) == who
