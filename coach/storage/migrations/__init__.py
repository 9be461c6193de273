"""Schema migrations (alembic), driven from code: upgrade to head (at start-up and by `coach db upgrade`).

A new revision after a change to coach.storage.tables: `coach db revision -m "what changed"`
autogenerates it against a database at head.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

MIGRATIONS = Path(__file__).resolve().parent
VERSION_TABLE = "alembic_version"


def alembic_config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


@lru_cache
def head_revision() -> str | None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config).get_current_head()


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine) -> str | None:
    """Bring the database to the head revision; returns it. Call under schema_lock.

    A database an older version created without alembic (tables, no version table) is the
    baseline: it is stamped, and the columns declared since are added by add_missing_columns.
    """
    with engine.begin() as connection:
        current = current_revision(connection)
        if current == head_revision():
            return current
        config = alembic_config(connection)
        tables = set(inspect(connection).get_table_names())
        if current is None and tables - {VERSION_TABLE}:
            command.stamp(config, "head")
        else:
            command.upgrade(config, "head")
        return current_revision(connection)


def revision(engine: Engine, message: str) -> None:
    """Autogenerate a revision: the models against the database at head."""
    with engine.begin() as connection:
        command.revision(alembic_config(connection), message=message, autogenerate=True)
