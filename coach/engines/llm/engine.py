"""The LLM coach: the method's state machine decides, the model phrases and proposes.

Each turn: the rules engine runs first (stage, state, the next question, what it could
parse); one structured call reads the user's message for the current step and proposes a
document update, which `proposal.vet` checks against the method; one streamed call
writes a few words on the user's message, checked before anyone sees them
(`reply_check`), and the method's next question always follows them. `FallbackEngine`
serves the turn with the rules engine when the model fails, is late, or says something
unusable, and marks why.
"""

from __future__ import annotations

import copy
import json
import logging
import math
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import BaseMessage, SystemMessage
from pydantic import BaseModel

from coach.domain import critique
from coach.domain.labels import STEPS
from coach.domain.retrospective import Language, Retrospective
from coach.engines.base import CoachEngine, Delta, TurnContext, TurnEvent, TurnResult, run_turn
from coach.engines.llm import deadline
from coach.engines.llm.budget import Budget, Usage, finished_by_length, message_text, usage_of
from coach.engines.llm.endpoint import estimate_tokens
from coach.engines.llm.errors import LLMError, LLMLengthExceeded, classify
from coach.engines.llm.profile import ModelProfile
from coach.engines.llm.prompts import Prompt, load_prompt
from coach.engines.llm.proposal import TurnProposal, proposal_schema, vet
from coach.engines.llm.provider import ModelSpec, Provider, chat_model
from coach.engines.llm.reply_check import MAX_CHARS, check_partial, check_reply, without
from coach.engines.llm.structured import StructuredCaller, format_instructions
from coach.offline import ensure_offline
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


def document_for_prompt(
    doc: Retrospective, stage: str, budget_tokens: int, count: Callable[[str], int] = estimate_tokens
) -> str:
    """The document as compact JSON; evidence, other steps' sections, then the oldest items go if too big."""
    from coach.engines.llm.proposal import SECTIONS_BY_STAGE

    data: dict[str, Any] = doc.model_dump(mode="json", exclude_defaults=True, exclude_none=True)

    def dumped() -> str:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    text = dumped()
    if count(text) <= budget_tokens:
        return text
    for section in ("goals", "highlights", "shortfalls", "cause_chains", "reflections", "lessons", "actions"):
        for item in data.get(section, []):
            item.pop("evidence", None)
    text = dumped()
    if count(text) <= budget_tokens:
        return text
    keep = set(SECTIONS_BY_STAGE.get(stage, ())) | {"id", "team", "title", "date", "language", "goals"}
    data = {k: v for k, v in data.items() if k in keep}
    text = dumped()
    lists = [k for k, v in data.items() if isinstance(v, list) and v]
    while count(text) > budget_tokens and lists:  # the earliest items of the longest section go first
        longest = max(lists, key=lambda k: len(data[k]))
        data[longest].pop(0)
        lists = [k for k in lists if data[k]]
        text = dumped()
    return text


