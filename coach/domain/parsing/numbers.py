"""Quantities as people type them: 1.2亿, 9600万, 3k, 2.5M, 85%, 两百, 三千五, 两周, $1.2M, three days.

Values are absolute (万/亿/k/M are multiplied out); weeks become days, as PRODUCT.md says
(`两周` = 14 days). `DURATION_SECONDS` says how long each duration unit is, so that a reader
comparing 2小时 with 90分钟 converts one side and says which unit the result is in. Units are
normalized to a short form (元, %, 天, 小时, 人, h, min, days, USD...). Dates, times, quarters and ordinals
(4月30日, 2026-04-30, 10:30, Q2, 第二) are skipped, not read as numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from coach.domain.parsing.numerals import (
    CN_DIGIT_CHARS,
    EN_NUMBER_PATTERN,
    chinese_to_float,
    chinese_to_int,
    english_to_int,
)
from coach.domain.parsing.scanning import scan


@dataclass(frozen=True)
class Quantity:
    """A number found in text, with its normalized unit and the span it was read from."""

    value: float
    unit: str | None
    text: str


# literal as typed -> (normalized unit, factor); matched longest first
_UNITS: dict[str, tuple[str, int]] = {
    "%": ("%", 1),
    "％": ("%", 1),
    "‰": ("‰", 1),
    "个百分点": ("pp", 1),
    "百分点": ("pp", 1),
    "元": ("元", 1),
    "块钱": ("元", 1),
    "块": ("元", 1),
    "人民币": ("元", 1),
    "美元": ("USD", 1),
    "美金": ("USD", 1),
    "欧元": ("EUR", 1),
    "个工作日": ("天", 1),
    "工作日": ("天", 1),
    "天": ("天", 1),
    "个星期": ("天", 7),
    "星期": ("天", 7),
    "个礼拜": ("天", 7),
    "礼拜": ("天", 7),
    "周": ("天", 7),
    "个小时": ("小时", 1),
    "个钟头": ("小时", 1),
    "小时": ("小时", 1),
    "钟头": ("小时", 1),
    "分钟": ("分钟", 1),
    "毫秒": ("ms", 1),
    "秒钟": ("秒", 1),
    "秒": ("秒", 1),
    "个月": ("月", 1),
    "年": ("年", 1),
    "人天": ("人天", 1),
    "人日": ("人天", 1),
    "人次": ("人次", 1),
    "个人": ("人", 1),
    "名": ("人", 1),
    "位": ("人", 1),
    "人": ("人", 1),
    **{c: (c, 1) for c in "个单次件家台条项笔户篇份张套场款倍分起例"},
    # English, matched case-insensitively and only as whole words
    "pp": ("pp", 1),
    "ms": ("ms", 1),
    "msec": ("ms", 1),
    "millisecond": ("ms", 1),
    "milliseconds": ("ms", 1),
    "s": ("s", 1),
    "sec": ("s", 1),
    "secs": ("s", 1),
    "second": ("s", 1),
    "seconds": ("s", 1),
    "min": ("min", 1),
    "mins": ("min", 1),
    "minute": ("min", 1),
    "minutes": ("min", 1),
    "h": ("h", 1),
    "hr": ("h", 1),
    "hrs": ("h", 1),
    "hour": ("h", 1),
    "hours": ("h", 1),
    "day": ("days", 1),
    "days": ("days", 1),
    "business days": ("days", 1),
    "working days": ("days", 1),
    "wk": ("days", 7),
    "wks": ("days", 7),
    "week": ("days", 7),
    "weeks": ("days", 7),
    "month": ("months", 1),
    "months": ("months", 1),
    "year": ("years", 1),
    "years": ("years", 1),
    "yrs": ("years", 1),
    "x": ("x", 1),
    "times": ("times", 1),
    "yuan": ("元", 1),
    "rmb": ("元", 1),
    "cny": ("元", 1),
    "usd": ("USD", 1),
    "dollar": ("USD", 1),
    "dollars": ("USD", 1),
    "eur": ("EUR", 1),
    "euros": ("EUR", 1),
    "people": ("people", 1),
    "person": ("people", 1),
    "persons": ("people", 1),
    "headcount": ("people", 1),
    **{w: (w + "s", 1) for w in ("user", "customer", "order", "ticket", "bug", "defect", "incident")},
    **{w + "s": (w + "s", 1) for w in ("user", "customer", "order", "ticket", "bug", "defect", "incident")},
    "points": ("points", 1),
    "pts": ("points", 1),
}

# seconds in each duration unit that has a fixed length (months and years have none: 3个月 vs 90天 is
# not compared); a reader converts one duration into the other's unit with it
DURATION_SECONDS: dict[str, float] = {
    "ms": 0.001,
    "秒": 1,
    "s": 1,
    "分钟": 60,
    "min": 60,
    "小时": 3600,
    "h": 3600,
    "天": 86400,
    "days": 86400,
}

_CURRENCY_PREFIX: dict[str, str] = {
    "¥": "元",
    "￥": "元",
    "rmb": "元",
    "cny": "元",
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
}

_MAGNITUDES: dict[str, int] = {
    "万亿": 10**12,
    "千万": 10**7,
    "百万": 10**6,
    "十万": 10**5,
    "亿": 10**8,
    "万": 10**4,
    "千": 10**3,
    "百": 10**2,
    "k": 10**3,
    "thousand": 10**3,
    "m": 10**6,
    "mn": 10**6,
    "million": 10**6,
    "b": 10**9,
    "bn": 10**9,
    "billion": 10**9,
}


def _unit_alternatives() -> str:
    """The unit regex: longest literal first; ASCII units must end at a word boundary."""
    parts = []
    for literal in sorted(_UNITS, key=len, reverse=True):
        escaped = re.escape(literal).replace(r"\ ", r"\s+")
        parts.append(f"{escaped}(?![A-Za-z])" if literal.isascii() and literal.isalpha() else escaped)
    return "(?i:" + "|".join(parts) + ")"


_UNIT = _unit_alternatives()
_CN_NUM = f"[{CN_DIGIT_CHARS}十]"
_CN_ANY = f"[{CN_DIGIT_CHARS}十百千万亿]"
_MONTH_EN = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)

# Dates, times, quarters and ordinals: consumed first so that their digits are not quantities.
_SKIP = "|".join(
    [
        r"(?<![\d.])(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?)?",
        r"(?<![\d.])(?:19|20)\d{2}[-/.]\d{1,2}(?:[-/.]\d{1,2})?(?![\d.])",
        r"(?<![\d.])\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号]?)?",
        r"(?<![\d.])\d{1,2}\s*[日号]",
        rf"{_CN_NUM}{{1,3}}月(?:{_CN_NUM}{{1,3}}[日号])?",
        r"(?:周|星期|礼拜)[一二三四五六七日天]",
        rf"第\s*(?:\d+|{_CN_ANY}+)",
        r"[1-4一二三四]\s*季度",
        r"(?<![A-Za-z0-9_.])(?:(?:19|20)\d{2}\s*)?(?:[Qq][1-4]|[Hh][12])(?!\d)(?:\s*(?:19|20)\d{2})?",
        r"(?<![A-Za-z0-9_.])FY\s?\d{2,4}",
        r"(?<![\d.])\d{1,2}:\d{2}(?::\d{2})?(?:\s?(?i:am|pm)(?![A-Za-z]))?",
        r"(?<![\d.])\d{1,2}\s?(?i:am|pm|a\.m\.|p\.m\.)(?![A-Za-z])",
        r"(?<![\d.])\d{1,2}点(?:钟|半|\d{1,2}分?|(?=前|之前|以前|后|之后|以后|开|到|至|整))",
        r"(?<![\d/.])(?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9])(?![\d/.%])",
        rf"(?i:\b{_MONTH_EN}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s*(?:19|20)\d{{2}})?)",
        rf"(?i:\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_EN}\b(?:,?\s*(?:19|20)\d{{2}})?)",
        r"(?i:\b\d+(?:st|nd|rd|th)\b)",
        r"(?:#|(?i:\bno\.)\s?)\d+",
    ]
)

_PERCENT_CN = rf"百分之(?P<p_num>\d+(?:\.\d+)?|[{CN_DIGIT_CHARS}十百千]+(?:点[{CN_DIGIT_CHARS}]+)?)"

_ARABIC = (
    r"(?<![A-Za-z0-9_.])"
    r"(?P<a_sign>[-−－+]|负)?"
    r"(?P<a_cur>[¥￥$€£]|(?i:US\$|RMB|CNY|USD|EUR)\s?)?"
    r"(?P<a_num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:(?:[ \t](?=[万亿]))?(?P<a_mag>万亿|千万|百万|十万|亿|万|千|百)"
    r"|\s?(?P<a_magw>(?i:thousand|million|billion|bn|mn))(?![A-Za-z])"
    r"|(?P<a_magl>[kKmMbB])(?![A-Za-z]))?"
    rf"(?:[ \t]?(?P<a_unit>{_UNIT}))?"
    # money said with its dimes, a duration with its half: "4块6" is 4.6元, "9天半" 9.5天
    r"(?:(?<=块)(?P<a_dime>[1-9])(?![\d.%])|(?<=[天年周时月])(?P<a_half>半))?"
)

_CHINESE = (
    rf"(?P<c_num>[{CN_DIGIT_CHARS}十]{_CN_ANY}*)"
    rf"(?:点(?P<c_frac>[{CN_DIGIT_CHARS}]+)(?P<c_mag>[万亿]*))?"
    rf"(?:[ \t]?(?P<c_unit>{_UNIT}))?"
)

_ENGLISH = rf"(?P<e_num>(?i:{EN_NUMBER_PATTERN}))(?:[ \t]?(?P<e_unit>{_UNIT}))?"

_TOKEN = re.compile(
    rf"(?P<skip>{_SKIP})|(?P<pct>{_PERCENT_CN})|(?P<arabic>{_ARABIC})|(?P<cn>{_CHINESE})|(?P<en>{_ENGLISH})"
)

# every token starts with one of these (English ones at a word start); see scanning.scan
_STARTS = re.compile(rf"[\d{CN_DIGIT_CHARS}十百第周星礼#¥￥$€£+\-−－负]|(?<![A-Za-z0-9_])[A-Za-z]")

# 一起 (together) reads like one + the classifier 起 (两起故障) but is an adverb
_CN_ADVERBS = frozenset({"一起"})
_SPACES = re.compile(r"\s+")


def _scaled(number: Decimal | float | int, factor: int) -> float:
    """The number times an exact factor, without binary rounding noise (1.2 x 1e8 = 120000000)."""
    return float(Decimal(str(number)) * factor)


def _unit(literal: str | None) -> tuple[str | None, int]:
    """The normalized unit and its factor for a unit as typed."""
    if not literal:
        return None, 1
    key = _SPACES.sub(" ", literal.lower())
    return _UNITS.get(key, (literal, 1))


def _from_percent(m: re.Match[str]) -> Quantity | None:
    """百分之八十 -> 80 %."""
    raw = m.group("p_num")
    if raw[0].isdigit():
        return Quantity(float(raw), "%", m.group(0))
    whole, _, fraction = raw.partition("点")
    value = chinese_to_float(whole, fraction)
    return None if value is None else Quantity(value, "%", m.group(0))


def _from_arabic(m: re.Match[str]) -> Quantity:
    """Digits with optional sign, currency, magnitude (万, k, million) and unit."""
    number = Decimal(m.group("a_num").replace(",", ""))
    if m.group("a_dime"):
        number += Decimal(m.group("a_dime")) / 10
    elif m.group("a_half"):
        number += Decimal("0.5")
    magnitude = m.group("a_mag") or m.group("a_magw") or m.group("a_magl")
    factor = _MAGNITUDES[magnitude.lower()] if magnitude else 1
    unit, unit_factor = _unit(m.group("a_unit"))
    currency = m.group("a_cur")
    if unit is None and currency:
        unit = _CURRENCY_PREFIX[currency.strip().lower()]
    value = _scaled(number, factor * unit_factor)
    return Quantity(
        -value if m.group("a_sign") in ("-", "−", "－", "负") else value, unit, m.group(0).strip()
    )


def _from_chinese(m: re.Match[str]) -> Quantity | None:
    """Chinese numerals; a lone digit counts only with a classifier (一个, 两周), not in words (一起)."""
    numeral, fraction = m.group("c_num"), m.group("c_frac") or ""
    unit, unit_factor = _unit(m.group("c_unit"))
    spelled_out = fraction or any(c in "十百千万亿" for c in numeral)
    # 十分 (very) is an adverb, and Chinese scores are written in digits (85分)
    if m.group(0).strip() in _CN_ADVERBS or unit == "分" or not (spelled_out or unit):
        return None
    value = chinese_to_float(numeral, fraction) if fraction else chinese_to_int(numeral)
    if value is None:
        return None
    magnitude = 1
    for char in m.group("c_mag") or "":
        magnitude *= _MAGNITUDES[char]
    return Quantity(_scaled(value, magnitude * unit_factor), unit, m.group(0).strip())


def _from_english(m: re.Match[str]) -> Quantity | None:
    """English number words; a bare "one" is too often a pronoun (no one, one of) to count."""
    value = english_to_int(m.group("e_num"))
    unit, unit_factor = _unit(m.group("e_unit"))
    if value is None or (value == 1 and unit is None):
        return None
    return Quantity(_scaled(value, unit_factor), unit, m.group(0).strip())


def _to_quantity(m: re.Match[str]) -> Quantity | None:
    """The quantity a token match stands for, or None for skipped dates and non-numbers."""
    if m.group("pct") is not None:
        return _from_percent(m)
    if m.group("arabic") is not None:
        return _from_arabic(m)
    if m.group("cn") is not None:
        return _from_chinese(m)
    if m.group("en") is not None:
        return _from_english(m)
    return None


def parse_quantities(text: str) -> list[Quantity]:
    """All quantities in the text, in order."""
    return [q for m in scan(_STARTS, _TOKEN, text) if (q := _to_quantity(m)) is not None]


def parse_quantity(text: str) -> Quantity | None:
    """The first quantity in the text, or None."""
    return next((q for m in scan(_STARTS, _TOKEN, text) if (q := _to_quantity(m)) is not None), None)
