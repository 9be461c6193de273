"""Token counting with tiktoken (offline-seeded) and the per-call budget."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from langchain_core.messages import AIMessage, BaseMessage

from coach.engines.llm.errors import BudgetExceeded
from coach.offline import count_tokens

# What the chat format adds around each message (OpenAI's cookbook figure).
_PER_MESSAGE = 4


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


def tokens_of(messages: Sequence[BaseMessage]) -> int:
    return sum(count_tokens(message_text(m)) + _PER_MESSAGE for m in messages) + 2


def check_budget(messages: Sequence[BaseMessage], budget: int, what: str) -> int:
    """The prompt's size in tokens, or BudgetExceeded when it does not fit."""
    used = tokens_of(messages)
    if used > budget:
        raise BudgetExceeded(f"{what}: prompt is {used} tokens, budget {budget}")
    return used


def usage_of(message: BaseMessage) -> int | None:
    """Total tokens the server reported for a response, when it did."""
    meta = getattr(message, "usage_metadata", None) if isinstance(message, AIMessage) else None
    if meta and meta.get("total_tokens"):
        return int(meta["total_tokens"])
    return None


@dataclass
class Usage:
    """Tokens and calls of one turn or one extraction: what the server reported, else our count."""

    tokens: int = 0
    calls: int = 0

    def add(
        self, prompt: Sequence[BaseMessage], answer: BaseMessage | str, reported: int | None = None
    ) -> None:
        self.calls += 1
        if reported:
            self.tokens += reported
            return
        text = answer if isinstance(answer, str) else message_text(answer)
        self.tokens += tokens_of(prompt) + count_tokens(text)
