"""The people named in full anywhere in the chat, kept so that an owner named short is written in full."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from coach.domain.parsing.owner_person import full_names_said
from coach.domain.reading.people import in_full, introduced_self
from coach.engines.rules.state import RulesState
from coach.engines.rules.state_upgrade import upgrade
from coach.engines.rules.turn import Turn


def remember(state: dict[str, Any], text: str) -> dict[str, Any]:
    """The state with the full names this message says ("Present: Fiona Drummond, Callum Reid") added, and
    the one typing when they are the first to say who they are ("我是车间主任葛文斌"); a state that cannot be
    read is left for the turn to report."""
    said = full_names_said(text)
    speaker = introduced_self(text)
    if not state or not (said or speaker):
        return state
    try:
        saved = RulesState.model_validate(upgrade(state))
    except (ValidationError, ValueError):
        return state
    new = [n for n in said if n not in saved.names]
    if not new and (speaker is None or saved.speaker is not None):
        return state
    saved.names = [*saved.names, *new]
    saved.speaker = saved.speaker or speaker  # the lead who opened; others say who they are when reflecting
    return saved.dump()


def reflections_in_full(t: Turn) -> None:
    """A reflection filed under a first name ("Wes") is the one person named in full in the chat ("Present:
    …, Wes Okoye (tech)") or owning an action; several or none that fit leave the name as said."""
    known = set(t.state.names) | {a.who for a in t.review.actions if a.who}
    for reflection in t.review.reflections:
        reflection.person = in_full(reflection.person, known)


def owners_in_full(t: Turn) -> None:
    """An owner named short ("老彭") is the one person whose full name the chat says later ("彭志强")."""
    known = set(t.state.names) | {r.person for r in t.review.reflections if r.person}
    known |= {a.who for a in t.review.actions if a.who}
    for action in t.review.actions:
        action.who = in_full(action.who, known)
