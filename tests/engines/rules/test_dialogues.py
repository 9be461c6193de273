"""The two scripted dialogues (tests/engines/rules/dialogues.py) run end to end through RulesEngine."""

from __future__ import annotations

import datetime as dt

import pytest

from coach.domain.retrospective import Retrospective
from coach.engines.base import Delta, TurnContext, TurnResult
from coach.engines.rules import RulesEngine
from tests.engines.rules.dialogues import DIALOGUES, Dialogue


def _replay(dialogue: Dialogue) -> tuple[TurnResult, list[TurnResult]]:
    engine = RulesEngine()
    date = dt.date.fromisoformat(dialogue["review_date"])
    ctx = TurnContext(session_id="s", language=dialogue["language"], review_date=date)
    review = Retrospective(
        id="r", title=dialogue["title"], team=dialogue["team"], date=date, language=dialogue["language"]
    )
    result = engine.opening(review, ctx)
    assert result.stage == dialogue["opening"]["stage"]
    results = []
    for turn in dialogue["turns"]:
        events = list(engine.execute(result.state, result.review, turn["user"], ctx))
        assert isinstance(events[-1], TurnResult)
        assert all(isinstance(e, Delta) for e in events[:-1])
        assert "".join(e.text for e in events[:-1] if isinstance(e, Delta)) == events[-1].reply
        result = events[-1]
        results.append(result)
        assert result.stage == turn["stage"], (turn["user"], result.reply)
        for words in turn["reply_contains"]:
            assert words in result.reply, (turn["user"], words, result.reply)
    return result, results


@pytest.mark.parametrize("language", ["zh", "en"])
def test_dialogue_reaches_a_complete_review(language: str) -> None:
    dialogue = DIALOGUES[language]
    final, results = _replay(dialogue)
    review = final.review
    expected = dialogue["final"]

    goal = next(g for g in review.goals if g.name == expected["goal"]["name"])
    assert goal.gap_ratio == pytest.approx(expected["goal"]["gap_ratio"])
    assert goal.verdict == expected["goal"]["verdict"]
    assert goal.evidence and goal.name in goal.evidence

    main = [c for c in review.cause_chains if c.is_main]
    assert len(main) == 1
    assert main[0].phenomenon and main[0].surface_cause and main[0].root_cause
    assert expected["main_root_contains"] in main[0].root_cause
    assert main[0].share == pytest.approx(expected["main_share"])

    assert len(review.lessons) >= expected["min_lessons"]
    assert {lesson.dimension for lesson in review.lessons} >= {"business", "organization"}
    assert all(lesson.evidence for lesson in review.lessons)

    assert len(review.actions) >= expected["min_actions"]
    for action in review.actions:
        assert action.who and action.when and action.how and action.kind
        assert action.when > dt.date.fromisoformat(dialogue["review_date"])
    assert [a.who for a in review.actions] == expected["action_owners"]

    assert review.summary
    assert sum(r.lessons_confirmed for r in results) == 1
    assert final.stage == "done"


@pytest.mark.parametrize("language", ["zh", "en"])
def test_dialogue_replies_are_in_the_session_language(language: str) -> None:
    _, results = _replay(DIALOGUES[language])
    for result in results:
        has_chinese = any("\u4e00" <= ch <= "\u9fff" for ch in result.reply.replace("「", ""))
        if language == "en":
            # Chinese can only come from the user's own quoted words; the English script has none.
            assert not has_chinese, result.reply
        else:
            assert has_chinese, result.reply


def test_state_round_trips_through_json() -> None:
    import json

    _, results = _replay(DIALOGUES["zh"])
    for result in results:
        assert json.loads(json.dumps(result.state)) == result.state
