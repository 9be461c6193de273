"""Read the share of a gap a cause explains: '大概占七成', '70%', '0.7', 'about 60 percent', '一半'."""

from __future__ import annotations

import re

from coach.domain.parsing.numerals import CN_DIGITS, EN_SCALES, EN_SMALL

# the shared numeral tables, plus 十 as a bare number ("十", "七十五")
_CN = {**CN_DIGITS, "十": 10}
_EN = {**EN_SMALL, **EN_SCALES}
_WORDS = [
    (re.compile(r"全部|百分之百|所有|\ball of it\b|\bentirely\b|\bfully\b"), 1.0),
    (
        re.compile(r"绝大部分|绝大多数|几乎全部|基本全是|\balmost all\b|\bvast majority\b|\bnearly all\b"),
        0.85,
    ),
    (re.compile(r"大头|大部分|\bmost of\b|\bmostly\b|\bthe bulk\b|\bmajority\b|\bthe lion'?s share\b"), 0.7),
    (re.compile(r"大半|多半|一半多|一半以上|超过一半|\bmore than half\b|\bover half\b"), 0.6),
    (re.compile(r"一半|\bhalf\b"), 0.5),
    (re.compile(r"三分之二|\btwo[- ]thirds\b"), 2 / 3),
    (re.compile(r"三分之一|\ba third\b|\bone[- ]third\b"), 1 / 3),
    (re.compile(r"四分之三|\bthree[- ]quarters\b"), 0.75),
    (re.compile(r"四分之一|\ba quarter\b|\bone[- ]quarter\b"), 0.25),
    (re.compile(r"一小部分|很少|\ba little\b|\bsmall part\b"), 0.1),
]


def _cn_number(raw: str) -> float | None:
    """'七' → 7, '十' → 10, '六十' → 60, '七十五' → 75."""
    if raw.isdigit():
        return float(raw)
    if not raw or any(ch not in _CN for ch in raw):
        return None
    if "十" in raw:
        tens, _, ones = raw.partition("十")
        return float((_CN[tens] if tens else 1) * 10 + (_CN[ones] if ones else 0))
    return float(_CN[raw[-1]])


def parse_share(text: str) -> float | None:
    """A share in 0..1, or None when the text gives none."""
    body = (text or "").lower()
    if match := re.search(r"(\d{1,3})\s*(?:%|％)?\s*(?:-|~|～|到|至|to)\s*(\d{1,3})\s*(%|％|percent)", body):
        return _clamp((float(match.group(1)) + float(match.group(2))) / 200)
    if match := re.search(r"([一二三四五六七八九])([一二三四五六七八九])成", body):
        return _clamp((_CN[match.group(1)] + _CN[match.group(2)]) / 20)
    if match := re.search(r"(\d+(?:\.\d+)?)\s*(%|％|percent|per cent|pct)", body):
        return _clamp(float(match.group(1)) / 100)
    if match := re.search(r"百分之([零一二两三四五六七八九十\d]+)", body):
        value = _cn_number(match.group(1))
        return _clamp(value / 100) if value is not None else None
    if match := re.search(r"(\d+(?:\.\d+)?|[一二两三四五六七八九十])\s*成", body):
        value = (
            _cn_number(match.group(1))
            if not match.group(1).replace(".", "").isdigit()
            else float(match.group(1))
        )
        return _clamp(value / 10) if value is not None else None
    if match := re.search(
        r"\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\b\s*(percent|%)?", body
    ):
        return _clamp(_EN[match.group(1)] / 100)
    for pattern, value in _WORDS:
        if pattern.search(body):
            return value
    if match := re.search(r"(?<![\d.])(0?\.\d+|1\.0+|\d{1,3})(?![\d.])", body):
        number = float(match.group(1))
        return _clamp(number if number <= 1 else number / 100)
    return None


def _clamp(value: float) -> float | None:
    if value < 0 or value > 1.0001:
        return None
    return round(min(value, 1.0), 4)
