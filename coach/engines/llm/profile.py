"""One model behind one endpoint: its token budget and its structured-output method, each found once.

The structured method is probed with a tiny question when set to `auto`: json_schema, then
function_calling with a named tool_choice, then json_mode, then plain text with the JSON
extracted by our code. A method is kept when its answer has the asked shape; a refusal
(4xx), a runaway answer (finish_reason "length") or the wrong shape moves on to the next.
The result is cached per base URL and model for the life of the process; an endpoint
that is down is not cached, so the next turn asks again. A probed method whose real answers
run to the length limit (SmolLM2 under llama-server's json_schema grammar answers the probe's
tiny question, then loops on a real prompt) is dropped for that endpoint: the next call
probes again without it.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage
from langchain_core.runnables import Runnable
from pydantic import BaseModel

from coach.engines.llm import deadline
from coach.engines.llm.budget import Budget, budget_for, finished_by_length
from coach.engines.llm.endpoint import ESTIMATE, TokenCounter, endpoint_info
from coach.engines.llm.errors import LLMRateLimited, LLMTimeout, LLMUnavailable, classify
from coach.engines.llm.provider import ModelSpec, Provider, StructuredMethod, call_options

log = logging.getLogger("coach.llm")

PROBE_ORDER: tuple[StructuredMethod, ...] = ("json_schema", "function_calling", "json_mode", "prompt")
PROBE_MAX_TOKENS = 64
PROBE_MARKER = "structured-output probe"


class ProbeAnswer(BaseModel):
    """The probe's schema: small enough that any working method answers it in a few tokens."""

    sum: int


PROBE_MESSAGES: list[BaseMessage] = [
    SystemMessage(
        content=f"({PROBE_MARKER}) Answer with one JSON object of the form "
        '{"sum": <integer>} and nothing else.'
    ),
    HumanMessage(content="What is 2 + 3?"),
]

_methods: dict[tuple[str, str], StructuredMethod] = {}
_demoted: dict[tuple[str, str], set[StructuredMethod]] = {}
_methods_lock = threading.Lock()


def known_methods() -> dict[tuple[str, str], StructuredMethod]:
    """The probed methods by (base URL, model)."""
    with _methods_lock:
        return dict(_methods)


def forget_methods() -> None:
    """Drop the cached probe results (tests start each stub fresh)."""
    with _methods_lock:
        _methods.clear()
        _demoted.clear()


def is_chat_openai(model: object) -> bool:
    from langchain_openai import ChatOpenAI

    return isinstance(model, ChatOpenAI)


def structured_runnable(
    model: BaseChatModel, method: StructuredMethod, schema: type[BaseModel]
) -> Runnable[Any, BaseMessage]:
    """The model with the method's server-side constraint; other models (fakes) are asked in the prompt."""
    if not is_chat_openai(model) or method == "prompt":
        return model
    if method == "function_calling":
        return model.bind_tools([schema], tool_choice=schema.__name__)
    if method == "json_mode":
        return model.bind(response_format={"type": "json_object"})
    spec = {"name": schema.__name__, "schema": schema.model_json_schema(), "strict": False}
    return model.bind(response_format={"type": "json_schema", "json_schema": spec})


class ModelProfile:
    """The chat model with what the endpoint told us: budget (context, tokenizer) and structured method."""

    def __init__(self, model: BaseChatModel, spec: ModelSpec, provider: Provider | None = None) -> None:
        self.model, self.spec, self.provider = model, spec, provider
        self._budget: Budget | None = None
        self._lock = threading.Lock()

    # ---- budget -------------------------------------------------------------------------------

    def budget(self) -> Budget:
        """Context from the setting or the endpoint, tokens by the endpoint's tokenizer if it has one."""
        with self._lock:
            if self._budget is None:
                self._budget = self._find_budget()
            return self._budget

    def _find_budget(self) -> Budget:
        counter: TokenCounter = ESTIMATE
        context = self.spec.context
        if self.provider is not None and is_chat_openai(self.model):
            info = endpoint_info(self.provider.base_url, self.spec.name, self.provider.headers)
            context = context or info.context
            if info.tokenize_url:
                counter = TokenCounter(info.tokenize_url, self.provider.headers)
        budget = budget_for(context, self.spec.max_tokens_per_call, counter)
        log.info("model %s: window %d, reserve %d", self.spec.name, budget.window, budget.reserve)
        return budget

    # ---- per-call options ---------------------------------------------------------------------

    def with_options(
        self, runnable: Runnable[Any, BaseMessage], max_tokens: int
    ) -> Runnable[Any, BaseMessage]:
        """The answer's cap and the timeout left by the deadline, bound for this call."""
        if self.provider is None or not is_chat_openai(self.model):
            return runnable
        timeout = deadline.request_timeout(self.provider.timeout_s)
        return runnable.bind(**call_options(self.provider, max_tokens, timeout))  # type: ignore[attr-defined,no-any-return]

    # ---- structured method --------------------------------------------------------------------

    def method(self) -> StructuredMethod:
        """The configured method, or the probed one (once per base URL and model)."""
        if self.spec.structured_method != "auto":
            return self.spec.structured_method
        if self.provider is None or not is_chat_openai(self.model):
            return "prompt"
        key = (self.provider.label, self.spec.name)
        with _methods_lock:
            if key not in _methods:
                _methods[key] = self._probe(skip=frozenset(_demoted.get(key, ())))
                log.info("structured output for %s %s: %s", *key, _methods[key])
            return _methods[key]

    def demote(self, method: StructuredMethod) -> None:
        """`method` ran away on a real call: drop it for this endpoint; the next call probes without it."""
        if self.spec.structured_method != "auto" or self.provider is None or method == "prompt":
            return  # a configured method is the operator's choice; plain text has nothing to drop
        key = (self.provider.label, self.spec.name)
        with _methods_lock:
            _demoted.setdefault(key, set()).add(method)
            if _methods.get(key) == method:
                del _methods[key]
        log.warning("structured output %s ran out of tokens at %s %s: dropped", method, *key)

    def _probe(self, skip: frozenset[StructuredMethod] = frozenset()) -> StructuredMethod:
        from coach.engines.llm.structured import parse_answer

        for method in PROBE_ORDER[:-1]:
            if method in skip:
                continue
            deadline.check(f"probing {method}")
            constrained = structured_runnable(self.model, method, ProbeAnswer)
            runnable = self.with_options(constrained, PROBE_MAX_TOKENS)
            try:
                answer = runnable.invoke(PROBE_MESSAGES)
            except Exception as exc:
                err = classify(exc)
                if isinstance(err, LLMUnavailable | LLMTimeout | LLMRateLimited) and not _refused(exc):
                    raise err from exc  # the endpoint is down, not the method: ask again next time
                log.info("probe %s refused: %s", method, err)
                continue
            if finished_by_length(answer):
                continue
            try:
                parse_answer(answer, ProbeAnswer)
            except ValueError:
                continue
            return method
        return "prompt"


def _refused(exc: BaseException) -> bool:
    """A 4xx other than 429: the server understood and said no (unsupported parameter)."""
    import openai

    return isinstance(exc, openai.APIStatusError) and 400 <= exc.status_code < 500 and exc.status_code != 429
