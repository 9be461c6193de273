"""BM25 over jieba tokens, one in-memory index per workspace, rebuilt from SQL when it changes."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import bm25s
import numpy as np

from coach.library.filters import LessonFilters, date_key
from coach.library.glossary import expand
from coach.library.text import tokenize


@dataclass(frozen=True)
class LexicalDoc:
    """What BM25 needs of a lesson: its tokens and the fields filters look at."""

    id: str
    tokens: list[str]
    team: str | None
    dimension: str
    action: str
    date: int  # YYYYMMDD, 0 when unknown


class WorkspaceLexicon:
    """The BM25 index of one workspace; documents change in place, BM25 is rebuilt lazily."""

    def __init__(self, signature: int = 0) -> None:
        self.signature = signature  # the lessons' version in SQL that these documents hold
        self._docs: dict[str, LexicalDoc] = {}
        self._order: list[str] = []
        self._bm25: bm25s.BM25 | None = None
        self._teams: np.ndarray = np.zeros(0, dtype=object)
        self._dimensions: np.ndarray = np.zeros(0, dtype=object)
        self._actions: np.ndarray = np.zeros(0, dtype=object)
        self._dates: np.ndarray = np.zeros(0, dtype=np.int32)
        self._dirty = True

    def __len__(self) -> int:
        return len(self._docs)

    def upsert(self, docs: Iterable[LexicalDoc]) -> None:
        for doc in docs:
            self._docs[doc.id] = doc
        self._dirty = True

    def admits(self, lesson_id: str, filters: LessonFilters) -> bool:
        """Whether the lesson is one of this workspace's and passes the filters."""
        doc = self._docs.get(lesson_id)
        return doc is not None and filters.admit(doc.team, doc.dimension, doc.action, doc.date)

    def remove(self, ids: Iterable[str]) -> None:
        for lesson_id in ids:
            self._docs.pop(lesson_id, None)
        self._dirty = True

    def _rebuild(self) -> None:
        self._order = list(self._docs)
        docs = [self._docs[i] for i in self._order]
        corpus = [doc.tokens or [""] for doc in docs]
        self._bm25 = None
        if any(tokens != [""] for tokens in corpus):
            bm25 = bm25s.BM25()
            bm25.index(corpus, show_progress=False)
            self._bm25 = bm25
        self._teams = np.array([doc.team for doc in docs], dtype=object)
        self._dimensions = np.array([doc.dimension for doc in docs], dtype=object)
        self._actions = np.array([doc.action for doc in docs], dtype=object)
        self._dates = np.array([doc.date for doc in docs], dtype=np.int32)
        self._dirty = False

    def _mask(self, filters: LessonFilters) -> np.ndarray | None:
        mask: np.ndarray | None = None

        def narrow(condition: np.ndarray) -> None:
            nonlocal mask
            mask = condition if mask is None else (mask & condition)

        if filters.team is not None:
            narrow(self._teams == filters.team)
        if filters.dimension is not None:
            narrow(self._dimensions == filters.dimension)
        if filters.action is not None:
            narrow(self._actions == filters.action)
        if filters.date_from is not None:
            narrow(self._dates >= date_key(filters.date_from))
        if filters.date_to is not None:
            narrow((self._dates <= date_key(filters.date_to)) & (self._dates > 0))
        return mask

    def search(self, query_tokens: list[str], n: int, filters: LessonFilters) -> list[tuple[str, float]]:
        """Top-n (id, BM25 score) with a score above zero, best first."""
        if self._dirty:
            self._rebuild()
        bm25 = self._bm25
        if bm25 is None or not query_tokens:
            return []
        known = bm25.get_tokens_ids(query_tokens)
        if not known:
            return []
        scores = bm25.get_scores_from_ids(known)
        mask = self._mask(filters)
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        n = min(n, int(np.count_nonzero(scores > 0)))
        if n <= 0:
            return []
        top = np.argpartition(-scores, n - 1)[:n]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(self._order[i], float(scores[i])) for i in top]


Loader = Callable[[str], tuple[int, list[LexicalDoc]]]
Signer = Callable[[str], int]


# how often to ask SQL whether another process changed a workspace's lessons (the check
# is a COUNT over the workspace: milliseconds at 100k lessons, too much for every search)
RECHECK_SECONDS = 2.0


class LexicalIndex:
    """Workspace lexicons, loaded from SQL on first use and reloaded when SQL changed elsewhere."""

    def __init__(self, load: Loader, sign: Signer) -> None:
        self._load, self._sign = load, sign
        self._lexicons: dict[str, WorkspaceLexicon] = {}
        self._checked: dict[str, float] = {}
        self._lock = threading.RLock()

    def lexicon(self, workspace_id: str) -> WorkspaceLexicon:
        with self._lock:
            lexicon = self._lexicons.get(workspace_id)
            now = time.monotonic()
            stale = lexicon is None
            if lexicon is not None and now - self._checked.get(workspace_id, 0.0) > RECHECK_SECONDS:
                stale = lexicon.signature != self._sign(workspace_id)
                self._checked[workspace_id] = now
            if stale:
                signature, docs = self._load(workspace_id)
                lexicon = WorkspaceLexicon(signature)
                lexicon.upsert(docs)
                self._lexicons[workspace_id] = lexicon
                self._checked[workspace_id] = now
            assert lexicon is not None
            return lexicon

    def search(
        self, workspace_id: str, query: str, n: int, filters: LessonFilters
    ) -> list[tuple[str, float]]:
        tokens = tokenize(query)
        # the glossary's translations let a Chinese query meet an English lesson, and back
        tokens += expand(query, tokens)
        with self._lock:
            return self.lexicon(workspace_id).search(tokens, n, filters)

    def changed(
        self, workspace_id: str, upserted: Iterable[LexicalDoc], removed: Iterable[str], version: int | None
    ) -> None:
        """Apply our own write without a reload.

        The lexicon takes the write's version only when it held every version before it; when
        another process wrote in between, the lexicon stays behind and the next search reloads it.
        """
        with self._lock:
            lexicon = self._lexicons.get(workspace_id)
            if lexicon is None:
                return
            lexicon.remove(removed)
            lexicon.upsert(upserted)
            if version is None:
                return
            if lexicon.signature == version - 1:
                lexicon.signature = version
            else:
                self._checked[workspace_id] = 0.0

    def warm(self, workspace_ids: Iterable[str]) -> None:
        """Load and build the lexicons now, so the first search does not pay for jieba."""
        for workspace_id in workspace_ids:
            lexicon = self.lexicon(workspace_id)
            with self._lock:
                lexicon.search(["warm-up"], 1, LessonFilters())

    def forget(self, workspace_id: str | None = None) -> None:
        with self._lock:
            if workspace_id is None:
                self._lexicons.clear()
            else:
                self._lexicons.pop(workspace_id, None)
