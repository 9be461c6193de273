"""Phrasings the dev dialogues did not use: KPIs, non-KPI numbers, root confirmations, shares."""

from __future__ import annotations

import pytest

from coach.domain.critique import confirms_root
from coach.engines.rules.goals import parse_goals
from coach.engines.rules.share import parse_share
from tests.engines.rules.helpers import Coaching


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "618复盘：GMV目标3000万，实际3350万，新客目标5万，实际4.1万，投放ROI目标3，实际2.2",
            [("GMV", 30000000, 33500000), ("新客", 50000, 41000), ("投放ROI", 3, 2.2)],
        ),
        ("上个月P1故障出了3次，目标是不超过1次", [("P1故障", 1, 3)]),
        ("目标入职30人，实际入职19人", [("入职", 30, 19)]),
        ("销售额目标500万，达成率85%", [("销售额", 5000000, 4250000)]),
        ("回款达成率102%", [("回款达成率", 100, 102)]),
        ("人效只做到计划的80%", [("人效", 100, 80)]),
        ("转化率目标3%，从2.5%降到2.1%", [("转化率", 3, 2.1)]),
        ("we hit 85% against a target of 90% on first-call resolution", [("first-call resolution", 90, 85)]),
        ("Offer acceptance: 42 out of 50", [("Offer acceptance", 50, 42)]),
        ("Q1 revenue came in at 1.8M against a 2M plan", [("Q1 revenue", 2000000, 1800000)]),
        ("NPS from 30 to 42, target was 40", [("NPS", 40, 42)]),
        ("Month-end close. Target was 5 days, we took 8", [("Month-end close", 5, 8)]),
    ],
)
def test_kpis_in_many_phrasings(text: str, expected: list[tuple[str, float, float]]) -> None:
    goals = parse_goals(text)
    assert [(g.name, g.target_value, g.result_value) for g in goals] == [
        (n, pytest.approx(a), pytest.approx(b)) for n, a, b in expected
    ]


@pytest.mark.parametrize(
    "text",
    [
        "我们组8个人，下周团建预算2000",
        "下个版本5月20号上线",
        "上个月开了3次会",
        "亮点是评分没掉，两周就修好了",
    ],
)
def test_numbers_that_are_not_kpis(text: str) -> None:
    assert parse_goals(text) == []


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
