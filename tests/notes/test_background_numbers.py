"""Numbers the note says are background, not targets (zh, en): "none of it a target", "这些都不是指标" — the
sentence gives no goal; the targets told after it still do."""

from __future__ import annotations

import pytest

from tests.notes.extracting import extract


@pytest.mark.parametrize(
    ("note", "goal"),
    [
        (
            "# Postmortem\n\n## Summary\n\nSome background first, none of it a target: we serve 212 "
            "schools and roughly 38,000 families use the app. We hold ourselves to 99.5% of orders going "
            "through on the first attempt; that week it was 91.2%.\n",
            "first attempt",
        ),
        (
            "# 复盘纪要\n\n## 概况\n\n先交代一下背景，这些都不是指标：我们服务212所学校，"
            "大约38000个家庭在用App。"
            "首次下单成功率目标99.5%，实际91.2%。\n",
            "首次下单成功率",
        ),
    ],
)
def test_numbers_said_to_be_no_target_give_no_goal(note: str, goal: str) -> None:
    goals = extract(note).goals
    assert len(goals) == 1 and goal in goals[0].name
