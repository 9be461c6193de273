"""Token budgets: a window from the endpoint's context, a reserve for the answer, the rest for the prompt."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from langchain_core.messages import AIMessage, BaseMessage

from coach.engines.llm.endpoint import ESTIMATE, TokenCounter
from coach.engines.llm.errors import BudgetExceeded

# What the chat format adds around each message (OpenAI's cookbook figure).
_PER_MESSAGE = 4
# A quarter of the window is kept for the answer, within these bounds: 4,096 → 1,024.
RESERVE_SHARE = 0.25
RESERVE_MIN, RESERVE_MAX = 128, 1500


def message_text(message: BaseMessage) -> str:
    content = message.content
    if isinstance(content, str):
        return content
    parts = []
    for part in content:
        if isinstance(part, str):
            parts.append(part)
        elif isinstance(part, dict) and isinstance(part.get("text"), str):
            parts.append(part["text"])
    return "".join(parts)


def tokens_of(messages: Sequence[BaseMessage], counter: TokenCounter = ESTIMATE) -> int:
    return sum(counter.count(message_text(m)) + _PER_MESSAGE for m in messages) + 2


@dataclass(frozen=True)
class Budget:
    """One call's tokens: `window` in all (context, or the per-call cap), `reserve` for the answer."""

    window: int
    counter: TokenCounter = field(default=ESTIMATE, compare=False)

    @property
    def reserve(self) -> int:
        return max(RESERVE_MIN, min(RESERVE_MAX, int(self.window * RESERVE_SHARE)))

    @property
    def prompt(self) -> int:
        return self.window - self.reserve

    def answer_cap(self, wanted: int) -> int:
        """An answer's max_tokens: what the call needs, never more than the reserve."""
        return max(1, min(self.reserve, wanted))

    def count(self, text: str) -> int:
        return self.counter.count(text)

    def tokens_of(self, messages: Sequence[BaseMessage]) -> int:
        return tokens_of(messages, self.counter)

    def check(self, messages: Sequence[BaseMessage], what: str) -> int:
        """The prompt's size in tokens, or BudgetExceeded when it does not fit."""
        used = self.tokens_of(messages)
        if used > self.prompt:
            raise BudgetExceeded(f"{what}: prompt is {used} tokens, budget {self.prompt}")
        return used

    def fits(self, messages: Sequence[BaseMessage]) -> bool:
        return self.tokens_of(messages) <= self.prompt


def budget_for(context: int | None, max_tokens_per_call: int, counter: TokenCounter = ESTIMATE) -> Budget:
    """The window is the model's context when known, capped by the per-call setting (a cost cap)."""
    window = min(context, max_tokens_per_call) if context else max_tokens_per_call
    return Budget(window=window, counter=counter)


def usage_of(message: BaseMessage) -> int | None:
    """Total tokens the server reported for a response, when it did."""
    meta = getattr(message, "usage_metadata", None) if isinstance(message, AIMessage) else None
    if meta and meta.get("total_tokens"):
        return int(meta["total_tokens"])
    return None


def finished_by_length(message: BaseMessage) -> bool:
    """The server stopped the answer at max_tokens or the context's end."""
    meta = getattr(message, "response_metadata", None) or {}
    return meta.get("finish_reason") == "length"


@dataclass
class Usage:
    """Tokens and calls of one turn or one extraction: what the server reported, else our count."""

    tokens: int = 0
    calls: int = 0

    def add(
        self,
        prompt: Sequence[BaseMessage],
        answer: BaseMessage | str,
        reported: int | None = None,
        counter: TokenCounter = ESTIMATE,
    ) -> None:
        self.calls += 1
        if reported:
            self.tokens += reported
            return
        text = answer if isinstance(answer, str) else message_text(answer)
        self.tokens += tokens_of(prompt, counter) + counter.count(text)
