"""The drill-down: 为什么 until a confirmed root cause (or 5 levels), then shares and the main cause."""

from __future__ import annotations

import pytest

from coach.domain.library import LessonHit
from tests.engines.rules.helpers import TO_DRILL_ZH, Coaching, hit

TO_DRILL_EN = (
    "Revenue target 1.2M, actual 960k",
    "that's all",
    "Revenue",
    "none",
    "Revenue missed because big clients paid late",
    "none",
)


def _drilling(**kwargs: object) -> Coaching:
    coach = Coaching(**kwargs)  # type: ignore[arg-type]
    coach.script(*TO_DRILL_ZH)
    assert coach.step == "drill", coach.reply
    return coach


def test_a_symptom_is_kept_as_phenomenon_and_the_why_asked_again() -> None:
    coach = _drilling()
    result = coach.say("回款慢了")
    assert "现象" in result.reply and coach.step == "drill"
    assert result.state["analysis"]["drill"]["answers"] == []


def test_not_confirmed_root_means_one_more_why() -> None:
    coach = _drilling()
    coach.say("因为审批周期变长")
    coach.say("根本原因是客户预算紧张")
    assert coach.step == "confirm_root"
    result = coach.say("不是")
    assert coach.step == "drill" and "为什么" in result.reply


def test_no_with_a_deeper_answer_goes_one_level_down() -> None:
    coach = _drilling()
    coach.say("因为审批周期变长")
    coach.say("根本原因是客户预算紧张")
    result = coach.say("不是，根本原因是没有回款跟踪机制")
    assert coach.step == "confirm_root" and "没有回款跟踪机制" in result.reply


def test_stops_after_five_levels() -> None:
    coach = _drilling()
    coach.script("因为A部门审批慢", "因为审批人太忙", "因为审批人同时管三个项目")
    assert coach.step == "confirm_root"  # three levels deep: ask
    coach.say("不是")
    coach.say("因为排期靠拍脑袋")
    assert coach.step == "confirm_root"
    coach.say("不是")
    result = coach.say("因为领导没时间看")
    assert coach.step == "share" and "5 层" in result.reply
    chain = result.review.cause_chains[0]
    assert chain.root_cause == "领导没时间看" and chain.surface_cause and "审批人太忙" in chain.surface_cause


def test_shares_mark_the_main_cause_and_flag_the_unexplained_gap() -> None:
    coach = _drilling()
    coach.script("因为审批周期变长", "根本原因是没有回款跟踪机制", "是")
    low = coach.say("三成")
    assert "大部分" in low.reply and "70%" in low.reply and coach.step == "more_causes"
    coach.script("还有一个原因是新人不熟悉流程", "缺少带教机制", "对")
    result = coach.say("60%")
    chains = result.review.cause_chains
    assert [c.share for c in chains] == [0.3, 0.6]
    assert [c.is_main for c in chains] == [False, True]
    assert "主因" in result.reply and "缺少带教机制" in result.reply


def test_unreadable_share_is_asked_again() -> None:
    coach = _drilling()
    coach.script("因为审批周期变长", "根本原因是没有回款跟踪机制", "是")
    result = coach.say("不好说")
    assert coach.step == "share" and "比例" in result.reply


def test_root_cause_seen_before_is_cited() -> None:
    lookups: list[tuple[str, int]] = []
    matched: list[str] = []

    def lookup(query: str, k: int) -> list[LessonHit]:
        lookups.append((query, k))
        return [hit("回款审批流程太长", 0.95, lesson_id="L2"), hit("回款没有跟踪机制导致逾期", 0.91)]

    def match(text: str) -> LessonHit | None:
        matched.append(text)
        return hit("回款没有跟踪机制导致逾期", 0.52)

    coach = _drilling(lesson_lookup=lookup, lesson_match=match)
    coach.script("因为审批周期变长", "根本原因是没有回款跟踪机制")
    result = coach.say("是")
    assert ("没有回款跟踪机制", 3) in lookups and matched == ["没有回款跟踪机制"]
    assert "出现过" in result.reply and "华南销售" in result.reply and "2025-12-20" in result.reply
    assert "回款没有跟踪机制导致逾期" in result.reply
    assert [s.id for s in result.sources] == ["L1", "L2"]  # the same one first


def test_the_best_search_hit_is_a_source_but_not_called_the_same_without_a_match() -> None:
    # fused search scores are relative to the list: the first hit scores high whatever it says
    coach = _drilling(lesson_lookup=lambda q, k: [hit("价格审批慢", 0.93)])
    coach.script("因为审批周期变长", "根本原因是没有回款跟踪机制")
    result = coach.say("是")
    assert "出现过" not in result.reply and len(result.sources) == 1


