"""The proposal as the model is asked for it: the step's sections only, read back as a TurnProposal."""

from __future__ import annotations

import pytest

from coach.engines.llm.proposal import SECTIONS_BY_STAGE, TurnProposal, proposal_schema

OTHER_SECTIONS = ("goals", "highlights", "shortfalls", "cause_chains", "reflections", "lessons", "actions")


@pytest.mark.parametrize("stage", ["review", "analysis", "reflection", "lessons", "actions"])
def test_each_step_asks_for_its_own_sections_and_a_remark(stage: str) -> None:
    fields = set(proposal_schema((stage,)).model_fields)
    assert set(SECTIONS_BY_STAGE[stage]) <= fields and "critique" in fields
    assert not fields & (set(OTHER_SECTIONS) - set(SECTIONS_BY_STAGE[stage]))


def test_a_message_that_moves_the_step_on_may_fill_both_steps() -> None:
    fields = set(proposal_schema(("review", "analysis")).model_fields)
    assert {"goals", "highlights", "shortfalls", "cause_chains", "answer_level"} <= fields
    assert "lessons" not in fields and "answer_level" not in proposal_schema(("review",)).model_fields


def test_an_answer_reads_back_as_a_turn_proposal_and_a_made_up_level_as_none() -> None:
    answer = proposal_schema(("analysis",)).model_validate(
        {"shortfalls": [{"text": "回款慢"}], "answer_level": "very deep", "lessons": [{"text": "x"}]}
    )
    proposal = TurnProposal.model_validate(answer.model_dump())
    assert [f.text for f in proposal.shortfalls] == ["回款慢"]
    assert proposal.answer_level is None and proposal.lessons == []  # another step's section is not read