def _shorter(value: str) -> str:
    """Half of a data value: whole lines while there are several, else the first half of the text."""
    lines = value.splitlines()
    if len(lines) > 1:
        return "\n".join(lines[: len(lines) // 2]) or "-"
    return value[: len(value) // 2] + "…" if len(value) > 40 else "-"


def fit(
    prompt: Prompt, trusted: dict[str, str], data: dict[str, str], budget: Budget, trim: Sequence[str]
) -> list[BaseMessage]:
    """The rendered prompt, with the `trim` data values (first ones first) halved until it fits the budget."""
    data = dict(data)
    messages = prompt.render(trusted=trusted, data=data)
    for key in trim:
        while not budget.fits(messages) and data[key] != "-":
            data[key] = _shorter(data[key])
            messages = prompt.render(trusted=trusted, data=data)
    return messages


def template_text(prompt: Prompt) -> str:
    """The prompt's own words (system and user, placeholders removed): what a reply must not echo."""
    return prompt.system + "\n" + re.sub(r"\{\{\s*[a-z_]+\s*\}\}", "\n", prompt.user)


def reply_max_tokens(budget: Budget, prompt: Prompt, lang: Language) -> int:
    """Room for a reply as long as the check allows (MAX_CHARS), in the model's tokens for that language.

    Counted on the reply prompt's own words, cut to that length (the endpoint's tokenizer where it
    has one); a tenth more, since a reply's words are not the prompt's. Past it the reply is
    refused anyway (`reply_length`), so the model is not asked for more.
    """
    sample = template_text(prompt)
    chars = MAX_CHARS[lang]
    sample = (sample * (chars // max(1, len(sample)) + 1))[:chars]
    return budget.answer_cap(math.ceil(budget.count(sample) * 1.1))


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
        provider: Provider | None = None,
    ) -> None:
        self.model = model
        self.rules = rules
        self.spec = spec or ModelSpec(name=str(getattr(model, "model_name", None) or type(model).__name__))
        self.profile = ModelProfile(model, self.spec, provider)

    @classmethod
    def from_settings(cls, settings: Settings, rules: CoachEngine) -> LLMCoachEngine:
        ensure_offline(settings)
        spec, provider = ModelSpec.from_settings(settings), Provider.from_settings(settings)
        return cls(chat_model(provider, spec), rules, spec=spec, provider=provider)

    # ---- CoachEngine ---------------------------------------------------------------------------

    def opening(self, review: Retrospective, ctx: TurnContext) -> TurnResult:
        """The first question comes from the method itself: no model call before the team says anything."""
        return self.rules.opening(review, ctx)

    def execute(
        self, state: dict[str, Any], review: Retrospective, text: str, ctx: TurnContext
    ) -> Iterator[TurnEvent]:
        """The model's words (checked), then the method's question; nothing is shown before the checks."""
        lang: Language = ctx.language
        start_stage = str(state.get("stage") or "review")
        base = run_turn(self.rules, copy.deepcopy(state), review.model_copy(deep=True), text, ctx)
        usage = Usage()
        versions: list[str] = []
        doc, must_ask, remark = base.review, [], None
        stages = tuple(dict.fromkeys((start_stage, base.stage)))

        if start_stage in EXTRACT_STAGES and not _is_command(text) and len(critique.normalize(text)) > 3:
            proposal, version = self._propose(start_stage, stages, lang, doc, text, usage)
            versions.append(version)
            vetting = vet(
                doc,
                proposal,
                stages=stages,
                message=text,
                drafting_action=bool(base.state.get("actions", {}).get("draft")),  # rules state v2
                drilling=bool(base.state.get("analysis", {}).get("drill")),
            )
            doc, must_ask, remark = vetting.review, vetting.must_ask, proposal.critique
            log.info("llm proposal accepted=%s rejected=%s", vetting.accepted, vetting.rejected)

        asks = [MUST_ASK[k][lang] for k in must_ask]
        pieces, version = self._phrase(base, lang, text, asks, remark, usage)
        versions.append(version)
        words = "".join(pieces).strip()
        missing = [q for k, q in zip(must_ask, asks, strict=True) if not _CHECKS[k].search(words)]
        # the method insists: its question always follows the model's words
        tail = "\n\n".join(part for part in (" ".join(missing), base.reply) if part)
        reply = f"{words}\n\n{tail}" if words else tail
        yield from (Delta(text=piece) for piece in pieces if piece)
        yield Delta(text=("\n\n" if words else "") + tail)
        yield base.model_copy(
            update={
                "reply": reply,
                "review": doc,
                "engine": "llm",
                "fallback": False,
                "fallback_reason": None,
                "model": self.spec.name,
                "prompt_version": "+".join(versions),
                "tokens": usage.tokens,
            }
        )

    # ---- the two calls ----------------------------------------------------------------------------

    def _propose(
        self, stage: str, stages: tuple[str, ...], lang: Language, doc: Retrospective, text: str, usage: Usage
    ) -> tuple[TurnProposal, str]:
        """The structured call: what the user's message adds to the document in this step (`stages`)."""
        schema = proposal_schema(stages)
        messages, version = self._turn_messages(stage, schema, lang, doc, text, share=1.0)
        caller = StructuredCaller(self.profile, lang)
        answer = caller.call(
            messages,
            schema,
            usage,
            lang=lang,
            smaller=lambda: self._turn_messages(stage, schema, lang, doc, text, share=0.5)[0],
        )
        return TurnProposal.model_validate(answer.model_dump()), version

    def _turn_messages(
        self,
        stage: str,
        schema: type[BaseModel],
        lang: Language,
        doc: Retrospective,
        text: str,
        share: float,
    ) -> tuple[list[BaseMessage], str]:
        """The stage's prompt; the document gets what the budget leaves (`share` of it on a smaller retry)."""
        prompt = load_prompt(f"coach-turn.{stage}", lang)
        version = prompt.version
        system_extra = ""
        if stage in STAGE_TASKS:
            task = load_prompt(STAGE_TASKS[stage], lang)
            system_extra = "\n\n" + task.system
            version += "+" + task.version
        budget = self.profile.budget()
        trusted = {"stage": STEPS.get(stage, {}).get(lang, stage), "today": str(doc.date or "")}
        frame = prompt.render(trusted=trusted, data={"document": "", "message": text})
        fmt = format_instructions(schema, lang, shorter=1 if share < 1 else None)
        overhead = budget.tokens_of(frame) + budget.count(system_extra + "\n\n" + fmt) + 64
        room = max(100, int((budget.prompt - overhead) * share))
        document = document_for_prompt(doc, stage, room, budget.count)
        message = text if share >= 1 else text[: max(200, len(text) // 2)]
        messages = prompt.render(trusted=trusted, data={"document": document, "message": message})
        if system_extra:
            messages[0] = SystemMessage(content=message_text(messages[0]) + system_extra)
        return messages, version

    def _phrase(
        self,
        base: TurnResult,
        lang: Language,
        text: str,
        asks: list[str],
        remark: str | None,
        usage: Usage,
    ) -> tuple[list[str], str]:
        """The model's words, buffered and checked; an answer cut by the length limit is retried once."""
        prompt = load_prompt("coach-reply", lang)
        budget = self.profile.budget()
        trusted = {
            "stage": STEPS.get(base.stage, {}).get(lang, base.stage),
            "must_ask": "\n".join(f"- {q}" for q in asks) or "-",
        }
        lessons = "\n".join(f"- {h.text}" for h in base.sources) or "-"
        data = {
            "next_question": base.reply,
            "message": text,
            "remark": remark or "-",
            "past_lessons": lessons,
        }
        trim = ("past_lessons", "remark", "message", "next_question")
        messages = fit(prompt, trusted, data, budget, trim)
        budget.check(messages, "coach-reply")
        max_tokens = reply_max_tokens(budget, prompt, lang)
        # the model may repeat the method's question (it is taken out below): room for it too
        max_chars = MAX_CHARS[lang] + len(base.reply)
        pieces, cut = self._stream(messages, usage, max_tokens, max_chars)
        if cut:  # one smaller request: no past lessons, no remark, the message shortened
            smaller = {**data, "past_lessons": "-", "remark": "-", "message": _shorter(text)}
            messages = fit(prompt, trusted, smaller, budget, trim)
            pieces, cut = self._stream(messages, usage, max_tokens, max_chars)
            if cut:
                raise LLMLengthExceeded("coach-reply: the answer ran out of tokens twice")
        words = "".join(pieces).strip()
        kept = without(words, base.reply)
        if not kept:  # nothing of its own to say: the method's question alone
            return [], prompt.version
        check_reply(
            kept,
            language=lang,
            prompt_texts=(template_text(prompt), lessons),
            message=text,
            allowed=(base.reply, *asks),
        )
        return ([kept] if kept != words else pieces), prompt.version

    def _stream(
        self, messages: list[BaseMessage], usage: Usage, max_tokens: int, max_chars: int
    ) -> tuple[list[str], bool]:
        """The answer's pieces, and whether it stopped at the length limit.

        A reply that shows a fence marker or grows past `max_chars` is refused (`reply_fence`,
        `reply_length`) there and then: the stream is closed, which stops the server writing the rest.
        """
        deadline.check("the reply")
        reported: int | None = None
        out: list[str] = []
        cut = False
        stream = self.profile.with_options(self.model, max_tokens).stream(messages)
        try:
            for chunk in stream:
                reported = usage_of(chunk) or reported
                cut = cut or finished_by_length(chunk)
                piece = message_text(chunk)
                if piece:
                    out.append(piece)
                    check_partial("".join(out), max_chars)
        except LLMError:
            raise
        except Exception as exc:
            raise classify(exc) from exc
        finally:
            stream.close()  # type: ignore[attr-defined]
        usage.add(messages, "".join(out), reported, self.profile.budget().counter)
        return out, cut


FALLBACK_NOTE = {
    "zh": "（智能模型暂时不可用，本轮由规则教练回答。）",
    "en": "(The language model is unavailable right now; the rules coach answers this turn.)",
}
REJECTED_NOTE = {
    "zh": "（智能模型这次的回答不可用，本轮由规则教练回答。）",
    "en": "(The language model's answer was not usable; the rules coach answers this turn.)",
}
_UNAVAILABLE = ("unavailable", "timeout", "rate_limited", "deadline")


class FallbackEngine:
    """The primary engine within one deadline per turn, and the rules engine when it fails or is late."""

    can_stream = True

    def __init__(self, primary: CoachEngine, fallback: CoachEngine, deadline_s: float | None = None) -> None:
        self.primary, self.fallback, self.deadline_s = primary, fallback, deadline_s
        self.name = primary.name

    def opening(self, review: Retrospective, ctx: TurnContext) -> TurnResult:
        try:
            return self.primary.opening(review.model_copy(deep=True), ctx)
        except Exception as exc:
            log.warning("opening by %s failed, rules answers: %s", self.primary.name, exc)
            return self._mark(self.fallback.opening(review, ctx), ctx.language, classify(exc).reason)

    def execute(
        self, state: dict[str, Any], review: Retrospective, text: str, ctx: TurnContext
    ) -> Iterator[TurnEvent]:
        def primary_turn() -> list[TurnEvent]:
            return list(self.primary.execute(copy.deepcopy(state), review.model_copy(deep=True), text, ctx))

        try:
            events = deadline.run_within(self.deadline_s, primary_turn)
        except Exception as exc:
            err = classify(exc)
            level = logging.WARNING if isinstance(exc, LLMError) else logging.ERROR
            log.log(level, "turn by %s failed (%s), rules answers: %s", self.primary.name, err.reason, exc)
            result = self._mark(run_turn(self.fallback, state, review, text, ctx), ctx.language, err.reason)
            yield Delta(text=result.reply)
            yield result
            return
        yield from events

    @staticmethod
    def _mark(result: TurnResult, lang: Language, reason: str) -> TurnResult:
        note = FALLBACK_NOTE if reason in _UNAVAILABLE else REJECTED_NOTE
        return result.model_copy(
            update={
                "reply": f"{note[lang]}\n{result.reply}",
                "engine": "rules",
                "fallback": True,
                "fallback_reason": reason,
                "model": None,
            }
        )


__all__ = ["FallbackEngine", "LLMCoachEngine"]
