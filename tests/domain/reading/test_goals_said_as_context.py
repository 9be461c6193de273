"""Numbers said to be no KPI ("这个不算指标", "Not targets, FYI.", "just for context") are no goal: the
sentence that says so is left out, and a remark said as a sentence of its own leaves out the one before it;
the KPIs around them are read as before; zh and en."""

from __future__ import annotations

import pytest

from coach.domain.reading.goals import answer_goals

SAID = {
    "zh": "日均单产目标34公斤，实际31.5公斤；犊牛成活率目标95%，实际97%。"
    "补一句，存栏现在1200头，比年初多了80头，这个不算指标。",
    "en": "Frames fabricated: target 2,600, actual 2,380. Also: 2 hockey clubs renewed, 1,800 skates "
    "sharpened. Not targets, FYI.\nInstalls on the booked day: target 92%, actual 94%\n"
    "(We also opened 40 trade accounts, not a target, just for context.)",
}
KPIS = {"zh": ["日均单产", "犊牛成活率"], "en": ["Frames fabricated", "Installs on the booked day"]}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_numbers_said_to_be_no_kpi_are_no_goal(language: str) -> None:
    assert [g.name for g in answer_goals(SAID[language])] == KPIS[language]


@pytest.mark.parametrize(
    "said",
    [
        "补一句，存栏现在1200头，比年初多了80头，这个不算指标。",
        "Also: 2 hockey clubs renewed, 1,800 skates sharpened. Not targets, FYI.",
    ],
)
def test_a_message_of_numbers_said_to_be_no_kpi_has_no_goal(said: str) -> None:
    assert answer_goals(said) == []
