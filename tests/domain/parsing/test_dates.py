"""Dates resolved against the review date; weeks run Monday to Sunday.

Review dates: 2026-04-30 (a Thursday, the last day of a month), 2026-12-28 (a Monday in the
last week of the year) and 2026-07-15 (a Wednesday in mid-year).
"""

from __future__ import annotations

import datetime as dt

import pytest

from coach.domain.parsing import DateMention, find_dates, find_deadline, has_date, resolve_date
from coach.domain.parsing.dates import absolute_date, stated_day_of, stated_review_date

APR30 = dt.date(2026, 4, 30)
DEC28 = dt.date(2026, 12, 28)
JUL15 = dt.date(2026, 7, 15)


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


DATES: list[tuple[str, dt.date, dt.date]] = [
    # absolute dates
    ("2026-04-30", APR30, d("2026-04-30")),
    ("2026/4/30", APR30, d("2026-04-30")),
    ("2027年1月8日", APR30, d("2027-01-08")),
    ("4月30日", APR30, d("2026-04-30")),
    ("3月15日前完成", APR30, d("2026-03-15")),
    ("三月十五日", APR30, d("2026-03-15")),
    ("4/30", APR30, d("2026-04-30")),
    ("May 15", APR30, d("2026-05-15")),
    ("15 May", APR30, d("2026-05-15")),
    ("by June 3rd, 2027", APR30, d("2027-06-03")),
    # month-day across New Year: next year's when more than nine months back
    ("1月15日前", DEC28, d("2027-01-15")),
    ("Jan 15", DEC28, d("2027-01-15")),
    ("4月30日", DEC28, d("2026-04-30")),
    # weekdays: this week's, the next calendar week's, the previous week's
    ("周五", APR30, d("2026-05-01")),
    ("本周五", APR30, d("2026-05-01")),
    ("这周五", APR30, d("2026-05-01")),
    ("星期一", APR30, d("2026-04-27")),  # this week's even if already past
    ("下周五", APR30, d("2026-05-08")),  # across the month end
    ("下周一", APR30, d("2026-05-04")),
    ("下个礼拜三", APR30, d("2026-05-06")),
    ("下下周二", APR30, d("2026-05-12")),
    ("上周五", APR30, d("2026-04-24")),
    ("周末", APR30, d("2026-05-03")),
    ("下周五", DEC28, d("2027-01-08")),  # across the year end
    ("周五", DEC28, d("2027-01-01")),
    ("next Friday", APR30, d("2026-05-08")),
    ("this Friday", APR30, d("2026-05-01")),
    ("by Friday", APR30, d("2026-05-01")),
    ("last Friday", APR30, d("2026-04-24")),
    ("next Mon", APR30, d("2026-05-04")),
    ("this weekend", APR30, d("2026-05-03")),
    # weeks without a day: their Friday
    ("下周", APR30, d("2026-05-08")),
    ("本周内", APR30, d("2026-05-01")),
    ("next week", APR30, d("2026-05-08")),
    ("end of the week", APR30, d("2026-05-01")),
    ("EOW", APR30, d("2026-05-01")),
    # days
    ("今天", APR30, d("2026-04-30")),
    ("明天", APR30, d("2026-05-01")),
    ("后天", APR30, d("2026-05-02")),
    ("大后天", APR30, d("2026-05-03")),
    ("tomorrow", APR30, d("2026-05-01")),
    ("day after tomorrow", APR30, d("2026-05-02")),
    ("EOD", APR30, d("2026-04-30")),
    ("明天", DEC28, d("2026-12-29")),
    # months
    ("月底", APR30, d("2026-04-30")),
    ("下月底", APR30, d("2026-05-31")),
    ("下个月底", DEC28, d("2027-01-31")),
    ("月中", APR30, d("2026-04-15")),
    ("下月中", APR30, d("2026-05-15")),
    ("下月初", APR30, d("2026-05-10")),
    ("下个月", APR30, d("2026-05-31")),
    ("5月底", APR30, d("2026-05-31")),
    ("5月", APR30, d("2026-05-31")),
    ("2月底", APR30, d("2026-02-28")),
    ("十二月中旬", APR30, d("2026-12-20")),
    ("6月下旬", APR30, d("2026-06-30")),
    ("15号", APR30, d("2026-04-15")),
    ("end of May", APR30, d("2026-05-31")),
    ("mid-May", APR30, d("2026-05-15")),
    ("early June", APR30, d("2026-06-10")),
    ("end of month", APR30, d("2026-04-30")),
    ("end of next month", APR30, d("2026-05-31")),
    ("EOM", DEC28, d("2026-12-31")),
    # quarters and halves: that period's end, next year's once it has ended
    ("Q2", APR30, d("2026-06-30")),
    ("二季度", APR30, d("2026-06-30")),
    ("第二季度", APR30, d("2026-06-30")),
    ("Q1", APR30, d("2027-03-31")),
    ("Q1", DEC28, d("2027-03-31")),
    ("Q4", DEC28, d("2026-12-31")),
    ("end of Q3", APR30, d("2026-09-30")),
    ("2027年Q1", APR30, d("2027-03-31")),
    ("Q1 2027", APR30, d("2027-03-31")),
    ("明年一季度", APR30, d("2027-03-31")),
    ("本季度末", APR30, d("2026-06-30")),
    ("下季度", DEC28, d("2027-03-31")),
    ("this quarter", JUL15, d("2026-09-30")),
    ("H2", APR30, d("2026-12-31")),
    ("上半年", JUL15, d("2027-06-30")),
    # years
    ("年底", APR30, d("2026-12-31")),
    ("年中", APR30, d("2026-06-30")),
    ("明年底", APR30, d("2027-12-31")),
    ("2026年底", APR30, d("2026-12-31")),
    ("今年内", APR30, d("2026-12-31")),
    ("end of year", APR30, d("2026-12-31")),
    ("by the end of 2027", APR30, d("2027-12-31")),
    # spans from the review date
    ("两周内", APR30, d("2026-05-14")),
    ("2周内", APR30, d("2026-05-14")),
    ("10天内", APR30, d("2026-05-10")),
    ("三天后", APR30, d("2026-05-03")),
    ("一个月内", APR30, d("2026-05-30")),
    ("一个月内", dt.date(2026, 1, 31), d("2026-02-28")),  # calendar month, clamped
    ("半年内", APR30, d("2026-10-30")),
    ("3个工作日内", APR30, d("2026-05-05")),  # Fri, Mon, Tue
    ("3个工作日内", d("2026-05-02"), d("2026-05-06")),  # from a Saturday: Mon, Tue, Wed
    ("24小时内", APR30, d("2026-05-01")),
    ("within two weeks", APR30, d("2026-05-14")),
    ("Give me two weeks.", APR30, d("2026-05-14")),  # the speaker asks for the time the task takes
    ("in 3 days", APR30, d("2026-05-03")),
    ("in a month", APR30, d("2026-05-30")),
    ("within 2 business days", APR30, d("2026-05-04")),
    ("3 days from now", DEC28, d("2026-12-31")),
    ("两周内", DEC28, d("2027-01-11")),
]


