"""Search tables fit the terminal: at 80 columns lessons wrap on whole words (or whole CJK characters)."""

from __future__ import annotations

import datetime as dt

from rich.console import Console
from rich.table import Table

from coach.cli.tables import recurring_table, search_table
from coach.domain.library import LessonHit

ZH = "上线前必须先灰度发布，先放5%的用户观察一天，再逐步放量到全部用户，出问题能一键回滚"
EN = "Release to a small canary group first before rolling out to everyone, and keep a one-click rollback"
HITS = [
    LessonHit(
        id="S01",
        text=ZH,
        team="移动端App",
        dimension="business",
        action="start",
        review_date=dt.date(2025, 3, 10),
        score=0.717,
    ),
    LessonHit(
        id="3f9a2c1d0b7e4a55a1c2d3e4f5a6b7c8",
        text=EN,
        team="Growth",
        dimension="organization",
        action="optimize",
        score=0.543,
    ),
]


def rendered(table: Table, width: int) -> list[str]:
    console = Console(width=width, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(table)
    return console.export_text().splitlines()


def cells(line: str) -> int:
    return sum(2 if "\u4e00" <= ch <= "\u9fff" or ch in "，。" else 1 for ch in line)


def lesson_lines(lines: list[str], column: int) -> list[str]:
    """The text of the last column, row by row (the part after the column's left border)."""
    return [line.split("│")[column].strip() for line in lines if line.count("│") > column]


def test_at_80_columns_a_chinese_lesson_wraps_in_long_runs_not_4_character_chunks() -> None:
    lines = rendered(search_table("灰度 · hybrid", HITS, width=80), 80)
    assert max(cells(line) for line in lines) <= 80
    parts = [p for p in lesson_lines(lines, 4) if p and p[0] in ZH]
    assert "".join(parts).startswith(ZH)  # nothing lost, nothing reordered
    assert min(len(p) for p in parts[:-1]) >= 20  # each full line holds 20+ characters
    assert "移动端App · 2025-03-10 · business/start" in "\n".join(lines)  # the fields under the text


def test_at_80_columns_an_english_lesson_wraps_only_between_words() -> None:
    lines = rendered(search_table("canary · hybrid", HITS, width=80), 80)
    assert max(cells(line) for line in lines) <= 80
    parts = [p for p in lesson_lines(lines, 4) if p and EN.find(p) >= 0]
    assert " ".join(parts) == EN
    assert all(len(p) >= 30 for p in parts[:-1])
    assert "3f9a2c1d0…" in "\n".join(lines)  # a long id is shortened, not wrapped


def test_at_160_columns_every_field_has_its_own_column_and_the_lesson_the_rest() -> None:
    lines = rendered(search_table("canary · hybrid", HITS, width=160), 160)
    assert max(cells(line) for line in lines) <= 160
    header = next(line for line in lines if "lesson" in line)
    for column in ("team", "date", "dimension", "action", "lesson"):
        assert column in header
    text = "\n".join(lines)
    assert "3f9a2c1d0b7e4a55a1c2d3e4f5a6b7c8" in text and "organization" in text  # whole, unwrapped
    english = [p for p in lesson_lines(lines, 8) if p and EN.find(p) >= 0]
    assert " ".join(english) == EN and len(english[0]) >= 50
    chinese = [p for p in lesson_lines(lines, 8) if p and p[0] in ZH]
    assert "".join(chinese) == ZH and len(chinese[0]) >= 25


def test_a_recurring_cluster_keeps_its_short_fields_whole_at_80_columns() -> None:
    cluster = {
        "note_zh": "这条经验出现了 2 次，上次的行动没有完成",
        "note_en": "Learned 2 times; the earlier actions were not done",
        "lessons": [
            {
                "review_date": "2025-03-10",
                "team": "移动端App",
                "text": ZH,
                "similarity": None,
                "action_status": "not_done",
            },
            {
                "review_date": "2025-09-02",
                "team": "Growth",
                "text": EN,
                "similarity": 0.81,
                "action_status": "open",
            },
        ],
    }
    lines = rendered(recurring_table(cluster, width=80), 80)
    text = "\n".join(lines)
    assert max(cells(line) for line in lines) <= 80
    assert "2025-03-10" in text and "not_done" in text and "0.81" in text and "first" in text
    chinese = [p for p in lesson_lines(lines, 3) if p and p[0] in ZH]
    assert "".join(chinese) == ZH and min(len(p) for p in chinese[:-1]) >= 14
