"""IndexKeeper: keeps the dense vector index in step with SQL, the record.

Vectors follow SQL through the outbox (coach.library.outbox): a write commits its lessons with
their outbox entries, then whichever process holds the outbox lease embeds them. Each process's
index keeper (a thread started by `start`) drains what others could not, follows the generation a
reindex switched to, reopens a broken index, and heals a degraded search once the index holds
what SQL holds.
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

import numpy as np

from coach.library import outbox
from coach.library.dense import (
    DenseIndex,
    DenseIndexUnavailable,
    generation_of,
    lesson_metadata,
    open_fresh_index,
)
from coach.library.filters import date_key
from coach.library.lexical import LexicalIndex
from coach.library.store import LessonStore
from coach.library.text import passage_text
from coach.settings import Settings
from coach.storage import leases
from coach.storage.tables import LessonRow
from coach.storage.tenancy import belongs
from vectorstore.centering import LanguageCentering
from vectorstore.embedding import Embedder

log = logging.getLogger("coach.library")

EMBED_BATCH = 64
# the index keeper's round: follow the generation, drain the outbox, heal (two SQL reads when idle)
INDEX_POLL_S = 1.0
# a drainer renews the outbox lease with every batch; a dead one's lapses after this
OUTBOX_LEASE_S = 30.0
DRAIN_BATCH = 256
# a replaced generation's collections are dropped this long after the switch: every replica's keeper
# has followed by then, and a query that still finds its collection gone follows and asks again
GENERATION_GRACE_S = 3 * INDEX_POLL_S

# (workspace, index, lessons just embedded, their vectors): look for lessons they say again
LinkRecurrences = Callable[[str, DenseIndex, Sequence[LessonRow], np.ndarray], None]


class IndexKeeper:
    """The library's dense index: which one serves (None while search is degraded, and why),
    draining the outbox into it, healing it, and rebuilding it as the next generation."""

    def __init__(
        self,
        settings: Settings,
        store: LessonStore,
        lexical: LexicalIndex,
        embedder: Embedder,
        centering: LanguageCentering,
        *,
        write_lock: threading.RLock,
        holder: str,
        link_recurrences: LinkRecurrences,
    ) -> None:
        self.settings = settings
        self.store = store
        self.lexical = lexical
        self.embedder = embedder
        self.centering = centering
        self._write_lock = write_lock  # the library's: a reindex holds back writes while it rebuilds
        self._holder = holder
        self._link_recurrences = link_recurrences
        self.dense: DenseIndex | None = None
        self.dense_error: str | None = None
        # an index that opened but holds less than SQL: it catches up from the outbox, then serves
        self._behind: DenseIndex | None = None
        self._drain_lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._open_dense()

    def start(self) -> None:
        """Run `catch_up` every INDEX_POLL_S in a daemon thread, for as long as this keeper lives."""
        if self._thread is not None:
            return
        this = weakref.ref(self)

        def run() -> None:
            stop = threading.Event()
            while not stop.wait(INDEX_POLL_S):
                keeper = this()
                if keeper is None:
                    return
                try:
                    keeper.catch_up()
                except Exception:  # the next round tries again; the log says why
                    log.warning("the lesson index keeper failed a round", exc_info=True)
                del keeper

        self._thread = threading.Thread(target=run, name="lesson-index-keeper", daemon=True)
        self._thread.start()

    # ---- index state ---------------------------------------------------------------------

    def _generation(self) -> int:
        with self.store.session() as db:
            return outbox.generation(db)

    def _backlog(self) -> int:
        with self.store.session() as db:
            return outbox.backlog(db)

    def _open_index(self) -> DenseIndex | None:
        """The serving generation's index, or None (degraded, and why) when it cannot be opened."""
        try:
            return DenseIndex(
                self.settings,
                self.embedder,
                transform=self.centering.name,
                generation=self._generation(),
                follow=self._generation,
            )
        except DenseIndexUnavailable as exc:
            self._degrade(str(exc))
            return None

    def _open_dense(self) -> None:
        index = self._open_index()
        if index is None:
            return
        try:
            indexed, recorded = index.count(), self.store.count()
        except Exception as exc:
            self.index_failed(exc)
            return
        if indexed != recorded:
            # a restart during an import, a replica's backlog: the outbox (or a repair) catches up
            self._behind = index
            self._degrade(
                f"the lesson index holds {indexed} lessons but the database {recorded}; it catches up "
                "by itself, or run `coach lessons reindex` to rebuild it now"
            )
            return
        self.dense, self.dense_error = index, None

    def catch_up(self) -> None:
        """One round of the index keeper: reopen a broken index, follow the serving generation,
        drain the outbox, and serve the index again once it holds what SQL holds."""
        index = self.dense or self._behind
        if index is None:
            index = self._open_index()
            if index is None:
                return
            self._behind = index
        index.follow_sql()
        self.drain()
        if self.dense is not index and self._behind is index:
            self._heal(index)

    def _heal(self, index: DenseIndex) -> None:
        """Serve the index if it holds what SQL holds; else queue the difference for the drainer."""
        if self._backlog():
            return
        if index.count() == self.store.count():
            self.dense, self.dense_error, self._behind = index, None, None
            log.info("lesson search is hybrid again: the vector index caught up with SQL")
            return
        self._repair(index)

    def _repair(self, index: DenseIndex) -> None:
        """Queue every lesson SQL and the index disagree on (missing vectors, stray ones)."""
        with self.store.session() as db:
            if not leases.take(db, outbox.OUTBOX_LEASE, self._holder, OUTBOX_LEASE_S):
                return  # another process drains; the next round looks again
            try:
                workspaces = set(self.store.workspaces_with_lessons()) | index.workspaces()
                for workspace_id in sorted(workspaces):
                    recorded = set(self.store.ids(workspace_id))
                    indexed = index.ids(workspace_id)
                    stale = sorted(recorded ^ indexed)
                    outbox.enqueue(db, workspace_id, stale, link=False)
                db.commit()
            finally:
                leases.release(db, outbox.OUTBOX_LEASE, self._holder)

    def _degrade(self, reason: str) -> None:
        if reason != self.dense_error:  # the keeper retries every second: say it once
            log.warning("lesson search is lexical only: %s", reason)
        self.dense, self.dense_error = None, reason

    def index_failed(self, exc: Exception) -> None:
        """Search found the index broken: degrade to lexical until the keeper reopens it."""
        self._degrade(f"the lesson index failed ({exc}); run `coach lessons reindex`")

    def readiness(self) -> dict[str, object]:
        """What /readyz reports of search: lessons in SQL and in the vector index, why degraded,
        the outbox backlog (lessons not yet embedded) and the serving index generation."""
        dense = self.dense
        indexed: int | None = None
        if dense is not None:
            try:
                indexed = dense.count()
            except Exception as exc:  # a broken index is what this report is for
                self.index_failed(exc)
        return {
            "lessons": self.store.count(),
            "indexed": indexed,
            "degraded": self.dense is None,
            "reason": self.dense_error if self.dense is None else None,
            "backlog": self._backlog(),
            "generation": self._generation(),
        }

    # ---- the outbox ----------------------------------------------------------------------

    def drain(self) -> int:
        """Embed (or remove) what the outbox lists, if no other process is draining; how many."""
        index = self.dense or self._behind
        if index is None:
            return 0
        with self._drain_lock:
            if not self._backlog():
                return 0
            with self.store.session() as db:
                if not leases.take(db, outbox.OUTBOX_LEASE, self._holder, OUTBOX_LEASE_S):
                    return 0  # another process drains; it takes ours too, or the next round does
            try:
                return self._drain_held(index)
            finally:
                with self.store.session() as db:
                    leases.release(db, outbox.OUTBOX_LEASE, self._holder)

    def _drain_held(self, index: DenseIndex) -> int:
        """Drain with the outbox lease held; a failing index degrades search (the entries stay)."""
        drained = 0
        try:
            index.follow_sql()  # never into a generation a reindex has replaced
            while True:
                with self.store.session() as db:
                    batch = outbox.next_batch(db, DRAIN_BATCH)
                if not batch:
                    return drained
                self._apply(index, batch)
                with self.store.session() as db:
                    outbox.remove(db, [entry.id for entry in batch])
                    leases.take(db, outbox.OUTBOX_LEASE, self._holder, OUTBOX_LEASE_S)  # commits both
                drained += len(batch)
        except Exception as exc:  # SQL holds the lessons and the outbox the work: a later round retries
            self.dense, self._behind = None, None
            self._degrade(f"indexing failed ({exc}); it is retried, or run `coach lessons reindex`")
            return drained

    def _apply(self, index: DenseIndex, batch: Sequence[outbox.OutboxEntry]) -> None:
        """Bring the index to SQL for these lessons: embed those that exist, remove those that do not."""
        by_workspace: dict[str, list[outbox.OutboxEntry]] = {}
        for entry in batch:
            by_workspace.setdefault(entry.workspace_id, []).append(entry)
        for workspace_id, entries in by_workspace.items():
            ids = list(dict.fromkeys(entry.lesson_id for entry in entries))
            rows = self.store.fetch(workspace_id, ids)
            present = [rows[i] for i in ids if i in rows]
            if present:
                vectors = self._index_dense(index, present)
                linked = {entry.lesson_id for entry in entries if entry.link}
                picks = [n for n, row in enumerate(present) if row.id in linked]
                if picks:
                    chosen = [present[n] for n in picks]
                    self._link_recurrences(workspace_id, index, chosen, vectors[picks])
            index.delete(workspace_id, [i for i in ids if i not in rows])

    def _embed(self, rows: Sequence[LessonRow]) -> np.ndarray:
        texts = [passage_text(row.text, row.context) for row in rows]
        parts = [
            self.embedder.embed_passages(texts[i : i + EMBED_BATCH])
            for i in range(0, len(texts), EMBED_BATCH)
        ]
        if not parts:
            return np.zeros((0, self.embedder.dim), dtype=np.float32)
        return self.centering.apply(texts, np.vstack(parts))

    def _index_dense(self, index: DenseIndex, rows: Sequence[LessonRow]) -> np.ndarray:
        """Embed one workspace's lessons into the index; their vectors, for recurrence linking."""
        vectors = self._embed(rows)
        workspace_id = rows[0].workspace_id if rows else ""
        if any(not belongs(row, workspace_id) for row in rows):
            raise ValueError("one workspace per indexing batch")
        index.upsert(
            workspace_id,
            [row.id for row in rows],
            [passage_text(row.text, row.context) for row in rows],
            [
                lesson_metadata(
                    row.workspace_id, row.team, row.dimension, row.action, date_key(row.review_date)
                )
                for row in rows
            ],
            vectors,
        )
        return vectors

    # ---- reindex -------------------------------------------------------------------------

    def reindex(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Rebuild the vector index from SQL as the next generation, then switch every replica to it.

        The serving generation answers searches meanwhile. The outbox lease is held throughout, so
        lessons written during the rebuild wait in the outbox and are drained into the new one.
        """
        with self._write_lock, self._drain_lock, self._outbox_held(patience=2 * OUTBOX_LEASE_S):
            new = self._generation() + 1
            index = open_fresh_index(self.settings, self.embedder, self.centering.name, new, self._generation)
            index.drop([n for n in index.other_generations() if (generation_of(n) or 0) < new - 1])
            done = self._build(index, progress)
            with self.store.session() as db:
                outbox.switch_generation(db, new)
                db.commit()
            self.dense, self.dense_error, self._behind = index, None, None
            self.lexical.forget()
            self._drain_held(index)
        replaced = [n for n in index.other_generations() if generation_of(n) == new - 1]
        if self.settings.chroma_url:  # replicas may still be reading it: give them time to follow
            time.sleep(GENERATION_GRACE_S)
        self._drop_quietly(index, replaced)  # embedded: this process is the index's only user
        return done

    @contextmanager
    def _outbox_held(self, patience: float) -> Iterator[None]:
        with self.store.session() as db:
            if not leases.wait_for(db, outbox.OUTBOX_LEASE, self._holder, OUTBOX_LEASE_S, patience):
                raise RuntimeError("another process keeps draining the lesson outbox; try again later")
        try:
            yield
        finally:
            with self.store.session() as db:
                leases.release(db, outbox.OUTBOX_LEASE, self._holder)

    def _build(self, index: DenseIndex, progress: Callable[[int, int], None] | None) -> int:
        """Embed every lesson SQL holds into the index, renewing the outbox lease as it goes."""
        total, done = self.store.count(), 0
        batch: list[LessonRow] = []

        def flush() -> None:
            nonlocal done, batch
            self._index_dense(index, batch)
            done += len(batch)
            batch = []
            with self.store.session() as db:
                leases.take(db, outbox.OUTBOX_LEASE, self._holder, OUTBOX_LEASE_S)
            if progress:
                progress(done, total)

        for row in self.store.iter_rows():
            if batch and (len(batch) >= 256 or row.workspace_id != batch[0].workspace_id):
                flush()
            batch.append(row)
        if batch:
            flush()
        return done

    @staticmethod
    def _drop_quietly(index: DenseIndex, names: list[str]) -> None:
        try:
            index.drop(names)
        except Exception:  # the next reindex drops what is left
            log.warning("dropping the replaced lesson index failed", exc_info=True)
