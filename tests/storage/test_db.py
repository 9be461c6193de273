"""Opening a database made by an older version adds the columns this version declares."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import inspect

from coach.settings import Settings
from coach.storage.db import Database


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
