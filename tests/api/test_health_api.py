"""/healthz says the process answers; /readyz says whether what it depends on does."""

from __future__ import annotations

import shutil
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
    assert body["search"] == {"lessons": 1, "indexed": 1, "degraded": False, "reason": None}


def test_readyz_of_a_real_server_whose_vector_index_was_deleted_says_degraded_and_why(
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
        body = httpx.get(f"{server.url}/readyz").json()
        assert httpx.get(f"{server.url}/healthz").status_code == 200
    finally:
        server.stop()

    assert body["status"] == "degraded"
    assert body["search"]["degraded"] is True
    assert body["search"]["lessons"] == 1
    assert "reindex" in body["search"]["reason"]
