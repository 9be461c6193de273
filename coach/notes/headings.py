"""Which lines of a note are headings: Markdown, bold, ruled, short label and numbered lines, a plain-text
report's capitals and brackets; and the meta lines (参会, Date:) that are none of the note's content."""

from __future__ import annotations

import re

from coach.notes.sections import Section, announced_topic, heading_section
from coach.notes.vocabulary import alternation

# a line about the meeting, not its content: "参会：…", "Date: …" (the Chinese labels are data, `meta_label`)
META = re.compile(
    r"^\s*(?:.{0,30}[｜|]\s*)?(?:" + alternation("meta_label", ("zh",)) + "|"
    r"attendees|participants|present|facilitator|note-?taker|"
    r"notes|scribe|(?:retro |meeting )?date|time|location|host)"
    r"(?:人员|人|者)?\s*[:：]",
    re.I,
)

# compiled once: is_heading runs on every line of every note
_RULED = re.compile(r"[-=~]{2,}\s*([^-=~].*?)\s*[-=~]{2,}")
_BOLD = re.compile(r"\*\*(.+?)\*\*[:：]?")
_LABEL_LINE = re.compile(r"[^，。,.!?！？]{1,24}[:：]")
_NUMBERED_LINE = re.compile(r"(?:第?[一二三四五六七八九十]+[、.．]|\d+[、.．])\s*[^，。,.]{1,16}")
_CAPS_LINE = re.compile(r"[A-Z][A-Z&/' -]{3,40}")
_BRACKETED_LINE = re.compile(r"【[^】]{1,16}】")


def is_heading(line: str) -> str | None:
    """The heading text when `line` is a heading (Markdown, bold, short label line), else None."""
    if line.startswith("#"):
        return line.lstrip("#").strip()
    ruled = _RULED.fullmatch(line)  # "-- targets vs actuals --"
    if ruled:
        return ruled.group(1)
    bold = _BOLD.fullmatch(line)
    if bold:
        return bold.group(1)
    if _LABEL_LINE.fullmatch(line) and not META.match(line):
        return line[:-1]
    if _NUMBERED_LINE.fullmatch(line):
        return line
    # "ROOT CAUSE", "FOLLOW-UP ACTIONS", "【处理过程】": a plain-text report's headings, alone on their line
    if _CAPS_LINE.fullmatch(line) or _BRACKETED_LINE.fullmatch(line):
        return line.strip("【】")
    if len(line) <= 12 and heading_section(line) != "other" and not re.search(r"\d", line):
        return line
    return None


def numbered_item(line: str, heading: str, section: Section | None) -> bool:
    """A short numbered line under a heading of the method's parts is one of its items, not a heading
    of its own: "四、经验" then "1. 话务预测要每月更新（组织·新增）". A numbered line that names a part
    ("2. 不足") is a heading."""
    numbered_only = line == heading and _NUMBERED_LINE.fullmatch(line) and not _LABEL_LINE.fullmatch(line)
    return (
        bool(numbered_only)
        and section not in (None, "other")
        and heading_section(heading) == "other"
        and announced_topic(heading) is None
    )
