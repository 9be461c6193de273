"""How a lesson becomes searchable text and BM25 tokens (jieba for Chinese, words for English)."""

from __future__ import annotations

import logging
import re
import threading

import jieba

jieba.setLogLevel(logging.WARNING)
_init_lock = threading.Lock()
_initialized = False

_HAS_WORD_CHAR = re.compile(r"\w")
# function words that match everywhere and only add noise to BM25
_STOPWORD_TEXT = (
    "的 了 是 在 和 与 及 也 就 都 要 把 被 对 让 给 从 到 而 并 或 但 又 还 再 才 这 那 这个 那个 "
    "我们 你们 他们 自己 一个 有 会 能 可以 之 其 等 着 过 得 地 吗 呢 吧 啊 "
    "a an the of to in on at for and or but is are was were be been it its this that with as by "
    "we our you your they their i do does did so if"
)
# negations (不, 没有, not) are kept on purpose: they turn a lesson around
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def _ensure_jieba() -> None:
    global _initialized
    if _initialized:
        return
    with _init_lock:
        if not _initialized:
            jieba.initialize()
            _initialized = True


def tokenize(text: str) -> list[str]:
    """Lower-cased jieba tokens; English words stay whole; punctuation and stopwords dropped."""
    _ensure_jieba()
    tokens = []
    for raw in jieba.lcut(text.lower()):
        token = raw.strip()
        if token and token not in STOPWORDS and _HAS_WORD_CHAR.search(token):
            tokens.append(token)
    return tokens


# bump when `tokenize` changes: stored lesson tokens of another version are made again
TOKENIZER_VERSION = 1


def passage_text(text: str, context: str | None) -> str:
    """What the index sees: the lesson and the situation it came from."""
    if context and context.strip():
        return f"{text.strip()}\n{context.strip()}"
    return text.strip()


def lexical_tokens(text: str, context: str | None) -> list[str]:
    """BM25 tokens of a lesson: its text and context."""
    return tokenize(passage_text(text, context))
