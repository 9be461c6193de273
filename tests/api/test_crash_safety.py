"""SIGKILL a real server mid-chat and mid-job, restart it: nothing acknowledged is lost, jobs resume,
and the lesson index agrees with SQL (or is rebuilt)."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from coach.library import LessonLibrary
from coach.settings import Settings
from coach.storage.db import Database
from tests.helpers import ROOT, ServerProcess, job_status, sales_notes

pytestmark = pytest.mark.slow

SESSIONS = 6


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ServerProcess]:
    proc = ServerProcess(tmp_path / "home").start()
    yield proc
    proc.stop()


def chat_until_killed(server: ServerProcess, session_id: str, stop: threading.Event) -> list[tuple[str, str]]:
    """Post turns back to back; return every (text, reply) the server acknowledged."""
    acked: list[tuple[str, str]] = []
    with httpx.Client(base_url=server.url, timeout=10) as client:
        i = 0
        while not stop.is_set():
            text = f"第{i}项：目标{100 + i}万，实际{90 + i}万 [{session_id}]"
            try:
                response = client.post(f"/api/v1/sessions/{session_id}/messages", json={"text": text})
            except httpx.HTTPError:
                return acked  # the server is gone
            assert response.status_code == 200, response.text
            acked.append((text, response.json()["reply"]))
            i += 1
    return acked


def test_sigkill_during_concurrent_chats_loses_no_acknowledged_turn(server: ServerProcess) -> None:
    ids = [
        httpx.post(f"{server.url}/api/v1/sessions", json={"team": f"组{i}"}, timeout=10).json()["id"]
        for i in range(SESSIONS)
    ]
    stop = threading.Event()
    with ThreadPoolExecutor(SESSIONS) as pool:
        futures = [pool.submit(chat_until_killed, server, sid, stop) for sid in ids]
        time.sleep(2.0)  # many turns in flight
        server.kill()
        stop.set()
        acked = {sid: f.result() for sid, f in zip(ids, futures, strict=True)}
    assert sum(len(turns) for turns in acked.values()) >= SESSIONS, "the chats never got going"

    server.start()
    for sid, turns in acked.items():
        after = httpx.get(f"{server.url}/api/v1/sessions/{sid}", timeout=10).json()
        user = [t["text"] for t in after["turns"] if t["role"] == "user"]
        coach = [t["text"] for t in after["turns"] if t["role"] == "coach"]
        said = [text for text, _ in turns]
        # every acknowledged turn is there, in order; at most the one in flight was added after them
        assert user[: len(said)] == said and len(user) - len(said) <= 1, (sid, len(said), len(user))
        assert coach[1 : len(said) + 1] == [reply for _, reply in turns]
        more = httpx.post(f"{server.url}/api/v1/sessions/{sid}/messages", json={"text": "到哪了"}, timeout=10)
        assert more.status_code == 200  # and the conversation simply goes on


def test_sigkill_during_a_bulk_job_resumes_it_and_keeps_the_index_consistent(
    server: ServerProcess, tmp_path: Path
) -> None:
    created = httpx.post(
        f"{server.url}/api/v1/summaries",
        json={"notes": sales_notes(60), "team": "华东", "index": True},
        timeout=30,
    )
    assert created.status_code == 202, created.text
    job_id = created.json()["id"]
    deadline = time.monotonic() + 60
    before: dict[str, Any] = created.json()
    while time.monotonic() < deadline:
        before = job_status(server.url, job_id)
        if before["progress"]["done"] >= 3:
            break
        time.sleep(0.02)
    server.kill()
    done_before = {i["name"]: i["review_id"] for i in before["items"] if i["status"] == "done"}
    assert before["status"] != "done", "the job finished before the kill; give it more notes"

    server.start()
    deadline = time.monotonic() + 120
    after = job_status(server.url, job_id)
    while after["status"] != "done" and time.monotonic() < deadline:
        time.sleep(0.2)
        after = job_status(server.url, job_id)
    assert after["status"] == "done", after["progress"]
    assert after["progress"] == {"done": 60, "total": 60}
    items = {i["name"]: i for i in after["items"]}
    assert all(i["status"] == "done" for i in items.values()), [i for i in items.values() if i["error"]]
    for name, review_id in done_before.items():
        assert items[name]["review_id"] == review_id  # finished notes are not redone
    review_ids = [i["review_id"] for i in items.values()]
    assert len(set(review_ids)) == len(review_ids)

    search = httpx.get(f"{server.url}/api/v1/lessons/search", params={"q": "回款负责人", "k": 5}, timeout=30)
    assert search.status_code == 200 and search.json()["hits"]
    server.stop()
    assert_index_matches_sql(server.home)


def assert_index_matches_sql(home: Path) -> None:
    """The vector index holds exactly SQL's lessons, or says so and `coach lessons reindex` fixes it."""
    settings = Settings(home=home)
    library = LessonLibrary(settings, Database(settings))
    if library.dense is None:
        assert "reindex" in (library.dense_error or "")
        rebuilt = subprocess.run(
            [sys.executable, "-m", "coach", "lessons", "reindex"],
            cwd=ROOT,
            env={**ServerProcess(home).env},
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert rebuilt.returncode == 0, rebuilt.stderr
        library = LessonLibrary(settings, Database(settings))
    assert library.dense is not None, library.dense_error
    assert library.dense.count() == library.store.count() > 0
