"""Checks a model's reply must pass before anyone sees it.

Small models echo their prompt: the fence markers around data, whole sentences of the
instructions, the past lessons they were shown. They drift into the other language and
ramble. A reply is refused for any of these (`LLMReplyRejected` with the reason) and the
rules engine answers the turn instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from coach.domain.reading.language import detect_language
from coach.domain.retrospective import Language
from coach.engines.llm.errors import LLMReplyRejected
from coach.engines.llm.prompts import DATA_CLOSE, DATA_OPEN

# The prompts ask for at most 120 characters (zh) or 70 words (en); 2.5x leaves room for a
# quoted number or name, and stops a model that forgot to stop.
MAX_CHARS = {"zh": 300, "en": 1000}
# Verbatim spans this long (in characters, whitespace ignored) copied from the prompt are an
# echo, not a quote: ~8 Chinese words or ~6 English ones. The user's own message may be
# quoted at twice the length.
ECHO_CHARS = {"zh": 16, "en": 36}
_FENCE_MARKS = (DATA_OPEN, DATA_CLOSE, "<<<", ">>>", "‹‹‹", "›››", "DATA name=", "END DATA")
_SPACE = re.compile(r"\s+")


def _squash(text: str) -> str:
    return _SPACE.sub("", text).lower()


def _copied_span(reply: str, source: str, length: int, allowed: str) -> str | None:
    """The first span of `length` characters of the reply that is in `source` and not in `allowed`."""
    if len(reply) < length or len(source) < length:
        return None
    for start in range(len(reply) - length + 1):
        window = reply[start : start + length]
        if window in source and window not in allowed:
            return window
    return None


def check_partial(words: str, max_chars: int) -> None:
    """The checks a reply can fail before it is complete (fence, length): raise LLMReplyRejected at once.

    Run while the reply streams, so a model that echoes its prompt's fences or rambles is stopped
    there instead of writing on to max_tokens.
    """
    if any(mark in words for mark in _FENCE_MARKS):
        raise LLMReplyRejected("reply_fence", words[:80])
    if len(words) > max_chars:
        raise LLMReplyRejected("reply_length", f"over {max_chars} characters")


def check_reply(
    words: str,
    *,
    language: Language,
    prompt_texts: Iterable[str],
    message: str,
    allowed: Iterable[str] = (),
) -> None:
    """Raise LLMReplyRejected (fence, echo, language, length) unless the reply may be shown.

    `prompt_texts`: the instructions and the data blocks the model saw (past lessons, remark);
    `allowed`: text the reply may repeat verbatim (the method's next question).
    """
    check_partial(words, MAX_CHARS[language])
    if detect_language(words) != language:
        raise LLMReplyRejected("reply_language", words[:80])
    reply = _squash(words)
    ok = "\n".join(_squash(a) for a in allowed)
    length = ECHO_CHARS[language]
    for source in prompt_texts:
        span = _copied_span(reply, _squash(source), length, ok)
        if span:
            raise LLMReplyRejected("reply_echo", span)
    span = _copied_span(reply, _squash(message), length * 2, ok)
    if span:
        raise LLMReplyRejected("reply_echo", span)


def without(words: str, repeated: str) -> str:
    """The reply without a verbatim copy of the method's question (it is appended after the reply anyway)."""
    repeated = repeated.strip()
    if repeated and repeated in words:
        words = words.replace(repeated, "")
    return words.strip()
