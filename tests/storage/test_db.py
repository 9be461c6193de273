"""Opening a database made by an older version adds the columns this version declares."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect

from coach.settings import Settings
from coach.storage.db import Database

pytestmark = pytest.mark.sqlite_only(reason="edits an older release's SQLite file in place")


def test_an_older_lessons_table_gets_the_new_nullable_columns(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path)
    Database(settings).engine.dispose()
    with sqlite3.connect(tmp_path / "coach.db") as conn:  # the table as the previous release made it
        conn.execute("ALTER TABLE lessons DROP COLUMN tokens")
        conn.execute("ALTER TABLE lessons DROP COLUMN tokens_version")
        conn.execute(
            "INSERT INTO lessons (id, workspace_id, dimension, action, text, created_at) "
            "VALUES ('old', 'default', 'business', 'start', '旧的教训', '2025-01-01 00:00:00')"
        )

    database = Database(settings)
    columns = {c["name"] for c in inspect(database.engine).get_columns("lessons")}
    assert {"tokens", "tokens_version"} <= columns
    with sqlite3.connect(tmp_path / "coach.db") as conn:
        assert conn.execute("SELECT text, tokens FROM lessons").fetchall() == [("旧的教训", None)]


def test_an_older_reviews_table_gets_drafts_archive_and_note_hash_and_its_empty_chats_become_drafts(
    tmp_path: Path,
) -> None:
    settings = Settings(home=tmp_path)
    Database(settings).engine.dispose()
    empty = '{"id": "a", "title": "复盘 2026-12-04", "goals": [], "lessons": [], "actions": []}'
    greeted = '{"id": "b", "title": "复盘", "goals": [{"name": "你好"}]}'
    measured = '{"id": "c", "title": "复盘", "goals": [{"name": "回款", "target": "1.2亿"}]}'
    with sqlite3.connect(tmp_path / "coach.db") as conn:  # the tables as the previous release made them
        conn.execute("DROP INDEX ix_reviews_content_hash")
        for column in ("draft", "archived_at", "content_hash"):
            conn.execute(f"ALTER TABLE reviews DROP COLUMN {column}")
        conn.execute("ALTER TABLE summary_jobs DROP COLUMN force")
        for review_id, source, document in (
            ("empty", "chat", empty),
            ("greeted", "chat", greeted),
            ("measured", "chat", measured),
            ("note", "notes", empty),
        ):
            conn.execute(
                "INSERT INTO reviews (id, workspace_id, title, language, source, document, created_at, "
                "updated_at) VALUES (?, 'default', '复盘', 'zh', ?, ?, '2026-12-04', '2026-12-04')",
                (review_id, source, document),
            )

    database = Database(settings)
    inspector = inspect(database.engine)
    assert {"draft", "archived_at", "content_hash"} <= {c["name"] for c in inspector.get_columns("reviews")}
    assert "force" in {c["name"] for c in inspector.get_columns("summary_jobs")}
    assert "ix_reviews_content_hash" in {i["name"] for i in inspector.get_indexes("reviews")}
    with sqlite3.connect(tmp_path / "coach.db") as conn:
        drafts = dict(conn.execute("SELECT id, draft FROM reviews").fetchall())
    assert drafts == {"empty": 1, "greeted": 1, "measured": 0, "note": None}
