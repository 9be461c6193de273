"""ReviewService on a real database: drafts, archive and restore, follow-ups, the tenant check."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from coach.domain.retrospective import ActionItem, Goal, Retrospective
from coach.services.action_items import open_actions_of_team, sync_action_items, team_id_for
from coach.services.reviews import ReviewNotArchived, ReviewNotFound, ReviewService
from coach.settings import Settings
from coach.storage.db import Database
from coach.storage.tables import DEFAULT_WORKSPACE, Review, Workspace


class RecordingLibrary:
    """Stands in for the lesson library: records what the service asked of it."""

    def __init__(self) -> None:
        self.changed: list[list[str]] = []
        self.purged: list[list[str]] = []

    def review_visibility_changed(self, workspace_id: str, review_ids: list[str]) -> None:
        self.changed.append(list(review_ids))

    def purge_reviews(self, workspace_id: str, review_ids: list[str]) -> int:
        self.purged.append(list(review_ids))
        return 0


@pytest.fixture
def database(tmp_path: Path) -> Database:
    db = Database(Settings(home=tmp_path / "home"))
    with db.session() as s:
        s.add(Workspace(id="rival", name="rival"))
        s.commit()
    return db


def _review(
    database: Database, *, team: str = "华东销售", action: str | None = None, draft: bool = False
) -> str:
    with database.session() as db:
        doc = Retrospective(id="", title="复盘", team=team)
        if action:
            doc.actions.append(ActionItem(what=action))
            doc.goals.append(Goal(name="回款", target="1.2亿", result="9600万"))
        row = Review(
            workspace_id=DEFAULT_WORKSPACE, team_id=team_id_for(db, DEFAULT_WORKSPACE, team), title="复盘"
        )
        row.draft = draft
        row.document = doc.model_copy(update={"id": "x"}).model_dump(mode="json")
        db.add(row)
        db.flush()
        sync_action_items(db, row, doc)
        db.commit()
        return row.id


def _follow_up(database: Database) -> list[str]:
    with database.session() as db:
        team = team_id_for(db, DEFAULT_WORKSPACE, "华东销售")
        return [a.what for a in open_actions_of_team(db, DEFAULT_WORKSPACE, team, exclude_review="next")]


def test_a_draft_is_not_listed_until_its_first_fact(database: Database) -> None:
    service = ReviewService(database)
    draft = _review(database, draft=True)
    assert service.overviews(DEFAULT_WORKSPACE) == []
    with database.session() as db:
        row = db.get(Review, draft)
        assert row is not None
        row.document = {**row.document, "goals": [{"name": "你好"}]}  # a greeting taken for a goal's name
        db.commit()
        assert row.draft is True
        row.document = {
            **row.document,
            "lessons": [{"text": "回款条款要分期", "dimension": "business", "action": "start"}],
        }
        db.commit()
        assert row.draft is False
    assert [r.id for r in service.overviews(DEFAULT_WORKSPACE)] == [draft]


def test_archived_reviews_leave_the_follow_up_and_come_back_restored(database: Database) -> None:
    library = RecordingLibrary()
    service = ReviewService(database, library)
    earlier = _review(database, action="合同模板改成分期付款")
    _review(database, action="新人配师傅")
    assert sorted(_follow_up(database)) == ["合同模板改成分期付款", "新人配师傅"]

    archived = service.archive(DEFAULT_WORKSPACE, earlier)
    assert archived.archived_at is not None
    assert _follow_up(database) == ["新人配师傅"]
    assert [r.id for r in service.overviews(DEFAULT_WORKSPACE, archived=True)] == [earlier]
    service.archive(DEFAULT_WORKSPACE, earlier)  # again: nothing changes, the library is not asked

    service.restore(DEFAULT_WORKSPACE, earlier)
    assert sorted(_follow_up(database)) == ["合同模板改成分期付款", "新人配师傅"]
    assert library.changed == [[earlier], [earlier]]


def test_another_workspaces_review_is_not_found(database: Database) -> None:
    service = ReviewService(database, RecordingLibrary())
    review = _review(database, action="x")
    for call in (service.archive, service.restore, service.document, service.detail):
        with pytest.raises(ReviewNotFound):
            call("rival", review)  # type: ignore[operator]
    with pytest.raises(ReviewNotFound):
        service.purge("rival", [review])
    assert service.purge("rival").reviews == []


def test_purge_refuses_a_review_that_is_not_archived(database: Database) -> None:
    library = RecordingLibrary()
    service = ReviewService(database, library)
    active, archived = _review(database, action="a"), _review(database, action="b")
    service.archive(DEFAULT_WORKSPACE, archived)
    with pytest.raises(ReviewNotArchived):
        service.purge(DEFAULT_WORKSPACE, [archived, active])
    assert library.purged == []  # refused before anything was deleted

    report = service.purge(DEFAULT_WORKSPACE)
    assert report.reviews == [archived] and report.actions == 1
    with database.session() as db:
        assert list(db.scalars(select(Review.id))) == [active]
