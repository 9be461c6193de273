"""Meeting notes → Retrospective with prompt chains: chunk, extract per chunk, merge, synthesise.

A note is cut into chunks that fit the per-call token budget (counted by the endpoint's
tokenizer, else estimated with tiktoken and a safety factor);
each chunk gets one structured extraction call, run with bounded concurrency
(`batch(..., config={"max_concurrency": n})`); the chunk results merge into one document
with de-duplication, vetted by the same rules as the coach's proposals; one synthesis call
then names the main cause, completes the lessons and writes the summary. A note under the
budget costs two calls. The whole note has one deadline; any failure of whatever kind is
an `LLMError`, so the rules extractor takes the note over.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Callable

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import BaseMessage
from pydantic import BaseModel, Field

from coach.domain.reading.language import detect_language
from coach.domain.retrospective import Language, Retrospective
from coach.engines.llm import deadline
from coach.engines.llm.budget import Budget, Usage
from coach.engines.llm.endpoint import estimate_tokens
from coach.engines.llm.engine import document_for_prompt
from coach.engines.llm.errors import BudgetExceeded, LLMError, classify
from coach.engines.llm.profile import ModelProfile
from coach.engines.llm.prompts import load_prompt
from coach.engines.llm.proposal import (
    DocumentSections,
    LessonIn,
    TurnProposal,
    norm,
    vet,
)
from coach.engines.llm.provider import ModelSpec, Provider, chat_model
from coach.engines.llm.structured import StructuredCaller, format_instructions
from coach.offline import ensure_offline
from coach.settings import Settings

log = logging.getLogger("coach.llm.notes")

ALL_STAGES = ("review", "analysis", "reflection", "lessons", "actions")
_SENTENCE = re.compile(r"(?<=[。！？!?；;.])\s*")


class NotesExtraction(DocumentSections):
    """What one chunk of notes says, section by section."""


class Synthesis(BaseModel):
    main_cause: str | None = Field(default=None, description="phenomenon of the main cause chain, verbatim")
    main_share: float | None = None
    lessons: list[LessonIn] = Field(default_factory=list)
    summary: str = ""


Count = Callable[[str], int]


def _pieces(text: str, limit: int, count: Count) -> list[str]:
    """A paragraph too long for one chunk, cut at sentence ends, then hard by characters."""
    out: list[str] = []
    for sentence in _SENTENCE.split(text):
        if not sentence:
            continue
        while count(sentence) > limit:
            cut = max(1, len(sentence) * limit // max(1, count(sentence)) - 1)
            out.append(sentence[:cut])
            sentence = sentence[cut:]
        out.append(sentence)
    return out


def chunk_text(text: str, limit: int, count: Count = estimate_tokens) -> list[str]:
    """Chunks of at most `limit` tokens, cut at blank lines, then lines, then sentences."""
    text = text.replace("\r\n", "\n").strip()
    if not text:
        return []
    if count(text) <= limit:
        return [text]
    units: list[str] = []
    for line in text.split("\n"):
        units.extend([line] if count(line) <= limit else _pieces(line, limit, count))
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    for unit in units:
        cost = count(unit) + 1
        if current and size + cost > limit:
            chunks.append("\n".join(current).strip())
            current, size = [], 0
        current.append(unit)
        size += cost
    if current:
        chunks.append("\n".join(current).strip())
    return [c for c in chunks if c]


class LLMNotesExtractor:
    """NotesExtractor over any OpenAI-compatible chat model."""

    name = "llm"

    def __init__(self, settings: Settings, model: BaseChatModel | None = None) -> None:
        ensure_offline(settings)
        self.settings = settings
        self.spec = ModelSpec.from_settings(settings)
        provider = Provider.from_settings(settings)
        self.profile = ModelProfile(model or chat_model(provider, self.spec), self.spec, provider)
        self.concurrency = max(1, settings.llm_concurrency)
        self.last_usage = Usage()
        self.last_prompt_version: str | None = None

    @property
    def model(self) -> BaseChatModel:
        return self.profile.model

    @model.setter
    def model(self, model: BaseChatModel) -> None:
        self.profile = ModelProfile(model, self.spec, self.profile.provider)

    def chunk_budget(self, lang: Language) -> int:
        """Tokens of notes one extraction call can carry: the budget less the prompt and schema."""
        budget = self.profile.budget()
        prompt = load_prompt("notes-extract", lang)
        frame = prompt.render(
            trusted={"team": "-", "today": "0000-00-00", "part": "00/00"}, data={"notes": ""}
        )
        overhead = budget.tokens_of(frame) + budget.count(format_instructions(NotesExtraction, lang)) + 80
        room = budget.prompt - overhead
        if room < 200:
            raise BudgetExceeded(f"a window of {budget.window} tokens leaves no room for notes")
        return room

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
        """The note's retrospective within the note's deadline; any failure is raised as an LLMError."""

        def work() -> Retrospective:
            return self._extract(text, doc_id, title, team, review_date, language)

        try:
            return deadline.run_within(self.settings.llm_note_deadline_s, work, what="note")
        except LLMError:
            raise
        except Exception as exc:  # a bug or a library's surprise is still this note's fallback
            raise classify(exc) from exc

    def _extract(
        self,
        text: str,
        doc_id: str,
        title: str,
        team: str | None,
        review_date: dt.date | None,
        language: Language | None,
    ) -> Retrospective:
        lang: Language = language or detect_language(text)
        usage = Usage()
        self.last_usage = usage
        budget: Budget = self.profile.budget()
        caller = StructuredCaller(self.profile, lang)
        doc = Retrospective(id=doc_id, title=title, team=team, date=review_date, language=lang)
        chunks = chunk_text(text, self.chunk_budget(lang), budget.count)
        extract_prompt = load_prompt("notes-extract", lang)
        batch: list[list[BaseMessage]] = [
            extract_prompt.render(
                trusted={"team": team or "-", "today": str(review_date or "-"), "part": f"{i}/{len(chunks)}"},
                data={"notes": chunk},
            )
            for i, chunk in enumerate(chunks, 1)
        ]
        parts = caller.call_many(batch, NotesExtraction, usage, max_concurrency=self.concurrency, lang=lang)
        for chunk, part in zip(chunks, parts, strict=True):
            proposal = TurnProposal.model_validate(part.model_dump())
            for chain in proposal.cause_chains:
                chain.is_main = False  # the synthesis names the main cause, over the whole note
            doc = vet(doc, proposal, stages=ALL_STAGES, message=chunk, complete_actions_only=False).review

        synth_prompt = load_prompt("notes-synthesis", lang)

        def synthesis_messages(share: float) -> list[BaseMessage]:
            room = int((budget.prompt - budget.count(format_instructions(Synthesis, lang)) - 400) * share)
            return synth_prompt.render(
                trusted={"team": team or "-", "today": str(review_date or "-")},
                data={"document": document_for_prompt(doc, "analysis", max(200, room), budget.count)},
            )

        synthesis = caller.call(
            synthesis_messages(1.0), Synthesis, usage, lang=lang, smaller=lambda: synthesis_messages(0.5)
        )
        doc = self._apply_synthesis(doc, synthesis)
        self.last_prompt_version = f"{extract_prompt.version}+{synth_prompt.version}"
        log.info("notes %s: %d chunks, %d calls, %d tokens", doc_id, len(chunks), usage.calls, usage.tokens)
        return doc

    @staticmethod
    def _apply_synthesis(doc: Retrospective, synthesis: Synthesis) -> Retrospective:
        proposal = TurnProposal(lessons=synthesis.lessons)
        doc = vet(doc, proposal, stages=("lessons",), message=json.dumps(doc.model_dump(mode="json"))).review
        if synthesis.main_cause:
            for chain in doc.cause_chains:
                if norm(chain.phenomenon) == norm(synthesis.main_cause):
                    share = synthesis.main_share
                    if share is not None and 1 < share <= 100:
                        share /= 100
                    if share is not None and 0 <= share <= 1 and chain.share is None:
                        chain.share = share
                    for other in doc.cause_chains:
                        other.is_main = other is chain
                    break
        summary = (synthesis.summary or "").strip()
        if summary:
            doc.summary = summary[:2000]
        return doc
