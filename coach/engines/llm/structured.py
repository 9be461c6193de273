"""Our seam for structured output: ask for JSON, parse and validate it, repair once.

With `ChatOpenAI` the request carries the server-side constraint chosen by setting
(`json_schema` response format, a forced `function_calling` tool, or `json_mode`); any
other chat model (langchain_core's fakes in tests, which lack `bind_tools`) is simply
asked for JSON in the prompt. Either way *our* code parses and validates the answer into
the pydantic model, and on failure sends the error back for one repair attempt.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import re
from collections.abc import Coroutine, Sequence
from typing import Any, TypeVar

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage
from langchain_core.runnables import Runnable
from pydantic import BaseModel, ValidationError

from coach.engines.llm.budget import Usage, check_budget, message_text, usage_of
from coach.engines.llm.errors import LLMError, LLMUnparseable, classify
from coach.engines.llm.provider import StructuredMethod

T = TypeVar("T", bound=BaseModel)
R = TypeVar("R")

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
    if calls:
        return schema.model_validate(calls[0]["args"])
    return schema.model_validate(extract_json(message_text(message)))


def _error_text(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'root'}: {e['msg']}" for e in exc.errors()[:8]
        )
    return str(exc)[:400]


def run_sync(coro: Coroutine[Any, Any, R]) -> R:
    """Run a coroutine from sync code, also when this thread already runs an event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


class StructuredCaller:
    """Structured calls against one chat model, with the budget checked and usage counted."""

    def __init__(
        self,
        model: BaseChatModel,
        method: StructuredMethod = "json_schema",
        prompt_budget: int = 4000,
        language: str = "en",
    ) -> None:
        self.model, self.method, self.prompt_budget, self.language = model, method, prompt_budget, language

    # ---- request shaping --------------------------------------------------------------------

    def bound(self, schema: type[BaseModel]) -> Runnable[Any, BaseMessage]:
        from langchain_openai import ChatOpenAI

        if not isinstance(self.model, ChatOpenAI) or self.method == "prompt":
            return self.model
        if self.method == "function_calling":
            return self.model.bind_tools([schema], tool_choice=schema.__name__)
        if self.method == "json_mode":
            return self.model.bind(response_format={"type": "json_object"})
        spec = {"name": schema.__name__, "schema": schema.model_json_schema(), "strict": False}
        return self.model.bind(response_format={"type": "json_schema", "json_schema": spec})

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
        check_budget(out, self.prompt_budget, schema.__name__)
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
    ) -> T:
        usage = usage if usage is not None else Usage()
        prompt = self.prepare(messages, schema, lang)
        runnable = self.bound(schema)
        answer = self._invoke(runnable, prompt, usage)
        try:
            return parse_answer(answer, schema)
        except (ValueError, ValidationError) as exc:
            repair = self._repair_messages(prompt, answer, exc)
            second = self._invoke(runnable, repair, usage)
            try:
                return parse_answer(second, schema)
            except (ValueError, ValidationError) as exc2:
                raise LLMUnparseable(f"{schema.__name__}: {_error_text(exc2)}") from exc2

    def _invoke(
        self, runnable: Runnable[Any, BaseMessage], prompt: list[BaseMessage], usage: Usage
    ) -> BaseMessage:
        try:
            answer = runnable.invoke(prompt)
        except LLMError:
            raise
        except Exception as exc:
            raise classify(exc) from exc
        usage.add(prompt, answer, usage_of(answer))
        return answer

    async def acall_many(
        self,
        batch: Sequence[Sequence[BaseMessage]],
        schema: type[T],
        usage: Usage,
        *,
        max_concurrency: int = 4,
        lang: str | None = None,
    ) -> list[T]:
        """One call per prompt with bounded concurrency (`abatch`); each answer repaired at most once."""
        prompts = [self.prepare(m, schema, lang) for m in batch]
        runnable = self.bound(schema)
        answers = await runnable.abatch(
            prompts, config={"max_concurrency": max(1, max_concurrency)}, return_exceptions=True
        )
        results: list[T] = []
        for prompt, answer in zip(prompts, answers, strict=True):
            if isinstance(answer, BaseException):
                raise classify(answer) from answer
            usage.add(prompt, answer, usage_of(answer))
            try:
                results.append(parse_answer(answer, schema))
                continue
            except (ValueError, ValidationError) as exc:
                repair = self._repair_messages(prompt, answer, exc)
            try:
                second = await runnable.ainvoke(repair)
            except Exception as exc:
                raise classify(exc) from exc
            usage.add(repair, second, usage_of(second))
            try:
                results.append(parse_answer(second, schema))
            except (ValueError, ValidationError) as exc2:
                raise LLMUnparseable(f"{schema.__name__}: {_error_text(exc2)}") from exc2
        return results
