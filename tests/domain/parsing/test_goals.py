"""Goal arithmetic: which way is better, the verdict rule and building a Goal from its sides."""

from __future__ import annotations

import pytest

from coach.domain.parsing import (
    assess,
    build_goal,
    find_tolerance,
    lower_is_better,
    tolerance_band,
)
from coach.domain.parsing.goals import lower_better_for
from coach.domain.retrospective import Verdict

LOWER_IS_BETTER = [
    ("获客成本", True),
    ("平均处理时长", True),
    ("构建耗时", True),
    ("P1故障数", True),
    ("线上缺陷数", True),
    ("bug 数", True),
    ("用户流失率", True),
    ("客户投诉", True),
    ("接口延迟", True),
    ("平均响应时间", True),
    ("退货率", True),
    ("产品不良率", True),
    ("财务差错", True),
    ("monthly churn", True),
    ("Cloud cost", True),
    ("p99 latency", True),
    ("Downtime minutes", True),
    ("MTTR", True),
    ("Escaped defects", True),
    ("Sev-1 incidents", True),
    ("Customer complaints", True),
    ("销售额", False),
    ("新增用户", False),
    ("转化率", False),
    ("客户满意度", False),
    ("Revenue", False),
    ("NPS", False),
    ("Uptime", False),
    # a cost word that names a saving, a defect word that names a fix rate: more is better
    ("成本节约", False),
    ("缺陷修复率", False),
    ("投诉解决率", False),
    ("Cost savings", False),
    ("连续无故障运行天数", False),
    # losses, interruptions, discounts given away and ranks are better the smaller they are
    ("供水漏损率", True),
    ("停电中断户数", True),
    ("平均成交折扣", True),
    ("新生平均位次", True),
    ("Water losses", True),
    ("Non-revenue water", True),
    ("Service interruptions", True),
    ("Average discount given", True),
    ("Median applicant rank", True),
    ("Leak survey coverage", False),
    ("巡检覆盖里程", False),
]


@pytest.mark.parametrize(("name", "expected"), LOWER_IS_BETTER)
def test_lower_is_better(name: str, expected: bool) -> None:
    assert lower_is_better(name) is expected


ASSESSMENTS: list[tuple[float, float, bool, float, float | None, Verdict]] = [
    # target, result, lower_better -> gap_value, gap_ratio, verdict
    (100, 110, False, 10, 0.10, Verdict.exceeded),
    (100, 105, False, 5, 0.05, Verdict.exceeded),  # +5% is the exceeded threshold, inclusive
    (100, 104, False, 4, 0.04, Verdict.met),
    (100, 100, False, 0, 0.0, Verdict.met),
    (100, 96, False, -4, -0.04, Verdict.missed),  # short of the target is never met
    (100, 99.9, False, -0.1, -0.001, Verdict.missed),
    (100, 95, False, -5, -0.05, Verdict.missed),
    (100, 80, False, -20, -0.20, Verdict.missed),  # -20% is still missed, inclusive
    (100, 79, False, -21, -0.21, Verdict.far_missed),
    (120_000_000, 96_000_000, False, -24_000_000, -0.2, Verdict.missed),
    (95, 91, False, -4, -4 / 95, Verdict.missed),
    (99.9, 99.5, False, -0.4, -0.4 / 99.9, Verdict.missed),  # uptime 99.9% -> 99.5% is missed
    # lower is better: the sign flips
    (14, 21, True, 7, 0.5, Verdict.far_missed),
    (100, 90, True, -10, -0.1, Verdict.exceeded),
    (100, 97, True, -3, -0.03, Verdict.met),
    (100, 103, True, 3, 0.03, Verdict.missed),  # a cost 3% over its target is short of it
    (100, 110, True, 10, 0.1, Verdict.missed),
    # a target of 0: no ratio, only the direction of the gap
    (0, 3, True, 3, None, Verdict.missed),
    (0, 0, True, 0, None, Verdict.met),
    (0, 5, False, 5, None, Verdict.exceeded),
    (0, -2, False, -2, None, Verdict.missed),
    # a negative target (a planned loss): beating it is still better
    (-100, -50, False, 50, -0.5, Verdict.exceeded),
]


@pytest.mark.parametrize(("target", "result", "lower", "gap", "ratio", "verdict"), ASSESSMENTS)
def test_assess(
    target: float, result: float, lower: bool, gap: float, ratio: float | None, verdict: Verdict
) -> None:
    got_gap, got_ratio, got_verdict = assess(target, result, lower)
    assert got_gap == pytest.approx(gap)
    assert got_ratio == (None if ratio is None else pytest.approx(ratio))
    assert got_verdict is verdict


