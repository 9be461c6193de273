"""A lesson's dimension said as whom it asks something of (zh, en): "…，这是对人的要求" / "…, that's about
people" types it people, whatever its other words."""

from __future__ import annotations

import pytest

from coach.domain.retrospective import Dimension
from tests.notes.extracting import extract

ZH = "# 复盘纪要\n\n## 经验教训\n\n导游临时换人前必须有线路交接流程，这是对人的要求。\n"
EN = "# Review\n\n## Lessons\n\nA handover checklist before any guide swap is a must, that's about people.\n"


@pytest.mark.parametrize("note", [ZH, EN])
def test_a_lesson_said_to_ask_something_of_people_is_people(note: str) -> None:
    lessons = extract(note).lessons
    assert [lesson.dimension for lesson in lessons] == [Dimension.people]
