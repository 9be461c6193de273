"""'撤销' / 'undo': the document as it was before the last turn that changed it; when that turn filed several
items and the reason names one of them ("undo that, the bonus isn't ours to decide"), only that one goes."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from coach.domain import critique
from coach.domain.reading import cues
from coach.domain.retrospective import Retrospective
from coach.engines.rules.text import naming_words, quote
from coach.engines.rules.turn import Turn

_FIELDS = ("goals", "highlights", "shortfalls", "cause_chains", "reflections", "lessons", "actions")


def undo(t: Turn) -> None:
    """Put the document back as it was before the last turn that changed it, or take out the one item of
    that turn the reason names."""
    if not t.state.undo:
        t.say("nothing_to_undo")
        t.reask()
        return
    restored = Retrospective.model_validate(t.state.undo[-1])
    if (named := _item_named(t, restored)) is not None:
        field, item = named
        getattr(t.review, field).remove(item)
        t.say("undone", what=quote(_words(item), t.lang, 40))
        t.reask()
        return  # the snapshot stays: a second "undo" takes back the rest of that turn
    t.state.undo.pop()
    changed = [quote(said, t.lang, 40) for said in _what_changed(t.review, restored)] or ["—"]
    t.say("undone", what=("、" if t.lang == "zh" else ", ").join(changed))
    t.review = restored
    t.state.actions.draft = None
    t.reask()


@cache
def _names_item() -> list[re.Pattern[str]]:
    return cues.fragment_patterns("undo_names_item", re.I)


def _item_named(t: Turn, before: Retrospective) -> tuple[str, Any] | None:
    """(field, item) of the one item, of several the undone turn added, that the undo's reason names by its
    words ("the bonus isn't ours", "奖金那条不归我们管"); None when it names none, several, or no reason."""
    reason = critique.undo_reason(t.text)
    ref = next((m.group("ref") for p in _names_item() if reason and (m := p.match(reason.strip()))), None)
    added = [
        (field, item)
        for field in _FIELDS
        for item in getattr(t.review, field)
        if item not in getattr(before, field)
    ]
    if ref is None or len(added) < 2:
        return None
    grams = naming_words(ref)
    overlap = [len(grams & naming_words(_words(item))) for _, item in added]
    best = max(overlap)
    return added[overlap.index(best)] if best and overlap.count(best) == 1 else None


def _what_changed(now: Retrospective, before: Retrospective) -> list[str]:
    """Every item the undone turn filed, changed or removed, in the user's words, for the reply."""
    said: list[str] = []
    for field in _FIELDS:
        new, old = getattr(now, field), getattr(before, field)
        differing = [item for item in new if item not in old] or [item for item in old if item not in new]
        said += [_words(item) for item in differing]
    return said


def _words(item: object) -> str:
    """What an item says: an action's WHAT, a lesson's text, a chain's root cause, a goal's name."""
    keys = ("what", "text", "root_cause", "most_touched", "name", "person")
    return next((str(v) for k in keys if (v := getattr(item, k, None))), "—")
