"""A list written on one line ("（1）A；（2）B；（3）C", "(1) A; (2) B") is one item a place, like a list
written a place a line."""

from __future__ import annotations

import pytest

from tests.notes.extracting import extract


@pytest.mark.parametrize(
    ("note", "lessons"),
    [
        (
            "# 复盘\n\n## 经验总结\n\n（1）车行合作的渠道要继续做下去；（2）到期前电话提醒要继续；"
            "（3）凭一个人经验拍板的做法要停止。\n",
            ["车行合作", "电话提醒", "一个人经验拍板"],
        ),
        (
            "# Review\n\n## Lessons\n\n(1) Keep phoning merchants before we write; (2) stop letting "
            "contractors run scripts on production; (3) optimise the sampling rate.\n",
            ["phoning merchants", "run scripts", "sampling rate"],
        ),
    ],
)
def test_each_place_of_a_list_on_one_line_is_a_lesson(note: str, lessons: list[str]) -> None:
    found = [lesson.text for lesson in extract(note).lessons]
    assert len(found) == len(lessons)
    for text, words in zip(found, lessons, strict=True):
        assert words in text
        assert not text.startswith(("（", "("))
