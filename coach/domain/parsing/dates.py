"""Dates as people say them, found in a text and resolved against the review date (`today`): each mention
with whether it repeats (每周一), is marked as due (下周五前) or states its year; the deadline of an action;
and the date a document states about itself. The rules that read each kind of expression, and how each is
resolved, are in `coach.domain.parsing.date_rules`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from coach.domain.parsing.calendar_days import day_in_month
from coach.domain.parsing.date_rules import date_matches, day_of, is_absolute, names_day


@dataclass(frozen=True)
class DateMention:
    """A date found in text and the span it was read from.

    `recurring`: a repetition (每周一, 每月底, every Monday), not one day. `deadline`: marked as a due
    date (下周五前, 截止5月15日, by May 15). `absolute`: written with its year, so it does not depend on
    the review date. The flags are not part of equality.
    """

    date: dt.date
    text: str
    recurring: bool = field(default=False, compare=False)
    deadline: bool = field(default=False, compare=False)
    absolute: bool = field(default=False, compare=False)


# a repetition, not one day: 每周一, 每个月底, 每逢周五, every Monday, each Friday
_RECURRING_BEFORE = re.compile(r"(?:每|每个|每逢|逢|(?i:\bevery|\beach))\s*$")
# marked as a due date: 下周五前, 月底之前, 两周内 (a window is due at its end), 5月15日截止
_DEADLINE_AFTER = re.compile(
    r"^\s*(?:前|之前|以前|为止|截止|截至|内|之内|以内|完成|交付|上线|(?i:\bat\s+the\s+latest\b))"
)
_DEADLINE_BEFORE = re.compile(
    r"(?:截止|截至|最晚|最迟|不晚于|(?i:\bby|\bbefore|\bdue(?:\s+(?:by|on|date))?|\buntil|\bno\s+later\s+than"
    r"|\bdeadline|\bETA))\s*(?:(?:到|是|为|[:：]|(?i:\bis|\bof|\bthe|\bon))\s*)*$"
)
_DEADLINE_INSIDE = re.compile(r"前$|内$|(?i:^(?:by|before|within|until)\b)")


def _mention(m: re.Match[str], today: dt.date, text: str = "") -> DateMention | None:
    """The date a match stands for, or None when it names no real day (2月30日)."""
    try:
        date = day_of(m, today)
    except (ValueError, OverflowError):
        return None  # "100000年内" runs past the calendar: not a date anyone plans for
    if date is None:
        return None
    span = m.group(0).strip()
    before, after = text[max(0, m.start() - 24) : m.start()], text[m.end() : m.end() + 16]
    return DateMention(
        date,
        span,
        recurring=_RECURRING_BEFORE.search(before) is not None,
        deadline=bool(
            _DEADLINE_AFTER.match(after) or _DEADLINE_BEFORE.search(before) or _DEADLINE_INSIDE.search(span)
        ),
        absolute=is_absolute(m),
    )


def find_dates(text: str, today: dt.date) -> list[DateMention]:
    """All date expressions in the text, in order, resolved against the review date."""
    return [d for m in date_matches(text) if (d := _mention(m, today, text)) is not None]


# where only whether or where a date is written matters, not its day, any day serves as the review date;
# a leap year's first day, so that 2月29日 is one
ANY_DAY = dt.date(2000, 1, 1)


def has_date(text: str) -> bool:
    """Whether the text names a date at all ("月底前", "by Friday", "4/30"), whatever day it is read on."""
    return bool(find_dates(text, ANY_DAY))


def resolve_date(text: str, today: dt.date) -> DateMention | None:
    """The first date expression in the text that names one day (not a recurrence like 每周一), or None.

    For when an action is due use `find_deadline`, which also weighs 前/by markers and past dates.
    """
    return next((d for d in find_dates(text, today) if not d.recurring), None)


def find_deadline(text: str, today: dt.date | None) -> DateMention | None:
    """When an action is due: "每周一对齐数据，下周五前" is 下周五, not 周一.

    Recurrences (每周一, every Monday) are no deadlines. Of the other mentions, those marked as due
    (前/之前/截止/内/by/before/due/within) win over unmarked ones, and a date before the review date
    is never a deadline. Among equals the last one counts ("下周一启动，月底完成"): a plan names its
    start before its end. With no review date (`today` None) only dates written with their year count.
    """
    base = today or dt.date.today()
    mentions = [d for d in find_dates(text, base) if not d.recurring]
    if today is None:
        mentions = [d for d in mentions if d.absolute]
    else:
        mentions = [d for d in mentions if d.date >= today]
    marked = [d for d in mentions if d.deadline]
    chosen = marked or mentions
    return chosen[-1] if chosen else None


# ---- the date a text states about itself ----------------------------------------------------

# a line that says which day the document is of: 日期, held on; a report's publication day ("Published 14 May
# 2026", "发布于…") beats the incident's day its title names ("Post-incident report: …, 9 May 2026")
_DATE_LABEL = re.compile(
    r"日期|时间|发布于|发布日期|撰写于|(?i:\bdate[d:]?\b|\bheld\s+on\b|\bmeeting\s+on\b|\bpublished\b|\bissued\b"
    r"|\bwritten\s+(?:on|by)\b)"
)


def absolute_date(text: str) -> dt.date | None:
    """The first day written with its year (2026-04-30, 2026年5月8日, March 12, 2026, 12 March 2026)."""
    for m in date_matches(text):
        if is_absolute(m) and names_day(m) and (mention := _mention(m, ANY_DAY, text)):
            return mention.date
    return None


def stated_review_date(text: str, head_lines: int = 6) -> dt.date | None:
    """The date a note states about itself: the first full date on a labelled line (日期/时间/date/held on/
    published) among its first lines, else the first full date in them, else on a labelled line anywhere."""
    lines = [line for line in text.splitlines() if line.strip()]
    labelled = [line for line in lines if _DATE_LABEL.search(line)]
    for line in [line for line in lines[:head_lines] if line in labelled] + lines[:head_lines] + labelled:
        if date := absolute_date(line):
            return date
    return None


# "今天4月16号，…", "Today is March 3": the day the meeting says it is held, without its year
_TODAY = re.compile(r"今天|今日|(?i:\btoday\b)")


def stated_day_of(text: str, reference: dt.date, head_lines: int = 6) -> dt.date | None:
    """The day a note's first lines say the meeting is held ("今天4月16号"), in the year of `reference` (the
    file's date): the latest such day not after it. None when no line says so."""
    lines = [line for line in text.splitlines() if line.strip()][:head_lines]
    for line in lines:
        today = _TODAY.search(line)
        if today is None:
            continue
        for m in date_matches(line[today.end() : today.end() + 16]):
            if not names_day(m) or (mention := _mention(m, reference, line)) is None:
                continue
            day = mention.date
            return day if day <= reference else day_in_month(day.year - 1, day.month, day.day)
    return None
