"""The rules that read a date as people say it, one a kind of expression, resolved against the review date
(`today`). `coach.domain.parsing.dates` finds the mentions with them.

Rules (weeks run Monday to Sunday):
- 周五/本周五/this Friday/by Friday: Friday of this week, even if already past;
  下周五/next Friday: Friday of the next calendar week; 上周五/last Friday: of the previous one.
- 本周/下周/this week/next week/end of week with no day: that week's Friday (the last working
  day); 周末/weekend: that week's Sunday.
- A month and day without a year (3月15日, 4/30, May 15) is in the review's year, unless that is
  more than nine months before the review date, then next year's: said on 2026-12-28, 1月15日 is
  2027-01-15 (a plan across New Year) but 4月30日 stays 2026-04-30 (this year's history).
  A month alone (5月, end of May) is the last day of that month, same year rule.
- 月底/下月底/end of month: last day of the month; 月中/mid-May: the 15th; 月初/上旬/early May:
  the 10th; 中旬: the 20th; 下旬/late May: the last day. N号: day N of the review's month.
- Q2/二季度/第二季度/end of Q2: the quarter's last day in the review's year, next year's if that
  quarter has already ended (Q1 on 2026-12-28 is 2027-03-31); H1/上半年 likewise. 年底/end of
  year: 12-31; 年中: 06-30; 年初: 01-31.
- 两周内/10天内/三天后/in 3 days/within two weeks: review date + N days (weeks x 7); months and
  years are calendar months (same day, clamped to the month's end); 工作日/business days skip
  weekends; hours count whole days.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator

from coach.domain.parsing.calendar_days import (
    add_months,
    add_workdays,
    day_in_month,
    month_end,
    period_end_ahead,
    quarter_end,
    real_date,
    weekday_in_week,
    yearless_day,
)
from coach.domain.parsing.numerals import EN_NUMBER_PATTERN, chinese_to_int, english_to_int
from coach.domain.parsing.scanning import scan

Handler = Callable[[re.Match[str], dt.date], dt.date | None]

FRIDAY, SUNDAY = 4, 6

_CN_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "末": 6}
_EN_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_EN_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
_CN_DAYS = {
    "今天": 0,
    "今日": 0,
    "今晚": 0,
    "明天": 1,
    "明日": 1,
    "后天": 2,
    "大后天": 3,
    "昨天": -1,
    "前天": -2,
}
_CN_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4}
# day of the month each part of a month means; 0 is the month's last day
_MONTH_PARTS = {"底": 0, "末": 0, "下旬": 0, "中": 15, "中旬": 20, "初": 10, "上旬": 10}
_EN_MONTH_PARTS = {"end": 0, "late": 0, "mid": 15, "middle": 15, "early": 10, "beginning": 10}

_CN_N = r"\d{1,2}|[一二三四五六七八九十]{1,3}"
_YEAR = r"(?:19|20)\d{2}"
_REL_WEEK = r"下下个?|下个?|本|这个?|上个?|今"
_MONTH_EN = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_EN_COUNT = rf"\d+|an?|(?:a\s+)?couple\s+of|{EN_NUMBER_PATTERN}"


# ---- reading the parts of a match ----------------------------------------------------------


def _number(text: str) -> int | None:
    """Digits or a Chinese numeral as an int."""
    return int(text) if text.isdigit() else chinese_to_int(text)


def _year_of(explicit: str | None, relative: str | None, today: dt.date) -> int | None:
    """A year written out (2027) or relative (今年, 明年, 去年), or None."""
    if explicit:
        return int(explicit)
    if relative:
        return today.year + {"今": 0, "明": 1, "去": -1, "后": 2}[relative]
    return None


def _offset(relative: str | None) -> int:
    """Weeks, months or quarters from the current one for 下/下下/上/next/last."""
    relative = (relative or "").lower()
    if relative.startswith("下下"):
        return 2
    if relative.startswith(("下", "next")):
        return 1
    if relative.startswith(("上", "last")):
        return -1
    return 0


# ---- handlers, one per kind of expression ---------------------------------------------------


def _ymd(m: re.Match[str], today: dt.date) -> dt.date | None:
    """2026-04-30, 2026/4/30, 2026年4月30日."""
    return real_date(int(m["ymd_y"]), int(m["ymd_m"]), int(m["ymd_d"]))


def _quarter(m: re.Match[str], today: dt.date) -> dt.date | None:
    """Q2, 二季度, 第二季度, 2027年Q1, end of Q3."""
    quarter = int(m["q_q"]) if m["q_q"] else _CN_QUARTERS.get(m["q_n"]) or int(m["q_n"])
    year = _year_of(m["q_y"] or m["q_y2"], m["q_rel"], today)
    return period_end_ahead(today, year, lambda y: quarter_end(y, quarter))


def _quarter_relative(m: re.Match[str], today: dt.date) -> dt.date | None:
    """本季度, 下季度, 季度末."""
    quarter_index = today.year * 4 + (today.month - 1) // 3 + _offset(m["qr_rel"] or m["qr_rel2"])
    year, quarter = divmod(quarter_index, 4)
    return quarter_end(year, quarter + 1)


def _half(m: re.Match[str], today: dt.date) -> dt.date | None:
    """上半年, 下半年, H1, H2."""
    month = 6 if (m["h_half"] or m["h_half2"]) in ("上", "1") else 12
    year = _year_of(m["h_y"], m["h_rel"], today)
    return period_end_ahead(today, year, lambda y: month_end(y, month))


def _month_day(m: re.Match[str], today: dt.date) -> dt.date | None:
    """4月30日, 3月15日前, 5月底, 5月, 十二月中旬."""
    month = _number(m["md_m"])
    day_text = m["md_d"] or m["md_dc"]
    day = _number(day_text) if day_text else _MONTH_PARTS[m["md_p"] or "底"]
    if month is None or day is None or (day_text and day == 0):
        return None
    year = _year_of(m["md_y"], m["md_rel"], today)  # "明年5月底" is next year's, whatever the month
    return day_in_month(year, month, day) if year is not None else yearless_day(today, month, day)


def _slash(m: re.Match[str], today: dt.date) -> dt.date | None:
    """4/30 (month/day)."""
    return yearless_day(today, int(m["sl_m"]), int(m["sl_d"]))


def _month_relative(m: re.Match[str], today: dt.date) -> dt.date | None:
    """月底, 下月底, 本月中, 下个月."""
    first = add_months(today.replace(day=1), _offset(m["mr_rel"] or m["mr_rel2"]))
    return day_in_month(first.year, first.month, _MONTH_PARTS[m["mr_p"] or "底"])


def _month_relative_day(m: re.Match[str], today: dt.date) -> dt.date | None:
    """下月15号, 本月20日, the 15th of next month."""
    first = add_months(today.replace(day=1), _offset(m["mrd_rel"] or m["mrd_rel2"]))
    day = _number(m["mrd_d"] or m["mrd_d2"])
    return day_in_month(first.year, first.month, day) if day else None


def _year_part(m: re.Match[str], today: dt.date) -> dt.date | None:
    """年底, 明年底, 2026年底, 年中, 年初, 年内."""
    year = _year_of(m["y_y"], m["y_rel"] or m["y_rel2"], today) or today.year
    part = m["y_p"]
    if part == "中":
        return dt.date(year, 6, 30)
    return dt.date(year, 1, 31) if part == "初" else dt.date(year, 12, 31)


def _cn_weekday(m: re.Match[str], today: dt.date) -> dt.date | None:
    """周五, 本周五, 下周一, 下下周三, 上周五, 周末."""
    day = m["w_d"]
    weekday = int(day) - 1 if day.isdigit() else _CN_WEEKDAYS[day]
    return weekday_in_week(today, _offset(m["w_rel"]), weekday)


def _cn_week(m: re.Match[str], today: dt.date) -> dt.date | None:
    """本周, 下周, 这周内: that week's Friday."""
    return weekday_in_week(today, _offset(m["wk_rel"]), FRIDAY)


