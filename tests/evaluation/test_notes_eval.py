"""The notes eval scorer: a note counts its main cause found only when it is matched and flagged main."""

from __future__ import annotations

from typing import Any

import pytest

from coach.domain.retrospective import CauseChain, Retrospective
from coach.evaluation import notes as suite


def _gold() -> dict[str, Any]:
    return {
        "review_date": None,
        "language": "zh",
        "causes": [
            {"keywords": ["交接"], "is_main": False},
            {"keywords": ["没有陪跑"], "is_main": True},
        ],
    }


def _doc(*chains: CauseChain) -> Retrospective:
    return Retrospective(id="n", title="n", cause_chains=list(chains))


HANDOVER = CauseChain(phenomenon="续费率低", root_cause="销售和客服交接断档")
ONBOARDING = CauseChain(phenomenon="续费率低", root_cause="没有陪跑的客户成功经理", share=0.7)


@pytest.mark.parametrize(
    ("chains", "found"),
    [
        ((HANDOVER, ONBOARDING.model_copy(update={"is_main": True})), [True]),
        # found but not flagged: the reader did not tell which cause weighs most
        ((HANDOVER, ONBOARDING), [False]),
        # the wrong chain flagged main
        ((HANDOVER.model_copy(update={"is_main": True}), ONBOARDING), [False]),
        # not found at all
        ((HANDOVER,), [False]),
    ],
)
def test_main_cause_found_per_note(chains: tuple[CauseChain, ...], found: list[bool]) -> None:
    tally = suite.Tally()
    suite.score_note(_doc(*chains), _gold(), tally, "n")
    assert tally.checks["main cause found (per note)"] == found


def test_a_note_whose_gold_has_no_main_cause_is_not_counted() -> None:
    gold = _gold()
    gold["causes"][1]["is_main"] = False
    tally = suite.Tally()
    suite.score_note(_doc(HANDOVER, ONBOARDING), gold, tally, "n")
    assert "main cause found (per note)" not in tally.checks
    assert tally.checks["main cause flag"] == [True, True]


def test_the_report_prints_the_per_note_rate() -> None:
    tally = suite.Tally()
    suite.score_note(_doc(HANDOVER, ONBOARDING.model_copy(update={"is_main": True})), _gold(), tally, "n")
    suite.score_note(_doc(HANDOVER), _gold(), tally, "m")
    report = suite.render(tally, 0.1, 2, "rules")
    assert "main cause found (per note)" in report and "50.0%" in report
