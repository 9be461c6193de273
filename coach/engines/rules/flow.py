"""Moving between stages: the method's order, entering a stage, going forward and back."""

from __future__ import annotations

from typing import Protocol

from coach.engines.base import STAGES, Stage
from coach.engines.rules.turn import Turn


class StageHandler(Protocol):
    """What each stage module provides."""

    def enter(self, t: Turn) -> None:
        """Ask the stage's first question (showing what is already there when coming back)."""

    def handle(self, t: Turn) -> None:
        """Take the user's answer to the current question."""

    def skip(self, t: Turn) -> None:
        """Skip the current question (or the whole stage, where it is one question set)."""


def handler(stage: Stage) -> StageHandler:
    from coach.engines.rules.stages import HANDLERS  # the stages import this module

    return HANDLERS[stage]


def stages_in_use(t: Turn) -> list[Stage]:
    """The stages of this session, in order: followup only when there were open actions."""
    return [s for s in STAGES if s != "followup" or t.state.followup.actions]


def go_to(t: Turn, stage: Stage) -> None:
    """Enter a stage and ask its first question."""
    t.state.enter(stage)
    handler(stage).enter(t)


def advance(t: Turn) -> None:
    """Go on to the stage after the current one."""
    order = stages_in_use(t)
    current = t.state.stage
    index = order.index(current) if current in order else 0
    go_to(t, order[min(index + 1, len(order) - 1)])


def previous(t: Turn) -> Stage:
    """The stage before the current one (the first stage stays where it is)."""
    order = stages_in_use(t)
    current = t.state.stage
    index = order.index(current) if current in order else 0
    return order[max(index - 1, 0)]
