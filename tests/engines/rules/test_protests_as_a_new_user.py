"""A review full of protests and edits, typed as a new user types it, zh and en.

- "第1条负责人不是王芳，是李静" / "#1 owner is not Wang Fang, it's Li Jing" changes the owner (the old
  value said first).
- A cause already called beyond our control ("原材料涨价，这个不可控，不用挖了") gets no 可控吗？ question
  and is filed as an external cause; "X: external, not ours to fix" names no cause and files no chain.
- "营收没完成，毛利率掉得厉害" are two shortfalls, each led by a KPI's name.
- "刚说了，毛利率最要紧，先挖它" starts the drill-down on it.
"""

from __future__ import annotations

import pytest

from tests.engines.rules.helpers import Coaching

GOALS = {
    "zh": ("营收目标500万，实际430万；毛利率目标25%，实际21.5%", "没有了", "毛利率", "没有"),
    "en": (
        "Revenue target 5M, actual 4.3M. Margin target 25%, actual 21.5%.",
        "that's all",
        "Margin",
        "none",
    ),
}
SHORTFALLS = {
    "zh": ("不足：营收没完成，毛利率掉得厉害", ["营收没完成", "毛利率掉得厉害"]),
    "en": ("Shortfalls: Revenue missed, Margin dropped a lot", ["Revenue missed", "Margin dropped a lot"]),
}
DIG = {
    "zh": "刚说了，毛利率最要紧，先挖它",
    "en": "I said it already, Margin matters most, dig into that first",
}
LADDER = {
    "zh": "表面是促销打折太多，根子上是没有折扣审批，大概七成",
    "en": "On the surface too many promo discounts; the root is no discount approval, about 70%",
}
EXTERNAL = {
    "zh": ("外部原因也有，原材料涨价，这个不可控，不用挖了", "原材料涨价（外部）"),
    "en": ("Also raw material prices went up, that's outside our control, don't dig", "raw material"),
}


def _drilled(language: str) -> Coaching:
    coach = Coaching(language)
    coach.script(*GOALS[language], SHORTFALLS[language][0], DIG[language], LADDER[language])
    return coach


@pytest.mark.parametrize("language", ["zh", "en"])
def test_two_shortfalls_each_led_by_a_kpi_are_two(language: str) -> None:
    coach = Coaching(language)
    coach.script(*GOALS[language], SHORTFALLS[language][0])
    assert [f.text for f in coach.last.review.shortfalls] == SHORTFALLS[language][1]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_protest_that_names_the_finding_to_dig_starts_its_drill(language: str) -> None:
    coach = _drilled(language)
    [chain] = coach.last.review.cause_chains
    assert chain.phenomenon.lower().startswith("毛利率" if language == "zh" else "margin")
    assert chain.share == 0.7


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_cause_called_beyond_control_gets_no_control_question(language: str) -> None:
    coach = _drilled(language)
    text, root = EXTERNAL[language]
    coach.say(text)
    assert "可控" not in coach.last.reply and "control" not in coach.last.reply
    assert root in coach.last.review.cause_chains[-1].root_cause
    assert len(coach.last.review.cause_chains) == 2


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("zh", "营收：这个是外部的，不可控，不用挖了"),
        ("en", "Revenue: external, not ours to fix, don't dig."),
    ],
)
def test_a_finding_called_external_with_no_cause_named_files_no_chain(language: str, text: str) -> None:
    coach = _drilled(language)
    coach.say(text)
    assert len(coach.last.review.cause_chains) == 1


@pytest.mark.parametrize(
    ("language", "actions", "edit", "owner"),
    [
        (
            "zh",
            "行动：折扣审批流程，王芳，下周五前；促销毛利测算表，赵磊，月底前",
            "第1条负责人不是王芳，是李静",
            "李静",
        ),
        (
            "en",
            "Actions: discount approval process, Wang Fang, next Friday; "
            "promo margin sheet, Zhao Lei, end of month",
            "#1 owner is not Wang Fang, it's Li Jing",
            "Li Jing",
        ),
    ],
)
def test_an_edit_that_says_the_old_value_first_changes_it(
    language: str, actions: str, edit: str, owner: str
) -> None:
    coach = _drilled(language)
    coach.say(actions)
    assert len(coach.last.review.actions) == 2
    coach.say(edit)
    assert coach.last.review.actions[0].who == owner
    assert len(coach.last.review.actions) == 2
