"""Engine and session factory; creates the schema and the default workspace."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.orm import Session, sessionmaker

from coach.settings import Settings
from coach.storage.migrations import upgrade
from coach.storage.reviews import mark_old_drafts
from coach.storage.tables import DEFAULT_WORKSPACE, Base, Workspace


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    cur = dbapi_conn.cursor()
    # WAL: readers don't block the writer. synchronous=NORMAL: a commit is in the WAL before it
    # returns, so it survives SIGKILL of the process (tested); only an OS crash could lose the
    # last commits, and FULL would pay an fsync per chat turn for that.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def make_engine(settings: Settings) -> Engine:
    url = settings.sqlalchemy_url
    if url.startswith("sqlite"):
        settings.home.mkdir(parents=True, exist_ok=True)
        # 40 worker threads, each turn and its lesson look-ups opening connections one after another:
        # the default pool (5 + 10) starves under load (bench/load.py); SQLite connections are cheap
        engine = create_engine(url, connect_args={"check_same_thread": False}, pool_size=40, max_overflow=120)
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(
            url, pool_pre_ping=True, pool_size=settings.db_pool_size, max_overflow=settings.db_max_overflow
        )
    with schema_lock(engine):
        upgrade(engine)  # the alembic revisions; then what the models declare since the last one
        Base.metadata.create_all(engine)
        add_missing_columns(engine)
        add_missing_indexes(engine)
        with Session(engine) as db:
            if db.get(Workspace, DEFAULT_WORKSPACE) is None:
                db.add(Workspace(id=DEFAULT_WORKSPACE, name="Default"))
            mark_old_drafts(db)
            db.commit()
    return engine


# any constant shared by every replica; the value spells "coach" so it is recognisable in pg_locks
_SCHEMA_LOCK_KEY = 0x636F616368


@contextmanager
def schema_lock(engine: Engine) -> Iterator[None]:
    """Replicas starting together on PostgreSQL create the schema one at a time (SQLite: no-op)."""
    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.connect() as conn:
        conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _SCHEMA_LOCK_KEY})
        conn.commit()
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _SCHEMA_LOCK_KEY})
            conn.commit()


def add_missing_columns(engine: Engine) -> None:
    """Add the nullable columns a newer version declares to tables an older version created."""
    inspector = inspect(engine)
    with engine.begin() as conn:
        for table in Base.metadata.sorted_tables:
            present = {column["name"] for column in inspector.get_columns(table.name)}
            for column in table.columns:
                if column.name not in present and column.nullable:
                    kind = column.type.compile(engine.dialect)
                    conn.execute(text(f'ALTER TABLE "{table.name}" ADD COLUMN "{column.name}" {kind}'))


def add_missing_indexes(engine: Engine) -> None:
    """Create the indexes a newer version declares on tables an older version created."""
    with engine.begin() as conn:
        for table in Base.metadata.sorted_tables:
            for index in table.indexes:
                index.create(conn, checkfirst=True)


class Database:
    """One engine and its session factory for the process."""

    def __init__(self, settings: Settings) -> None:
        self.engine = make_engine(settings)
        self.sessionmaker = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self.sessionmaker() as db:
            yield db

    def ping(self) -> None:
        """A round trip to the database; raises what the driver raises when it does not answer."""
        with self.session() as db:
            db.execute(text("SELECT 1"))
