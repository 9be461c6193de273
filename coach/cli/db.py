"""`coach db`: the schema's migrations (alembic). Replicas also upgrade at start-up, one at a time."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(no_args_is_help=True, help="Database schema: upgrade, new revisions")


@app.command(
    "upgrade", help="Bring the database (COACH_DATABASE_URL or the SQLite file) to the latest revision"
)
def upgrade() -> None:
    from coach.settings import get_settings
    from coach.storage.db import Database
    from coach.storage.migrations import current_revision, head_revision

    database = Database(get_settings())  # upgrades under the schema lock, like a starting replica
    with database.engine.connect() as connection:
        current = current_revision(connection)
    database.engine.dispose()
    typer.echo(f"database at revision {current} (head {head_revision()})")


@app.command("revision", help="Autogenerate a revision from the changes to coach/storage/tables.py")
def revision(message: Annotated[str, typer.Option("--message", "-m", help="What changed")]) -> None:
    from sqlalchemy import create_engine

    from coach.storage import migrations

    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{Path(tmp) / 'head.db'}")
        migrations.upgrade(engine)  # an empty database at head: the diff is the models' news
        migrations.revision(engine, message)
        engine.dispose()
    migrations.head_revision.cache_clear()
    typer.echo(f"new head {migrations.head_revision()}; review it in {migrations.MIGRATIONS / 'versions'}")