def test_a_failing_lesson_library_does_not_break_the_turn() -> None:
    def broken(query: str, k: int) -> list:  # type: ignore[type-arg]
        raise RuntimeError("index down")

    def broken_match(text: str) -> LessonHit | None:
        raise RuntimeError("index down")

    coach = _drilling(lesson_lookup=broken, lesson_match=broken_match)
    coach.script("因为审批周期变长", "根本原因是没有回款跟踪机制")
    assert coach.say("是").stage == "analysis" and coach.step == "share"


EXTERNAL_MID_DRILL = [
    ("zh", "因为审批周期变长", "这是政策变化导致的，外部原因", "政策变化", "（外部）"),
    ("zh", "因为审批周期变长", "这属于不可抗力，台风停航", "台风停航", "（外部）"),
    (
        "en",
        "approvals took longer",
        "that was the vendor's outage, outside our control",
        "vendor's outage",
        "(external)",
    ),
    (
        "en",
        "approvals took longer",
        "a regional power cut, force majeure",
        "regional power cut",
        "(external)",
    ),
]


@pytest.mark.parametrize(("lang", "first", "external", "cause", "mark"), EXTERNAL_MID_DRILL)
def test_an_external_cause_after_a_why_gets_the_control_question_and_is_recorded_as_external(
    lang: str, first: str, external: str, cause: str, mark: str
) -> None:
    coach = Coaching(language=lang)  # type: ignore[arg-type]
    coach.script(*(TO_DRILL_ZH if lang == "zh" else TO_DRILL_EN))
    coach.say(first)
    asked = coach.say(external)
    assert ("可控" in asked.reply) if lang == "zh" else ("in our control" in asked.reply)
    assert "为什么" not in asked.reply and "why" not in asked.reply.lower()
    assert cause in asked.reply and mark not in asked.reply  # the question names the cause, not the mark
    # nothing in our control either: the chain ends at the outside cause, marked as such
    result = coach.say("不可控" if lang == "zh" else "out of our control")
    chain = result.review.cause_chains[-1]
    assert chain.root_cause is not None and cause in chain.root_cause and chain.root_cause.endswith(mark)
    assert chain.surface_cause is not None and first.removeprefix("因为") in chain.surface_cause


@pytest.mark.parametrize(
    ("lang", "external", "ours", "yes", "mark"),
    [
        ("zh", "这是政策变化导致的，外部原因", "我们没有提前和客户对齐预算节奏", "是", "（外部）"),
        (
            "en",
            "that was the vendor's outage, outside our control",
            "we had no fallback vendor",
            "yes",
            "(external)",
        ),
    ],
)
def test_what_is_in_our_control_becomes_the_root_and_the_outside_cause_stays_marked_above_it(
    lang: str, external: str, ours: str, yes: str, mark: str
) -> None:
    coach = Coaching(language=lang)  # type: ignore[arg-type]
    coach.script(*(TO_DRILL_ZH if lang == "zh" else TO_DRILL_EN))
    coach.say(external)
    coach.say(ours)
    assert coach.step == "confirm_root", coach.reply
    chain = coach.say(yes).review.cause_chains[-1]
    assert chain.root_cause == ours
    assert chain.surface_cause is not None and chain.surface_cause.endswith(mark)


ROOT_THEN_SHARES = [
    (
        "zh",
        ("因为新客户上手慢", "根本原因是没有客户成功经理做上线陪跑", "是"),
        "七成是没有陪跑，另外三成是价格",
        "价格",
    ),
    (
        "en",
        ("new customers were slow to onboard", "the root cause is we had no onboarding manager", "yes"),
        "60% was onboarding, the other 40% pricing",
        "pricing",
    ),
]


@pytest.mark.parametrize(("lang", "drill", "answer", "other"), ROOT_THEN_SHARES)
def test_two_shares_in_one_answer_are_both_put_on_their_causes(
    lang: str, drill: tuple[str, ...], answer: str, other: str
) -> None:
    coach = Coaching(language=lang)  # type: ignore[arg-type]
    coach.script(*(TO_DRILL_ZH if lang == "zh" else TO_DRILL_EN), *drill)
    assert coach.step == "share", coach.reply
    result = coach.say(answer)
    chains = result.review.cause_chains
    assert [(c.root_cause, c.share, c.is_main) for c in chains[1:]] == [
        (other, pytest.approx(1 - chains[0].share), False)
    ]
    assert chains[0].share in (0.7, 0.6) and chains[0].is_main
    assert other in result.reply  # the coach says what it filed
    assert coach.step != "more_causes"  # the two shares explain the whole gap


