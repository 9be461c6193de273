"""A chain's share said later, in a message of its own, after the coach left it open: the share goes on
the chain the message names, a correction in it ("actually no, call it 70%", "不对，七成") makes the last
share the one meant, and the rest weighed is a chain of its own; a ladder that lists findings first ends at
a sentence going on about one of them; zh and en."""

from __future__ import annotations

import pytest

from tests.engines.rules.helpers import TO_ANALYSIS_ZH, Coaching
from tests.engines.rules.test_why_ladders import TO_ANALYSIS_EN

CASES = [
    (
        "en",
        TO_ANALYSIS_EN,
        "Bad: collections slow, refunds. Collections: reps chase late. Why? Because nobody owns the "
        "overdue list. Refunds are mostly double charges in the old billing run.",
        "On collections I'd say half is the overdue list thing. Actually no, call it 70%. "
        "The rest is the client budget freeze.",
        "nobody owns the overdue list",
        "budget freeze",
    ),
    (
        "zh",
        TO_ANALYSIS_ZH,
        "不足：回款慢，退款多。回款慢：销售催得晚。为什么晚？因为逾期清单没人管。退款多主要是老计费系统重复扣款。",
        "回款慢那条，我看占一半。不对，应该是七成。剩下三成是客户预算冻结。",
        "逾期清单没人管",
        "预算冻结",
    ),
]


@pytest.mark.parametrize(("language", "opening", "findings", "later", "root", "rest"), CASES)
def test_a_share_said_later_goes_on_the_chain_it_names(
    language: str, opening: tuple[str, ...], findings: str, later: str, root: str, rest: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    coach.say(findings)
    coach.say("none" if language == "en" else "没有")  # the share asked once, left open
    review = coach.say(later).review
    main = [c for c in review.cause_chains if c.is_main]
    assert len(main) == 1 and main[0].root_cause is not None and root in main[0].root_cause
    assert main[0].share == pytest.approx(0.7)
    assert any(rest in (c.root_cause or "") and c.share == pytest.approx(0.3) for c in review.cause_chains)
    assert not any("70%" in f.text or "七成" in f.text for f in review.shortfalls)


@pytest.mark.parametrize(("language", "opening", "findings", "later", "root", "rest"), CASES)
def test_a_sentence_going_on_about_a_finding_listed_first_ends_the_ladder(
    language: str, opening: tuple[str, ...], findings: str, later: str, root: str, rest: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    review = coach.say(findings).review
    assert [c.root_cause for c in review.cause_chains if c.root_cause and root in c.root_cause]
    assert not any(
        "double charges" in (c.root_cause or "") or "重复扣款" in (c.root_cause or "")
        for c in review.cause_chains
    )
    said = " ".join(" ".join([f.text, *f.causes]) for f in review.shortfalls)
    assert "double charges" in said or "重复扣款" in said  # still a finding: no rung of the ladder before


@pytest.mark.parametrize(
    ("lang", "turns", "shares"),
    [
        (
            "en",
            [
                "Lost-time injuries: we allow ourselves 1, we had 2.",
                "that's all",
                "Good: the online booking. Bad: the two injuries.",
                "Injuries. Surface: the chainsaw trousers were worn out. Why? No one checks PPE condition."
                " Why does nobody check? We've got no PPE replacement schedule. I'd say that's half of it.",
                "The other bit: both were on rushed jobs, rushed because the chipper broke"
                " and we were behind. Say 30%.",
                "Actually, thinking about it, the PPE thing is bigger. Make it 70%, and the rushing 20%.",
            ],
            [0.7, 0.2],
        ),
        (
            "zh",
            [
                "受伤事故目标不超过1起，实际2起",
                "没有了",
                "亮点：在线预约。不足：两起受伤。",
                "受伤：表面上是防护裤磨坏了。为什么？没人查防护用品。为什么没人查？根子是没有防护用品更换制度，占一半吧。",
                "另外是赶工，抽木机坏了活赶不完，三成。",
                "想了想，防护用品那个更大，改成七成，抽木机那个两成。",
            ],
            [0.7, 0.2],
        ),
    ],
)
def test_several_shares_each_naming_a_chain_go_on_the_chain_each_names(
    lang: str, turns: list[str], shares: list[float]
) -> None:
    coach = Coaching(language=lang)  # type: ignore[arg-type]
    coach.script(*turns)
    chains = coach.last.review.cause_chains
    assert [c.share for c in chains] == shares
    assert [c.is_main for c in chains] == [True, False]
    assert not coach.last.review.reflections  # the shares are no one's reflection
