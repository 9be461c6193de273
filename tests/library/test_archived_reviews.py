"""An archived review's lessons leave search, "came up before" and recurrences; restoring brings them
back without embedding anything; purging removes them from SQL and from the Chroma collection."""

from __future__ import annotations

import datetime as dt

from coach.domain.retrospective import Dimension, Lesson, LessonAction
from coach.library import LessonFilters, LessonLibrary
from coach.library.dense import collection_name
from coach.services.reviews import ReviewService
from coach.storage.tables import DEFAULT_WORKSPACE, LessonRow, Review

LESSON = Lesson(text="合同付款节点不能全部绑在终验上", dimension=Dimension.business, action=LessonAction.stop)
QUERY = "合同付款节点 终验"


def _reviews(library: LessonLibrary, *ids: str) -> None:
    """Reviews in successive months, each holding the same lesson (so they recur)."""
    with library.store.session() as db:
        for review_id in ids:
            db.add(Review(id=review_id, workspace_id=DEFAULT_WORKSPACE, title=review_id))
        db.commit()
    for month, review_id in enumerate(ids, start=1):
        library.add_review_lessons(
            DEFAULT_WORKSPACE, review_id, "华东销售", dt.date(2026, month, 1), [LESSON]
        )


def _found(library: LessonLibrary, mode: str = "hybrid") -> set[str | None]:
    ranked = library.ranked(DEFAULT_WORKSPACE, QUERY, 20, LessonFilters(), mode)  # type: ignore[arg-type]
    rows = library.store.fetch(DEFAULT_WORKSPACE, [i for i, _ in ranked])
    return {rows[i].review_id for i, _ in ranked if rows[i].review_id}


def _recurring(library: LessonLibrary) -> list[list[str | None]]:
    """The review ids of each cluster of this test's reviews (the sample lessons have no review)."""
    clusters = [[lesson.review_id for lesson in c.lessons] for c in library.recurring(DEFAULT_WORKSPACE)]
    return [c for c in clusters if any(c)]


def test_archiving_hides_the_lessons_from_every_retriever_and_restoring_shows_them(
    library: LessonLibrary,
) -> None:
    _reviews(library, "jan", "feb", "mar")
    service = ReviewService(library.store.database, library)
    assert all(_found(library, mode) == {"jan", "feb", "mar"} for mode in ("hybrid", "dense", "lexical"))
    assert _recurring(library) == [["jan", "feb", "mar"]]

    service.archive(DEFAULT_WORKSPACE, "jan")  # the cluster's root
    for mode in ("hybrid", "dense", "lexical"):
        assert _found(library, mode) == {"feb", "mar"}, mode
    assert _recurring(library) == [["feb", "mar"]]
    came_up = library.same_as(DEFAULT_WORKSPACE, LESSON.text, other_than_review="mar")
    assert came_up is not None and came_up.review_id == "feb"
    assert [r.text for r in library.export(DEFAULT_WORKSPACE)].count(LESSON.text) == 2

    service.archive(DEFAULT_WORKSPACE, "feb")
    assert _recurring(library) == []
    assert library.same_as(DEFAULT_WORKSPACE, LESSON.text, other_than_review="mar") is None

    vectors = library.dense.count() if library.dense else None
    service.restore(DEFAULT_WORKSPACE, "jan")
    service.restore(DEFAULT_WORKSPACE, "feb")
    assert _found(library) == {"jan", "feb", "mar"}
    assert _recurring(library) == [["jan", "feb", "mar"]]
    assert library.dense is not None and library.dense.count() == vectors  # nothing re-embedded or lost


def test_a_fresh_process_sees_the_archive_too(library: LessonLibrary) -> None:
    from tests.library.conftest import make_library

    _reviews(library, "jan", "feb")
    ReviewService(library.store.database, library).archive(DEFAULT_WORKSPACE, "feb")
    other = make_library(library.settings.home)
    assert _found(other) == {"jan"}
    assert not other.degraded  # archived vectors still count as the database's lessons


def test_purging_removes_the_lessons_from_sql_and_the_chroma_collection(library: LessonLibrary) -> None:
    _reviews(library, "jan", "feb", "mar")
    service = ReviewService(library.store.database, library)
    with library.store.session() as db:
        feb = [row.id for row in db.query(LessonRow).filter(LessonRow.review_id == "feb")]
    collection = library.dense.client.get_collection(collection_name(DEFAULT_WORKSPACE))  # type: ignore[union-attr]
    assert len(collection.get(ids=feb)["ids"]) == 1

    service.archive(DEFAULT_WORKSPACE, "feb")
    report = service.purge(DEFAULT_WORKSPACE, ["feb"])
    assert report.reviews == ["feb"] and report.lessons == 1

    assert library.store.fetch(DEFAULT_WORKSPACE, feb) == {}
    assert collection.get(ids=feb)["ids"] == []
    assert _found(library) == {"jan", "mar"}
    assert _recurring(library) == [["jan", "mar"]]  # the cluster holds together without it


def test_lessons_written_to_an_archived_review_stay_hidden_until_it_is_restored(
    library: LessonLibrary,
) -> None:
    _reviews(library, "jan")
    service = ReviewService(library.store.database, library)
    service.archive(DEFAULT_WORKSPACE, "jan")
    edited = Lesson(
        text="合同付款节点改成分期，不再绑终验", dimension=Dimension.business, action=LessonAction.stop
    )
    library.add_review_lessons(DEFAULT_WORKSPACE, "jan", "华东销售", dt.date(2026, 1, 1), [edited])
    assert _found(library) == set()
    service.restore(DEFAULT_WORKSPACE, "jan")
    assert _found(library) == {"jan"}
