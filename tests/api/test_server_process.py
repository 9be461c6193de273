"""A real `coach serve` process: nothing committed is lost when it is killed with SIGKILL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.helpers import ServerProcess

pytestmark = pytest.mark.slow


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ServerProcess]:
    proc = ServerProcess(tmp_path / "home").start()
    yield proc
    proc.stop()


def test_sigkill_between_turns_loses_no_turn(server: ServerProcess) -> None:
    session = httpx.post(
        f"{server.url}/api/v1/sessions", json={"team": "SRE值班组", "date": "2026-04-30"}
    ).json()
    said = ["可用性目标99.95%，实际99.7%", "MTTR目标30分钟，实际75分钟", "可用性最重要"]
    replies = []
    for text in said:
        response = httpx.post(f"{server.url}/api/v1/sessions/{session['id']}/messages", json={"text": text})
        assert response.status_code == 200
        replies.append(response.json()["reply"])

    server.kill()
    server.start()

    after = httpx.get(f"{server.url}/api/v1/sessions/{session['id']}").json()
    user_turns = [t["text"] for t in after["turns"] if t["role"] == "user"]
    coach_turns = [t["text"] for t in after["turns"] if t["role"] == "coach"]
    assert user_turns == said
    assert coach_turns[1:] == replies
    assert [g["name"] for g in after["review"]["goals"]], after["review"]
    # and the conversation simply goes on
    more = httpx.post(f"{server.url}/api/v1/sessions/{session['id']}/messages", json={"text": "到哪了"})
    assert more.status_code == 200
