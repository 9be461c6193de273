"""The review date a note states about itself (first lines or a 日期/date line)."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    )
}
_YMD = re.compile(r"(20\d{2})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?")
_MDY = re.compile(r"\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(20\d{2})\b")
_DMY = re.compile(r"\b(\d{1,2})\s+([A-Z][a-z]{2,8})\.?,?\s+(20\d{2})\b")
_DATE_LABEL = re.compile(r"日期|时间|date|held on|meeting on", re.I)


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def absolute_date(text: str) -> dt.date | None:
    """The first full date with a year in `text` (2026-04-30, 2026年5月8日, March 12, 2026)."""
    found: list[tuple[int, dt.date]] = []
    for m in _YMD.finditer(text):
        date = _safe(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if date:
            found.append((m.start(), date))
    for m in _MDY.finditer(text):
        month = _MONTHS.get(m.group(1)[:3].lower())
        date = _safe(int(m.group(3)), month, int(m.group(2))) if month else None
        if date:
            found.append((m.start(), date))
    for m in _DMY.finditer(text):
        month = _MONTHS.get(m.group(2)[:3].lower())
        date = _safe(int(m.group(3)), month, int(m.group(1))) if month else None
        if date:
            found.append((m.start(), date))
    return min(found, key=lambda f: f[0])[1] if found else None


def stated_review_date(text: str, head_lines: int = 6) -> dt.date | None:
    """The date in the note's first lines, else on a line labelled 日期/date anywhere."""
    lines = [line for line in text.splitlines() if line.strip()]
    for line in lines[:head_lines]:
        date = absolute_date(line)
        if date:
            return date
    for line in lines:
        if _DATE_LABEL.search(line):
            date = absolute_date(line)
            if date:
                return date
    return None
