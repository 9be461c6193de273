"""A zh and an en retrospective with SmolLM2 behind the coach: correct and bounded, whatever it says.

The same messages go to a second server with the rules engine, turn by turn. While both
documents hold the same, the LLM server's reply must end with the rules server's reply: that
is the method's question for the step. The en dialogue is streamed (SSE), the zh one is JSON.
"""

from __future__ import annotations

import pytest

from tests.helpers import ServerProcess
from tests.llm_real import ledger
from tests.llm_real.checks import fence_markers_in, last_paragraph, prompt_text_in
from tests.llm_real.client import ChatClient, filed, footing
from tests.llm_real.conftest import TURN_DEADLINE_S
from tests.llm_real.material import DIALOGUES

QUESTION_MARKS = ("？", "?")


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_dialogue_with_the_real_model_stays_correct_and_bounded(
    language: str, llm_app: ServerProcess, rules_app: ServerProcess
) -> None:
    dialogue = DIALOGUES[language]
    llm, rules = ChatClient(llm_app.url, dialogue), ChatClient(rules_app.url, dialogue)
    stream = language == "en"
    assert llm.session["reply"] == rules.session["reply"]  # the opening is the method's, no model call
    diverged = 0
    for number, text in enumerate(dialogue.turns, 1):
        same_footing = footing(llm.review) == footing(rules.review)
        expected = rules.send(text)
        turn = llm.send(text, stream=stream)
        where = f"turn {number} ({text!r})"
        last = llm.coach_turns()[-1]
        ledger.record("turn", language, last["engine"], last["fallback_reason"], turn.seconds)

        assert turn.status < 500 and turn.status == expected.status == 200, where
        assert not turn.stream_errors, (where, turn.stream_errors)
        if stream:
            assert "".join(turn.deltas) == turn.reply, where  # the stream shows what is saved, no more
        assert turn.body["fallback"] == (last["fallback_reason"] is not None), where
        assert not fence_markers_in(turn.reply), (where, turn.reply)
        echo = prompt_text_in(turn.reply, language, allowed=(expected.reply,))
        assert echo is None, (where, echo, turn.reply)
        if same_footing:
            assert turn.reply.rstrip().endswith(expected.reply.strip()), (where, turn.reply, expected.reply)
            assert turn.body["stage"] == expected.body["stage"], where
        else:  # the model filed something the rules did not: the question is still the method's last word
            diverged += 1
            assert last_paragraph(turn.reply) == last_paragraph(expected.reply) or any(
                mark in last_paragraph(turn.reply) for mark in QUESTION_MARKS
            ), (where, turn.reply)
        assert turn.seconds <= TURN_DEADLINE_S + 1, (where, f"{turn.seconds:.1f} s")

    with_model, without = filed(llm.review), filed(rules.review)
    worse = {k: (with_model[k], without[k]) for k in without if with_model[k] < without[k]}
    assert not worse, f"the LLM path filed less than the rules engine: {worse}"
    assert llm.review.get("goals") and llm.coach_turns()[-1]["stage"] == rules.coach_turns()[-1]["stage"]
    print(f"{language}: {diverged} turns where the model's document differed from the rules engine's")
