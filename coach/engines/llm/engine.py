"""The LLM coach: the method's state machine decides, the model phrases and proposes.

Each turn: the rules engine runs first (stage, state, the next question, what it could
parse); one structured call reads the user's message for the current step and proposes a
document update, which `proposal.vet` checks against the method; one streamed call
phrases the reply around the next question. `FallbackEngine` serves the turn with the
rules engine when the model fails.
"""

from __future__ import annotations

import copy
import json
import logging
import re
from collections.abc import Iterator
from typing import Any

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import BaseMessage

from coach.domain import critique
from coach.domain.labels import STEPS
from coach.domain.retrospective import Language, Retrospective
from coach.engines.base import CoachEngine, Delta, TurnContext, TurnEvent, TurnResult, run_turn
from coach.engines.llm.budget import Usage, check_budget, message_text, tokens_of, usage_of
from coach.engines.llm.errors import LLMError, classify
from coach.engines.llm.prompts import load_prompt
from coach.engines.llm.proposal import TurnProposal, vet
from coach.engines.llm.provider import ModelSpec, Provider, StructuredMethod, chat_model
from coach.engines.llm.structured import StructuredCaller
from coach.settings import Settings

log = logging.getLogger("coach.llm")

# Extra task prompts that join a stage's turn prompt.
STAGE_TASKS = {"analysis": "drill-critique", "lessons": "lesson-typing", "actions": "action-critique"}
EXTRACT_STAGES = ("review", "analysis", "reflection", "lessons", "actions")

MUST_ASK = {
    "action_owner": {"zh": "这件事由谁负责？", "en": "Who owns this?"},
    "action_date": {"zh": "计划什么时候完成（具体日期）？", "en": "By what date will it be done?"},
    "action_how": {
        "zh": "具体的关键动作是什么（做什么、多久一次、用什么工具）？",
        "en": "What is the concrete key action (what, how often, with what)?",
    },
    "main_cause_share": {
        "zh": "这个根因大概能解释差距的几成？",
        "en": "Roughly what share of the gap does this root cause explain?",
    },
}
_ASKS_OWNER = re.compile(r"谁|负责|owner|who", re.I)
_ASKS_DATE = re.compile(r"什么时候|何时|日期|截止|哪天|\bwhen\b|\bdate\b|\bby\b|deadline", re.I)
_ASKS_HOW = re.compile(r"具体|动作|怎么做|如何|\bhow\b|concrete|specific", re.I)
_ASKS_SHARE = re.compile(r"几成|比例|占比|百分之|%|share|percent|how much of", re.I)
_CHECKS = {
    "action_owner": _ASKS_OWNER,
    "action_date": _ASKS_DATE,
    "action_how": _ASKS_HOW,
    "main_cause_share": _ASKS_SHARE,
}


def _is_command(text: str) -> bool:
    return any(
        f(text)
        for f in (
            critique.wants_skip,
            critique.wants_back,
            critique.wants_status,
            critique.wants_summary,
            critique.wants_finish,
        )
    )


def document_for_prompt(doc: Retrospective, stage: str, budget_tokens: int) -> str:
    """The document as compact JSON; evidence and then other steps' sections go first when it is too big."""
    from coach.offline import count_tokens

    data: dict[str, Any] = doc.model_dump(mode="json", exclude_defaults=True, exclude_none=True)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    if count_tokens(text) <= budget_tokens:
        return text
    for section in ("goals", "highlights", "shortfalls", "cause_chains", "reflections", "lessons", "actions"):
        for item in data.get(section, []):
            item.pop("evidence", None)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    if count_tokens(text) <= budget_tokens:
        return text
    from coach.engines.llm.proposal import SECTIONS_BY_STAGE

    keep = set(SECTIONS_BY_STAGE.get(stage, ())) | {"id", "team", "title", "date", "language", "goals"}
    data = {k: v for k, v in data.items() if k in keep}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


