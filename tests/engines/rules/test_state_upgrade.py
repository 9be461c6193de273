"""Sessions saved by version 1 of the rules coach (one flat state) go on under version 2 (one model a stage).

The states are real: captured turn by turn from the scripted dialogues by the version 1 code
(data/rules_state_v1.json), one for every stage and sub-step the dialogues pass through.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from coach.domain.retrospective import Retrospective
from coach.engines.rules.state import RulesState
from coach.engines.rules.state_upgrade import from_v1
from tests.engines.rules.helpers import Coaching
from tests.engines.rules.test_followup import _open_actions

SAVED = Path(__file__).parent / "data" / "rules_state_v1.json"
CASES: list[dict[str, Any]] = json.loads(SAVED.read_text(encoding="utf-8"))["cases"]


def _case(stage: str, step: str) -> dict[str, Any]:
    return next(c for c in CASES if c["state"]["stage"] == stage and c["state"]["step"] == step)


def _name(case: dict[str, Any]) -> str:
    return f"{case['dialogue']}-{case['state']['stage']}-{case['state']['step'] or 'start'}"


def test_the_saved_states_are_version_1_and_cover_every_stage_of_a_session() -> None:
    assert all("version" not in c["state"] or c["state"]["version"] == 1 for c in CASES)
    stages = {c["state"]["stage"] for c in CASES}
    assert stages == {"followup", "review", "analysis", "reflection", "lessons", "actions"}
    assert {c["language"] for c in CASES} == {"zh", "en"}


@pytest.mark.parametrize("case", CASES, ids=_name)
def test_a_version_1_state_loads_with_its_step_in_the_stage_it_was_in(case: dict[str, Any]) -> None:
    old = case["state"]
    state = RulesState.load(old)
    assert state is not None and state.version == 2
    assert (state.stage, state.step) == (old["stage"], old["step"])
    assert state.asked is not None and state.asked.model_dump() == old["asked"]
    assert state.visited == old["visited"] and state.undo == old["undo"]


@pytest.mark.parametrize("case", CASES, ids=_name)
def test_a_version_1_session_goes_on_to_the_question_version_1_asked(case: dict[str, Any]) -> None:
    coach = Coaching(case["language"], open_actions=_open_actions() if case["open_actions"] else None)
    review = Retrospective.model_validate(case["review"])
    coach.last = coach.last.model_copy(update={"state": case["state"], "review": review})
    result = coach.say(case["text"])
    assert result.stage == case["after"]["stage"], result.reply
    assert result.state["asked"]["key"] == case["after"]["asked"], result.reply
    assert result.state["version"] == 2


def test_the_drill_down_in_progress_moves_to_the_analysis() -> None:
    old = _case("analysis", "drill")["state"]
    state = RulesState.load(old)
    assert state is not None and state.analysis.drill is not None
    assert state.analysis.drill.phenomenon == old["drill"]["phenomenon"]
    assert state.analysis.drill.answers == old["drill"]["answers"]
    assert state.analysis.drilled == old["drilled"] and state.review.focus == old["focus"]


def test_the_share_question_keeps_its_chain_and_the_findings_it_interrupted() -> None:
    old = _case("analysis", "share")["state"]
    state = RulesState.load(old)
    assert state is not None and old["share_chain"] is not None
    assert state.analysis.share_chain == old["share_chain"]
    assert state.analysis.findings_kind == old["findings_step"]
    assert state.analysis.why_asked == old["why_asked"]


def test_the_action_being_assembled_moves_to_the_actions() -> None:
    old = _case("actions", "how")["state"]
    state = RulesState.load(old)
    assert state is not None and state.actions.draft is not None and old["draft"]["evidence"]
    assert state.actions.draft.model_dump(include=set(old["draft"])) == old["draft"]
    assert state.actions.draft.vague_how is None  # a field newer than the flat state: its default
    assert state.actions.lesson == old["action_lesson"]
    assert state.lessons.confidence == old["lesson_confidence"]


def test_the_reflection_keeps_the_person_and_the_question() -> None:
    old = _case("reflection", "answer")["state"]
    state = RulesState.load(old)
    assert state is not None and old["person_index"] is not None
    assert (state.reflection.person_index, state.reflection.question) == (
        old["person_index"],
        old["reflection_question"],
    )


def test_the_follow_up_keeps_the_open_actions_and_the_answers() -> None:
    old = _case("followup", "why")["state"]
    state = RulesState.load(old)
    assert state is not None and old["followup_answers"]
    assert [a.id for a in state.followup.actions] == [a["id"] for a in old["followups"]]
    assert (state.followup.index, state.followup.answers) == (old["followup_index"], old["followup_answers"])


def test_a_step_another_stage_has_starts_the_stage_s_questions_again() -> None:
    old = {**_case("actions", "how")["state"], "step": "confirm_root"}  # an analysis step in the actions
    assert from_v1(old)["actions"]["step"] == ""


def test_only_the_current_stage_gets_the_version_1_step() -> None:
    state = RulesState.load(_case("analysis", "drill")["state"])
    assert state is not None
    assert (state.review.step, state.reflection.step, state.actions.step) == ("", "", "")
