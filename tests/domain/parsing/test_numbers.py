"""Quantities as people type them: the table is the specification."""

from __future__ import annotations

import pytest

from coach.domain.parsing import Quantity, build_goal, parse_quantities, parse_quantity
from coach.domain.parsing.numbers import DURATION_SECONDS
from coach.domain.retrospective import Verdict

QUANTITIES: list[tuple[str, float, str | None]] = [
    # Chinese magnitudes
    ("1.2亿", 120_000_000, None),
    ("9600万", 96_000_000, None),
    ("营收1.2亿元", 120_000_000, "元"),
    ("预算50万元", 500_000, "元"),
    ("3千万", 30_000_000, None),
    ("5百", 500, None),
    ("2万人", 20_000, "人"),
    # Chinese numerals
    ("两百", 200, None),
    ("三千五", 3500, None),
    ("一万二", 12_000, None),
    ("十二", 12, None),
    ("一百零五", 105, None),
    ("三千五百万", 35_000_000, None),
    ("三点五万", 35_000, None),
    ("一点二亿", 120_000_000, None),
    ("招了五个人", 5, "人"),
    ("三个", 3, "个"),
    ("两起故障", 2, "起"),
    # percentages
    ("85%", 85, "%"),
    ("转化率 3.5％", 3.5, "%"),
    ("百分之八十", 80, "%"),
    ("百分之百", 100, "%"),
    ("下降3个百分点", 3, "pp"),
    # durations; weeks become days (PRODUCT.md: `两周` = 14 days)
    ("两周", 14, "天"),
    ("3周", 21, "天"),
    ("12周", 84, "天"),
    ("两个星期", 14, "天"),
    ("3个礼拜", 21, "天"),
    ("3天", 3, "天"),
    ("2小时", 2, "小时"),
    ("45分钟", 45, "分钟"),
    ("3个月", 3, "月"),
    ("5个工作日", 5, "天"),
    ("300ms", 300, "ms"),
    ("P99 延迟 250 毫秒", 250, "ms"),
    ("5min", 5, "min"),
    ("2 hours", 2, "h"),
    ("two weeks", 14, "days"),
    ("one week", 7, "days"),
    ("12 weeks", 84, "days"),
    ("6 wks", 42, "days"),
    # counts
    ("3个", 3, "个"),
    ("50人", 50, "人"),
    ("1,200单", 1200, "单"),
    ("500 users", 500, "users"),
    ("5 bugs", 5, "bugs"),
    ("zero incidents", 0, "incidents"),
    ("twenty-five users", 25, "users"),
    # Latin magnitudes and currencies
    ("3k", 3000, None),
    ("3K", 3000, None),
    ("2.5m", 2_500_000, None),
    ("2.5M", 2_500_000, None),
    ("1.2 million", 1_200_000, None),
    ("3 thousand", 3000, None),
    ("2 billion", 2_000_000_000, None),
    ("1,200", 1200, None),
    ("1,200,000", 1_200_000, None),
    ("¥3.5万", 35_000, "元"),
    ("￥200", 200, "元"),
    ("RMB 200", 200, "元"),
    ("20 yuan", 20, "元"),
    ("$1.2M", 1_200_000, "USD"),
    ("USD 3.5k", 3500, "USD"),
    ("100美元", 100, "USD"),
    # signs and plain numbers
    ("-3", -3, None),
    ("−3%", -3, "%"),
    ("负3", -3, None),
    ("0.5", 0.5, None),
    ("three", 3, None),
    ("得分85分", 85, "分"),
    # the first number wins
    ("目标1.2亿，实际9600万", 120_000_000, None),
    ("4月30日前完成3个", 3, "个"),
    ("Q2 revenue 3.5M", 3_500_000, None),
    ("2026-04-30 上线了 12 个功能", 12, "个"),
]


@pytest.mark.parametrize(("text", "value", "unit"), QUANTITIES)
def test_parse_quantity(text: str, value: float, unit: str | None) -> None:
    q = parse_quantity(text)
    assert q is not None
    assert (q.value, q.unit) == (pytest.approx(value), unit)


