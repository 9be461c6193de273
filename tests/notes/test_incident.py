"""The statement that opens an incident report's story, with the day and what people could not do, is what
went wrong."""

from __future__ import annotations

import pytest

from tests.notes.extracting import extract, texts


@pytest.mark.parametrize(
    ("note", "finding"),
    [
        (
            "# Postmortem: top-up failures\n\n*Published 25 November 2026.*\n\nOn the evening of Monday 16 "
            "November, riders could not top up their travel cards for five hours. The payment gateway "
            "rejected every request.\n\nThe root cause was an expired certificate.\n",
            "could not top up",
        ),
        (
            "# 充值故障复盘\n\n3月9日晚上，乘客无法给交通卡充值，持续了五个小时。支付网关拒绝了所有请求。\n\n"
            "根本原因是证书过期了。\n",
            "无法给交通卡充值",
        ),
    ],
)
def test_the_story_s_opening_day_and_what_people_could_not_do_is_a_shortfall(note: str, finding: str) -> None:
    assert finding in texts(extract(note, name="note.md").shortfalls)


@pytest.mark.parametrize(
    "note",
    [
        # the story's opening says what happened, not what people could not do
        "# Postmortem\n\nOn Monday 16 November the payment gateway was upgraded. Later riders could not top "
        "up.\n\nThe root cause was an expired certificate.\n",
        # told after the goals, it is a step of the story
        "# 复盘\n\n充值成功率目标99.5%，实际97.1%。\n\n3月9日晚上，乘客无法充值。\n",
    ],
)
def test_a_could_not_told_later_in_the_story_is_no_finding_of_its_own(note: str) -> None:
    shortfalls = texts(extract(note, name="note.md").shortfalls)
    assert "could not top" not in shortfalls and "无法充值" not in shortfalls
