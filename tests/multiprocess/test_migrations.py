"""The schema is migrated by alembic: a fresh PostgreSQL is upgraded to head, the revisions describe
the models, and a database made before migrations existed is adopted as the baseline."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

from coach.settings import Settings
from coach.storage import migrations
from coach.storage.db import Database
from coach.storage.tables import Base
from tests.helpers import ROOT


def test_a_fresh_database_is_upgraded_to_head_at_start_up(postgres_url: str, tmp_path: Path) -> None:
    database = Database(Settings(home=tmp_path, database_url=postgres_url))
    with database.engine.connect() as connection:
        assert migrations.current_revision(connection) == migrations.head_revision()
    database.engine.dispose()


def test_the_revisions_alone_build_the_schema_the_models_declare(postgres_url: str) -> None:
    engine = create_engine(postgres_url)
    migrations.upgrade(engine)  # alembic only, no create_all
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert diff == [], "coach/storage/tables.py changed: add a revision with `coach db revision -m …`"


def test_a_database_made_before_migrations_is_adopted_as_the_baseline(
    postgres_url: str, tmp_path: Path
) -> None:
    engine = create_engine(postgres_url)
    Base.metadata.create_all(engine)  # what older versions did, without a version table
    engine.dispose()

    database = Database(Settings(home=tmp_path, database_url=postgres_url))
    with database.engine.connect() as connection:
        assert migrations.current_revision(connection) == migrations.head_revision()
    database.engine.dispose()


def test_coach_db_upgrade_reports_the_revision(postgres_url: str, tmp_path: Path) -> None:
    env = {**os.environ, "COACH_DATABASE_URL": postgres_url, "COACH_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "coach", "db", "upgrade"], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    head = migrations.head_revision()
    assert done.stdout.strip() == f"database at revision {head} (head {head})"
