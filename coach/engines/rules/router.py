"""Recovery: a message that plainly belongs to another step is taken there instead of being misread.

People do not answer the question asked when they already know what comes next: they dictate the
lessons during the analysis ("经验我说三条：…") or name an action with its owner and date while the
coach still asks for a why. The coach follows them rather than filing the text in the wrong field.
"""

from __future__ import annotations

from coach.domain.reading import edit_cues
from coach.domain.reading.blocks import read_blocks
from coach.engines.rules.stages import actions, lessons
from coach.engines.rules.turn import Turn


def reroute(t: Turn) -> bool:
    """Handle the message in the step it belongs to, when that is not the current one; True if done."""
    stage = t.state.stage
    after_review = stage != "review" or "analysis" in t.state.visited
    if stage in ("followup", "done") or not after_review:
        return False
    if stage in ("review", "analysis", "reflection"):
        items = lessons.dictated(t.text)
        if items:
            t.state.analysis.drill = None
            lessons.take_dictated(t, items)
            return True
    # "行动：…", "Actions: …", or the word alone ("actions", "行动吧"): the user moves on to the actions
    kinds = [b.kind for b in read_blocks(t.text)]
    if kinds[:1] == ["lessons"]:
        return False  # "经验：…" is the lessons, whatever dates or names they mention
    said_actions = "actions" in kinds or edit_cues.action_head_only().match(t.text.strip())
    if stage in ("review", "analysis", "reflection", "lessons") and (
        said_actions or actions.looks_like_action(t)
    ):
        actions.jump_in(t)
        return True
    return False