class LLMCoachEngine:
    """CoachEngine over any OpenAI-compatible chat model; the rules engine keeps the method's state."""

    name = "llm"
    can_stream = True

    def __init__(
        self,
        model: BaseChatModel,
        rules: CoachEngine,
        *,
        spec: ModelSpec | None = None,
        method: StructuredMethod | None = None,
    ) -> None:
        self.model = model
        self.rules = rules
        self.spec = spec or ModelSpec(name=str(getattr(model, "model_name", None) or type(model).__name__))
        self.method: StructuredMethod = method or self.spec.structured_method

    @classmethod
    def from_settings(cls, settings: Settings, rules: CoachEngine) -> LLMCoachEngine:
        spec = ModelSpec.from_settings(settings)
        return cls(chat_model(Provider.from_settings(settings), spec), rules, spec=spec)

    # ---- CoachEngine ---------------------------------------------------------------------------

    def opening(self, review: Retrospective, ctx: TurnContext) -> TurnResult:
        """The first question comes from the method itself: no model call before the team says anything."""
        return self.rules.opening(review, ctx)

    def execute(
        self, state: dict[str, Any], review: Retrospective, text: str, ctx: TurnContext
    ) -> Iterator[TurnEvent]:
        lang: Language = ctx.language
        start_stage = str(state.get("stage") or "review")
        base = run_turn(self.rules, copy.deepcopy(state), review.model_copy(deep=True), text, ctx)
        usage = Usage()
        versions: list[str] = []
        doc, must_ask, remark = base.review, [], None
        stages = tuple(dict.fromkeys((start_stage, base.stage)))

        if start_stage in EXTRACT_STAGES and not _is_command(text) and len(critique.normalize(text)) > 3:
            messages, version = self._turn_messages(start_stage, lang, doc, text)
            caller = StructuredCaller(self.model, self.method, self.spec.prompt_budget, lang)
            proposal = caller.call(messages, TurnProposal, usage, lang=lang)
            versions.append(version)
            vetting = vet(
                doc,
                proposal,
                stages=stages,
                message=text,
                drafting_action=bool(base.state.get("draft")),
                drilling=bool(base.state.get("drill")),
            )
            doc, must_ask, remark = vetting.review, vetting.must_ask, proposal.critique
            log.info("llm proposal accepted=%s rejected=%s", vetting.accepted, vetting.rejected)

        reply_prompt = load_prompt("coach-reply", lang)
        versions.append(reply_prompt.version)
        messages = reply_prompt.render(
            trusted={
                "stage": STEPS.get(base.stage, {}).get(lang, base.stage),
                "must_ask": "\n".join(f"- {MUST_ASK[k][lang]}" for k in must_ask) or "-",
            },
            data={
                "next_question": base.reply,
                "message": text,
                "remark": remark or "-",
                "past_lessons": "\n".join(f"- {h.text}" for h in base.sources) or "-",
            },
        )
        check_budget(messages, self.spec.prompt_budget, "coach-reply")
        pieces: list[str] = []
        for piece in self._stream(messages, usage):
            pieces.append(piece)
            yield Delta(text=piece)
        reply = "".join(pieces).strip()
        if not reply:
            reply = base.reply
            yield Delta(text=reply)
        missing = [MUST_ASK[k][lang] for k in must_ask if not _CHECKS[k].search(reply)]
        if missing:  # the method insists: the question is asked even when the model forgot it
            tail = "\n" + " ".join(missing)
            reply += tail
            yield Delta(text=tail)
        yield base.model_copy(
            update={
                "reply": reply,
                "review": doc,
                "engine": "llm",
                "fallback": False,
                "model": self.spec.name,
                "prompt_version": "+".join(versions),
                "tokens": usage.tokens,
            }
        )

    # ---- helpers ------------------------------------------------------------------------------

    def _turn_messages(
        self, stage: str, lang: Language, doc: Retrospective, text: str
    ) -> tuple[list[BaseMessage], str]:
        prompt = load_prompt(f"coach-turn.{stage}", lang)
        version = prompt.version
        system_extra = ""
        if stage in STAGE_TASKS:
            task = load_prompt(STAGE_TASKS[stage], lang)
            system_extra = "\n\n" + task.system
            version += "+" + task.version
        doc_budget = max(200, self.spec.prompt_budget // 2)
        messages = prompt.render(
            trusted={"stage": STEPS.get(stage, {}).get(lang, stage), "today": str(doc.date or "")},
            data={"document": document_for_prompt(doc, stage, doc_budget), "message": text},
        )
        if system_extra:
            from langchain_core.messages import SystemMessage

            messages[0] = SystemMessage(content=message_text(messages[0]) + system_extra)
        return messages, version

    def _stream(self, messages: list[BaseMessage], usage: Usage) -> Iterator[str]:
        reported: int | None = None
        out: list[str] = []
        try:
            for chunk in self.model.stream(messages):
                reported = usage_of(chunk) or reported
                piece = message_text(chunk)
                if piece:
                    out.append(piece)
                    yield piece
        except LLMError:
            raise
        except Exception as exc:
            raise classify(exc) from exc
        usage.add(messages, "".join(out), reported)


FALLBACK_NOTE = {
    "zh": "（智能模型暂时不可用，本轮由规则教练回答。）",
    "en": "(The language model is unavailable right now; the rules coach answers this turn.)",
}


class FallbackEngine:
    """The primary engine, and the rules engine when the primary fails for a turn."""

    can_stream = True

    def __init__(self, primary: CoachEngine, fallback: CoachEngine) -> None:
        self.primary, self.fallback = primary, fallback
        self.name = primary.name

    def opening(self, review: Retrospective, ctx: TurnContext) -> TurnResult:
        try:
            return self.primary.opening(review.model_copy(deep=True), ctx)
        except Exception as exc:
            log.warning("opening by %s failed, rules answers: %s", self.primary.name, exc)
            return self._mark(self.fallback.opening(review, ctx), ctx.language, False)

    def execute(
        self, state: dict[str, Any], review: Retrospective, text: str, ctx: TurnContext
    ) -> Iterator[TurnEvent]:
        started = False
        try:
            for event in self.primary.execute(copy.deepcopy(state), review.model_copy(deep=True), text, ctx):
                if isinstance(event, Delta):
                    started = True
                yield event
            return
        except Exception as exc:
            err = classify(exc)
            level = logging.WARNING if isinstance(exc, LLMError) or err is not exc else logging.ERROR
            log.log(level, "turn by %s failed (%s), rules answers: %s", self.primary.name, err.reason, exc)
        result = self._mark(run_turn(self.fallback, state, review, text, ctx), ctx.language, started)
        yield Delta(text=("\n\n" if started else "") + result.reply)
        yield result

    @staticmethod
    def _mark(result: TurnResult, lang: Language, started: bool) -> TurnResult:
        reply = f"{FALLBACK_NOTE[lang]}\n{result.reply}"
        return result.model_copy(update={"reply": reply, "engine": "rules", "fallback": True, "model": None})


__all__ = ["FallbackEngine", "LLMCoachEngine", "tokens_of"]