@pytest.mark.parametrize(("text", "today", "expected"), DATES)
def test_resolve_date(text: str, today: dt.date, expected: dt.date) -> None:
    mention = resolve_date(text, today)
    assert mention is not None
    assert mention.date == expected


NOT_DATES = [
    "",
    "没有日期",
    "大家加油",
    "1.2亿",
    "目标95%",
    "3个月中我们做了很多",
    "在过去一年中",
    "年终奖",
    "2月30日",
    "13/45",
    "we may ship it",
    "no date at all",
    "两周一次的例会",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_no_date(text: str) -> None:
    assert resolve_date(text, APR30) is None


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("请在下周五之前提交", "下周五"),
        ("3月15日前完成", "3月15日"),
        ("ship by end of Q3 please", "end of Q3"),
        ("两周内上线", "两周内"),
    ],
)
def test_text_is_the_matched_span(text: str, span: str) -> None:
    mention = resolve_date(text, APR30)
    assert mention is not None
    assert mention.text == span


def test_find_dates_in_order() -> None:
    text = "下周五出方案，5月15日评审，Q2 末上线"
    assert find_dates(text, APR30) == [
        DateMention(d("2026-05-08"), "下周五"),
        DateMention(d("2026-05-15"), "5月15日"),
        DateMention(d("2026-06-30"), "Q2"),
    ]


def test_find_dates_none() -> None:
    assert find_dates("no dates, only 3 numbers", APR30) == []


