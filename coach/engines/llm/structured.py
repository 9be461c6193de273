"""Our seam for structured output: ask for JSON, parse and validate it, repair once.

With `ChatOpenAI` the request carries the server-side constraint the endpoint supports
(`json_schema` response format, a forced `function_calling` tool, or `json_mode`; see
`profile`), or none (`prompt`); any other chat model (langchain_core's fakes in tests) is
asked for JSON in the prompt. Either way *our* code parses and validates the answer into
the pydantic model: JSON of another shape is a failure, not an empty answer. A bad answer
gets one repair attempt; an answer cut off by the length limit gets one smaller request.

A structured answer's max_tokens comes from its schema (`structured_max_tokens`): a model
that loops in JSON (SmolLM2 writes ~1,024 tokens, ~11 s, for a 100-token answer) is cut off
early enough for the smaller request and the reply to fit the turn's deadline.
"""

from __future__ import annotations

import json
import re
import typing
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage
from langchain_core.runnables import Runnable
from pydantic import BaseModel, ValidationError

from coach.engines.llm import deadline
from coach.engines.llm.budget import Budget, Usage, finished_by_length, message_text, usage_of
from coach.engines.llm.errors import LLMError, LLMLengthExceeded, LLMUnparseable, classify
from coach.engines.llm.profile import ModelProfile, structured_runnable
from coach.engines.llm.provider import StructuredMethod

T = TypeVar("T", bound=BaseModel)

_FENCE = re.compile(r"^```(?:json)?\s*|\s*```$", re.I)

REPAIR = {
    "zh": "上面的回答无法使用：{error}\n请只回复修正后的 JSON 对象，不要任何其他文字。",
    "en": "The answer above could not be used: {error}\n"
    "Reply with only the corrected JSON object, no other text.",
}
FORMAT = {
    "zh": "只输出一个符合以下 JSON Schema 的 JSON 对象，写成紧凑的一行：不要缩进，不要 Markdown，"
    "不要解释；空列表和 null 字段不写：\n{schema}",
    "en": "Output exactly one JSON object that matches this JSON Schema, compact on one line: "
    "no indentation, no Markdown, no explanation; leave out empty lists and null fields:\n{schema}",
}
# Appended to the smaller request that follows an answer cut off by the length limit.
SHORTER = {
    "zh": "上一次的回答太长，被截断了。这次最多 {tokens} 个 token：只写这条消息说到的字段，值要简短。",
    "en": "The previous answer was too long and was cut off. This time use at most {tokens} tokens: "
    "only the fields this message fills, with short values.",
}
# A structured answer restates a few of its schema's fields: 16 tokens cover a key and a short
# value (small vocabularies spend 2-3 tokens on a Chinese character). At least 256: the notes
# synthesis has few fields, but its summary is a few sentences.
TOKENS_PER_FIELD = 16
MIN_STRUCTURED_TOKENS = 256


def _untitled(node: Any) -> Any:
    """The JSON Schema without its `title`s (each property's name again, capitalised: tokens for nothing)."""
    if isinstance(node, dict):
        return {k: _untitled(v) for k, v in node.items() if not (k == "title" and isinstance(v, str))}
    if isinstance(node, list):
        return [_untitled(v) for v in node]
    return node


def compact_schema(schema: type[BaseModel]) -> str:
    """The schema as the prompt shows it: one line, no titles."""
    return json.dumps(_untitled(schema.model_json_schema()), ensure_ascii=False, separators=(",", ":"))


def format_instructions(schema: type[BaseModel], lang: str, shorter: int | None = None) -> str:
    """What the system message says about the answer's form: compact JSON of this schema (and a cap)."""
    lang = "zh" if lang == "zh" else "en"
    text = FORMAT[lang].format(schema=compact_schema(schema))
    return text if shorter is None else f"{text}\n{SHORTER[lang].format(tokens=shorter)}"


def field_count(schema: type[BaseModel]) -> int:
    """The schema's leaf fields, counted through nested models (TurnProposal: 37)."""
    count = 0
    for info in schema.model_fields.values():
        nested = [
            a for a in typing.get_args(info.annotation) if isinstance(a, type) and issubclass(a, BaseModel)
        ]
        count += field_count(nested[0]) if nested else 1
    return count


