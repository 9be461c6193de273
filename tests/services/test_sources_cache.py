"""The coach's cached past-lesson searches never cite a lesson as it was before an edit."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.api.main import build_services
from coach.domain.library import LessonRecord
from coach.domain.retrospective import Dimension, LessonAction, Retrospective
from coach.library import lexical
from coach.settings import Settings
from coach.storage.tables import DEFAULT_WORKSPACE, ChatSession


def cited(services, session_id: str, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The texts the coach would cite for a query in this session (its turn context's lookup)."""
    with services.database.session() as db:
        chat = db.get(ChatSession, session_id)
        context = services.chat._context(db, chat, Retrospective(id=chat.review_id, title="t"))
        return [hit.text for hit in context.lesson_lookup(query, 3)]


def test_an_edit_on_another_replica_reaches_the_cited_sources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(home=tmp_path / "home")
    replica_a, replica_b = build_services(settings), build_services(settings)
    lesson = LessonRecord(
        id="handover",
        text="值班交接要口头说清楚",
        dimension=Dimension.organization,
        action=LessonAction.optimize,
    )
    replica_a.library.add_records(DEFAULT_WORKSPACE, [lesson])
    chat, _ = replica_b.chat.create_session(DEFAULT_WORKSPACE, team="SRE")
    assert cited(replica_b, chat.id, "值班交接") == ["值班交接要口头说清楚"]

    edited = lesson.model_copy(update={"text": "值班交接要有书面记录"})
    replica_a.library.add_records(DEFAULT_WORKSPACE, [edited])
    monkeypatch.setattr(lexical, "RECHECK_SECONDS", 0.0)  # B's next search checks SQL's version

    assert cited(replica_b, chat.id, "值班交接") == ["值班交接要有书面记录"]
