"""Alembic environment: the connection comes from coach.storage.migrate, the models from tables."""

from __future__ import annotations

from alembic import context

from coach.storage.tables import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
