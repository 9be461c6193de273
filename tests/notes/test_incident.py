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


@pytest.mark.parametrize(
    ("note", "finding"),
    [
        (
            "# Incident review\n\nOn Saturday 14 March, Harbour FM went off air at 15:12 and did not come "
            "back until 17:26. The backup transmitter never took over.\n\n"
            "The root cause was a switch left in manual.\n",
            "went off air",
        ),
        (
            "# 停播复盘\n\n3月14日下午，电台停播了两个多小时，备用发射机没有接管。\n\n"
            "根本原因是切换开关被留在了手动档。\n",
            "停播",
        ),
    ],
)
def test_a_service_going_down_on_the_opening_day_is_a_shortfall(note: str, finding: str) -> None:
    # going off air, going down, 宕机, 停播: the service could not be used
    assert finding in texts(extract(note, name="note.md").shortfalls)
