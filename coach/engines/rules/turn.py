"""One turn in progress: the state, the document, the context and the reply being written."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from coach.domain.library import LessonHit
from coach.domain.retrospective import Language, Retrospective
from coach.engines.base import ActionStatusUpdate, TurnContext, TurnResult
from coach.engines.rules.replies import render
from coach.engines.rules.state import Question, RulesState

MAX_TEXT = 4000  # longer messages are read up to here; nobody types a KPI past this point


@dataclass
class Turn:
    state: RulesState
    review: Retrospective
    ctx: TurnContext
    text: str = ""
    lines: list[str] = field(default_factory=list)
    sources: list[LessonHit] = field(default_factory=list)
    updates: list[ActionStatusUpdate] = field(default_factory=list)
    lessons_confirmed: bool = False

    def __post_init__(self) -> None:
        self.text = (self.text or "").strip()[:MAX_TEXT]

    @property
    def lang(self) -> Language:
        return self.ctx.language

    @property
    def today(self) -> dt.date:
        return self.ctx.review_date or self.review.date or dt.date.today()

    def say(self, key: str, **params: object) -> None:
        """Add one localized line to the reply."""
        self.lines.append(render(key, self.lang, **params))

    def ask(self, key: str, **params: object) -> None:
        """Ask a question and remember it, so it can be asked again."""
        self.state.asked = Question(key=key, params={k: str(v) for k, v in params.items()})
        self.say(key, **params)

    def unask(self) -> None:
        """Take the question asked out of the reply: it is no longer what the coach asks."""
        if self.state.asked is not None:
            asked = render(self.state.asked.key, self.lang, **self.state.asked.params)
            self.lines = [line for line in self.lines if line != asked]

    def reask(self) -> None:
        """Ask the last question again."""
        if self.state.asked is not None:
            self.say(self.state.asked.key, **self.state.asked.params)

    def cite(self, hits: list[LessonHit]) -> None:
        """Add past lessons to the turn's sources, once each."""
        known = {h.id for h in self.sources}
        for hit in hits:
            if hit.id not in known:
                self.sources.append(hit)
                known.add(hit.id)

    def lookup(self, query: str, k: int) -> list[LessonHit]:
        """Past lessons for a query; a failing library must not break the turn."""
        if not query.strip():
            return []
        try:
            return list(self.ctx.lesson_lookup(query, k))
        except Exception:
            return []

    def match(self, text: str) -> LessonHit | None:
        """The past lesson that names the same thing, if any; a failing library must not break the turn."""
        if not text.strip():
            return None
        try:
            return self.ctx.lesson_match(text)
        except Exception:
            return None

    def result(self) -> TurnResult:
        return TurnResult(
            reply="\n".join(line for line in self.lines if line),
            stage=self.state.stage,
            review=self.review,
            state=self.state.dump(),
            sources=self.sources,
            action_updates=self.updates,
            lessons_confirmed=self.lessons_confirmed,
            engine="rules",
        )
