"""Calendar arithmetic under the date reader: month ends, months and working days added, a weekday of a
week, and a month-day without its year (no text here, so no language)."""

from __future__ import annotations

import datetime as dt

import pytest

from coach.domain.parsing.calendar_days import (
    add_months,
    add_workdays,
    day_in_month,
    period_end_ahead,
    quarter_end,
    weekday_in_week,
    yearless_day,
)

D = dt.date


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2024, 1, 31), 1, D(2024, 2, 29)),
        (D(2026, 11, 15), 3, D(2027, 2, 15)),
    ],
)
def test_months_added_keep_the_day_clamped_to_a_shorter_month(
    day: dt.date, months: int, expected: dt.date
) -> None:
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("day", "count", "expected"),
    [
        (D(2026, 5, 6), 3, D(2026, 5, 11)),  # Wednesday + 3 working days: over the weekend to Monday
        (D(2026, 5, 9), 1, D(2026, 5, 11)),  # from a Saturday counts from its Friday
        (D(2026, 5, 8), 5, D(2026, 5, 15)),  # five working days are a week
        (D(2026, 5, 8), 0, D(2026, 5, 8)),
    ],
)
def test_working_days_skip_weekends(day: dt.date, count: int, expected: dt.date) -> None:
    assert add_workdays(day, count) == expected


def test_a_weekday_is_of_the_week_counted_from_the_review_s_week_even_when_past() -> None:
    wednesday = D(2026, 5, 6)
    assert weekday_in_week(wednesday, 0, 0) == D(2026, 5, 4)  # this week's Monday, already past
    assert weekday_in_week(wednesday, 1, 4) == D(2026, 5, 15)  # next week's Friday


@pytest.mark.parametrize(
    ("year", "month", "day", "expected"),
    [(2026, 2, 0, D(2026, 2, 28)), (2026, 2, 30, None), (2026, 13, 1, None), (2026, 6, 15, D(2026, 6, 15))],
)
def test_a_day_of_a_month_is_its_last_day_for_0_and_none_when_it_does_not_exist(
    year: int, month: int, day: int, expected: dt.date | None
) -> None:
    assert day_in_month(year, month, day) == expected


@pytest.mark.parametrize(
    ("today", "month", "day", "expected"),
    [
        (D(2026, 12, 28), 1, 15, D(2027, 1, 15)),  # a plan across New Year
        (D(2026, 12, 28), 4, 30, D(2026, 4, 30)),  # this year's history, under nine months back
        (D(2026, 5, 8), 5, 1, D(2026, 5, 1)),
    ],
)
def test_a_month_day_without_a_year_is_next_year_s_only_when_over_nine_months_back(
    today: dt.date, month: int, day: int, expected: dt.date
) -> None:
    assert yearless_day(today, month, day) == expected


def test_a_period_end_without_a_year_is_the_next_one_not_yet_passed() -> None:
    assert period_end_ahead(D(2026, 12, 28), None, lambda y: quarter_end(y, 1)) == D(2027, 3, 31)
    assert period_end_ahead(D(2026, 2, 1), None, lambda y: quarter_end(y, 1)) == D(2026, 3, 31)
    assert period_end_ahead(D(2026, 12, 28), 2026, lambda y: quarter_end(y, 1)) == D(2026, 3, 31)
