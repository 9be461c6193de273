"""The scaffold the notes tests share: read a note as the service does, extract it with the rules, and name
what came out (items' texts, a chain's words)."""

from __future__ import annotations

import datetime as dt

from coach.domain.retrospective import CauseChain, Retrospective
from coach.notes.extractor import RulesNotesExtractor
from coach.notes.reading import read_note

REVIEW = dt.date(2026, 5, 14)  # a Thursday


def extract(text: str, name: str = "note.md", review_date: dt.date | None = REVIEW) -> Retrospective:
    """The retrospective the rules extract from a note given as text."""
    note = read_note(name, text.encode()).text
    return RulesNotesExtractor().extract(note, doc_id="d", title="fallback", review_date=review_date)


def texts(items: list) -> str:  # type: ignore[type-arg]
    """The texts of highlights, shortfalls or lessons, or the WHAT of actions, joined by " | "."""
    return " | ".join(getattr(i, "text", None) or getattr(i, "what", "") for i in items)


def chains(text: str) -> list[CauseChain]:
    """The cause chains of a note."""
    return extract(text).cause_chains


def words(chain: CauseChain) -> str:
    """All the words of a chain: phenomenon, surface cause and root cause."""
    return " ".join(filter(None, (chain.phenomenon, chain.surface_cause, chain.root_cause)))
