"""The people named in full anywhere in the chat, kept so that an owner named short is written in full."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from coach.domain.parsing.owner_person import full_names_said
from coach.engines.rules.state import RulesState
from coach.engines.rules.state_upgrade import upgrade


def remember(state: dict[str, Any], text: str) -> dict[str, Any]:
    """The state with the full names this message says ("Present: Fiona Drummond, Callum Reid") added;
    a state that cannot be read is left for the turn to report."""
    said = full_names_said(text)
    if not state or not said:
        return state
    try:
        saved = RulesState.model_validate(upgrade(state))
    except (ValidationError, ValueError):
        return state
    new = [n for n in said if n not in saved.names]
    if not new:
        return state
    saved.names = [*saved.names, *new]
    return saved.dump()
