"""PostgreSQL is a real target: replicas starting together on an empty database all come up."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import func, select, text

from coach.settings import Settings
from coach.storage.db import Database
from coach.storage.tables import DEFAULT_WORKSPACE, Workspace


def _settings(url: str, home: Path) -> Settings:
    return Settings(home=home, database_url=url, db_pool_size=2, db_max_overflow=2)


def test_replicas_starting_together_on_an_empty_database_all_come_up(
    postgres_url: str, tmp_path: Path
) -> None:
    # each Database has its own engine and connections, as each replica process does
    with ThreadPoolExecutor(6) as pool:
        databases = list(pool.map(lambda i: Database(_settings(postgres_url, tmp_path / f"r{i}")), range(6)))
    with databases[0].session() as db:
        assert db.scalar(select(func.count()).select_from(Workspace)) == 1
        assert db.get(Workspace, DEFAULT_WORKSPACE) is not None
    for database in databases:
        database.engine.dispose()


def test_the_pool_is_sized_from_settings(postgres_url: str, tmp_path: Path) -> None:
    settings = Settings(home=tmp_path, database_url=postgres_url, db_pool_size=3, db_max_overflow=4)
    database = Database(settings)
    assert database.engine.dialect.name == "postgresql"
    assert database.engine.pool.size() == 3  # type: ignore[attr-defined]
    assert database.engine.pool._max_overflow == 4  # type: ignore[attr-defined]
    with database.session() as db:
        assert db.execute(text("SELECT 1")).scalar() == 1
    database.engine.dispose()
