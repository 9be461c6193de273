"""Test doubles: a stand-in for the rules engine, a recorder of prompts, fake models that count calls."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from langchain_core.messages import BaseMessage

from coach.domain.retrospective import Retrospective
from coach.engines.base import CoachEngine, TurnContext, TurnEvent, TurnResult
from coach.engines.llm.budget import message_text

NEXT = {"zh": "下一个问题：实际结果是多少？", "en": "Next question: what was the actual result?"}


class StandInRules:
    """The rules engine's contract with none of its logic: stays in the stage it is given, asks one thing."""

    name = "rules"
    can_stream = False

    def __init__(self) -> None:
        self.calls = 0

    def opening(self, review: Retrospective, ctx: TurnContext) -> TurnResult:
        return TurnResult(reply=NEXT[ctx.language], stage="review", review=review, state={"stage": "review"})

    def execute(
        self, state: dict[str, Any], review: Retrospective, text: str, ctx: TurnContext
    ) -> Iterator[TurnEvent]:
        self.calls += 1
        stage = state.get("stage", "review")
        yield TurnResult(
            reply=NEXT[ctx.language], stage=stage, review=review, state={**state, "n": state.get("n", 0) + 1}
        )


def real_rules_or_standin() -> CoachEngine:
    """The real RulesEngine when it imports and answers, else the stand-in (while it is being written)."""
    try:
        from coach.engines.base import run_turn
        from coach.engines.rules import RulesEngine

        engine = RulesEngine()
        doc = Retrospective(id="probe", title="probe")
        ctx = TurnContext(session_id="probe")
        opening = engine.opening(doc, ctx)
        run_turn(engine, opening.state, opening.review, "销售额目标100万，实际80万", ctx)
        return engine  # type: ignore[no-any-return]
    except Exception:
        return StandInRules()


class Recorder(BaseCallbackHandler):
    """Every prompt the model was sent, as plain text per message."""

    def __init__(self) -> None:
        self.prompts: list[list[str]] = []

    def on_chat_model_start(self, serialized: Any, messages: list[list[BaseMessage]], **kwargs: Any) -> None:
        for batch in messages:
            self.prompts.append([message_text(m) for m in batch])


def fake(*answers: object, recorder: Recorder | None = None) -> FakeListChatModel:
    """FakeListChatModel answering in order; dicts become JSON; it streams per character."""
    responses = [a if isinstance(a, str) else json.dumps(a, ensure_ascii=False) for a in answers]
    return FakeListChatModel(responses=responses, callbacks=[recorder] if recorder else None)
