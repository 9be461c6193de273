"""A month and day said with 明年 / 今年 (zh) is in that year, whatever the month, as "2027年5月31日" is;
the English "next year" alone stays the end of next year, and a month-day without a year the review's."""

from __future__ import annotations

import datetime as dt

import pytest

from coach.domain.parsing import find_deadline

REVIEW = dt.date(2026, 9, 20)


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("夏季发酵温控方案，明年5月底前拿出来", dt.date(2027, 5, 31)),
        ("明年3月15日前完成", dt.date(2027, 3, 15)),
        ("今年12月底前上线", dt.date(2026, 12, 31)),
        ("12月底前上线", dt.date(2026, 12, 31)),
        ("Ship the new pager by next year", dt.date(2027, 12, 31)),
    ],
)
def test_a_month_day_said_with_its_relative_year_is_in_that_year(text: str, when: dt.date) -> None:
    found = find_deadline(text, REVIEW)
    assert found is not None and found.date == when
