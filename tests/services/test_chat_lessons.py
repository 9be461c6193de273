"""Confirmed lessons reach the library after the reply, and a crash before that is repaired."""

from __future__ import annotations

from pathlib import Path

from coach.api.main import build_services
from coach.settings import Settings
from coach.storage.tables import DEFAULT_WORKSPACE, LessonRow
from tests.engines.rules.dialogues import ZH_DIALOGUE


def play(services, dialogue: dict) -> str:  # type: ignore[no-untyped-def]
    chat, _ = services.chat.create_session(
        DEFAULT_WORKSPACE, team=dialogue["team"], language=dialogue["language"]
    )
    for step in dialogue["turns"]:
        services.chat.post(DEFAULT_WORKSPACE, chat.id, step["user"])
    return chat.review_id


def lesson_rows(services, review_id: str) -> list[LessonRow]:  # type: ignore[no-untyped-def]
    with services.database.session() as db:
        return list(db.query(LessonRow).filter(LessonRow.review_id == review_id))


def test_confirmed_lessons_are_indexed_and_searchable(tmp_path: Path) -> None:
    services = build_services(Settings(home=tmp_path / "home"))
    review_id = play(services, ZH_DIALOGUE)
    services.chat.wait_for_indexing()
    rows = lesson_rows(services, review_id)
    assert len(rows) >= 3
    hits = services.library.search(DEFAULT_WORKSPACE, rows[0].text, 5)
    assert rows[0].id in [h.id for h in hits]


def test_lessons_lost_to_a_crash_before_indexing_are_indexed_at_the_next_start(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "home")
    services = build_services(settings)
    services.chat.library = None  # as if the process died before the indexer ran
    review_id = play(services, ZH_DIALOGUE)
    assert lesson_rows(services, review_id) == []

    restarted = build_services(settings)
    restarted.chat.wait_for_indexing()
    assert len(lesson_rows(restarted, review_id)) >= 3
    assert restarted.chat.reconcile_lessons() == 0  # nothing left to repair