def _cn_day(m: re.Match[str], today: dt.date) -> dt.date | None:
    """今天, 明天, 后天, 大后天, 昨天, 前天."""
    return today + dt.timedelta(days=_CN_DAYS[m["cd"]])


def _day_number(m: re.Match[str], today: dt.date) -> dt.date | None:
    """15号: that day of the review's month."""
    day = _number(m["dn_d"])
    return None if day is None else real_date(today.year, today.month, day)


def _en_day_number(m: re.Match[str], today: dt.date) -> dt.date | None:
    """by the 20th: that day of the review's month, or of the next month when the day has passed (a
    deadline is never behind the review: "till the 16th" said on 30 September is 16 October)."""
    day = int(m["edn_d"] or m["edn_d2"])
    if day >= today.day:
        return real_date(today.year, today.month, day)
    following = add_months(today.replace(day=1), 1)
    return real_date(following.year, following.month, day)


def _after(today: dt.date, count: float, unit: str) -> dt.date:
    """The review date plus a count of days, weeks, months, years, hours or working days."""
    if unit == "workday":
        return add_workdays(today, int(count))
    if unit == "month":
        return add_months(today, int(count)) + dt.timedelta(days=15 if count % 1 else 0)
    if unit == "year":
        return add_months(today, int(12 * count))
    days = {"day": count, "week": 7 * count, "hour": count // 24}[unit]
    return today + dt.timedelta(days=int(days))


def _cn_duration_unit(unit: str) -> str:
    """The duration unit a Chinese unit word stands for."""
    if "工作日" in unit:
        return "workday"
    if "时" in unit:
        return "hour"
    if "月" in unit:
        return "month"
    if "年" in unit:
        return "year"
    return "week" if unit[-1] in "周期拜" else "day"


def _cn_duration(m: re.Match[str], today: dt.date) -> dt.date | None:
    """两周内, 10天内, 三天后, 一个月内, 半年内, 3个工作日内."""
    raw, unit = m["du_n"], m["du_u"]
    count: float | None = 0.5 if raw == "半" else _number(raw)
    if count is None:
        return None
    if unit == "个半月":
        count += 0.5
    return _after(today, count, _cn_duration_unit(unit))


def _en_count(text: str) -> int | None:
    """3, a, an, couple of, two, twenty-one."""
    lowered = text.lower()
    if lowered.isdigit():
        return int(lowered)
    if lowered in ("a", "an"):
        return 1
    return 2 if "couple" in lowered else english_to_int(lowered)


def _en_duration(m: re.Match[str], today: dt.date) -> dt.date | None:
    """in 3 days, within two weeks, in a month, 3 days from now, within 2 business days."""
    count = _en_count(m["ed_n"] or m["ed_n2"])
    unit = (m["ed_u"] or m["ed_u2"]).lower().rstrip("s")
    if count is None:
        return None
    return _after(today, count, "workday" if (m["ed_b"] or m["ed_b2"]) and unit == "day" else unit)


def _en_month_day(m: re.Match[str], today: dt.date) -> dt.date | None:
    """May 15, 15 May, May 15th, 2026."""
    month = _EN_MONTHS[(m["em_m"] or m["de_m"])[:3].lower()]
    day, year = int(m["em_d"] or m["de_d"]), m["em_y"] or m["de_y"]
    if day == 0:
        return None  # 0 would mean the month's last day to _in_month
    return day_in_month(int(year), month, day) if year else yearless_day(today, month, day)


def _en_month_part(m: re.Match[str], today: dt.date) -> dt.date | None:
    """end of May, mid-May, early June, late March 2027."""
    month = _EN_MONTHS[m["ep_m"][:3].lower()]
    day = _EN_MONTH_PARTS[m["ep_p"].lower().split()[0].rstrip("-")]
    return day_in_month(int(m["ep_y"]), month, day) if m["ep_y"] else yearless_day(today, month, day)


def _en_period(m: re.Match[str], today: dt.date) -> dt.date | None:
    """end of month/quarter/year/week, this month, next week, EOM, EOQ, EOY, EOW, year-end."""
    unit = (m["pe_u"] or m["pe_u2"] or m["pe_u3"] or "").lower()
    abbr = (m["pe_abbr"] or "").lower()
    unit = unit or {"m": "month", "q": "quarter", "y": "year", "w": "week"}[abbr]
    offset = _offset(m["pe_rel"] or m["pe_rel2"])
    if unit == "week":
        return weekday_in_week(today, offset, FRIDAY)
    if unit == "month":
        first = add_months(today.replace(day=1), offset)
        return month_end(first.year, first.month)
    if unit == "quarter":
        year, quarter = divmod(today.year * 4 + (today.month - 1) // 3 + offset, 4)
        return quarter_end(year, quarter + 1)
    return dt.date(today.year + offset, 12, 31)


def _en_end_of_year(m: re.Match[str], today: dt.date) -> dt.date | None:
    """end of 2026, by the end of 2027."""
    return dt.date(int(m["ey_y"]), 12, 31)


def _en_weekday(m: re.Match[str], today: dt.date) -> dt.date | None:
    """Friday, this Friday, next Friday, last Monday, Fri."""
    weekday = _EN_WEEKDAYS[(m["ew_d"] or m["ew_d2"] or m["ew_d3"])[:3].lower()]
    return weekday_in_week(today, _offset(m["ew_rel"] or m["ew_rel2"] or m["ew_rel3"]), weekday)


def _en_weekend(m: re.Match[str], today: dt.date) -> dt.date | None:
    """weekend, this weekend, next weekend: that week's Sunday."""
    return weekday_in_week(today, _offset(m["we_rel"]), SUNDAY)


def _en_day(m: re.Match[str], today: dt.date) -> dt.date | None:
    """today, tonight, EOD, tomorrow, day after tomorrow, yesterday."""
    word = (m["eday"] or m["eday2"]).lower()
    offsets = {"today": 0, "tonight": 0, "eod": 0, "tomorrow": 1, "tmr": 1, "yesterday": -1}
    return today + dt.timedelta(days=2 if word.startswith("day") else offsets[word])


# ---- the rules, tried at each position in this order ----------------------------------------

_RULES: list[tuple[str, str, Handler]] = [
    (
        "ymd",
        rf"(?<!\d)(?P<ymd_y>{_YEAR})\s*(?:[-/.]|年)\s*(?P<ymd_m>\d{{1,2}})\s*(?:[-/.]|月)\s*"
        r"(?P<ymd_d>\d{1,2})(?!\d)(?:\s*[日号])?",
        _ymd,
    ),
    (
        "quarter",
        rf"(?i:\b(?:the\s+)?end\s+of\s+(?:the\s+)?)?"
        rf"(?:(?P<q_y>{_YEAR})\s*年?\s*|(?P<q_rel>今|明|去)年\s*)?"
        r"(?:(?<![A-Za-z0-9_])[Qq](?P<q_q>[1-4])(?!\d)|第?(?P<q_n>[一二三四1-4])季度)(?:末|底)?"
        rf"(?:\s+(?P<q_y2>{_YEAR}))?",
        _quarter,
    ),
    (
        "quarter_rel",
        r"(?P<qr_rel>本|这个?|当前|下个?|上个?)?季度(?:末|底)|(?P<qr_rel2>本|这个?|当前|下个?|上个?)季度|季末",
        _quarter_relative,
    ),
    (
        "half",
        rf"(?:(?P<h_y>{_YEAR})\s*年|(?P<h_rel>今|明)年)?(?P<h_half>上|下)半年"
        r"|(?<![A-Za-z0-9_])[Hh](?P<h_half2>[12])(?!\d)",
        _half,
    ),
    (
        "month_day",
        rf"(?:(?P<md_y>{_YEAR})\s*年\s*|(?P<md_rel>今|明|后)年\s*)?(?<![\d个])(?P<md_m>{_CN_N})\s*月份?\s*"
        r"(?:(?P<md_d>\d{1,2})(?!\d)\s*[日号]?|(?P<md_dc>[一二三四五六七八九十]{1,3})[日号]"
        r"|(?P<md_p>下旬|上旬|中旬|底|末|中|初))?",
        _month_day,
    ),
    ("slash", r"(?<![\d/.])(?P<sl_m>1[0-2]|0?[1-9])/(?P<sl_d>3[01]|[12]\d|0?[1-9])(?![\d/.%])", _slash),
    (
        "year_part",
        rf"(?:(?P<y_y>{_YEAR})\s*年|(?P<y_rel>今|明|去|后)年|(?<![\d一二两三四五六七八九十多几半])年)(?P<y_p>底|末|中|初)"
        r"|(?P<y_rel2>今|明)年(?:内|之内)",
        _year_part,
    ),
    (
        # a day of a month said relative to this one: "下月15号", "下个月十五日", "本月20日"
        "month_rel_day",
        rf"(?P<mrd_rel>下下个?|下个?|本|这个?|当)月\s*(?P<mrd_d>{_CN_N})(?!\d)\s*(?:日|号(?![机线楼门库仓位柜台车床窗口厅馆]))"
        r"|(?i:\bthe\s+(?P<mrd_d2>\d{1,2})(?:st|nd|rd|th)\s+of\s+(?P<mrd_rel2>next|this)\s+month\b)",
        _month_relative_day,
    ),
    (
        "month_rel",
        r"(?<![\d个一二两三四五六七八九十几])(?P<mr_rel>下下个?|下个?|本|这个?|当|上个?)?月"
        r"(?P<mr_p>下旬|上旬|中旬|底|末|中|初)"
        r"|(?P<mr_rel2>下下个?|下个?|本|这个?|当)月(?:内|之内|以内)?",
        _month_relative,
    ),
    (
        "cn_duration",
        r"(?P<du_n>\d+|[零〇一二两三四五六七八九十百]+|半)\s*"
        r"(?P<du_u>个工作日|工作日|个小时|小时|个半月|个月|天|日|个星期|星期|个礼拜|礼拜|周|年)"
        r"(?:之内|以内|之后|以后|内|后)",
        _cn_duration,
    ),
    (
        # 两周一次 is a frequency, not Monday: a bare 周 must not follow a count
        "cn_weekday",
        rf"(?:(?P<w_rel>{_REL_WEEK})|(?<![\d两一二三四五六七八九十几半个]))(?:周|星期|礼拜)(?P<w_d>[一二三四五六日天末1-7])",
        _cn_weekday,
    ),
    ("cn_week", rf"(?P<wk_rel>{_REL_WEEK})(?:周|星期|礼拜)(?:之内|以内|内)?", _cn_week),
    ("cn_day", r"(?P<cd>大后天|后天|明天|明日|今天|今日|今晚|昨天|前天)", _cn_day),
    # 12号机, 3号线, 5号楼 name a machine, a line or a building, not a day
    (
        "day_number",
        rf"(?<![\d月])(?P<dn_d>{_CN_N})(?!\d)\s*号(?![机线楼门库仓位柜台车床窗口厅馆])",
        _day_number,
    ),
    # "by the 20th": day 20 of the review's month, said with a deadline word and an ordinal
    (
        "en_day_number",
        rf"(?i:(?:(?<=\bby\s)|(?<=\bbefore\s)|(?<=\buntil\s)|(?<=\btill\s)|(?<=\bdue\s))the\s+(?P<edn_d>\d{{1,2}})(?:st|nd|rd|th)\b"
        rf"(?!\s+(?:of\s+)?(?:{_MONTH_EN})\b))",
        _en_day_number,
    ),
    (
        "en_duration",
        rf"(?i:\b(?:within|in|after|give\s+me|gimme)\s+(?:the\s+next\s+)?(?P<ed_n>{_EN_COUNT})\s*"
        r"(?P<ed_b>business\s+|working\s+)?(?P<ed_u>days?|weeks?|months?|years?|hours?)\b"
        rf"|\b(?P<ed_n2>{_EN_COUNT})\s+(?P<ed_b2>business\s+|working\s+)?(?P<ed_u2>days?|weeks?|months?)"
        r"\s+(?:from\s+(?:now|today)|later)\b)",
        _en_duration,
    ),
    (
        "en_month_day",
        rf"(?i:\b(?P<em_m>{_MONTH_EN})\.?\s+(?P<em_d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<em_y>{_YEAR}))?"
        rf"|\b(?P<de_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<de_m>{_MONTH_EN})\b\.?"
        rf"(?:,?\s+(?P<de_y>{_YEAR}))?)",
        _en_month_day,
    ),
    (
        "en_month_part",
        r"(?i:\b(?:the\s+)?(?P<ep_p>end\s+of|middle\s+of|beginning\s+of|mid-?|early|late)\s*"
        rf"(?:the\s+month\s+of\s+)?(?P<ep_m>{_MONTH_EN})\b(?:\s+(?P<ep_y>{_YEAR}))?)",
        _en_month_part,
    ),
    ("en_end_of_year", rf"(?i:\b(?:the\s+)?end\s+of\s+(?P<ey_y>{_YEAR})\b)", _en_end_of_year),
    (
        "en_period",
        r"(?i:\b(?:the\s+)?end\s+of\s+(?:the\s+)?(?P<pe_rel>this|next|current)?\s*"
        r"(?P<pe_u>month|quarter|year|week)\b"
        r"|\b(?P<pe_rel2>this|next)\s+(?P<pe_u2>month|quarter|year|week)\b"
        r"|\b(?P<pe_u3>month|quarter|year)[-\s]end\b)"
        r"|\bEO(?P<pe_abbr>[MQYW])\b",
        _en_period,
    ),
    # "Monday the 31st", "Friday 24th": the day of the month names the day, the weekday only says it again
    (
        "en_weekday_day_number",
        r"(?i:\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+(?:the\s+)?"
        rf"(?P<edn_d2>\d{{1,2}})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?(?:{_MONTH_EN})\b))",
        _en_day_number,
    ),
    # "weekend-aware thresholds" names no day; "by the weekend", "this weekend" do
    ("en_weekend", r"(?i:\b(?:(?P<we_rel>this|next|last)\s+)?weekend\b(?![-‐]))", _en_weekend),
    (
        "en_weekday",
        r"(?i:\b(?:(?P<ew_rel>next|this|last|coming)\s+)?"
        r"(?P<ew_d>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)"
        r"|\b(?:(?P<ew_rel2>(?i:next|this|last|coming))\s+)?(?P<ew_d2>Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\b\.?"
        # in lower case only after a word that makes it a day: "next fri" (not "sun", "sat", "wed" alone)
        r"|\b(?P<ew_rel3>(?i:next|this|coming))\s+(?P<ew_d3>mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\b\.?",
        _en_weekday,
    ),
    (
        "en_day",
        r"(?i:\b(?P<eday>day\s+after\s+tomorrow|today|tonight|tomorrow|tmr|yesterday)\b)|\b(?P<eday2>EOD)\b",
        _en_day,
    ),
]

_PATTERN = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern, _ in _RULES))
_HANDLERS: dict[str, Handler] = {name: handler for name, _, handler in _RULES}
# every rule starts with one of these (English ones at a word start); see scanning.scan
_STARTS = re.compile(
    r"[\d零〇一二两三四五六七八九十百半下本这上今明去后大昨前季年月周星礼第当]|(?<![A-Za-z0-9_])[A-Za-z]"
)


