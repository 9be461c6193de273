"""Real servers for tests: a private PostgreSQL and a Chroma server, each on a free loopback port.

Use as a pytest plugin (`pytest_plugins = ["tests.servers"]`). When a server's binaries are missing
the fixtures fail in CI (CI=true) and skip elsewhere: CI installs them (scripts/install-postgres.sh).
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.helpers import ROOT, free_port, stop_process

PG_BIN_GLOB = "/usr/lib/postgresql/*/bin"
CHROMA_BIN = ROOT / ".venv" / "bin" / "chroma"


def missing(what: str) -> None:
    """Fail in CI (the server must be there), skip on a developer machine without it."""
    message = f"{what}; run `bash scripts/install-postgres.sh` (as root) or `make setup`"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message)
    pytest.skip(message)


def postgres_bin() -> Path | None:
    found = sorted(glob.glob(f"{PG_BIN_GLOB}/postgres"))
    return Path(found[-1]).parent if found else None


def _as_postgres(cmd: list[str]) -> list[str]:
    """postgres refuses to run as root: drop to the postgres user when we are root."""
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


class PostgresServer:
    """A throwaway cluster: initdb into a temp dir, trust auth, loopback only, socket in the dir."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        # not under pytest's tmp dir: its parents are root-only, and postgres must reach its data dir
        self.dir = Path(tempfile.mkdtemp(prefix="coach-pg-"))
        self.data = self.dir / "data"
        self.port = free_port()
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")

    def start(self) -> PostgresServer:
        run = lambda *cmd: subprocess.run(_as_postgres(list(cmd)), check=True, capture_output=True)  # noqa: E731
        run(str(self.bindir / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        options = (
            f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
        )
        log = str(self.dir / "postgres.log")
        run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", log, "-w", "start")
        return self

    def stop(self) -> None:
        subprocess.run(
            _as_postgres([str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(self.dir, ignore_errors=True)

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def _admin(self, statement: str) -> None:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres") as conn:
            conn.autocommit = True
            conn.execute(statement)

    def create_database(self, template: str = "template0") -> str:
        """A fresh database, a copy of `template` (default: empty); returns its SQLAlchemy URL."""
        name = f"coach_{uuid.uuid4().hex[:12]}"
        self._admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        """Drop a database, closing the connections a test's engines left open to it."""
        self._admin(f'DROP DATABASE IF EXISTS "{url.rpartition("/")[2]}" WITH (FORCE)')


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    bindir = postgres_bin()
    if bindir is None:
        missing(f"PostgreSQL server binaries not found ({PG_BIN_GLOB}/postgres)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        missing("the psycopg driver is not installed (pip install -e '.[dev]')")
    assert bindir is not None
    server = PostgresServer(bindir).start()
    yield server
    server.stop()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    """The SQLAlchemy URL of a fresh, empty database on the private PostgreSQL."""
    return postgres_server.create_database()


class ChromaServer:
    """`chroma run` on a free loopback port, storing under `path`."""

    def __init__(self, path: Path) -> None:
        self.path, self.port = path, free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 60.0) -> ChromaServer:
        """Up when its heartbeat answers; RuntimeError with the log's tail otherwise."""
        self.path.mkdir(parents=True, exist_ok=True)
        log_path = self.path.parent / f"chroma-{self.port}.log"
        env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
        cmd = [
            str(CHROMA_BIN),
            "run",
            "--path",
            str(self.path),
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
        ]
        with open(log_path, "wb") as log:
            self.proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                break
            try:
                if httpx.get(f"{self.url}/api/v2/heartbeat", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"chroma run did not come up: {log_path.read_text()[-2000:]}")

    def stop(self) -> None:
        stop_process(self.proc)

    def _admin(self) -> Any:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        return chromadb.AdminClient(
            ChromaSettings(
                chroma_api_impl="chromadb.api.fastapi.FastAPI",
                chroma_server_host="127.0.0.1",
                chroma_server_http_port=self.port,
                anonymized_telemetry=False,
            )
        )

    def create_database(self) -> str:
        """A fresh Chroma database on this server; returns the COACH_CHROMA_URL that selects it."""
        name = f"coach_{uuid.uuid4().hex[:12]}"
        self._admin().create_database(name)
        return f"{self.url}/?database={name}"

    def drop_database(self, url: str) -> None:
        self._admin().delete_database(url.rpartition("database=")[2])


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ChromaServer]:
    """A `chroma run` server on a free loopback port, up when its heartbeat answers."""
    if not CHROMA_BIN.exists():
        missing(f"the chroma server command is missing ({CHROMA_BIN})")
    try:
        server = ChromaServer(tmp_path_factory.mktemp("chroma-server") / "data").start()
    except RuntimeError as exc:
        pytest.fail(str(exc))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def chroma_server_url(chroma_server: ChromaServer) -> str:
    return chroma_server.url


@pytest.fixture
def fresh_chroma_url(tmp_path: Path) -> Iterator[str]:
    """A Chroma server of the test's own: collections left by another test's database would be
    strays to this one's (the index follows SQL, so they would be removed, but not at once)."""
    if not CHROMA_BIN.exists():
        missing(f"the chroma server command is missing ({CHROMA_BIN})")
    try:
        server = ChromaServer(tmp_path / "chroma-server" / "data").start()
    except RuntimeError as exc:
        pytest.fail(str(exc))
    yield server.url
    server.stop()


BACKENDS = ("sqlite", "postgres")


class Backend:
    """Where a test's data lives: `sqlite` (SQLite and embedded Chroma files under COACH_HOME) or
    `postgres` (a database of its own on the session's PostgreSQL, and a Chroma database of its own
    on the session's Chroma server)."""

    def __init__(self, name: str, postgres: PostgresServer | None = None, chroma: ChromaServer | None = None):
        self.name, self.postgres, self.chroma = name, postgres, chroma
        self._template: str | None = None

    def stores(self) -> dict[str, str | None]:
        """Settings fields for a fresh database and vector index: `Settings(home=…, **backend.stores())`."""
        if self.postgres is None or self.chroma is None:
            return {"database_url": None, "chroma_url": None}
        return {
            "database_url": self.postgres.create_database(self._migrated_template()),
            "chroma_url": self.chroma.create_database(),
        }

    def release(self, stores: dict[str, str | None]) -> None:
        """Drop what `stores` made (it keeps the cluster's connections and disk small)."""
        if self.postgres is not None and stores["database_url"]:
            self.postgres.drop_database(stores["database_url"])
        if self.chroma is not None and stores["chroma_url"]:
            self.chroma.drop_database(stores["chroma_url"])

    def _migrated_template(self) -> str:
        """A database the migrations already ran on, copied per test (faster than migrating each)."""
        if self._template is None:
            from coach.settings import Settings
            from coach.storage.db import Database

            assert self.postgres is not None
            url = self.postgres.create_database()
            home = Path(tempfile.mkdtemp(prefix="coach-template-"))
            Database(Settings(home=home, database_url=url)).engine.dispose()  # a template takes no users
            shutil.rmtree(home, ignore_errors=True)
            self._template = url.rpartition("/")[2]
        return self._template


@pytest.fixture(scope="session")
def backend(request: pytest.FixtureRequest) -> Backend:
    """The backend a test runs on; tests/conftest.py parametrizes it: `test_x[sqlite]`, `test_x[postgres]`."""
    name = getattr(request, "param", "sqlite")
    if name == "postgres":
        return Backend(
            name, request.getfixturevalue("postgres_server"), request.getfixturevalue("chroma_server")
        )
    return Backend(name)


@pytest.fixture
def on_backend(backend: Backend, monkeypatch: pytest.MonkeyPatch) -> Iterator[Backend]:
    """Points COACH_DATABASE_URL and COACH_CHROMA_URL at the test's own stores, so every
    `Settings(home=…)` the test builds, and every process it starts, lands on its backend."""
    stores = backend.stores()
    for field, value in stores.items():
        variable = f"COACH_{field.upper()}"
        if value is None:
            monkeypatch.delenv(variable, raising=False)
        else:
            monkeypatch.setenv(variable, value)
    yield backend
    backend.release(stores)
