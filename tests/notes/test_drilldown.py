"""The steps of a drill-down told as a story are read from their marker words, zh and en."""

from __future__ import annotations

import pytest

from coach.notes import drilldown


@pytest.mark.parametrize(
    ("text", "split"),
    [
        ("回款慢，表面上看是客户拖延付款", ("回款慢", "客户拖延付款")),
        ("小李说，投诉多，直接看是回复太慢", ("投诉多", "回复太慢")),
        ("On the surface, the queue was short of agents", ("", "the queue was short of agents")),
        ("Churn went up; at first glance, prices were too high", ("Churn went up", "prices were too high")),
    ],
)
def test_the_surface_marker_splits_what_was_seen_from_the_surface_cause(
    text: str, split: tuple[str, str]
) -> None:
    assert drilldown.surface_split(text) == split


@pytest.mark.parametrize(
    ("text", "step"),
    [
        ("但往深层看，是报价流程没人负责", "报价流程没人负责"),
        ("再往下说，是表单不支持上传附件", "表单不支持上传附件"),
        ("再往下挖一层，我们没有备用供应商", "我们没有备用供应商"),
        ("But the real problem sits deeper.", ""),
        ("The real reason was that nobody owned the rota.", "nobody owned the rota"),
        ("Digging deeper, the alert had no owner", "the alert had no owner"),
    ],
)
def test_a_step_one_level_down_gives_its_words_or_only_announces_the_next(text: str, step: str) -> None:
    assert drilldown.deeper_step(text) == step


@pytest.mark.parametrize(
    "text", ["我们往前看，先把货发了", "The ticket queue grew all week.", "小王说，退款慢"]
)
def test_a_statement_without_a_step_marker_does_not_go_deeper(text: str) -> None:
    assert drilldown.deeper_step(text) is None


@pytest.mark.parametrize(
    ("text", "introduces"),
    [
        ("The late deliveries have a simpler explanation.", True),
        ("The refund backlog started with the holiday week.", True),
        ("退款慢原因有两个。", True),
        ("The explanation is that nobody owned the rota.", False),
        ("退款慢原因有两个：财务每周只批一次，系统不能批量退款，客服也不知道进度，客户只能反复来问。", False),
        ("Refunds were slow because finance approves them weekly.", False),
    ],
)
def test_a_sentence_that_only_names_what_the_next_one_explains_introduces_causes(
    text: str, introduces: bool
) -> None:
    assert drilldown.introduces_causes(text) is introduces


@pytest.mark.parametrize(
    ("text", "remark"),
    [
        ("这两条我们左右不了，但可以提前备货。", True),
        ("但这几点都是外部的。", True),
        ("Both of these were outside our control.", True),
        ("These two vendors shipped late because of the strike.", False),
        ("两家供应商都延期了。", False),
    ],
)
def test_a_remark_on_the_causes_just_named_is_told_apart(text: str, remark: bool) -> None:
    assert drilldown.remarks_on_causes(text) is remark


@pytest.mark.parametrize(
    ("text", "undecided"),
    [
        ("财务插话说明年可能有新预算，这个还没定。", True),
        ("The board may fund a trainer next year; it is not decided yet.", True),
        ("预算没批下来，因为方案还没定。", False),
        ("The trainer was never hired.", False),
    ],
)
def test_news_not_yet_settled_is_told_apart_from_what_happened(text: str, undecided: bool) -> None:
    assert drilldown.is_undecided(text) is undecided


@pytest.mark.parametrize(
    ("text", "separate"),
    [
        ("另外也有天气的因素：连续暴雨", True),
        ("此外，包装换了供应商", True),
        ("Part of the gap also came from the ice storm", True),
        ("Another factor was the late budget", True),
        ("根子上，是考核只看签约数", False),
        ("Nobody owned page performance", False),
    ],
)
def test_a_cause_beside_the_chain_is_told_apart_from_a_step_under_it(text: str, separate: bool) -> None:
    assert drilldown.starts_separate_cause(text) is separate


def test_a_why_with_a_modal_asks_about_the_verb_said_before() -> None:
    from coach.notes import drilldown

    question = drilldown.why_about("为什么会调低？")
    assert question == "调低"
    assert drilldown.asks_about(question, "两台检测机的灵敏度都被调低了")
