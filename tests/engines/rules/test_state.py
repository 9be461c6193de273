"""The rules coach's saved state: one typed model a stage; an unreadable state starts afresh, logged."""

from __future__ import annotations

import logging

import pytest

from coach.engines.rules.state import RulesState
from tests.engines.rules.helpers import TO_ACTIONS_ZH, TO_DRILL_ZH, Coaching


def _unreadable(caplog: pytest.LogCaptureFixture) -> list[str]:
    messages = [r.getMessage() for r in caplog.records if r.name == "coach.rules"]
    return [m for m in messages if "unreadable" in m]


@pytest.mark.parametrize(
    ("lang", "script"),
    [
        ("zh", (*TO_DRILL_ZH, "因为审批周期变长")),
        ("zh", (*TO_ACTIONS_ZH, "建立回款周报")),
        ("en", ("Revenue target 100k, actual 80k", "that's all", "revenue", "none", "none", "none")),
    ],
)
def test_a_saved_state_reads_back_the_same(lang: str, script: tuple[str, ...]) -> None:
    coach = Coaching(lang)  # type: ignore[arg-type]
    saved = coach.script(*script).state
    state = RulesState.load(saved)
    assert state is not None and state.version == 2 and state.dump() == saved


def test_each_stage_keeps_its_own_sub_step() -> None:
    coach = Coaching()
    coach.script(*TO_DRILL_ZH)
    assert coach.last.state["analysis"]["step"] == "drill" and coach.last.state["analysis"]["drill"]
    coach.script("因为审批周期变长", "根本原因是没有回款跟踪机制", "是", "八成", "跳过", "确认")
    state = coach.last.state
    assert state["stage"] == "actions" and state["actions"]["step"] == "item" and state["actions"]["draft"]
    assert state["review"]["step"] == "focus" and state["review"]["focus"] == [0]  # kept for going back


def test_a_sub_step_the_stage_does_not_have_is_refused(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="coach.rules")
    coach = Coaching()
    saved = coach.script(*TO_DRILL_ZH).state
    typo = {**saved, "analysis": {**saved["analysis"], "step": "dril"}}
    assert RulesState.load(typo) is None
    assert _unreadable(caplog) and "analysis.step" in _unreadable(caplog)[0]


@pytest.mark.parametrize(
    "state",
    [
        {"stage": "nonsense", "step": 5},  # version 1, corrupt
        {"version": 2, "stage": "review", "review": {"step": 7}},
        {"version": 9, "stage": "review"},  # a version this code does not know
    ],
    ids=["v1-corrupt", "v2-corrupt", "unknown-version"],
)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_unreadable_state_starts_a_fresh_session_and_is_logged(
    state: dict[str, object], lang: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="coach.rules")
    coach = Coaching(lang)  # type: ignore[arg-type]
    coach.last = coach.last.model_copy(update={"state": state})
    result = coach.say("回款目标1.2亿，实际9600万" if lang == "zh" else "Revenue target 1.2M, actual 960k")
    assert result.stage == "review" and result.review.goals and result.state["version"] == 2
    assert len(_unreadable(caplog)) == 1


def test_no_state_at_all_is_a_fresh_start_without_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="coach.rules")
    assert RulesState.load({}) is None and RulesState.load(None) is None
    assert not _unreadable(caplog)