GOALS: list[
    tuple[str, str | None, str | None, float | None, float | None, str | None, float | None, Verdict | None]
] = [
    # name, target, result -> target_value, result_value, unit, gap_ratio, verdict
    ("销售额", "1.2亿", "9600万", 120_000_000, 96_000_000, None, -0.2, Verdict.missed),
    ("转化率", "95%", "91%", 95, 91, "%", -0.0421, Verdict.missed),
    ("毛利率", "25%", "21.5%", 25, 21.5, "%", -0.14, Verdict.missed),
    ("新增用户", "500", "430", 500, 430, None, -0.14, Verdict.missed),
    ("新功能上线", "两周上线", "三周", 14, 21, "天", 0.5, Verdict.far_missed),
    ("签约客户", "120个", "135", 120, 135, "个", 0.125, Verdict.exceeded),
    ("获客成本", "¥200", "¥180", 200, 180, "元", -0.1, Verdict.exceeded),
    ("P1故障", "0", "3起", 0, 3, "起", None, Verdict.missed),
    ("Revenue", "$1.2M", "$1.26M", 1_200_000, 1_260_000, "USD", 0.05, Verdict.exceeded),
    ("MTTR", "30 min", "45 min", 30, 45, "min", 0.5, Verdict.far_missed),
    # durations in different units are compared in the target's unit
    ("平均响应时间", "2小时", "90分钟", 120, 90, "分钟", -0.25, Verdict.exceeded),
    # a number without its unit borrows the other side's
    ("满意度", "90", "92%", 90, 92, "%", 0.0222, Verdict.met),
]


@pytest.mark.parametrize(
    ("name", "target", "result", "target_value", "result_value", "unit", "ratio", "verdict"), GOALS
)
def test_build_goal(
    name: str,
    target: str | None,
    result: str | None,
    target_value: float | None,
    result_value: float | None,
    unit: str | None,
    ratio: float | None,
    verdict: Verdict | None,
) -> None:
    goal = build_goal(name, target, result)
    assert (goal.name, goal.target, goal.result) == (name, target, result)
    assert (goal.target_value, goal.result_value, goal.unit) == (target_value, result_value, unit)
    assert (goal.gap_ratio, goal.verdict) == (ratio, verdict)


@pytest.mark.parametrize(
    ("name", "target", "result", "target_value", "result_value"),
    [
        ("用户体验", "明显提升", "有所提升", None, None),
        ("销售额", "1.2亿", None, 120_000_000, None),
        ("销售额", None, "9600万", None, 96_000_000),
        ("人效", "50人", "80%", 50, 80),  # units that cannot be compared: no gap, no verdict
    ],
)
def test_build_goal_without_a_comparable_pair(
    name: str, target: str | None, result: str | None, target_value: float | None, result_value: float | None
) -> None:
    goal = build_goal(name, target, result)
    assert (goal.target_value, goal.result_value) == (target_value, result_value)
    assert (goal.gap_value, goal.gap_ratio, goal.verdict) == (None, None, None)


def test_build_goal_gap_value_is_result_minus_target() -> None:
    goal = build_goal("销售额", "1.2亿", "9600万")
    assert goal.gap_value == -24_000_000


# ---- lower-is-better: rate names and ceilings in the target ---------------------------------------

LOWER_NAMES = [
    ("崩溃率", True),
    ("故障率", True),
    ("错误率", True),
    ("流失率", True),
    ("差错率", True),
    ("不良率", True),
    ("退款率", True),
    ("投诉量", True),
    ("工单积压", True),
    ("项目延期天数", True),
    ("破损率", True),
    ("crash rate", True),
    ("error rate", True),
    ("churn rate", True),
    ("defect rate", True),
    ("ticket backlog", True),
    ("回款", False),
    ("crash-free sessions", False),
]


@pytest.mark.parametrize(("name", "expected"), LOWER_NAMES)
def test_lower_is_better_rate_names(name: str, expected: bool) -> None:
    assert lower_is_better(name) is expected


BOUNDED = [
    # a ceiling in the target makes any goal lower-is-better, a floor higher-is-better
    ("响应", "≤2小时", "3小时", Verdict.far_missed),
    ("首响时长", "不超过2小时", "1.5小时", Verdict.exceeded),
    ("工单", "控制在200件以内", "260件", Verdict.far_missed),
    ("满意度", "控制在90%以上", "93%", Verdict.met),
    ("Time to detect", "under 5 minutes", "22 minutes", Verdict.far_missed),
    ("Queue", "at most 40", "30", Verdict.exceeded),
    ("churn rate", "no more than 3%", "2%", Verdict.exceeded),
    ("NPS", "at least 40", "44", Verdict.exceeded),
    ("崩溃率", "0.1%", "0.35%", Verdict.far_missed),
    ("crash rate", "≤0.1%", "0.35%", Verdict.far_missed),
]


