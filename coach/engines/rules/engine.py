"""RulesEngine: the embedded coach — the method as a state machine, no network, deterministic."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import Any

from coach.domain import critique
from coach.domain.retrospective import Retrospective
from coach.engines.base import Delta, TurnContext, TurnEvent, TurnResult
from coach.engines.rules import (
    asides,
    deeper_why,
    filing,
    finding_causes,
    flow,
    late_goal,
    late_share,
    names,
    transcript,
    weighed_list,
)
from coach.engines.rules.commands import handle_command
from coach.engines.rules.router import reroute
from coach.engines.rules.stages import lessons
from coach.engines.rules.state import RulesState
from coach.engines.rules.turn import Turn
from coach.engines.rules.undo import undo
from coach.request_context import request_id

log = logging.getLogger("coach.rules")
CATCH_ALL = "rules turn failed, served by the catch-all"  # tests look for this message
UNDO_DEPTH = 5  # "撤销" goes back this many changes at most; the state stays small


class RulesEngine:
    """Runs the 复盘 method step by step; every turn returns a valid result, whatever the text."""

    name = "rules"
    can_stream = True

    def opening(self, review: Retrospective, ctx: TurnContext) -> TurnResult:
        t = Turn(RulesState(), _copy(review), ctx)
        _start(t)
        return t.result()

    def execute(
        self, state: dict[str, Any], review: Retrospective, text: str, ctx: TurnContext
    ) -> Iterator[TurnEvent]:
        result = self.answer(state, review, text, ctx)
        for chunk in _chunks(result.reply):
            yield Delta(text=chunk)
        yield result

    def answer(self, state: dict[str, Any], review: Retrospective, text: str, ctx: TurnContext) -> TurnResult:
        """One turn, without the deltas; a pasted meeting transcript is taken line by line."""
        state = names.remember(state, text)
        if state and (pasted := transcript.replay(self._turn, state, review, text, ctx)) is not None:
            return pasted
        return self._turn(state, review, transcript.one_line(state, review, text) if state else text, ctx)

    def _turn(self, state: dict[str, Any], review: Retrospective, text: str, ctx: TurnContext) -> TurnResult:
        saved = RulesState.load(state)
        before = review.model_dump(mode="json")
        t = Turn(saved or RulesState(), Retrospective.model_validate(before), ctx, text)
        try:
            closing = _closing_content(t)
            if closing is not None:
                t.text = closing  # "…，10月底前。好了，结束吧。": the content first, then the finish
            if saved is not None and (rest := _after_undo(t.text)) is not None:
                undo(t)  # "撤销，备件采购已经在办了。还有，…我是要改第1条：…": the undo, then the rest
                t.unask()
                t.text = rest
            if saved is None:
                _resume_without_state(t)
            elif critique.wants_undo(t.text):
                undo(t)
            elif asides.skip_reflection(t):
                pass
            elif (
                asides.actions_aside(t)
                or asides.lessons_aside(t)
                or asides.reflections_aside(t)
                or lessons.retype_aside(t)
            ):
                t.reask()  # the message held only an action or a lesson said in passing
            elif (
                not handle_command(t)
                and not weighed_list.take(t)
                and not finding_causes.take(t)
                and not late_goal.take(t)
                and not deeper_why.take(t)
                and not late_share.take(t)
                and not filing.take(t)
                and not reroute(t)
            ):
                flow.handler(t.state.stage).handle(t)
            if closing is not None and t.state.stage != "done":
                _finish_after_content(t)
            names.reflections_in_full(t)
            names.owners_in_full(t)
            if not critique.wants_undo(t.text) and t.review != review:
                t.state.undo = (
                    [*t.state.undo, before][-UNDO_DEPTH:] if UNDO_DEPTH else []
                )  # for "撤销" / "undo"
        except Exception:
            # A bug must cost the user one re-asked question, never the session; the log keeps it visible.
            log.exception(
                "%s: stage %s, step %s, request %s", CATCH_ALL, t.state.stage, t.state.step, request_id()
            )
            t = Turn(RulesState.load(state) or RulesState(), _copy(review), ctx, text)
            t.say("not_understood")
            if t.state.asked is None:
                _start(t)
            else:
                t.reask()
        if not t.lines:
            t.say("not_understood")
            t.reask()
        return t.result()


def _closing_content(t: Turn) -> str | None:
    """The content of a message that ends with a closing sentence; None when it does not end so.

    In the follow-up "完成" answers "is it done?", so no closing is read there.
    """
    if t.state.stage in ("followup", "done"):
        return None
    return critique.without_closing(t.text)


_FIRST_SENTENCE = re.compile(
    r"^(?P<first>[^。！!？?\n]+?[。！!？?]|[^.\n]+?\.(?=\s))\s*(?P<rest>\S.*)$", re.S
)


def _after_undo(text: str) -> str | None:
    """What a message says after a first sentence that is an undo with its reason; None for other messages."""
    split = _FIRST_SENTENCE.match(text.strip())
    if split is None or critique.wants_undo(text) or not critique.wants_undo(split["first"]):
        return None
    return split["rest"]


def _finish_after_content(t: Turn) -> None:
    """Close the review after the content was filed; the question just asked is no longer asked."""
    t.unask()
    t.say("finishing")
    flow.go_to(t, "done")


def _copy(review: Retrospective) -> Retrospective:
    """A private copy to change; pydantic's validator copies far faster than copy.deepcopy."""
    return Retrospective.model_validate(review.model_dump())


def _start(t: Turn) -> None:
    t.say("greeting")
    if t.ctx.open_actions:
        t.state.followup.actions = list(t.ctx.open_actions)
        flow.go_to(t, "followup")
    else:
        flow.go_to(t, "review")


def _resume_without_state(t: Turn) -> None:
    """No saved state (a session started elsewhere): open the session; a KPI message is read as one."""
    if t.ctx.open_actions:
        _start(t)
        return
    t.state.visited = ["review"]
    t.state.stage, t.state.review.step = "review", "goals"
    if t.review.goals:
        flow.go_to(t, "review")
    elif not handle_command(t):
        flow.handler("review").handle(t)


def _chunks(reply: str) -> list[str]:
    """The reply line by line, so a streaming client shows it as it comes."""
    lines = reply.split("\n")
    return [
        line + ("\n" if i < len(lines) - 1 else "")
        for i, line in enumerate(lines)
        if line or i < len(lines) - 1
    ]
