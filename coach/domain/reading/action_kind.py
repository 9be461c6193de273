"""Which kind an action is (重点事项 focus, 策略调整 strategy, 改进点 improvement, 机会点 opportunity).

The cue fragments live in the language files (`[action_kind]` in words/*.toml), found anywhere in the
text, case-insensitively. When cues of several kinds are in the text, the first kind in KIND_PRIORITY
wins: an opportunity or a strategy names what the action is for, while improvement and focus words
("优化", "重点", "improve") also dress up actions of any kind.
"""

from __future__ import annotations

import re
from functools import cache

from coach.domain.reading.vocabulary import keyed_fragments
from coach.domain.retrospective import ActionKind, LessonAction

KIND_PRIORITY = (ActionKind.opportunity, ActionKind.strategy, ActionKind.improvement, ActionKind.focus)


@cache
def _cues() -> tuple[tuple[ActionKind, re.Pattern[str]], ...]:
    """(kind, any of its cues) in priority order; a kind no language cues is left out."""
    cues = keyed_fragments("action_kind")
    return tuple(
        (kind, re.compile("|".join(f"(?:{c})" for c in cues[kind.value]), re.I))
        for kind in KIND_PRIORITY
        if cues.get(kind.value)
    )


def cued_kind(text: str) -> ActionKind | None:
    """The kind the text's cue words name, or None when it has none."""
    return next((kind for kind, pattern in _cues() if pattern.search(text)), None)


def action_kind(text: str, lesson_action: LessonAction | None = None) -> ActionKind:
    """The cued kind, else improvement for an action from a 优化/停止 lesson, else focus."""
    kind = cued_kind(text)
    if kind is not None:
        return kind
    if lesson_action in (LessonAction.optimize, LessonAction.stop):
        return ActionKind.improvement
    return ActionKind.focus
