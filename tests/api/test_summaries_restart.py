"""A summary job survives SIGKILL: the restarted server finishes it without redoing finished notes."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import httpx
import pytest

from coach.notes.synthetic import synthetic_note
from tests.helpers import ServerProcess

pytestmark = pytest.mark.slow


def test_job_resumes_after_sigkill(tmp_path: Path) -> None:
    server = ServerProcess(tmp_path / "home").start()
    try:
        notes = [{"name": f"n{i:03d}.md", "text": synthetic_note(i)} for i in range(80)]
        body = json.dumps({"notes": notes}, ensure_ascii=False).encode()  # under the 1 MB JSON body limit
        posted = httpx.post(
            f"{server.url}/api/v1/summaries",
            content=body,
            headers={"content-type": "application/json"},
            timeout=60,
        )
        assert posted.status_code == 202, posted.text
        job_id = posted.json()["id"]
        done = 0
        deadline = time.monotonic() + 60
        while done < 3 and time.monotonic() < deadline:
            done = httpx.get(f"{server.url}/api/v1/summaries/{job_id}").json()["progress"]["done"]
        assert 0 < done < len(notes), "the job should be killed mid-way"
        server.kill()

        db = sqlite3.connect(tmp_path / "home" / "coach.db")
        finished_before = dict(
            db.execute("select name, review_id from summary_job_items where status='done'")
        )
        db.close()
        assert finished_before

        server.start()
        deadline = time.monotonic() + 120
        job = httpx.get(f"{server.url}/api/v1/summaries/{job_id}").json()
        while job["status"] != "done" and time.monotonic() < deadline:
            time.sleep(0.2)
            job = httpx.get(f"{server.url}/api/v1/summaries/{job_id}").json()
        assert job["status"] == "done" and job["progress"] == {"done": 80, "total": 80}
        after = {i["name"]: i["review_id"] for i in job["items"]}
        assert all(after[name] == review for name, review in finished_before.items())
        db = sqlite3.connect(tmp_path / "home" / "coach.db")
        reviews = db.execute("select count(*) from reviews where source='notes'").fetchone()[0]
        db.close()
        assert reviews == 80  # nothing was summarized twice
    finally:
        server.stop()
