"""A meeting transcript pasted into the chat: each fact-bearing line taken as if the team lead typed it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from coach.domain.reading.transcript import messages, read_transcript
from coach.domain.retrospective import Retrospective
from coach.engines.base import TurnContext, TurnResult
from coach.engines.rules.replies import render

Answer = Callable[[dict[str, Any], Retrospective, str, TurnContext], TurnResult]


def replay(
    answer: Answer, state: dict[str, Any], review: Retrospective, text: str, ctx: TurnContext
) -> TurnResult | None:
    """The turn for a pasted transcript, or None when the message is not one.

    The lines that carry a fact go through the coach one by one, in the meeting's order; the reply says how
    many were read, then asks what the method still lacks (the last line's question).
    """
    spoken = read_transcript(text)
    said = messages(spoken) if spoken else []
    if not said:
        return None
    result: TurnResult | None = None
    for message in said:
        result = answer(state, review, message, ctx)
        state, review = result.state, result.review
    assert result is not None
    lead = render("transcript_read", ctx.language, lines=len(said), spoken=len(spoken or []))
    return result.model_copy(update={"reply": f"{lead}\n{result.reply}"})
