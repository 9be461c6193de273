"""Number words to numbers: Chinese numerals (两百, 三千五, 一万二) and English words (twenty five)."""

from __future__ import annotations

import re

CN_DIGITS: dict[str, int] = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CN_SMALL_UNITS: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
CN_BIG_UNITS: dict[str, int] = {"万": 10_000, "亿": 100_000_000}

# character classes for building regexes elsewhere
CN_DIGIT_CHARS = "".join(CN_DIGITS)
CN_NUMERAL_CHARS = CN_DIGIT_CHARS + "十百千万亿"

EN_SMALL: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
EN_SCALES: dict[str, int] = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}

# longest first so that "seventeen" is not read as "seven"
_EN_WORD = "|".join(sorted([*EN_SMALL, *EN_SCALES], key=len, reverse=True))
EN_NUMBER_PATTERN = rf"\b(?:{_EN_WORD})(?:(?:\s*-\s*|\s+(?:and\s+)?)(?:{_EN_WORD}))*\b"
_EN_TOKEN = re.compile(rf"{_EN_WORD}", re.IGNORECASE)


def chinese_to_int(text: str) -> int | None:
    """The integer a Chinese numeral spells (三千五 = 3500, 一万二 = 12000), or None."""
    total = 0  # completed 万/亿 sections
    section = 0  # the part below the current 万
    digit: int | None = None
    last_unit = 1  # unit of the latest 十/百/千/万/亿, for the colloquial trailing digit
    zero_after_unit = False
    for char in text:
        if char in CN_DIGITS:
            if digit and CN_DIGITS[char]:
                return None  # "一二" is a list of digits, not a numeral
            digit = CN_DIGITS[char]
            zero_after_unit = zero_after_unit or digit == 0
        elif char in CN_SMALL_UNITS:
            # a bare 十 at the start means 10 (十二 = 12)
            section += (1 if digit is None else digit) * CN_SMALL_UNITS[char]
            digit, last_unit, zero_after_unit = None, CN_SMALL_UNITS[char], False
        elif char in CN_BIG_UNITS:
            unit = CN_BIG_UNITS[char]
            section += digit or 0
            if section == 0 and total == 0:
                section = 1
            total = (total + section) * unit if unit > 10_000 else total + section * unit
            section, digit, last_unit, zero_after_unit = 0, None, unit, False
        else:
            return None
    if digit is not None:
        # 三千五 = 3500 and 一万二 = 12000: a digit right after a unit counts one unit lower
        section += digit * (last_unit // 10) if last_unit >= 10 and not zero_after_unit else digit
    return total + section


def chinese_to_float(integer: str, fraction: str = "") -> float | None:
    """A Chinese numeral with optional decimals after 点 (一点五 = 1.5), or None."""
    whole = chinese_to_int(integer)
    if whole is None:
        return None
    if not fraction:
        return float(whole)
    digits = "".join(str(CN_DIGITS[c]) for c in fraction if c in CN_DIGITS)
    if len(digits) != len(fraction):
        return None
    return float(f"{whole}.{digits}")


def english_to_int(text: str) -> int | None:
    """The integer English number words spell (twenty-five = 25), or None."""
    tokens = [t.lower() for t in _EN_TOKEN.findall(text)]
    if not tokens:
        return None
    total, current = 0, 0
    for token in tokens:
        if token in EN_SMALL:
            current += EN_SMALL[token]
        elif token == "hundred":
            current = (current or 1) * 100
        else:
            total += (current or 1) * EN_SCALES[token]
            current = 0
    return total + current
