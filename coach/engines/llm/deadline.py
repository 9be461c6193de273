"""One deadline for a whole turn (or note): every call and retry inside it shares what is left.

`run_within` runs the work on its own thread and waits until the deadline; past it, the
caller gets `LLMDeadline` at once and serves the rules answer, and the worker, which sees
the deadline as passed, makes no further call. Whatever it still receives is dropped.

"No further call" includes the openai client's own retries: a request that times out at the
deadline is retried inside the client, out of our code's sight, so the HTTP client refuses to
send anything once the deadline has passed (`refuse_past_deadline`). Without it a late turn's
retries kept a local server busy well into the next turns.
"""

from __future__ import annotations

import contextvars
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import openai

from coach.engines.llm.errors import LLMDeadline

R = TypeVar("R")
_current: contextvars.ContextVar[Deadline | None] = contextvars.ContextVar("llm_deadline", default=None)
# A request may run this much past the deadline: the caller has served the rules answer by
# then, so the late answer is dropped either way, and the reason stays "deadline".
_GRACE_S = 0.5


@dataclass
class Deadline:
    at: float  # time.monotonic()
    abandoned: threading.Event = field(default_factory=threading.Event)

    def remaining(self) -> float:
        return 0.0 if self.abandoned.is_set() else self.at - time.monotonic()

    def check(self, what: str) -> None:
        """Raise LLMDeadline instead of starting `what` once the deadline has passed."""
        if self.remaining() <= 0:
            raise LLMDeadline(f"deadline passed before {what}")


class DeadlinePassed(LLMDeadline, openai.OpenAIError):
    """Raised by the HTTP client's hook; an OpenAIError, so the openai client does not retry it."""


def refuse_past_deadline(request: Any) -> None:
    """HTTP request hook (the openai client's httpx): nothing leaves, a retry included, past the deadline."""
    deadline = _current.get()
    if deadline is not None and deadline.remaining() <= 0:
        raise DeadlinePassed(f"deadline passed before {request.method} {request.url.path}")


def current() -> Deadline | None:
    return _current.get()


def check(what: str) -> None:
    deadline = _current.get()
    if deadline is not None:
        deadline.check(what)


def request_timeout(default_s: float) -> float:
    """The per-request timeout: the configured one, or what is left of the deadline (and a grace) if less."""
    deadline = _current.get()
    if deadline is None:
        return default_s
    return min(default_s, max(0.0, deadline.remaining()) + _GRACE_S)


def run_within(seconds: float | None, work: Callable[[], R], what: str = "turn") -> R:
    """`work()`'s result, or LLMDeadline when it takes longer than `seconds` (None: no deadline)."""
    if seconds is None or seconds <= 0:
        return work()
    deadline = Deadline(time.monotonic() + seconds)
    box: queue.Queue[tuple[bool, object]] = queue.Queue(maxsize=1)

    def run() -> None:
        _current.set(deadline)
        try:
            box.put((True, work()))
        except BaseException as exc:
            box.put((False, exc))

    context = contextvars.copy_context()
    threading.Thread(target=context.run, args=(run,), name=f"llm-{what}", daemon=True).start()
    try:
        ok, value = box.get(timeout=seconds)
    except queue.Empty:
        deadline.abandoned.set()  # the worker makes no further call; its late answer is dropped
        raise LLMDeadline(f"{what}: no answer within {seconds:g} s") from None
    if ok:
        return value  # type: ignore[return-value]
    assert isinstance(value, BaseException)
    raise value
