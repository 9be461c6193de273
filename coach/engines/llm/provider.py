"""Provider and model, kept apart (the simonw/llm and pydantic-ai split).

A *provider* is where the model lives: base URL, key, headers. OpenAI, Azure OpenAI,
DeepSeek, Qwen (DashScope compatible mode), Ollama, vLLM and llama.cpp server all speak
the OpenAI chat protocol and differ only in these settings. The *model* is the message
format on top: langchain-openai's `ChatOpenAI` with streaming, timeout, retries with
backoff on 429/5xx (the openai client's own), and an output cap from the token budget.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from coach.settings import Settings

if TYPE_CHECKING:
    import openai
    from langchain_core.language_models.chat_models import BaseChatModel

StructuredMethod = Literal["json_schema", "function_calling", "json_mode", "prompt"]

# Local servers want no key, but the openai client insists on one.
_NO_KEY = "not-needed"


@dataclass(frozen=True)
class Provider:
    """Where the model lives. Nothing here knows about prompts or our documents."""

    base_url: str | None = None
    api_key: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    timeout_s: float = 60.0
    max_retries: int = 2

    @classmethod
    def from_settings(cls, settings: Settings) -> Provider:
        headers = _headers_from(getattr(settings, "llm_headers", None) or os.environ.get("COACH_LLM_HEADERS"))
        base_url = settings.llm_base_url
        if base_url and ".openai.azure.com" in base_url and settings.llm_api_key:
            # Azure OpenAI's v1 endpoint (…/openai/v1/) accepts the key in `api-key`.
            headers.setdefault("api-key", settings.llm_api_key)
        return cls(
            base_url=base_url,
            api_key=settings.llm_api_key,
            headers=headers,
            timeout_s=settings.llm_timeout_s,
            max_retries=settings.llm_max_retries,
        )

    @property
    def label(self) -> str:
        return self.base_url or "https://api.openai.com/v1"


def _headers_from(raw: object) -> dict[str, str]:
    """Extra headers as a dict or a JSON object string (COACH_LLM_HEADERS='{"X-Org": "a"}')."""
    if not raw:
        return {}
    if isinstance(raw, dict):
        return {str(k): str(v) for k, v in raw.items()}
    try:
        data = json.loads(str(raw))
    except json.JSONDecodeError:
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


@dataclass(frozen=True)
class ModelSpec:
    """Which model, and how we talk to it."""

    name: str
    structured_method: StructuredMethod | Literal["auto"] = "auto"
    max_tokens_per_call: int = 6000
    temperature: float = 0.2
    context: int | None = None  # the model's context window when set; else asked of the endpoint
    structured_max_tokens: int | None = None  # a structured answer's cap when set; else from its schema

    @classmethod
    def from_settings(cls, settings: Settings) -> ModelSpec:
        return cls(
            name=settings.llm_model,
            structured_method=settings.llm_structured_method,
            max_tokens_per_call=settings.llm_max_tokens_per_call,
            context=settings.llm_context,
            structured_max_tokens=settings.llm_structured_max_tokens,
        )


@lru_cache(maxsize=1)
def _http_client() -> openai.DefaultHttpxClient:
    """One connection pool for every chat model of the process (as langchain-openai keeps by default)."""
    import openai

    from coach.engines.llm.deadline import refuse_past_deadline

    return openai.DefaultHttpxClient(event_hooks={"request": [refuse_past_deadline]})


def chat_model(provider: Provider, spec: ModelSpec) -> BaseChatModel:
    """langchain-openai's ChatOpenAI on the Chat Completions API (what every compatible server has).

    The answer's cap and the request's timeout are bound per call (`call_options`): both
    depend on the budget and the deadline, known only when the call is made. The HTTP client
    sends nothing past the deadline, the openai client's retries included.
    """
    from langchain_openai import ChatOpenAI
    from pydantic import SecretStr

    return ChatOpenAI(  # type: ignore[call-arg]
        model=spec.name,
        base_url=provider.base_url,
        api_key=SecretStr(provider.api_key or _NO_KEY),
        default_headers=provider.headers or None,
        timeout=provider.timeout_s,
        max_retries=provider.max_retries,
        http_client=_http_client(),
        temperature=spec.temperature,
        stream_usage=True,
        use_responses_api=False,
    )


def call_options(provider: Provider, max_tokens: int, timeout_s: float) -> dict[str, object]:
    """Per-call request options: the answer's cap under the name the server knows, and the timeout."""
    options: dict[str, object] = {"timeout": timeout_s}
    if provider.base_url is None or ".openai.azure.com" in provider.base_url:
        options["max_completion_tokens"] = max_tokens
    else:
        # Ollama, llama.cpp, older vLLM and most hosted clones know only `max_tokens`.
        options["extra_body"] = {"max_tokens": max_tokens}
    return options
