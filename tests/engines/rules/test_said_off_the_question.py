"""Facts said off the question asked land where the method keeps them: a KPI remembered during the
analysis is a goal (and a shortfall when said so), a why asked and answered about a filed cause goes one
level down that cause's chain, a rung's words inside a clause start a new rung, and an owner said with
their workplace or role is that person. zh and en."""

from __future__ import annotations

import pytest

from tests.engines.rules.helpers import Coaching

OPENING = {
    "zh": ("GMV目标800万，实际720万；退款率控制在3%以内，实际4.5%。", "GMV"),
    "en": ("revenue target $1.2M, actual $1.05M; refund rate under 3%, ended 4.4%.", "revenue"),
}
SHORTFALLS = {"zh": "不足：GMV没到，退款率高。", "en": "bad: revenue short, refunds high."}
MAIN_LADDER = {
    "zh": "GMV没到表面上是客单价低了，往下挖是满减门槛设低了，根子上是定价没有做测算，我估计占六成吧。",
    "en": "revenue missed because on the surface the basket got smaller, underneath that the discount"
    " threshold was too low, and the root cause was no pricing model. 60% of it.",
}


def _coach(lang: str, *turns: str) -> Coaching:
    coach = Coaching(language=lang)  # type: ignore[arg-type]
    coach.script(*OPENING[lang], SHORTFALLS[lang], *turns)
    return coach


@pytest.mark.parametrize(
    ("lang", "phenomenon", "surface", "root"),
    [
        ("zh", "GMV没到", "客单价低了", "定价没有做测算"),
        ("en", "revenue missed", "the basket got smaller", "no pricing model"),
    ],
)
def test_a_rung_s_words_inside_a_clause_start_the_next_rung(
    lang: str, phenomenon: str, surface: str, root: str
) -> None:
    chain = _coach(lang, MAIN_LADDER[lang]).last.review.cause_chains[0]
    assert chain.phenomenon == phenomenon
    assert (chain.surface_cause or "").startswith(surface)
    assert chain.root_cause == root and chain.share == 0.6


@pytest.mark.parametrize(
    ("lang", "aside", "name"),
    [
        ("zh", "对了，复购率目标15%，实际只有11%，这个也算没做好的", "复购率"),
        ("en", "oh and, repeat purchase rate target 15%, got 11%, that's a miss too", "repeat purchase rate"),
    ],
)
def test_a_kpi_remembered_during_the_drill_down_is_a_goal_and_the_shortfall_it_is_said_to_be(
    lang: str, aside: str, name: str
) -> None:
    coach = _coach(lang, MAIN_LADDER[lang], aside)
    review = coach.last.review
    goal = next(g for g in review.goals if g.name == name)
    assert (goal.target_value, goal.result_value) == (15, 11)
    assert goal.verdict is not None and goal.verdict.value == "far_missed"
    assert name in [f.text for f in review.shortfalls]
    assert len(review.cause_chains) == 1  # no cause made of the KPI's words


@pytest.mark.parametrize(
    ("lang", "answer"),
    [
        ("zh", "因为复购率目标15%，实际只有11%"),
        ("en", "because repeat purchase rate target 15%, got 11%"),
    ],
)
def test_a_kpi_given_as_the_answer_to_why_is_no_new_goal(lang: str, answer: str) -> None:
    coach = _coach(lang, MAIN_LADDER[lang], answer)
    assert len(coach.last.review.goals) == 2


@pytest.mark.parametrize(
    ("lang", "cause", "why", "deeper"),
    [
        ("zh", "退款率高主要是发货慢，仓库人手不够", "为什么人手不够？临时工没提前招", "临时工没提前招"),
        (
            "en",
            "refunds high mostly because shipping was slow, warehouse short staffed",
            "why short staffed? temps weren't hired early enough",
            "temps weren't hired early enough",
        ),
    ],
)
def test_a_why_asked_and_answered_about_a_filed_cause_goes_one_level_down_its_chain(
    lang: str, cause: str, why: str, deeper: str
) -> None:
    coach = _coach(lang, MAIN_LADDER[lang], cause, why)
    chains = coach.last.review.cause_chains
    refunds = chains[-1]
    assert refunds.root_cause == deeper
    assert refunds.surface_cause and (
        "人手不够" in refunds.surface_cause or "short staffed" in refunds.surface_cause
    )
    assert len(chains) == 2
    assert not any("为什么" in (c.root_cause or "") or "why" in (c.root_cause or "") for c in chains)


@pytest.mark.parametrize(
    ("lang", "actions", "owner", "how"),
    [
        ("zh", "行动：临时工储备名单，仓库老周，下个月15号前", "老周", "临时工储备名单"),
        (
            "en",
            "actions: temp staff pool, warehouse lead Joe, by the 15th of next month",
            "Joe",
            "temp staff pool",
        ),
    ],
)
def test_an_owner_said_with_their_workplace_or_role_is_that_person(
    lang: str, actions: str, owner: str, how: str
) -> None:
    coach = Coaching(language=lang)  # type: ignore[arg-type]
    coach.script(*OPENING[lang], actions)
    action = coach.last.review.actions[-1]
    assert action.who == owner
    assert action.how == how
