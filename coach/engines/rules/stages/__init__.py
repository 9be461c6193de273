"""One module per stage of the method; each offers enter / handle / skip."""

from __future__ import annotations

from coach.engines.base import Stage
from coach.engines.rules.flow import StageHandler
from coach.engines.rules.stages import actions, analysis, done, followup, lessons, reflection, review

HANDLERS: dict[Stage, StageHandler] = {
    "followup": followup,
    "review": review,
    "analysis": analysis,
    "reflection": reflection,
    "lessons": lessons,
    "actions": actions,
    "done": done,
}