# ---- whether a text names a date at all, whatever day it is read on ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "我来吧，月底前",
        "下周五前交方案",
        "每周一对齐",  # a recurrence names a day too
        "2月29日前",  # a day that only a leap year has is still a date
        "Yes, by the 20th.",
        "contract register - dev - feb 27",
        "4/30",
        "every Monday",
    ],
)
def test_a_text_that_names_a_date_has_one(text: str) -> None:
    assert has_date(text)


@pytest.mark.parametrize(
    "text",
    [
        "苏晴牵头",
        "转化率提升3个点",
        "不是赵敏，是孙丽",
        "Tom",
        "that's not an action",
        "only 3 numbers, 1,200 m",
    ],
)
def test_a_text_without_a_date_has_none(text: str) -> None:
    assert not has_date(text)


# ---- deadlines: recurrences are no deadlines, marked dates win, past dates never count ----------

DEADLINES: list[tuple[str, dt.date | None, str | None]] = [
    ("每周一对齐渠道数据，@李娜 负责，下周五前", APR30, "2026-05-08"),
    ("每个月底复盘一次，下周三前出模板", APR30, "2026-05-06"),
    ("5月12日开会，5月20日前提交", APR30, "2026-05-20"),
    ("下周一启动，月底完成", DEC28, "2026-12-31"),
    ("截止5月15日，周一先碰一下", APR30, "2026-05-15"),
    ("3月15日前完成", APR30, None),  # already past: not a deadline
    ("12号机模温机更换，下周五前", APR30, "2026-05-08"),  # 12号机 is a machine
    ("两周内上线", APR30, "2026-05-14"),
    ("Sync every Monday, Bob owns it, due next Friday", APR30, "2026-05-08"),
    ("Kick off on May 4, deliver by May 15", APR30, "2026-05-15"),
    ("each Friday a status mail; ship the fix by end of May", APR30, "2026-05-31"),
    ("Review it last Friday again", APR30, None),
    ("2026年6月30日前补齐，下周五先给初稿", None, "2026-06-30"),  # no review date: only a dated year
    ("下周五前", None, None),
    ("by June 3rd, 2027", None, "2027-06-03"),
]


@pytest.mark.parametrize(("text", "today", "expected"), DEADLINES)
def test_find_deadline(text: str, today: dt.date | None, expected: str | None) -> None:
    mention = find_deadline(text, today)
    assert (mention.date.isoformat() if mention else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("每周一对齐渠道数据，下周五前", "2026-05-08"), ("every Monday sync, next Friday", "2026-05-08")],
)
def test_resolve_date_skips_recurrences(text: str, expected: str) -> None:
    mention = resolve_date(text, APR30)
    assert mention is not None and mention.date.isoformat() == expected