def structured_max_tokens(schema: type[BaseModel], budget: Budget, configured: int | None = None) -> int:
    """A structured answer's cap: the setting, else 16 tokens per field of the schema; within the reserve."""
    wanted = configured or max(MIN_STRUCTURED_TOKENS, TOKENS_PER_FIELD * field_count(schema))
    return budget.answer_cap(wanted)


def extract_json(text: str) -> Any:
    """The JSON object in a model's answer: bare, fenced in ```json, or wrapped in a little prose."""
    body = _FENCE.sub("", text.strip())
    try:
        return json.loads(body)
    except json.JSONDecodeError:
        start, end = body.find("{"), body.rfind("}")
        if start == -1 or end <= start:
            raise
        return json.loads(body[start : end + 1])


def parse_answer(message: BaseMessage, schema: type[T]) -> T:
    """Validate a tool call's arguments or the JSON in the text; raises ValueError/ValidationError."""
    calls = getattr(message, "tool_calls", None) or []
    data = calls[0]["args"] if calls else extract_json(message_text(message))
    if not isinstance(data, dict):
        raise ValueError(f"expected a JSON object, got {type(data).__name__}")
    if data and not set(data) & set(schema.model_fields):
        # json_mode answers "valid JSON" of any shape; read as empty it would silently lose the turn
        expected = sorted(schema.model_fields)
        raise ValueError(f"wrong shape: keys {sorted(data)[:6]}, expected some of {expected}")
    return schema.model_validate(data)


def _error_text(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'root'}: {e['msg']}" for e in exc.errors()[:8]
        )
    return str(exc)[:400]


