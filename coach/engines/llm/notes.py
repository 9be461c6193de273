"""Meeting notes → Retrospective with prompt chains: chunk, extract per chunk, merge, synthesise.

A note is cut into chunks that fit the per-call token budget (measured with tiktoken);
each chunk gets one structured extraction call, run with bounded concurrency
(`abatch(..., config={"max_concurrency": n})`); the chunk results merge into one document
with de-duplication, vetted by the same rules as the coach's proposals; one synthesis call
then names the main cause, completes the lessons and writes the summary. A note under the
budget costs two calls.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import BaseMessage
from pydantic import BaseModel, Field

from coach.domain.retrospective import Language, Retrospective
from coach.engines.llm.budget import Usage, tokens_of
from coach.engines.llm.engine import document_for_prompt
from coach.engines.llm.errors import BudgetExceeded
from coach.engines.llm.prompts import load_prompt
from coach.engines.llm.proposal import (
    DocumentSections,
    LessonIn,
    TurnProposal,
    norm,
    vet,
)
from coach.engines.llm.provider import ModelSpec, Provider, StructuredMethod, chat_model
from coach.engines.llm.structured import StructuredCaller, compact_schema, run_sync
from coach.offline import count_tokens
from coach.settings import Settings

log = logging.getLogger("coach.llm.notes")

ALL_STAGES = ("review", "analysis", "reflection", "lessons", "actions")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SENTENCE = re.compile(r"(?<=[。！？!?；;.])\s*")


class NotesExtraction(DocumentSections):
    """What one chunk of notes says, section by section."""


class Synthesis(BaseModel):
    main_cause: str | None = Field(default=None, description="phenomenon of the main cause chain, verbatim")
    main_share: float | None = None
    lessons: list[LessonIn] = Field(default_factory=list)
    summary: str = ""


def _pieces(text: str, limit: int) -> list[str]:
    """A paragraph too long for one chunk, cut at sentence ends, then hard by characters."""
    out: list[str] = []
    for sentence in _SENTENCE.split(text):
        if not sentence:
            continue
        while count_tokens(sentence) > limit:
            cut = max(1, len(sentence) * limit // max(1, count_tokens(sentence)) - 1)
            out.append(sentence[:cut])
            sentence = sentence[cut:]
        out.append(sentence)
    return out


def chunk_text(text: str, limit: int) -> list[str]:
    """Chunks of at most `limit` tokens, cut at blank lines, then lines, then sentences."""
    text = text.replace("\r\n", "\n").strip()
    if not text:
        return []
    if count_tokens(text) <= limit:
        return [text]
    units: list[str] = []
    for line in text.split("\n"):
        units.extend([line] if count_tokens(line) <= limit else _pieces(line, limit))
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    for unit in units:
        cost = count_tokens(unit) + 1
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

    def __init__(
        self,
        settings: Settings,
        model: BaseChatModel | None = None,
        *,
        method: StructuredMethod | None = None,
    ) -> None:
        self.settings = settings
        self.spec = ModelSpec.from_settings(settings)
        self.model = model or chat_model(Provider.from_settings(settings), self.spec)
        self.method: StructuredMethod = method or self.spec.structured_method
        self.concurrency = max(1, settings.llm_concurrency)
        self.last_usage = Usage()
        self.last_prompt_version: str | None = None

    def chunk_budget(self, lang: Language) -> int:
        """Tokens of notes one extraction call can carry: the budget less the prompt and schema."""
        prompt = load_prompt("notes-extract", lang)
        frame = prompt.render(
            trusted={"team": "-", "today": "0000-00-00", "part": "00/00"}, data={"notes": ""}
        )
        overhead = tokens_of(frame) + count_tokens(compact_schema(NotesExtraction)) + 80
        room = self.spec.prompt_budget - overhead
        if room < 200:
            raise BudgetExceeded(f"budget {self.spec.max_tokens_per_call} leaves no room for notes")
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
        lang: Language = language or ("zh" if _CJK.search(text) else "en")
        usage = Usage()
        self.last_usage = usage
        caller = StructuredCaller(self.model, self.method, self.spec.prompt_budget, lang)
        doc = Retrospective(id=doc_id, title=title, team=team, date=review_date, language=lang)
        chunks = chunk_text(text, self.chunk_budget(lang))
        extract_prompt = load_prompt("notes-extract", lang)
        batch: list[list[BaseMessage]] = [
            extract_prompt.render(
                trusted={"team": team or "-", "today": str(review_date or "-"), "part": f"{i}/{len(chunks)}"},
                data={"notes": chunk},
            )
            for i, chunk in enumerate(chunks, 1)
        ]
        parts = run_sync(
            caller.acall_many(batch, NotesExtraction, usage, max_concurrency=self.concurrency, lang=lang)
        )
        for chunk, part in zip(chunks, parts, strict=True):
            proposal = TurnProposal.model_validate(part.model_dump())
            for chain in proposal.cause_chains:
                chain.is_main = False  # the synthesis names the main cause, over the whole note
            doc = vet(doc, proposal, stages=ALL_STAGES, message=chunk, complete_actions_only=False).review

        synth_prompt = load_prompt("notes-synthesis", lang)
        room = self.spec.prompt_budget - count_tokens(compact_schema(Synthesis)) - 400
        messages = synth_prompt.render(
            trusted={"team": team or "-", "today": str(review_date or "-")},
            data={"document": document_for_prompt(doc, "analysis", max(200, room))},
        )
        synthesis = caller.call(messages, Synthesis, usage, lang=lang)
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
