"""POST /api/v1/summaries (JSON and files) → 202 job; GET it for progress, results and the overview."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from coach.api.main import create_app
from coach.notes.synthetic import synthetic_note
from coach.settings import Settings


def _wait(client: TestClient, job_id: str, timeout: float = 60) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body = client.get(f"/api/v1/summaries/{job_id}").json()
        if body["status"] == "done":
            return body  # type: ignore[no-any-return]
        time.sleep(0.05)
    raise TimeoutError(job_id)


def test_json_notes_become_reviews(client: TestClient) -> None:
    response = client.post(
        "/api/v1/summaries",
        json={
            "notes": [{"name": "n01.md", "text": synthetic_note(1)}, {"name": "empty.txt", "text": ""}],
            "team": "销售",
        },
    )
    assert response.status_code == 202, response.text
    job = _wait(client, response.json()["id"])
    assert job["progress"] == {"done": 2, "total": 2}
    good, bad = job["items"]
    assert good["status"] == "done" and bad["error"]["code"] == "empty"
    review = client.get(f"/api/v1/reviews/{good['review_id']}")
    assert review.status_code == 200
    assert job["overview_md"].startswith("# 批量复盘总览")


def test_multipart_files_gbk(client: TestClient) -> None:
    files = [
        ("files", ("a.txt", synthetic_note(2).encode("gbk"), "text/plain")),
        ("files", ("b.md", synthetic_note(3).encode("utf-8-sig"), "text/markdown")),
    ]
    response = client.post("/api/v1/summaries", files=files, data={"team": "客服"})
    assert response.status_code == 202, response.text
    job = _wait(client, response.json()["id"])
    assert [i["status"] for i in job["items"]] == ["done", "done"]


def test_limits_and_errors_are_bilingual(tmp_path: Path) -> None:
    app = create_app(Settings(home=tmp_path / "home", max_files_per_job=2))
    with TestClient(app) as client:
        notes = [{"name": f"n{i}.md", "text": "x"} for i in range(3)]
        too_many = client.post("/api/v1/summaries", json={"notes": notes}, headers={"accept-language": "en"})
        assert too_many.status_code == 422 and "At most 2 notes" in too_many.json()["error"]["message"]
        assert client.post("/api/v1/summaries", json={"notes": []}).status_code == 422
        assert client.post("/api/v1/summaries", json={"nope": 1}).status_code == 422
        missing = client.get("/api/v1/summaries/nope")
        assert missing.status_code == 404 and "找不到任务" in missing.json()["error"]["message"]
        huge = client.post(
            "/api/v1/summaries",
            content=b"{}",
            headers={"content-type": "application/json", "content-length": str(10**12)},
        )
        assert huge.status_code == 413