def test_mentions_are_flagged() -> None:
    weekly, due = find_dates("每周一对齐，下周五前交", APR30)
    assert weekly.recurring and not weekly.deadline
    assert due.deadline and not due.recurring and not due.absolute
    assert find_dates("2026年6月30日", APR30)[0].absolute


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("复盘会 2026-04-30", "2026-04-30"),
        ("2026/4/30 周四", "2026-04-30"),
        ("会议时间：2026 年 5 月 8 日 14:00", "2026-05-08"),
        ("Held on March 12, 2026", "2026-03-12"),
        ("12 March 2026, Berlin", "2026-03-12"),
        ("Sept. 3rd, 2026", "2026-09-03"),
        ("下周五前，然后 2026年6月30日上线", "2026-06-30"),  # the first one with its year
        ("5月8日", None),  # no year: it depends on the review date
        ("May 8", None),
        ("2026年5月底", None),  # a month, not a day
        ("by the end of 2026", None),
        ("Q2 2026", None),
        ("2026年2月30日", None),  # no such day
    ],
)
def test_absolute_date_is_a_day_written_with_its_year(text: str, expected: str | None) -> None:
    date = absolute_date(text)
    assert (date.isoformat() if date else None) == expected


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("# 华东销售 Q1 复盘\n2026年4月30日\n\n回款目标1.2亿", "2026-04-30"),
        ("# Payments outage review\nMarch 12, 2026 · SRE\n\nWhat went well", "2026-03-12"),
        # far down the note, on a line that says it is the date
        ("标题\n" + "内容\n" * 8 + "日期：2026-05-08\n", "2026-05-08"),
        ("Title\n" + "text\n" * 8 + "Date: 8 May 2026\n", "2026-05-08"),
        # a date far down without a label is some deadline, not the review's date
        ("标题\n" + "内容\n" * 8 + "2026年6月30日前上线\n", None),
        ("Title\n" + "text\n" * 8 + "ship by June 30, 2026\n", None),
    ],
)
def test_stated_review_date_is_in_the_first_lines_or_on_a_date_line(note: str, expected: str | None) -> None:
    date = stated_review_date(note)
    assert (date.isoformat() if date else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Yes, by the 20th. I'll need budget for four carers.", "2026-11-20"),
        ("好的，20号前给结果", "2026-11-20"),
        ("The spare parts are stored on the 3rd floor.", None),
        ("We spoke about it on the 20th.", None),
        ("Yep. Give me till the 10th.", "2026-12-10"),  # the 10th has passed: next month's
        ("by the 12th", "2026-11-12"),
    ],
)
def test_by_the_20th_is_that_day_of_the_review_s_month(text: str, expected: str | None) -> None:
    mention = find_deadline(text, dt.date(2026, 11, 12))
    assert (mention.date.isoformat() if mention else None) == expected


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # a report's publication day beats the incident's day its title names
        (
            "# Post-incident report: checkout failures, 9 May 2026\n\n"
            "*Published 14 May 2026 by the platform team.*",
            "2026-05-14",
        ),
        ("# 5月9日支付故障复盘（2026年5月9日）\n发布于2026年5月14日\n\n影响", "2026-05-14"),
        ("# 复盘 2026年5月9日\n日期：2026年5月12日", "2026-05-12"),
        # with no labelled line the first full date of the head stands, in a transcript too
        ("# Retro, 9 May 2026\nWe shipped on 14 May 2026.", "2026-05-09"),
        ("[00:01] 王磊：今天是2026年5月9日的复盘。\n[00:05] 李娜：6月30日前上线", "2026-05-09"),
    ],
)
def test_a_labelled_date_in_the_head_beats_the_first_date(note: str, expected: str) -> None:
    date = stated_review_date(note)
    assert (date.isoformat() if date else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a compound adjective names no day; the weekend itself does, in either language
        ("introduce weekend-aware alert thresholds", None),
        ("finish it by the weekend", "2026-05-03"),
        ("周末前做完", "2026-05-03"),
    ],
)
def test_weekend_in_a_compound_names_no_day(text: str, expected: str | None) -> None:
    found = [d for d in find_dates(text, APR30) if not d.recurring]
    assert (found[0].date.isoformat() if found else None) == expected


@pytest.mark.parametrize(
    ("note", "file_date", "expected"),
    [
        # the day the meeting says it is held, in the year of the file's date
        ("钱国栋：好，开始吧。今天4月16号，速冻车间月度会。\n周凯：好。", dt.date(2026, 4, 20), "2026-04-16"),
        ("Nadia: Right, today is March 3, the crew review.\nBen: Sure.", dt.date(2026, 3, 5), "2026-03-03"),
        (
            "[00:01] 王磊：今天12月30号，年终复盘。",
            dt.date(2027, 1, 3),
            "2026-12-30",
        ),  # the file is from the new year
        # a deadline is not the meeting's day, nor is a day said far down the note (another style: a list)
        ("# 复盘\n- 刀片抽检，4月30日前\n", dt.date(2026, 4, 20), None),
        ("Retro\n" + "text\n" * 8 + "Today is March 3\n", dt.date(2026, 3, 5), None),
    ],
)
def test_the_day_a_meeting_says_it_is_held_takes_the_files_year(
    note: str, file_date: dt.date, expected: str | None
) -> None:
    day = stated_day_of(note, file_date)
    assert (day.isoformat() if day else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我来，下月15号前出流程", "2026-12-15"),  # a day of next month, not its end
        ("下个月十五日前", "2026-12-15"),
        ("本月28日前", "2026-11-28"),
        ("by the 15th of next month", "2026-12-15"),
        ("下月前", "2026-12-31"),  # no day: the month's end, as before
        ("by the end of next month", "2026-12-31"),
    ],
)
def test_a_day_of_a_month_said_relative_to_this_one(text: str, expected: str) -> None:
    found = resolve_date(text, dt.date(2026, 11, 25))
    assert found is not None and found.date.isoformat() == expected


@pytest.mark.parametrize("text", ["下月15号线开通", "next month's 15 tickets"])
def test_a_number_after_next_month_that_is_no_day_is_no_day(text: str) -> None:
    found = resolve_date(text, dt.date(2026, 11, 25))
    assert found is None or found.date.day != 15
