"""What can go wrong at the model boundary, reduced to the few cases the fallback cares about."""

from __future__ import annotations


class LLMError(Exception):
    """The model could not serve this call; the turn falls back to the rules engine."""

    reason = "error"


class LLMUnavailable(LLMError):
    """Endpoint down, connection dropped, 5xx after retries."""

    reason = "unavailable"


class LLMTimeout(LLMError):
    reason = "timeout"


class LLMRateLimited(LLMError):
    """429 after the client's retries with backoff."""

    reason = "rate_limited"


class LLMUnparseable(LLMError):
    """The output did not parse into the schema, even after one repair attempt."""

    reason = "unparseable"


class LLMLengthExceeded(LLMError):
    """The answer stopped at max_tokens or the context's end (finish_reason "length"), twice."""

    reason = "length"


class LLMDeadline(LLMError):
    """The turn's (or note's) deadline passed; whatever the model says later is dropped."""

    reason = "deadline"


class LLMReplyRejected(LLMError):
    """The model's reply failed a check before it was shown (fence, echo, language, length)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


class BudgetExceeded(LLMError):
    """The prompt does not fit the per-call token budget."""

    reason = "budget"


def classify(exc: BaseException) -> LLMError:
    """Map an exception raised by openai / httpx / langchain to one of ours."""
    if isinstance(exc, LLMError):
        return exc
    import httpx
    import openai

    if isinstance(exc, openai.LengthFinishReasonError):
        return LLMLengthExceeded(str(exc))
    if isinstance(exc, openai.APITimeoutError | httpx.TimeoutException | TimeoutError):
        return LLMTimeout(str(exc) or "timeout")
    if isinstance(exc, openai.RateLimitError):
        return LLMRateLimited(str(exc))
    if isinstance(exc, openai.APIConnectionError | httpx.TransportError | ConnectionError):
        return LLMUnavailable(str(exc) or type(exc).__name__)
    if isinstance(exc, openai.APIStatusError):
        if exc.status_code == 429:
            return LLMRateLimited(str(exc))
        return LLMUnavailable(f"HTTP {exc.status_code}: {exc}")
    if isinstance(exc, openai.APIError):
        return LLMUnavailable(str(exc))
    return LLMError(f"{type(exc).__name__}: {exc}")  # any failure falls back, marked "error"
