"""A meeting's messages put as the coach reads them: lessons said in passing with the lessons, weights
with their chain, and the method's order; zh and en."""

from __future__ import annotations

import pytest

from coach.domain.reading.meeting_order import in_method_order, weights_with_their_chain, with_lessons


@pytest.mark.parametrize(
    ("out", "passing", "expected"),
    [
        (
            ["挖退货：根因是尺码表没更新。", "行动：小吴负责重做尺码表，5月31日前。"],
            ["夜班要坚持"],
            ["挖退货：根因是尺码表没更新。", "经验：夜班要坚持", "行动：小吴负责重做尺码表，5月31日前。"],
        ),
        (
            ["Lessons: keep the live streams.", "Actions: Ben will redo the chart by May 31."],
            ["stop the pop-ups"],
            [
                "Lessons: keep the live streams. stop the pop-ups",
                "Actions: Ben will redo the chart by May 31.",
            ],
        ),
    ],
)
def test_lessons_said_in_passing_join_the_list_or_make_one_before_the_actions(
    out: list[str], passing: list[str], expected: list[str]
) -> None:
    assert with_lessons(out, passing) == expected


@pytest.mark.parametrize(
    ("out", "expected"),
    [
        (
            [
                "挖困人：根因是清单没人管。",
                "经验：扫码签到继续。",
                "清单那块，我估计八成是清单的问题，剩下两成是乘客扒门。",
            ],
            [
                "挖困人：根因是清单没人管。我估计八成是清单的问题，剩下两成是乘客扒门。",
                "经验：扫码签到继续。",
            ],
        ),
        (
            [
                "Dig into installs: root cause is the old sequence.",
                "On installs, I'd put 70% on that. The rest is the lorry.",
            ],
            [
                "Dig into installs: root cause is the old sequence. "
                "I'd put 70% on that. The rest is the lorry."
            ],
        ),
        (
            ["Sign-ups target 500, we got 420.", "About 70% of sign-ups came from ads, 30% from referrals."],
            ["Sign-ups target 500, we got 420.", "About 70% of sign-ups came from ads, 30% from referrals."],
        ),
    ],
)
def test_weights_said_later_join_the_last_chain_said_before_them(out: list[str], expected: list[str]) -> None:
    assert weights_with_their_chain(out) == expected


def test_the_parts_come_in_the_method_s_order_the_meeting_s_order_kept_within_each() -> None:
    out = ["行动：小李负责A，5月1日前。", "经验：B继续。", "挖C：根因是D。", "Actions: E.", "Lessons: F."]
    assert in_method_order(out) == [
        "挖C：根因是D。",
        "经验：B继续。",
        "Lessons: F.",
        "行动：小李负责A，5月1日前。",
        "Actions: E.",
    ]
