"""Calendar arithmetic for reading dates: month and quarter ends, months and working days added, a weekday
of a week, and a month-day without its year. Pure `datetime`; no text is read here."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable

# month-days further back than this are read as next year's (see coach.domain.parsing.dates)
YEAR_WRAP = dt.timedelta(days=274)


def month_end(year: int, month: int) -> dt.date:
    """The last day of a month."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, clamped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def add_workdays(day: dt.date, count: int) -> dt.date:
    """`count` working days (Monday to Friday) after `day`."""
    if count <= 0:
        return day
    # counting from a weekend is counting from its Friday; then every 5 working days are a week
    day -= dt.timedelta(days=max(0, day.weekday() - 4))
    weeks, rest = divmod(count, 5)
    day += dt.timedelta(weeks=weeks)
    while rest > 0:
        day += dt.timedelta(days=1)
        rest -= day.weekday() < 5
    return day


def weekday_in_week(today: dt.date, weeks_ahead: int, weekday: int) -> dt.date:
    """The given weekday of the week `weeks_ahead` weeks from the review's week."""
    monday = today - dt.timedelta(days=today.weekday())
    return monday + dt.timedelta(weeks=weeks_ahead, days=weekday)


def quarter_end(year: int, quarter: int) -> dt.date:
    """The last day of a quarter."""
    return month_end(year, quarter * 3)


def real_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when it does not exist (2月30日)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def day_in_month(year: int, month: int, day: int) -> dt.date | None:
    """A day of a month (0 = its last day), or None when it does not exist."""
    if not 1 <= month <= 12:
        return None
    return month_end(year, month) if day == 0 else real_date(year, month, day)


def yearless_day(today: dt.date, month: int, day: int) -> dt.date | None:
    """A month-day without a year: the review's year, unless that is over nine months ago."""
    this_year = day_in_month(today.year, month, day)
    if this_year is not None and this_year < today - YEAR_WRAP:
        return day_in_month(today.year + 1, month, day)
    return this_year


def period_end_ahead(today: dt.date, year: int | None, end: Callable[[int], dt.date]) -> dt.date:
    """A period's end in the given year, else this year's, or next year's if it has passed."""
    if year is not None:
        return end(year)
    this_year = end(today.year)
    return this_year if this_year >= today else end(today.year + 1)