@pytest.mark.parametrize(("name", "target", "result", "verdict"), BOUNDED)
def test_bounds_in_the_target_set_the_direction(
    name: str, target: str, result: str, verdict: Verdict
) -> None:
    assert build_goal(name, target, result).verdict is verdict


def test_generic_counter_is_comparable() -> None:
    goal = build_goal("参训人数", "两百人", "来了186个")
    assert (goal.target_value, goal.result_value, goal.unit, goal.verdict) == (200, 186, "人", Verdict.missed)


# ---- a tolerance counts only where the user set one -------------------------------------------------


@pytest.mark.parametrize(
    ("target", "result", "lower", "tolerance", "verdict"),
    [
        (25, 23.5, False, 2, Verdict.met),  # 25% ±2 points, 23.5%: inside the band
        (25, 22.5, False, 2, Verdict.missed),
        (100, 103, True, 5, Verdict.met),  # a cost 3 over a ceiling with a ±5 band
        (100, 96, False, 0, Verdict.missed),
    ],
)
def test_assess_with_the_users_tolerance(
    target: float, result: float, lower: bool, tolerance: float, verdict: Verdict
) -> None:
    assert assess(target, result, lower, tolerance)[2] is verdict


@pytest.mark.parametrize(
    ("target", "result", "verdict"),
    [
        ("25%±2%", "23.5%", Verdict.met),  # a % KPI: the band is in points
        ("25% 上下浮动2个百分点", "23.5%", Verdict.met),
        ("1.2亿（±5%）", "1.16亿", Verdict.met),  # other units: a % band is relative to the target
        ("1.2亿", "1.16亿", Verdict.missed),
        ("99.9% +/- 0.5 points", "99.5%", Verdict.met),
    ],
)
def test_a_band_written_in_the_target_is_the_tolerance(target: str, result: str, verdict: Verdict) -> None:
    goal = build_goal("指标", target, result)
    assert goal.verdict is verdict
    assert goal.target == target  # the band stays in the document, as typed


def test_find_tolerance_reads_the_band() -> None:
    assert tolerance_band(find_tolerance("目标25%，上下浮动2%"), 25, "%") == 2
    assert tolerance_band(find_tolerance("target 200 plus or minus 5%"), 200, None) == 10
    assert find_tolerance("目标25%，实际21.5%") is None


@pytest.mark.parametrize(
    ("name", "unit", "lower"),
    [
        ("false positive rate", "%", True),
        ("Appointment no-show rate", "%", True),
        ("Lockup days (WIP plus debtors)", None, True),
        ("误报率", "%", True),
        ("列车晚点次数", None, True),
        ("Average dwell time", "minutes", False),  # visitors staying longer is the point
        ("平均停留时长", "分钟", False),
        ("handling time", "minutes", True),  # a duration with no word for it is better short
        # work done again, stock or time lost, a span between two events: fewer is better
        ("返洗率", "%", True),
        ("育肥死淘率", "%", True),
        ("料肉比", None, True),
        ("Hours lost to sickness", None, True),
        ("Amended returns after filing", "%", True),
        ("Average days from order to install", None, True),
        ("Recycling contamination rate", "%", True),
        ("Returns filed by the deadline", "%", False),  # "by the deadline" is on time, however it's named
        ("Mean distance between failures", None, False),  # "failures" alone would make it lower
        ("平均故障间隔里程", None, False),
    ],
)
def test_the_words_of_a_kpi_name_say_which_way_it_is_better(name: str, unit: str | None, lower: bool) -> None:
    assert lower_better_for(name, unit) is lower


@pytest.mark.parametrize(
    ("name", "unit", "lower"),
    [
        ("Reefer plug-in within 30 minutes of discharge", "%", False),  # the share that made it in time
        ("P95 latency under 200ms", "%", False),
        ("5分钟内接通率", "%", False),
        ("MTBF", "h", False),
        ("平均无故障时间", "小时", False),
        ("加班时长", "小时", True),
        ("late deliveries", None, True),
    ],
)
def test_a_threshold_in_a_percent_kpi_and_words_like_mtbf_make_it_better_high(
    name: str, unit: str | None, lower: bool
) -> None:
    assert lower_better_for(name, unit) is lower


