"""A meeting transcript pasted into the chat: each fact-bearing line taken as if the team lead typed it."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from coach.domain.reading.language import detect_language
from coach.domain.reading.transcript import Spoken, messages, one_speaker, read_transcript
from coach.domain.retrospective import Retrospective
from coach.engines.base import TurnContext, TurnResult
from coach.engines.rules.replies import render
from coach.engines.rules.state import RulesState
from coach.engines.rules.state_upgrade import upgrade

Answer = Callable[[dict[str, Any], Retrospective, str, TurnContext], TurnResult]

# the head of the part the coach is asking for, which the meeting's first lines answer
_ASKED = {"actions": {"zh": "行动：", "en": "Actions: "}}
# a note on the transcript itself, in brackets: "(end of notes)", "（记录完）"
_NOTE = re.compile(r"[(（][^()（）]{1,30}[)）]")


def replay(
    answer: Answer, state: dict[str, Any], review: Retrospective, text: str, ctx: TurnContext
) -> TurnResult | None:
    """The turn for a pasted transcript, or None when the message is not one.

    The lines that carry a fact go through the coach one by one, in the meeting's order; what the user
    wrote after the meeting ("(end of notes) – that's all, wrap up") comes last. The reply says how many
    lines were read, then asks what the method still lacks (the last line's question).
    """
    spoken = read_transcript(text)
    if not spoken:
        return None
    said = messages(spoken, _asked(state, text), _findings_asked_about(state, review))
    after = _said_after(text, spoken)
    if not said and not after:
        return None
    result: TurnResult | None = None
    for message in [*said, *([after] if after else [])]:
        result = answer(state, review, message, ctx)
        state, review = result.state, result.review
    assert result is not None
    lead = render("transcript_read", ctx.language, lines=len(said), spoken=len(spoken))
    return result.model_copy(update={"reply": f"{lead}\n{result.reply}"})


def _asked(state: dict[str, Any], text: str) -> str | None:
    """The head of the part the coach asks for when the meeting is pasted: at the actions, the meeting's
    tasks answer "any other action?" without saying "Actions:" again."""
    saved = RulesState.load(state)
    heads = _ASKED.get(saved.stage) if saved else None
    return heads[detect_language(text)] if heads else None


def _findings_asked_about(state: dict[str, Any], review: Retrospective) -> tuple[str, ...]:
    """The shortfalls a meeting's bare question can ask the causes of: only while the causes are asked."""
    saved = RulesState.load(state)
    return tuple(f.text for f in review.shortfalls) if saved and saved.stage == "analysis" else ()


def _said_after(text: str, spoken: list[Spoken]) -> str:
    """The user's own words after the meeting's last line, the transcript's notes in brackets left out."""
    if not spoken:
        return ""
    at = text.rfind(spoken[-1].said)
    if at < 0:
        return ""
    rest = text[at + len(spoken[-1].said) :]
    return _NOTE.sub("", rest).strip(" \n\t-–—,，.。")


def one_line(state: dict[str, Any], review: Retrospective, text: str) -> str:
    """Lines pasted from the meeting at the lessons or the actions by people of this review ("苗青：档案库
    那个…改到10月15日前。散会。", "Fiona: Lessons. Keep …\nCallum: Agreed."), as if the lead typed them:
    without the speakers' names, their bare assent and the transcript's notes; other text, and any text at
    other steps ("Julia Hart: most moved by…" is her reflection), as is."""
    if state.get("stage") not in ("lessons", "actions"):
        return text
    try:
        saved = RulesState.model_validate(upgrade(state))
    except (ValidationError, ValueError):
        return text  # the turn reports an unreadable state once
    people = {r.person for r in review.reflections} | {a.who for a in review.actions}
    people |= {*saved.names, saved.speaker}
    return one_speaker(text, {p for p in people if p}) or text
