"""Type a lesson by cue words: dimension (组织/文化/人/业务) × action (继续/停止/优化/新增).

Pure and deterministic; shared by the rules coach and the notes summarizer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, TypeVar

from coach.domain.reading.vocabulary import keyed_fragments
from coach.domain.retrospective import Dimension, LessonAction

LessonSource = Literal["highlight", "shortfall", "other"]

# The cue words are the language files' `lesson_*` tables (coach/domain/reading/words/), languages merged.
# Order matters only for ties: the more specific dimensions (culture, people) come first; business is the
# fallback. Among actions found at the same place, the first here wins.
_DIMENSIONS = (Dimension.culture, Dimension.people, Dimension.organization, Dimension.business)
_ACTIONS = (LessonAction.stop, LessonAction.start, LessonAction.optimize, LessonAction.continue_)


_Key = TypeVar("_Key", Dimension, LessonAction)


def _cue_table(name: str, keys: tuple[_Key, ...]) -> dict[_Key, tuple[str, ...]]:
    """One `lesson_*` table of the language files, by dimension or action in tie order."""
    table = keyed_fragments(name)
    return {key: tuple(table[key.value]) for key in keys}


DIMENSION_CUES = _cue_table("lesson_dimension", _DIMENSIONS)
ACTION_CUES = _cue_table("lesson_action", _ACTIONS)
# the action words themselves, which name the action whatever else the lesson says
NAMED_ACTIONS = _cue_table("lesson_named_action", _ACTIONS)
_DEFAULTS = keyed_fragments("lesson_default_action")
# a rule said to hold from now on, with no action word, is a rule to start
_NEW_RULE = tuple(_DEFAULTS["new_rule"])
# A shortfall that names something missing calls for starting it; an excess calls for stopping it.
_MISSING = tuple(_DEFAULTS["missing"])
_EXCESS = tuple(_DEFAULTS["excess"])


@dataclass(frozen=True)
class LessonTyping:
    """A lesson's dimension and action with how sure the cues make us (0..1)."""

    dimension: Dimension
    action: LessonAction
    confidence: float


def _hits(text: str, cues: tuple[str, ...]) -> int:
    return sum(1 for cue in cues if cue in text)


_STOPS = re.compile(r"[;；,，.。:：!?！？)）]")


def _dimension(text: str) -> tuple[Dimension, int]:
    # a cue ending in a space is a whole word ("freeze "), before a stop or at the end of the text as well
    text = _STOPS.sub(" ", text) + " "
    scores = {dim: _hits(text, cues) for dim, cues in DIMENSION_CUES.items()}
    best = max(scores, key=lambda d: scores[d])
    if scores[best] == 0:
        return Dimension.business, 0
    return best, scores[best]


def _first_cue(text: str, table: dict[LessonAction, tuple[str, ...]]) -> LessonAction | None:
    found: list[tuple[int, LessonAction]] = []
    for action, cues in table.items():
        positions = [text.find(c) for c in cues if c in text]
        if positions:
            found.append((min(positions), action))
    return min(found, key=lambda p: p[0])[1] if found else None


def _action(text: str, source: LessonSource) -> tuple[LessonAction, bool]:
    """The action the text names outright ("要新增", "stop"), else the first action cue in it, else the
    default for the source; True when a cue hit. "主播不能全靠外面，要新增自有主播": the named action beats
    a negation in the reason."""
    named = _first_cue(text, NAMED_ACTIONS)
    if named is not None:
        return named, True
    cued = _first_cue(text, ACTION_CUES)
    if cued is not None:
        return cued, True
    if any(word in text for word in _NEW_RULE):
        return LessonAction.start, False  # "failover tests become mandatory from now on": a new rule
    if source == "highlight":
        return LessonAction.continue_, False
    if source == "shortfall":
        if any(cue in text for cue in _EXCESS):
            return LessonAction.stop, False
        if any(cue in text for cue in _MISSING):
            return LessonAction.start, False
        return LessonAction.optimize, False
    return LessonAction.optimize, False


def classify_lesson(text: str, source: LessonSource = "other") -> LessonTyping:
    """Type a lesson from its wording and where it came from (a highlight, a shortfall, other)."""
    low = (text or "").lower()
    dimension, dim_hits = _dimension(low)
    action, action_hit = _action(low, source)
    confidence = 0.3 + min(dim_hits, 2) * 0.2 + (0.25 if action_hit else 0.05 if source != "other" else 0.0)
    return LessonTyping(dimension, action, round(min(confidence, 0.95), 2))