@pytest.mark.parametrize(
    ("name", "target", "result", "said", "verdict"),
    [
        # the name and the target say nothing of the direction: how the speaker says it came out does
        ("误报率", "5%", "12%", "误报率目标5%，实际12%，没达标", Verdict.far_missed),
        ("周转天数均值", "30天", "26天", "周转天数均值目标30天，实际26天，超额完成", Verdict.exceeded),
        ("Reopened tickets", "10", "14", "Reopened tickets target 10, actual 14, missed", Verdict.far_missed),
        ("Lockup", "90", "80", "Lockup target 90, actual 80, beat it", Verdict.exceeded),
        ("Dwell", "20 min", "26 min", "Dwell target 20 min, got 26, beat the target", Verdict.exceeded),
        # with no such words the default stands, and words never overrule the name's own direction
        ("新客数", "40", "46", "新客数目标40，实际46", Verdict.exceeded),
        ("获客成本", "200元", "250元", "获客成本目标200元，实际250元，超额了", Verdict.far_missed),
        ("Revenue", "100", "90", "Revenue target 100, actual 90, beat last year", Verdict.missed),
        # a smaller number told as a saving against an earlier period: the KPI is better low
        ("单位面积耗热量", "0.30", "0.28", "单位面积耗热量目标0.30，实际0.28，比去年省", Verdict.exceeded),
        ("每单包材", "2.0元", "2.6元", "每单包材目标2.0元，实际2.6元，较上年节约了一点", Verdict.far_missed),
        (
            "Heat per square metre",
            "0.30",
            "0.28",
            "Heat per square metre target 0.30, actual 0.28, saved compared with last year",
            Verdict.exceeded,
        ),
        (
            "Water per guest",
            "100",
            "130",
            "Water per guest target 100, got 130, still saving 5% on last year",
            Verdict.far_missed,
        ),
        # a saving on something else, or no period compared, says nothing of this KPI's direction
        (
            "Heat per square metre",
            "0.30",
            "0.28",
            "Heat per square metre target 0.30, actual 0.28, saved us a call-out",
            Verdict.missed,
        ),
        ("单位面积耗热量", "0.30", "0.28", "单位面积耗热量目标0.30，实际0.28，省了不少事", Verdict.missed),
    ],
)
def test_how_the_speaker_says_a_kpi_came_out_gives_its_direction_when_nothing_else_does(
    name: str, target: str, result: str, said: str, verdict: Verdict
) -> None:
    assert build_goal(name, target, result, said=said).verdict is verdict


@pytest.mark.parametrize(
    ("name", "lower"),
    [
        ("Callbacks within 30 days of install", True),  # bad events counted in a window: better few
        ("Repeat visits within 7 days", True),
        ("7天内返修率", True),
        ("30天内投诉率", True),
        ("Complaints resolved within 24 hours", False),  # a thing done about a bad one is good
        ("24小时内完工率", False),
        ("Calls answered within 10 seconds", False),
    ],
)
def test_bad_events_counted_within_a_window_are_better_low(name: str, lower: bool) -> None:
    assert lower_better_for(name, "%") is lower


@pytest.mark.parametrize(("name", "lower"), [("污泥含水率", True), ("Moisture content of the pellets", True)])
def test_what_a_product_should_not_hold_is_better_low(name: str, lower: bool) -> None:
    assert lower_better_for(name, "%") is lower


def test_a_bad_event_after_the_window_is_context_not_what_is_counted() -> None:
    assert lower_better_for("answer contacts within 4 hours during an incident", "%") is False
    assert lower_better_for("投诉30天内回访率", "%") is False


@pytest.mark.parametrize(
    ("name", "lower"),
    [
        ("吨产品蒸汽消耗", True),  # what a unit of output uses up is better small
        ("单耗", True),
        ("Steam consumption per tonne", True),
        ("Consumer NPS", False),  # a consumer is not a consumption
        ("Fans admitted to checkout without an error", False),  # done without a bad thing: better high
        ("Orders shipped without damage", False),
        ("无差错出库率", False),
        ("零投诉门店占比", False),
    ],
)
def test_consumption_is_better_low_and_work_done_without_a_bad_thing_better_high(
    name: str, lower: bool
) -> None:
    assert lower_better_for(name, None) is lower


@pytest.mark.parametrize(
    ("name", "target", "result", "said", "verdict"),
    [
        # a target said as a cap makes the KPI better low when its name says nothing
        (
            "Emergency payments",
            "£5,000",
            "£18,200",
            "Emergency payments were budgeted at £5,000 a month and cost £18,200",
            Verdict.far_missed,
        ),
        (
            "Requests to support",
            "2,000",
            "6,400",
            "A ceiling of 2,000 requests to support, received 6,400",
            Verdict.far_missed,
        ),
        ("团建", "5000元", "4200元", "团建预算5000元，实际4200元", Verdict.exceeded),
        ("加急单", "2000单", "2600单", "加急单上限2000单，实际2600单", Verdict.far_missed),
        # a budget named beside another KPI's words, with no number after it, caps nothing
        ("新客数", "40", "46", "新客数目标40，实际46，预算没超", Verdict.exceeded),
        ("Sign-ups", "400", "460", "Sign-ups target 400, got 460, within budget", Verdict.exceeded),
    ],
)
def test_a_target_said_as_a_cap_is_a_ceiling(
    name: str, target: str, result: str, said: str, verdict: Verdict
) -> None:
    assert build_goal(name, target, result, said=said).verdict is verdict
