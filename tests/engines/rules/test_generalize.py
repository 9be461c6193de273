"""Phrasings the dev dialogues did not use: non-KPI numbers, root confirmations and shares."""

from __future__ import annotations

import pytest

from coach.domain.critique import confirms_root
from coach.engines.rules.share import parse_share
from tests.engines.rules.helpers import Coaching


def test_numbers_without_a_kpi_are_questioned_not_filed() -> None:
    coach = Coaching()
    coach.say("回款目标1.2亿，实际9600万")
    result = coach.say("我们组一共8个人，其中3个是新人")
    assert len(result.review.goals) == 1 and result.stage == "review"


@pytest.mark.parametrize(
    "text", ["对，就是这个", "没错这是根本", "yes that's the root", "就是它", "exactly", "是根因"]
)
def test_root_confirmations(text: str) -> None:
    assert confirms_root(text)


@pytest.mark.parametrize("text", ["根本原因是没有灰度机制", "不是根因", "因为没有流程"])
def test_not_root_confirmations(text: str) -> None:
    assert not confirms_root(text)


@pytest.mark.parametrize(
    ("text", "share"),
    [("大头", 0.7), ("一大半", 0.6), ("七八成", 0.75), ("most of it", 0.7), ("about two thirds", 2 / 3)],
)
def test_share_words(text: str, share: float) -> None:
    assert parse_share(text) == pytest.approx(share, abs=0.01)


def test_root_and_share_in_one_message_make_the_main_cause() -> None:
    coach = Coaching()
    coach.say("回款目标1.2亿，实际9600万")
    coach.say("没有了")
    coach.say("没有")
    coach.say("回款慢")
    coach.say("客户拖着不付")
    coach.say("没有")
    coach.say("客户拖着不付")
    result = coach.say("根本原因是没有回款跟踪机制，大概占七成")
    main = [c for c in result.review.cause_chains if c.is_main]
    assert main and "回款跟踪机制" in (main[0].root_cause or "") and main[0].share == pytest.approx(0.7)