@pytest.mark.parametrize(
    ("lang", "drill", "answer", "asked"),
    [
        ("zh", ROOT_THEN_SHARES[0][1], "七成是产品太复杂，三成是价格", "没有客户成功经理做上线陪跑"),
        (
            "en",
            ROOT_THEN_SHARES[1][1],
            "60% was product complexity, 40% pricing",
            "we had no onboarding manager",
        ),
    ],
)
def test_two_shares_that_name_neither_chain_ask_for_its_share_and_file_nothing(
    lang: str, drill: tuple[str, ...], answer: str, asked: str
) -> None:
    coach = Coaching(language=lang)  # type: ignore[arg-type]
    coach.script(*(TO_DRILL_ZH if lang == "zh" else TO_DRILL_EN), *drill)
    result = coach.say(answer)
    assert coach.step == "share" and asked in result.reply
    assert [c.share for c in result.review.cause_chains] == [None]


def _main_roots(chains: list[tuple[str, str, float | None]]) -> list[str]:
    from coach.domain.retrospective import CauseChain
    from coach.engines.rules.stages.drilldown import mark_main

    filed = [CauseChain(phenomenon=p, root_cause=r, share=s) for p, r, s in chains]
    mark_main(filed)
    return [c.root_cause or "" for c in filed if c.is_main]


@pytest.mark.parametrize(
    ("chains", "main"),
    [
        # a lone cause taking its whole finding does not outrank a cause weighed against others
        (
            [("客户流失", "续约没人跟", 1.0), ("返工多", "需求没评审", 0.8), ("返工多", "测试晚", 0.2)],
            "需求没评审",
        ),
        (
            [
                ("churn", "nobody followed renewals", 1.0),
                ("corrections", "no glossary", 0.8),
                ("corrections", "late QA", 0.2),
            ],
            "no glossary",
        ),
    ],
)
def test_a_weighed_share_is_main_over_a_lone_whole_share(
    chains: list[tuple[str, str, float | None]], main: str
) -> None:
    assert _main_roots(chains) == [main]


@pytest.mark.parametrize(
    ("chains", "main"),
    [
        # negatives: a lone whole cause stays main when nothing else was weighed;
        # a list with no shares keeps the first
        ([("客户流失", "续约没人跟", 1.0), ("返工多", "需求没评审", None)], "续约没人跟"),
        ([("churn", "nobody followed renewals", 1.0)], "nobody followed renewals"),
        ([("late", "no owner", None), ("late", "vendor slow", None)], "no owner"),
    ],
)
def test_a_lone_whole_share_stays_main_when_nothing_else_is_weighed(
    chains: list[tuple[str, str, float | None]], main: str
) -> None:
    assert _main_roots(chains) == [main]


@pytest.mark.parametrize(
    ("language", "script", "named", "cause"),
    [
        (
            "zh",
            (
                "次日达率目标95%，实际88.6%；损耗率目标不超过2%，实际2.7%",
                "没有了",
                "没有",
                "不好的：次日达没完成，损耗也超了",
                "次日达没完成，表面看是人不够，往下挖是波次计划按老单量排，根子上是单量预测没人负责，我估计占六成",
                "损耗那个是外部的，供应商送来的叶菜本来就不新鲜，不用挖了",
            ),
            "损耗也超了",
            "供应商送来的叶菜本来就不新鲜",
        ),
        (
            "en",
            (
                "On-time target 95%, actual 88%. Waste target under 2%, actual 2.7%",
                "that's all",
                "none",
                "Bad: on-time slipped. Waste went over too.",
                "on-time slipped because picking is slow at night; underneath that, waves follow old "
                "volumes; root cause is nobody owns the forecast. I'd say 60% of it.",
                "the waste one is external, the supplier's greens arrive half-spoiled, don't dig",
            ),
            "Waste went over too",
            "the supplier's greens arrive half-spoiled",
        ),
    ],
)
def test_a_cause_that_opens_by_naming_another_finding_goes_on_that_finding(
    language: str, script: tuple[str, ...], named: str, cause: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*script)
    coach.say("不可控" if language == "zh" else "not controllable")
    chains = coach.last.review.cause_chains
    assert [
        (c.phenomenon, (c.root_cause or "").removesuffix("（外部）").removesuffix(" (external)"))
        for c in chains
    ][1:] == [(named, cause)], [(c.phenomenon, c.root_cause) for c in chains]
