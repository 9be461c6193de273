"""Our seam for structured output: ask for JSON, parse and validate it, repair once.

With `ChatOpenAI` the request carries the server-side constraint the endpoint supports
(`json_schema` response format, a forced `function_calling` tool, or `json_mode`; see
`profile`), or none (`prompt`); any other chat model (langchain_core's fakes in tests) is
asked for JSON in the prompt. Either way *our* code parses and validates the answer into
the pydantic model: JSON of another shape is a failure, not an empty answer. A bad answer
gets one repair attempt; an answer cut off by the length limit gets one smaller request.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage
from langchain_core.runnables import Runnable
from pydantic import BaseModel, ValidationError

from coach.engines.llm import deadline
from coach.engines.llm.budget import Usage, finished_by_length, message_text, usage_of
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
    "zh": "只输出一个符合以下 JSON Schema 的 JSON 对象，不要 Markdown，不要解释：\n{schema}",
    "en": "Output exactly one JSON object that matches this JSON Schema; "
    "no Markdown, no explanation:\n{schema}",
}


def compact_schema(schema: type[BaseModel]) -> str:
    return json.dumps(schema.model_json_schema(), ensure_ascii=False, separators=(",", ":"))


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

    def bound(self, schema: type[BaseModel]) -> tuple[Runnable[Any, BaseMessage], StructuredMethod]:
        """The model constrained by the endpoint's method (and that method, to drop if it runs away)."""
        method = self.profile.method()
        runnable = structured_runnable(self.profile.model, method, schema)
        return self.profile.with_options(runnable, self.profile.budget().reserve), method

    def prepare(
        self, messages: Sequence[BaseMessage], schema: type[BaseModel], lang: str | None = None
    ) -> list[BaseMessage]:
        """The messages with the output format appended to the system message; budget checked."""
        lang = lang or self.language
        fmt = FORMAT["zh" if lang == "zh" else "en"].format(schema=compact_schema(schema))
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
        runnable, method = self.bound(schema)
        prompt = self.prepare(messages, schema, lang)
        answer = self._invoke_within_length(runnable, prompt, usage)
        if answer is None:
            self.profile.demote(method)
            if smaller is None:
                raise LLMLengthExceeded(f"{schema.__name__}: the answer ran out of tokens")
            runnable, _ = self.bound(schema)  # the next method, if that one was dropped
            prompt = self.prepare(smaller(), schema, lang)
            answer = self._invoke_within_length(runnable, prompt, usage)
            if answer is None:
                raise LLMLengthExceeded(f"{schema.__name__}: the answer ran out of tokens twice")
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

        Threads (`batch`), not asyncio: the async client keeps connections bound to the event loop
        that made them, and a second note's loop then finds them closed.
        """
        prompts = [self.prepare(m, schema, lang) for m in batch]
        runnable, method = self.bound(schema)
        deadline.check("extracting notes")
        answers = runnable.batch(
            prompts, config={"max_concurrency": max(1, max_concurrency)}, return_exceptions=True
        )
        counter = self.profile.budget().counter
        results: list[T] = []
        for prompt, answer in zip(prompts, answers, strict=True):
            if isinstance(answer, BaseException):
                err = classify(answer)
                if isinstance(err, LLMLengthExceeded):  # openai's parse() raises on a cut answer
                    self.profile.demote(method)
                raise err from answer
            if finished_by_length(answer):
                self.profile.demote(method)
                raise LLMLengthExceeded(f"{schema.__name__}: a chunk's answer ran out of tokens")
            usage.add(prompt, answer, usage_of(answer), counter)
            try:
                results.append(parse_answer(answer, schema))
                continue
            except (ValueError, ValidationError) as exc:
                repair = self._repair_messages(prompt, answer, exc)
            deadline.check("repairing a chunk")
            try:
                second = runnable.invoke(repair)
            except Exception as exc:
                raise classify(exc) from exc
            usage.add(repair, second, usage_of(second), counter)
            try:
                results.append(parse_answer(second, schema))
            except (ValueError, ValidationError) as exc2:
                raise LLMUnparseable(f"{schema.__name__}: {_error_text(exc2)}") from exc2
        return results
