"""After a drill-down, the causes of other findings said a sentence each are cause chains of those findings,
filed whole (never "why?" about them, never a cause of the finding being drilled); a sentence that opens a
ladder is left to the drill-down; talk about the review is no finding; zh and en."""

from __future__ import annotations

import pytest

from tests.engines.rules.helpers import Coaching

AFTER_DRILL = {
    "zh": (
        "回款率目标90%，实际75%；新签目标100万，实际80万",
        "就这些",
        "回款率",
        "亮点：老客户复购高，因为季度回访做得好",
        # 交付延期 is left to drill after the others' causes are said
        "不足：回款慢，新签少，投诉多，交付延期",
        "挖回款：现象是账期超90天的多，表面是客户拖款，根子上是合同没约定付款节点，占七成",
    ),
    "en": (
        "Revenue target 1.2M, actual 960k; churn target 2%, actual 3.5%",
        "that's all",
        "Revenue",
        "Went well: upsell, because of the new pricing",
        "Went badly: late invoices, slow quotes, the churn, late deliveries",
        "Dig churn: the symptom is cancellations in month 2, surface cause is slow onboarding, "
        "root cause is no onboarding owner. 70%.",
    ),
}
# the other findings' causes: the coach then offers what is left to drill
OTHERS = {
    "zh": "新签少是因为两个销售离职了，外部的，不用挖了。投诉多主要是发货错了。",
    "en": "Quotes were slow because one estimator does all of them. "
    "Late invoices: billing runs once a month.",
}


@pytest.mark.parametrize(
    ("language", "text", "chains"),
    [
        (
            "zh",
            "新签少是因为两个销售离职了，外部的，不用挖了。投诉多主要是发货错了。",
            [("新签少", "两个销售离职了"), ("投诉多", "发货错了")],
        ),
        (
            "en",
            "Quotes were slow because one estimator does all of them. "
            "Late invoices: billing runs once a month. Not digging.",
            [
                ("slow quotes", "one estimator does all of them"),
                ("late invoices", "billing runs once a month"),
            ],
        ),
    ],
)
def test_causes_of_other_findings_are_their_chains(
    language: str, text: str, chains: list[tuple[str, str]]
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*AFTER_DRILL[language])
    result = coach.say(text)
    filed = [(c.phenomenon, c.root_cause) for c in result.review.cause_chains[1:]]
    assert filed == chains
    assert not any(c.is_main for c in result.review.cause_chains[1:])  # the weighed cause stays the main one
    assert coach.step == "choose"  # no "why?" about them: the coach offers what is left to drill
    assert not any(finding in coach.reply for finding, _ in chains)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("zh", "投诉多主要是发货错了。为什么发错？仓库没有复核。"),
        ("en", "Late invoices: billing runs once a month. Why? Nobody owns the billing calendar."),
    ],
)
def test_a_sentence_that_opens_a_ladder_is_left_to_the_drill_down(language: str, text: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*AFTER_DRILL[language])
    result = coach.say(text)
    roots = [c.root_cause for c in result.review.cause_chains]
    assert "发货错了" not in roots and "billing runs once a month" not in roots


@pytest.mark.parametrize(
    ("language", "text"),
    [("zh", "你刚才问的我都说了，别再问为什么了。"), ("en", "I already told you, stop asking why")],
)
def test_a_protest_while_choosing_is_no_finding_to_drill(language: str, text: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*AFTER_DRILL[language], OTHERS[language])
    assert coach.step == "choose"
    result = coach.say(text)
    assert coach.step == "choose"
    assert result.state["analysis"]["drill"] is None


@pytest.mark.parametrize(
    ("language", "text"),
    [("zh", "你刚才问的我都说了，别再问为什么了。"), ("en", "I already told you, stop asking why")],
)
def test_a_protest_when_asked_who_reflects_is_no_reflection(language: str, text: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*AFTER_DRILL[language], OTHERS[language], "no" if language == "en" else "没有")
    assert coach.stage == "reflection"
    result = coach.say(text)
    assert result.review.reflections == []


