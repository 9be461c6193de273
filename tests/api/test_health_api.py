"""/healthz says the process answers; /readyz says whether what it depends on does."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import httpx
from fastapi.testclient import TestClient

from tests.helpers import ServerProcess


def test_readyz_reports_the_database_and_a_search_that_is_whole(client: TestClient) -> None:
    client.post(
        "/api/v1/lessons",
        json=[{"text": "灰度发布前先核对监控大盘", "dimension": "organization", "action": "start"}],
    )

    body = client.get("/readyz").json()

    assert body["status"] == "ok"
    assert body["database"] == {"ok": True, "error": None}
    assert body["search"] == {
        "lessons": 1,
        "indexed": 1,
        "degraded": False,
        "reason": None,
        "backlog": 0,
        "generation": 0,
    }


def test_a_real_server_whose_vector_index_was_deleted_says_why_and_heals_by_itself(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    server = ServerProcess(home).start()
    try:
        created = httpx.post(
            f"{server.url}/api/v1/lessons",
            json=[
                {
                    "text": "Freeze schema changes in the payroll window",
                    "dimension": "organization",
                    "action": "start",
                }
            ],
        )
        assert created.status_code == 201
    finally:
        server.stop()
    shutil.rmtree(home / "vectorstore")
    server = ServerProcess(home).start()
    try:
        assert httpx.get(f"{server.url}/healthz").status_code == 200
        deadline = time.monotonic() + 30
        body = httpx.get(f"{server.url}/readyz").json()
        while body["status"] != "ok" and time.monotonic() < deadline:
            time.sleep(0.2)
            body = httpx.get(f"{server.url}/readyz").json()
    finally:
        server.stop()

    said = server.log.read_text()
    assert "lesson search is lexical only: the lesson index holds 0 lessons but the database 1" in said
    assert body["status"] == "ok"
    assert body["search"]["degraded"] is False
    assert (body["search"]["lessons"], body["search"]["indexed"], body["search"]["backlog"]) == (1, 1, 0)
