"""Several facts per message, and facts filed wherever they come: a shortfall with its whole chain given
while the coach collects highlights, a whole reflection in one message, two actions never merged."""

from __future__ import annotations

import pytest

from tests.engines.rules.helpers import TO_ACTIONS_ZH, TO_ANALYSIS_ZH, TO_DRILL_ZH, TO_LESSONS_ZH, Coaching

DENSE_ZH = (
    "没做好的是续费率，表面上是客户觉得用不上，往下看是新客户上手慢，"
    "根子上是我们没有客户成功经理做上线陪跑，这个大概占七成原因。"
)
DENSE_EN = (
    "The shortfall was renewals. On the surface, customers said they had no use for it; underneath, "
    "onboarding was slow; the root cause is we have no customer success manager, 60% of it."
)
TO_ANALYSIS_EN = ("Revenue target 1.2M, actual 960k", "that's all", "Revenue")


@pytest.mark.parametrize(
    ("language", "opening", "text"), [("zh", TO_ANALYSIS_ZH, DENSE_ZH), ("en", TO_ANALYSIS_EN, DENSE_EN)]
)
def test_a_shortfall_with_its_chain_during_the_highlights_is_filed_as_a_chain(
    language: str, opening: tuple[str, ...], text: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    assert coach.step == "highlights"
    result = coach.say(text)
    review = result.review
    assert review.highlights == [] and [f.text for f in review.shortfalls] == [
        "续费率" if language == "zh" else "renewals"
    ]
    (chain,) = review.cause_chains
    assert chain.is_main and chain.share == pytest.approx(0.7 if language == "zh" else 0.6)
    assert "客户成功经理" in (chain.root_cause or "") or "customer success" in (chain.root_cause or "")
    assert chain.surface_cause and "→" in chain.surface_cause
    # one line says what was filed; then the question for what is missing (the highlights), never "why"
    assert "为什么做成了" not in result.reply and "Why did" not in result.reply
    assert coach.step == "highlights"


@pytest.mark.parametrize(
    ("language", "opening", "text", "other", "share"),
    [
        ("zh", TO_ANALYSIS_ZH, DENSE_ZH.removesuffix("。") + "，另外三成是价格。", "价格", 0.3),
        ("en", TO_ANALYSIS_EN, DENSE_EN.removesuffix(".") + ", the other 40% was pricing.", "pricing", 0.4),
    ],
)
def test_a_second_share_in_a_whole_chain_weighs_its_own_cause(
    language: str, opening: tuple[str, ...], text: str, other: str, share: float
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    result = coach.say(text)
    main, second = result.review.cause_chains
    assert main.is_main and main.share == pytest.approx(1 - share)
    assert (second.root_cause, second.share, second.is_main) == (other, pytest.approx(share), False)
    assert other in result.reply  # said in the line of what was filed


def test_a_chain_without_its_share_asks_for_the_share_once() -> None:
    coach = Coaching()
    coach.script(*TO_ANALYSIS_ZH)
    coach.say("不足是续费率，表面上是客户用不上，根子上是没有客户成功经理")
    assert coach.step == "chain_share"
    result = coach.say("六成")
    assert result.review.cause_chains[0].share == pytest.approx(0.6) and coach.step == "highlights"


def test_a_labelled_shortfall_during_the_highlights_goes_to_the_shortfalls() -> None:
    coach = Coaching()
    coach.script(*TO_ANALYSIS_ZH)
    result = coach.say("不足是GMV没完成，大客户订单流失严重。")
    assert result.review.highlights == [] and len(result.review.shortfalls) == 1
    assert "为什么做成了" not in result.reply


def test_an_unclear_finding_gets_one_short_question() -> None:
    coach = Coaching()
    coach.script(*TO_ANALYSIS_ZH)
    result = coach.say("大客户订单流失严重")
    assert "这是亮点还是不足" in result.reply and result.review.highlights == []
    after = coach.say("不足")
    assert [f.text for f in after.review.shortfalls] == ["大客户订单流失严重"]


def test_the_ladder_takes_a_whole_chain_in_one_message() -> None:
    coach = Coaching()
    coach.script(*TO_DRILL_ZH)
    result = coach.say("表面上是审批周期变长，往下看是没人盯逾期，根子上是没有回款跟踪机制，占八成")
    chain = result.review.cause_chains[-1]
    assert chain.root_cause == "没有回款跟踪机制" and chain.share == pytest.approx(0.8)
    assert chain.surface_cause == "审批周期变长 → 没人盯逾期"


def test_a_whole_reflection_in_one_message_is_split_into_the_four_answers() -> None:
    coach = Coaching()
    coach.script(*TO_LESSONS_ZH[:-1])
    result = coach.say(
        "我是周敏。最触动是大客户一拖就是两个月；发现我太依赖口头承诺；重来会在签约时就写清付款节点；下一步每周盯一次逾期清单"
    )
    (reflection,) = result.review.reflections
    assert reflection.person == "周敏"
    assert reflection.most_touched == "大客户一拖就是两个月"
    assert reflection.self_discovery == "我太依赖口头承诺"
    assert reflection.do_better == "在签约时就写清付款节点"
    assert reflection.next_step == "每周盯一次逾期清单"
    assert coach.step == "person"  # all four answered: the next person


def test_a_whole_reflection_in_english() -> None:
    coach = Coaching(language="en")
    coach.script(*TO_ANALYSIS_EN, "none", "Revenue missed because big clients paid late", "none")
    coach.script(
        "because approvals got slower", "the root cause is we had no collections tracking", "yes", "80%"
    )
    assert coach.stage == "reflection"
    result = coach.say(
        "I'm Priya. What moved me most was how late we saw it. I realized I avoid hard calls. "
        "If I did it again I'd call clients in week one. My next step is a weekly overdue review."
    )
    (reflection,) = result.review.reflections
    assert (reflection.person, reflection.self_discovery) == ("Priya", "I avoid hard calls")
    assert reflection.next_step == "a weekly overdue review"


@pytest.mark.parametrize("text", ["我是王磊，销售总监", "我是王磊，负责华东区销售"])
def test_a_name_with_a_role_sets_the_person_only(text: str) -> None:
    coach = Coaching()
    coach.script(*TO_LESSONS_ZH[:-1])
    result = coach.say(text)
    (reflection,) = result.review.reflections
    assert reflection.person == "王磊" and reflection.most_touched is None


def test_two_actions_in_two_messages_are_never_merged() -> None:
    coach = Coaching()
    coach.script(*TO_ACTIONS_ZH, "加强回款管理，张伟负责，5月底前")
    result = coach.say("每周一更新逾期清单，李娜负责，下周五前")
    (action,) = result.review.actions
    assert (action.how, action.who) == ("每周一更新逾期清单", "李娜")


def test_several_actions_in_one_message_are_each_filed() -> None:
    coach = Coaching()
    coach.script(*TO_ACTIONS_ZH)
    result = coach.say("1. 每周一更新逾期清单，@李娜，下周五前；2. 每月做一次大客户回访，张伟负责，5月底前")
    assert [a.who for a in result.review.actions] == ["李娜", "张伟"]