def date_matches(text: str) -> Iterator[re.Match[str]]:
    """Every date expression in the text, in order, as the match of the rule that reads it."""
    return scan(_STARTS, _PATTERN, text)


def day_of(m: re.Match[str], today: dt.date) -> dt.date | None:
    """The day a match names, read against the review date; None when it names none. Raises ValueError or
    OverflowError when its day runs past the calendar."""
    return _HANDLERS[m.lastgroup](m, today) if m.lastgroup else None


_ABSOLUTE_RULES = frozenset({"ymd", "en_end_of_year"})


def is_absolute(m: re.Match[str]) -> bool:
    """Whether the match states its own year (2026-04-30, 2026年5月底, May 15, 2026)."""
    name = m.lastgroup or ""
    if name in _ABSOLUTE_RULES:
        return True
    year_groups = {"month_day": "md_y", "en_month_day": ("em_y", "de_y"), "en_month_part": "ep_y"}
    groups = year_groups.get(name)
    if groups is None:
        return False
    return any(m[g] for g in ((groups,) if isinstance(groups, str) else groups))


# rules that name one day written with its year: "2026年5月" (a month) and "end of 2026" name no day
_DAY_RULES = frozenset({"ymd", "month_day", "en_month_day"})


def names_day(m: re.Match[str]) -> bool:
    """Whether the match names a day of the month (2026年5月8日), not only a month (2026年5月底)."""
    name = m.lastgroup or ""
    return name in _DAY_RULES and not (name == "month_day" and not (m["md_d"] or m["md_dc"]))
