"""The drill-down: 为什么 until a confirmed root cause (or 5 levels), then shares and the main cause."""

from __future__ import annotations

from coach.domain.library import LessonHit
from tests.engines.rules.helpers import TO_DRILL_ZH, Coaching, hit


def _drilling(**kwargs: object) -> Coaching:
    coach = Coaching(**kwargs)  # type: ignore[arg-type]
    coach.script(*TO_DRILL_ZH)
    assert coach.step == "drill", coach.reply
    return coach


def test_a_symptom_is_kept_as_phenomenon_and_the_why_asked_again() -> None:
    coach = _drilling()
    result = coach.say("回款慢了")
    assert "现象" in result.reply and coach.step == "drill"
    assert result.state["drill"]["answers"] == []


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
