"""A weekday said with the day of the month ("Monday the 31st", "Friday 24th", "周一31号") is that day of the
month, never the weekday alone (which may lie before the review). zh and en."""

from __future__ import annotations

import datetime as dt

import pytest

from coach.domain.parsing import find_deadline

REVIEW = dt.date(2026, 8, 19)


@pytest.mark.parametrize(
    ("said", "day"),
    [
        ("push my first rota review to Monday the 31st", dt.date(2026, 8, 31)),
        ("First one Monday the 24th.", dt.date(2026, 8, 24)),
        ("by Friday 4th", dt.date(2026, 9, 4)),
        ("首次推到周一31号", dt.date(2026, 8, 31)),
        ("第一次放在24号周一", dt.date(2026, 8, 24)),
    ],
)
def test_a_weekday_with_its_day_of_the_month_is_that_day(said: str, day: dt.date) -> None:
    found = find_deadline(said, REVIEW)
    assert found is not None and found.date == day