NOT_QUANTITIES = [
    "",
    "没有数字",
    "no numbers here",
    "4月30日",
    "2026-04-30",
    "2026/4/30",
    "2026年4月",
    "4/30",
    "十二月",
    "Q2",
    "H1",
    "下周五",
    "星期三",
    "第二季度",
    "第3名",
    "10:30开会",
    "5点前",
    "May 15",
    "15 May",
    "the 3rd",
    "一起做",
    "十分重要",
    "一直在跟进",
    "统一口径",
    "one of them",
    "no one knows",
    "P0故障",
    "#42",
]


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_no_quantity(text: str) -> None:
    assert parse_quantity(text) is None


ALL_QUANTITIES: list[tuple[str, list[tuple[float, str | None]]]] = [
    ("目标1.2亿，实际9600万", [(120_000_000, None), (96_000_000, None)]),
    ("目标 95%，结果 91%", [(95, "%"), (91, "%")]),
    ("target 500, actual 430", [(500, None), (430, None)]),
    ("计划两周上线，实际用了三周", [(14, "天"), (21, "天")]),
    ("4月30日前招3个人、上线2个功能", [(3, "人"), (2, "个")]),
    ("3-5天", [(3, None), (5, "天")]),
    ("下周五之前没有任何数字", []),
]


@pytest.mark.parametrize(("text", "expected"), ALL_QUANTITIES)
def test_parse_quantities(text: str, expected: list[tuple[float, str | None]]) -> None:
    assert [(q.value, q.unit) for q in parse_quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("实际完成 9600万 左右", "9600万"),
        ("大约 ¥3.5万元 的预算", "¥3.5万元"),
        ("roughly $1.2M in Q3", "$1.2M"),
        ("用了两周", "两周"),
        ("百分之八十的用户", "百分之八十"),
    ],
)
def test_text_is_the_matched_span(text: str, span: str) -> None:
    q = parse_quantity(text)
    assert q is not None
    assert q.text == span


def test_quantity_is_frozen() -> None:
    q = Quantity(1.0, None, "1")
    with pytest.raises(AttributeError):
        q.value = 2.0  # type: ignore[misc]


@pytest.mark.parametrize(("hour", "minute"), [("小时", "分钟"), ("h", "min")])
def test_an_hour_is_sixty_minutes_for_a_reader_that_converts(hour: str, minute: str) -> None:
    assert DURATION_SECONDS[hour] == 60 * DURATION_SECONDS[minute]


# how the units flow on: weeks are read as days; against a duration in another unit both sides are
# given in the finer unit (the goal's unit says which); a duration is judged shorter-is-better
GOALS_IN_WEEKS = [
    ("项目工期", "计划 6 周", "8 周", 42, 56, "天", Verdict.far_missed),
    ("上线", "12周", "80天", 84, 80, "天", Verdict.met),
    ("采购周期", "两周", "19天", 14, 19, "天", Verdict.far_missed),
    ("响应时间", "2小时", "90分钟", 120, 90, "分钟", Verdict.exceeded),
    ("project duration", "6 weeks", "8 weeks", 42, 56, "days", Verdict.far_missed),
    ("onboarding", "2 weeks", "10 days", 14, 10, "days", Verdict.exceeded),
]


@pytest.mark.parametrize(
    ("name", "target", "result", "target_value", "result_value", "unit", "verdict"), GOALS_IN_WEEKS
)
def test_a_goal_in_weeks_is_read_in_days(
    name: str, target: str, result: str, target_value: float, result_value: float, unit: str, verdict: Verdict
) -> None:
    goal = build_goal(name, target, result)
    assert (goal.target_value, goal.result_value, goal.unit, goal.verdict) == (
        target_value,
        result_value,
        unit,
        verdict,
    )


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("实际4块6", 4.6, "元"),
        ("卖了24块5", 24.5, "元"),
        ("过户用了9天半", 9.5, "天"),
        ("拖了2周半", 17.5, "天"),
        ("做了3年半", 3.5, "年"),
        ("一共4块", 4.0, "元"),
    ],
)
def test_money_with_its_dimes_and_a_duration_with_its_half(text: str, value: float, unit: str) -> None:
    quantity = parse_quantity(text)
    assert quantity is not None and (quantity.value, quantity.unit) == (pytest.approx(value), unit)
