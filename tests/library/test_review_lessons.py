"""A review's lessons: indexed on confirmation, replaced on re-confirmation, idempotent."""

from __future__ import annotations

import datetime as dt

from coach.domain.retrospective import Dimension, Lesson, LessonAction
from coach.library import LessonLibrary
from coach.storage.tables import DEFAULT_WORKSPACE, Review


def _review(library: LessonLibrary, review_id: str) -> None:
    with library.store.session() as db:
        db.add(Review(id=review_id, workspace_id=DEFAULT_WORKSPACE, title="Q3 复盘"))
        db.commit()


LESSONS = [
    Lesson(text="大促前一周冻结所有非紧急变更", dimension=Dimension.organization, action=LessonAction.start),
    Lesson(text="客服排班按历史峰值的1.5倍准备", dimension=Dimension.people, action=LessonAction.optimize),
]


def test_confirming_the_same_lessons_twice_changes_nothing(library: LessonLibrary) -> None:
    _review(library, "r1")
    first = library.add_review_lessons(
        DEFAULT_WORKSPACE, "r1", "电商组", dt.date(2025, 11, 20), LESSONS, "双11宕机"
    )
    again = library.add_review_lessons(
        DEFAULT_WORKSPACE, "r1", "电商组", dt.date(2025, 11, 20), LESSONS, "双11宕机"
    )
    assert first == again
    assert library.store.count(DEFAULT_WORKSPACE) == 14
    hits = library.search(DEFAULT_WORKSPACE, "大促 冻结变更", 3)
    assert hits[0].id == first[0] and hits[0].review_id == "r1"


def test_reconfirming_with_changed_lessons_replaces_them(library: LessonLibrary) -> None:
    _review(library, "r2")
    first = library.add_review_lessons(DEFAULT_WORKSPACE, "r2", "电商组", None, LESSONS, None)
    changed = [
        LESSONS[0],
        Lesson(text="值班表提前一个月排好", dimension=Dimension.people, action=LessonAction.start),
    ]
    second = library.add_review_lessons(DEFAULT_WORKSPACE, "r2", "电商组", None, changed, None)
    assert second[0] == first[0] and second[1] != first[1]
    assert {r.text for r in library.store.of_review(DEFAULT_WORKSPACE, "r2")} == {
        lesson.text for lesson in changed
    }
    assert all(h.id != first[1] for h in library.search(DEFAULT_WORKSPACE, "客服排班 峰值", 50))
