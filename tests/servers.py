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

    def create_database(self) -> str:
        """A fresh empty database; returns its SQLAlchemy URL."""
        import psycopg

        name = f"coach_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres") as conn:
            conn.autocommit = True
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
        return self.url(name)


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


@pytest.fixture(scope="session")
def chroma_server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A `chroma run` server on a free loopback port, up when its heartbeat answers."""
    if not CHROMA_BIN.exists():
        missing(f"the chroma server command is missing ({CHROMA_BIN})")
    try:
        server = ChromaServer(tmp_path_factory.mktemp("chroma-server") / "data").start()
    except RuntimeError as exc:
        pytest.fail(str(exc))
    yield server.url
    server.stop()


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
