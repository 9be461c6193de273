"""What the endpoint tells us about its model: the context window, and its own tokenizer.

llama.cpp answers `GET /props` (default_generation_settings.n_ctx) and `POST /tokenize`;
vLLM lists `max_model_len` under `GET /v1/models`; Ollama answers `POST /api/show` with
`model_info["<arch>.context_length"]`. Hosted APIs answer none of these: the context then
comes from `COACH_LLM_CONTEXT` or stays unknown, and tokens are estimated with tiktoken
times a safety factor. Each endpoint and model is asked once per process.
"""

from __future__ import annotations

import logging
import math
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from coach.domain.reading.language import HAN
from coach.offline import count_tokens

log = logging.getLogger("coach.llm")

# tiktoken's cl100k_base has 100k tokens; small local models' vocabularies (32k-50k, few
# Chinese merges) cut the same text into more pieces. A user measured SmolLM2 at ~1.5x
# cl100k on this coach's Chinese prompts; English differs less (the vocabularies share most
# English merges), 1.2x covers Llama-2/Mistral-class tokenizers. Overcounting only trims
# a little more history; undercounting overflows the context.
SAFETY_FACTOR = {"zh": 1.5, "en": 1.2}
PROBE_TIMEOUT_S = 2.0


def safety_factor(text: str) -> float:
    """1.5 for text that is mostly Chinese characters, 1.2 otherwise."""
    # tokenizer cost, not language (that is detect_language): only text made mostly of Chinese
    # characters is cut finer; a mixed prompt that reads as zh counted at 1.5x overshoots the chunk budgets
    han = len(HAN.findall(text))
    return SAFETY_FACTOR["zh"] if han and han * 3 >= len(text.strip()) else SAFETY_FACTOR["en"]


def estimate_tokens(text: str) -> int:
    """tiktoken's count scaled by the safety factor: what an unknown tokenizer may need."""
    if not text:
        return 0
    return math.ceil(count_tokens(text) * safety_factor(text))


@dataclass(frozen=True)
class EndpointInfo:
    """What one endpoint said about one model."""

    server: str | None = None  # llama.cpp | vllm | ollama | None (did not say)
    context: int | None = None
    tokenize_url: str | None = None


def server_root(base_url: str) -> str:
    """`http://host:8080/v1` → `http://host:8080` (llama.cpp and Ollama serve their own API there)."""
    return re.sub(r"/v1/?$", "", base_url.rstrip("/"))


def _get_json(client: Any, method: str, url: str, **kw: Any) -> Any:
    try:
        response = client.request(method, url, **kw)
    except Exception as exc:  # an endpoint that lacks the route is the common case
        log.debug("%s %s: %s", method, url, exc)
        return None
    if response.status_code != 200:
        return None
    try:
        return response.json()
    except ValueError:
        return None


def discover(base_url: str, model: str, headers: dict[str, str] | None = None) -> EndpointInfo:
    """Ask llama.cpp, then vLLM, then Ollama for the model's context; nothing found → EndpointInfo()."""
    import httpx

    root = server_root(base_url)
    with httpx.Client(timeout=PROBE_TIMEOUT_S, headers=headers or {}) as client:
        props = _get_json(client, "GET", f"{root}/props")
        if isinstance(props, dict):
            n_ctx = (props.get("default_generation_settings") or {}).get("n_ctx") or props.get("n_ctx")
            if isinstance(n_ctx, int) and n_ctx > 0:
                return EndpointInfo("llama.cpp", n_ctx, f"{root}/tokenize")
        models = _get_json(client, "GET", f"{base_url.rstrip('/')}/models")
        if isinstance(models, dict):
            for entry in models.get("data") or []:
                length = entry.get("max_model_len") if isinstance(entry, dict) else None
                if isinstance(length, int) and length > 0 and entry.get("id") in (model, None):
                    return EndpointInfo("vllm", length)
        show = _get_json(client, "POST", f"{root}/api/show", json={"model": model})
        if isinstance(show, dict):
            for key, value in (show.get("model_info") or {}).items():
                if key.endswith(".context_length") and isinstance(value, int) and value > 0:
                    return EndpointInfo("ollama", value)
    return EndpointInfo()


_cache: dict[tuple[str, str], EndpointInfo] = {}
_cache_lock = threading.Lock()


def endpoint_info(base_url: str | None, model: str, headers: dict[str, str] | None = None) -> EndpointInfo:
    """`discover`, once per process for each base URL and model; hosted OpenAI is not asked."""
    if not base_url:
        return EndpointInfo()
    key = (base_url.rstrip("/"), model)
    with _cache_lock:
        if key not in _cache:
            _cache[key] = discover(base_url, model, headers)
            log.info("endpoint %s model %s: %s", base_url, model, _cache[key])
        return _cache[key]


def forget_endpoints() -> None:
    """Drop what was learnt about endpoints (tests start each stub fresh)."""
    with _cache_lock:
        _cache.clear()


class TokenCounter:
    """Tokens of a text as the model counts them: its endpoint's tokenizer, else tiktoken × safety factor."""

    def __init__(self, tokenize_url: str | None = None, headers: dict[str, str] | None = None) -> None:
        self.tokenize_url, self.headers = tokenize_url, headers or {}
        self._memo: OrderedDict[str, int] = OrderedDict()
        self._lock = threading.Lock()
        self.remote_calls = 0

    def count(self, text: str) -> int:
        if not text:
            return 0
        if self.tokenize_url is None:
            return estimate_tokens(text)
        with self._lock:
            if text in self._memo:
                return self._memo[text]
        n = self._remote(text)
        with self._lock:
            self._memo[text] = n
            while len(self._memo) > 4096:
                self._memo.popitem(last=False)
        return n

    def _remote(self, text: str) -> int:
        import httpx

        try:
            response = httpx.post(
                self.tokenize_url or "", json={"content": text}, headers=self.headers, timeout=PROBE_TIMEOUT_S
            )
            self.remote_calls += 1
            tokens = response.json().get("tokens") if response.status_code == 200 else None
        except Exception as exc:
            log.debug("tokenize failed, estimating: %s", exc)
            tokens = None
        return len(tokens) if isinstance(tokens, list) else estimate_tokens(text)


ESTIMATE = TokenCounter()
"""The counter for endpoints without a tokenizer of their own (and for fakes in tests)."""
