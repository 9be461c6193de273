"""The access check must stay far below a millisecond per request."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from starlette.types import Message, Receive, Scope, Send

from coach.security import KeyRegistry
from coach.security.middleware import AccessControl
from coach.settings import Settings
from coach.storage.db import Database


async def _ok(scope: Scope, receive: Receive, send: Send) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"{}"})


def run_alone(coroutine: Coroutine[Any, Any, float]) -> float:
    """asyncio.run on a thread of its own: Playwright's sync API (tests/web's session browser) leaves
    its loop running on the main thread, where asyncio.run refuses to start."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def test_access_check_adds_well_under_a_millisecond(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "home", rate_limit_per_minute=0)
    registry = KeyRegistry(Database(settings))
    key = registry.create("acme", "member").key
    layer = AccessControl(_ok, registry, settings)
    scope: Scope = {
        "type": "http",
        "method": "GET",
        "path": "/api/v1/reviews",
        "headers": [(b"authorization", f"Bearer {key}".encode()), (b"content-length", b"0")],
        "client": ("10.0.0.1", 1234),
        "query_string": b"",
    }

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        return None

    async def run(n: int) -> float:
        started = time.perf_counter()
        for _ in range(n):
            await layer({**scope, "state": {}}, receive, send)
            await _ok({**scope}, receive, send)  # the same work without the layer is subtracted below
        return time.perf_counter() - started

    async def bare(n: int) -> float:
        started = time.perf_counter()
        for _ in range(n):
            await _ok({**scope}, receive, send)
            await _ok({**scope}, receive, send)
        return time.perf_counter() - started

    run_alone(run(50))  # warm the key cache
    n = 2000
    per_request_ms = (run_alone(run(n)) - run_alone(bare(n))) / n * 1000
    print(f"access check: {per_request_ms * 1000:.1f} µs per request")
    assert per_request_ms < 1.0, f"access check costs {per_request_ms:.3f} ms"