@pytest.mark.parametrize(
    ("language", "text", "finding", "root"),
    [
        (
            "zh",
            "不足：回款慢，投诉多。回款慢主要是账期超90天的多。为什么超？客户拖款。为什么拖？"
            "合同没约定付款节点，这是根因，占七成。投诉多主要是发货错了。",
            "投诉多",
            "发货错了",
        ),
        (
            "en",
            "Went badly: late invoices, slow quotes; late invoices went out after 30 days. Why? Billing is "
            "manual. Why? Nobody owns billing, that's the root cause, 60%. "
            "Slow quotes were mostly one estimator doing all of them.",
            "slow quotes",
            "one estimator doing all of them",
        ),
    ],
)
def test_after_a_weighed_ladder_another_findings_cause_is_its_own_chain(
    language: str, text: str, finding: str, root: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*AFTER_DRILL[language][:4])
    result = coach.say(text)
    chains = [(c.phenomenon, c.root_cause, c.is_main) for c in result.review.cause_chains]
    assert (finding, root, False) in chains
    assert chains[0][2]  # the weighed ladder stays the main cause


@pytest.mark.parametrize(
    ("lang", "turns", "root"),
    [
        (
            "en",
            [
                "Same-day fits 79% vs 85% target. Wrong tyres 3.4% of jobs, ceiling is 2%.",
                "that's all",
                "Went well: the fleet contract. Bad: wrong tyres, same-day fits.",
                "Wrong tyres. Root: nobody owns the booking form, call it 80%.",
                "no",
                "Same-day fits: skip the why on that one, it's the supplier cancelling their afternoon run."
                " External.",
            ],
            "supplier cancelling",
        ),
    ],
)
def test_a_findings_cause_said_alone_once_the_reflections_began_is_a_chain_not_a_person(
    lang: str, turns: list[str], root: str
) -> None:
    coach = Coaching(language=lang)  # type: ignore[arg-type]
    coach.script(*turns)
    review = coach.last.review
    assert any(root in (c.root_cause or "") for c in review.cause_chains)
    assert not any(r.person and "External" in r.person for r in review.reflections)


@pytest.mark.parametrize(
    ("language", "text", "root"),
    [
        ("zh", "投诉多主要是发货错了，仓库拣货没人复核，占投诉的六成吧。", "仓库拣货没人复核"),
        (
            "en",
            "Late invoices: billing runs once a month, about 60% of the late invoices.",
            "billing runs once a month",
        ),
    ],
)
def test_the_share_said_with_another_findings_cause_is_no_part_of_it(
    language: str, text: str, root: str
) -> None:
    coach = Coaching(language)
    coach.script(*AFTER_DRILL[language])
    chains = coach.say(text).review.cause_chains
    assert any(c.root_cause.endswith(root) and c.share == 0.6 for c in chains)
    assert not any("六成" in c.root_cause or "60%" in c.root_cause for c in chains)


@pytest.mark.parametrize(
    ("language", "text", "finding", "root"),
    [
        # an English finding named by another form of its word ("Quoted" for "slow quotes")
        ("en", "Quoted: one estimator does all of them.", "slow quotes", "one estimator does all of them"),
        ("zh", "投诉多是因为发货错了，仓库拣货没人复核。", "投诉多", "仓库拣货没人复核"),
    ],
)
def test_a_finding_named_by_another_form_of_its_word_gets_the_chain(
    language: str, text: str, finding: str, root: str
) -> None:
    coach = Coaching(language)
    coach.script(*AFTER_DRILL[language])
    chains = coach.say(text).review.cause_chains
    assert any(c.phenomenon == finding and c.root_cause.endswith(root) for c in chains)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # "late" is in "late invoices" and in "late deliveries": the words name neither of them
        ("en", "Delivered late: the van is shared with another depot."),
    ],
)
def test_words_two_findings_share_name_neither(language: str, text: str) -> None:
    coach = Coaching(language)
    coach.script(*AFTER_DRILL[language])
    chains = coach.say(text).review.cause_chains
    assert not any(
        "van is shared" in (c.root_cause or "") and c.phenomenon == "late invoices" for c in chains
    )


def test_words_one_finding_holds_still_name_it() -> None:
    coach = Coaching("zh")
    coach.script(*AFTER_DRILL["zh"])
    chains = coach.say("交付延期主要是物流商换了，新的不熟路线。").review.cause_chains
    assert any(c.phenomenon == "交付延期" for c in chains)