class StructuredCaller:
    """Structured calls against one model profile, with the budget checked and usage counted."""

    def __init__(self, profile: ModelProfile, language: str = "en") -> None:
        self.profile, self.language = profile, language

    # ---- request shaping --------------------------------------------------------------------

    def max_tokens(self, schema: type[BaseModel]) -> int:
        return structured_max_tokens(schema, self.profile.budget(), self.profile.spec.structured_max_tokens)

    def bound(
        self, schema: type[BaseModel], max_tokens: int
    ) -> tuple[Runnable[Any, BaseMessage], StructuredMethod]:
        """The model constrained by the endpoint's method (and that method, to drop if it runs away)."""
        method = self.profile.method()
        runnable = structured_runnable(self.profile.model, method, schema)
        return self.profile.with_options(runnable, max_tokens), method

    def prepare(
        self,
        messages: Sequence[BaseMessage],
        schema: type[BaseModel],
        lang: str | None = None,
        shorter: int | None = None,
    ) -> list[BaseMessage]:
        """The messages with the output format (and `shorter`'s cap) in the system message; budget checked."""
        fmt = format_instructions(schema, lang or self.language, shorter)
        out = list(messages)
        if out and isinstance(out[0], SystemMessage):
            out[0] = SystemMessage(content=f"{message_text(out[0])}\n\n{fmt}")
        else:
            out.insert(0, SystemMessage(content=fmt))
        self.profile.budget().check(out, schema.__name__)
        return out

    def _repair_messages(
        self, prompt: list[BaseMessage], answer: BaseMessage, exc: Exception
    ) -> list[BaseMessage]:
        raw = message_text(answer)
        calls = getattr(answer, "tool_calls", None) or []
        if calls and not raw:
            raw = json.dumps(calls[0].get("args"), ensure_ascii=False)
        repair = REPAIR["zh" if self.language == "zh" else "en"].format(error=_error_text(exc))
        return [*prompt, AIMessage(content=raw[:4000]), HumanMessage(content=repair)]

    # ---- calls ------------------------------------------------------------------------------

    def call(
        self,
        messages: Sequence[BaseMessage],
        schema: type[T],
        usage: Usage | None = None,
        *,
        lang: str | None = None,
        smaller: Callable[[], Sequence[BaseMessage]] | None = None,
    ) -> T:
        """One structured answer; `smaller` builds the request tried once when an answer runs out of room."""
        usage = usage if usage is not None else Usage()
        cap = self.max_tokens(schema)
        runnable, method = self.bound(schema, cap)
        prompt = self.prepare(messages, schema, lang)
        answer = self._invoke_within_length(runnable, prompt, usage)
        if answer is None:
            self.profile.demote(method)
            if smaller is None:
                raise LLMLengthExceeded(f"{schema.__name__}: the answer ran out of tokens")
            runnable, prompt, answer = self._shorter(smaller(), schema, cap, usage, lang)
        return self._parsed(runnable, prompt, answer, schema, usage)

    def _shorter(
        self,
        messages: Sequence[BaseMessage],
        schema: type[BaseModel],
        cap: int,
        usage: Usage,
        lang: str | None,
    ) -> tuple[Runnable[Any, BaseMessage], list[BaseMessage], BaseMessage]:
        """The one request after a cut-off answer: half the room, asked to be brief (a loop fails sooner)."""
        half = max(1, cap // 2)
        runnable, _ = self.bound(schema, half)  # the next method, if the last one was dropped
        prompt = self.prepare(messages, schema, lang, shorter=half)
        answer = self._invoke_within_length(runnable, prompt, usage)
        if answer is None:
            raise LLMLengthExceeded(f"{schema.__name__}: the answer ran out of tokens twice")
        return runnable, prompt, answer

    def _parsed(
        self,
        runnable: Runnable[Any, BaseMessage],
        prompt: list[BaseMessage],
        answer: BaseMessage,
        schema: type[T],
        usage: Usage,
    ) -> T:
        """The answer validated, or the answer to one repair request validated; else LLMUnparseable."""
        try:
            return parse_answer(answer, schema)
        except (ValueError, ValidationError) as exc:
            repair = self._repair_messages(prompt, answer, exc)
        second = self._invoke(runnable, repair, usage)
        try:
            return parse_answer(second, schema)
        except (ValueError, ValidationError) as exc2:
            raise LLMUnparseable(f"{schema.__name__}: {_error_text(exc2)}") from exc2

    def _invoke_within_length(
        self, runnable: Runnable[Any, BaseMessage], prompt: list[BaseMessage], usage: Usage
    ) -> BaseMessage | None:
        """The answer, or None when it stopped at the length limit (a repair is worth one try)."""
        try:
            answer = self._invoke(runnable, prompt, usage)
        except LLMLengthExceeded:
            return None
        return None if finished_by_length(answer) else answer

    def _invoke(
        self, runnable: Runnable[Any, BaseMessage], prompt: list[BaseMessage], usage: Usage
    ) -> BaseMessage:
        deadline.check("a structured call")
        try:
            answer = runnable.invoke(prompt)
        except LLMError:
            raise
        except Exception as exc:
            raise classify(exc) from exc
        usage.add(prompt, answer, usage_of(answer), self.profile.budget().counter)
        return answer

    def call_many(
        self,
        batch: Sequence[Sequence[BaseMessage]],
        schema: type[T],
        usage: Usage,
        *,
        max_concurrency: int = 4,
        lang: str | None = None,
    ) -> list[T]:
        """One call per prompt, `max_concurrency` at a time; each answer repaired at most once.

        A cut-off answer gets one shorter request, as in `call`. Threads (`batch`), not asyncio: the
        async client keeps connections bound to the event loop that made them, and a second note's
        loop then finds them closed.
        """
        prompts = [self.prepare(m, schema, lang) for m in batch]
        cap = self.max_tokens(schema)
        runnable, method = self.bound(schema, cap)
        deadline.check("extracting notes")
        answers = runnable.batch(
            prompts, config={"max_concurrency": max(1, max_concurrency)}, return_exceptions=True
        )
        counter = self.profile.budget().counter
        results: list[T] = []
        for messages, prompt, answer in zip(batch, prompts, answers, strict=True):
            if isinstance(answer, BaseException):
                err = classify(answer)
                if not isinstance(err, LLMLengthExceeded):  # openai's parse() raises on a cut answer
                    raise err from answer
            elif not finished_by_length(answer):
                usage.add(prompt, answer, usage_of(answer), counter)
                results.append(self._parsed(runnable, prompt, answer, schema, usage))
                continue
            self.profile.demote(method)
            results.append(self._parsed(*self._shorter(messages, schema, cap, usage, lang), schema, usage))
        return results
