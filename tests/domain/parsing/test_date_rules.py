"""The rules that read a date as people say it: each expression found in order, the day it names against
the review date (2026-04-30, a Thursday), whether it states its year, and whether it names a day."""

from __future__ import annotations

import datetime as dt

import pytest

from coach.domain.parsing.date_rules import date_matches, day_of, is_absolute, names_day

APR30 = dt.date(2026, 4, 30)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        (
            "下周五前交，2026年5月8日评审，5月底上线",
            [
                ("下周五", "2026-05-08", False, False),
                ("2026年5月8日", "2026-05-08", True, True),
                ("5月底", "2026-05-31", False, False),
            ],
        ),
        (
            "by Friday, then May 15, 2026 and mid-June",
            [
                ("Friday", "2026-05-01", False, False),
                ("May 15, 2026", "2026-05-15", True, True),
                ("mid-June", "2026-06-15", False, False),
            ],
        ),
    ],
)
def test_each_expression_is_read_in_order(text: str, read: list[tuple[str, str, bool, bool]]) -> None:
    found = [(m.group(0), str(day_of(m, APR30)), is_absolute(m), names_day(m)) for m in date_matches(text)]
    assert found == read


def test_a_day_no_calendar_has_is_none() -> None:
    (match,) = date_matches("2月30日")
    assert day_of(match, APR30) is None


def test_a_span_past_the_calendar_raises() -> None:
    (match,) = date_matches("100000年内")
    with pytest.raises((ValueError, OverflowError)):
        day_of(match, APR30)


@pytest.mark.parametrize("text", ["only 3 numbers", "回款率95%"])
def test_no_date_no_match(text: str) -> None:
    assert list(date_matches(text)) == []
