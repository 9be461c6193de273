"""A small version of bench/load.py: concurrent sessions on a real server, zero errors."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bench.load import run_load
from tests.helpers import ServerProcess

pytestmark = pytest.mark.slow


def test_concurrent_sessions_complete_without_errors(tmp_path: Path) -> None:
    server = ServerProcess(tmp_path / "home", env={"COACH_RATE_LIMIT_PER_MINUTE": "0"}).start()
    try:
        report = asyncio.run(run_load(server.url, sessions=5, turns=4, timeout_s=120))
    finally:
        server.stop()
    assert report.turns.errors == [] and report.baseline.errors == []
    assert report.turns.count == 20 and report.baseline.count == 20
