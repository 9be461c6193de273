"""Several `coach serve` replicas sharing one database and one Chroma server, each on its own home."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.helpers import ServerProcess


@contextmanager
def replicas(
    count: int, tmp_path: Path, database_url: str, chroma_url: str, env: dict[str, str] | None = None
) -> Iterator[list[ServerProcess]]:
    shared = {"COACH_DATABASE_URL": database_url, "COACH_CHROMA_URL": chroma_url, **(env or {})}
    servers = [ServerProcess(tmp_path / f"replica-{i}" / "home", env=shared) for i in range(count)]
    try:
        for server in servers:
            server.start(timeout=120)
        yield servers
    finally:
        for server in servers:
            server.stop()
