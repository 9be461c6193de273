"""The session lease: a turn waits for another replica's turn, then answers 409 in the user's language."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from coach.api.main import create_app
from coach.api.routes.sessions import begun
from coach.engines.base import Delta, TurnEvent
from coach.services import chat as chat_service
from coach.settings import Settings
from coach.storage import leases
from coach.storage.db import Database
from coach.storage.tables import ChatSession


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(home=tmp_path / "home", engine="rules")


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings), raise_server_exceptions=False) as c:
        yield c


def lease_held_by_another_replica(
    settings: Settings, session_id: str, seconds: float, owner: str = "another-host:1:boot:turn"
) -> None:
    database = Database(settings)
    with database.session() as db:
        until = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=seconds)
        db.execute(
            update(ChatSession)
            .where(ChatSession.id == session_id)
            .values(lease_owner=owner, lease_until=until)
        )
        db.commit()
    database.engine.dispose()


def new_session(client: TestClient) -> str:
    return str(client.post("/api/v1/sessions", json={"team": "华东销售"}).json()["id"])


@pytest.mark.parametrize(
    ("language", "message"),
    [("zh", "这个会话正在处理上一条消息，请稍后重试"), ("en", "still answering an earlier message")],
)
def test_a_session_kept_busy_by_another_replica_answers_409_in_the_users_language(
    client: TestClient, settings: Settings, monkeypatch: pytest.MonkeyPatch, language: str, message: str
) -> None:
    monkeypatch.setattr(chat_service, "LEASE_WAIT_S", 0.3)
    session_id = new_session(client)
    lease_held_by_another_replica(settings, session_id, seconds=60)

    response = client.post(
        f"/api/v1/sessions/{session_id}/messages",
        json={"text": "回款目标1.2亿，实际9600万"},
        headers={"accept-language": language},
    )

    assert response.status_code == 409
    assert response.headers["retry-after"] == "1"
    assert response.json()["error"]["code"] == "session_busy"
    assert message in response.json()["error"]["message"]


def test_a_lease_left_by_a_crashed_replica_expires(client: TestClient, settings: Settings) -> None:
    session_id = new_session(client)
    lease_held_by_another_replica(settings, session_id, seconds=-1)

    response = client.post(
        f"/api/v1/sessions/{session_id}/messages", json={"text": "回款目标1.2亿，实际9600万"}
    )

    assert response.status_code == 200
    assert len(response.json()["review"]["goals"]) == 1


def test_a_lease_left_by_a_dead_process_on_this_host_is_taken_over_at_once(
    client: TestClient, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(chat_service, "LEASE_WAIT_S", 0.3)  # far shorter than the lease's 60 s
    session_id = new_session(client)
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    dead = leases.new_holder().split(":")
    dead[1] = gone.stdout.strip()  # this host, a pid that has exited: a server killed mid-turn
    lease_held_by_another_replica(settings, session_id, seconds=60, owner=":".join(dead))

    response = client.post(
        f"/api/v1/sessions/{session_id}/messages", json={"text": "回款目标1.2亿，实际9600万"}
    )

    assert response.status_code == 200


def test_a_turn_releases_its_lease_with_the_reply(client: TestClient, settings: Settings) -> None:
    session_id = new_session(client)
    client.post(f"/api/v1/sessions/{session_id}/messages", json={"text": "回款目标1.2亿，实际9600万"})

    database = Database(settings)
    with database.session() as db:
        chat = db.get(ChatSession, session_id)
        assert chat is not None
        assert (chat.lease_owner, chat.lease_until) == (None, None)
    database.engine.dispose()


@pytest.mark.parametrize(
    ("language", "message"),
    [("zh", "这个会话正在处理上一条消息，请稍后重试"), ("en", "still answering an earlier message")],
)
def test_a_streamed_turn_on_a_busy_session_answers_409_before_the_stream_starts(
    client: TestClient, settings: Settings, monkeypatch: pytest.MonkeyPatch, language: str, message: str
) -> None:
    monkeypatch.setattr(chat_service, "LEASE_WAIT_S", 0.3)
    session_id = new_session(client)
    lease_held_by_another_replica(settings, session_id, seconds=60)

    response = client.post(
        f"/api/v1/sessions/{session_id}/messages",
        json={"text": "回款目标1.2亿，实际9600万"},
        headers={"accept": "text/event-stream", "accept-language": language},
    )

    # the widget already waits and asks again on exactly this, as for a JSON turn
    assert response.status_code == 409
    assert response.headers["content-type"].startswith("application/json")
    assert response.headers["retry-after"] == "1"
    assert response.json()["error"]["code"] == "session_busy"
    assert message in response.json()["error"]["message"]


def test_a_stream_begins_with_the_lease_taken_or_refused_and_leaves_other_failures_in_stream() -> None:
    def busy() -> Iterator[TurnEvent]:
        raise chat_service.SessionBusy("s1")
        yield Delta(text="never")

    def broken() -> Iterator[TurnEvent]:
        raise RuntimeError("the engine broke")
        yield Delta(text="never")

    def fine() -> Iterator[TurnEvent]:
        yield Delta(text="一")
        yield Delta(text="二")

    with pytest.raises(chat_service.SessionBusy):
        begun(busy())  # before the response: a 409
    failing = begun(broken())  # after the lease: reported by the stream
    with pytest.raises(RuntimeError, match="the engine broke"):
        next(failing)
    assert [event.text for event in begun(fine()) if isinstance(event, Delta)] == ["一", "二"]


def test_a_streamed_chat_completion_on_a_busy_session_answers_409_before_the_stream_starts(
    client: TestClient, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(chat_service, "LEASE_WAIT_S", 0.3)
    session_id = new_session(client)
    lease_held_by_another_replica(settings, session_id, seconds=60)

    response = client.post(
        "/v1/chat/completions",
        json={
            "model": "retro-coach",
            "stream": True,
            "messages": [{"role": "user", "content": "回款目标1.2亿"}],
        },
        headers={"x-session-id": session_id, "accept-language": "en"},
    )

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "session_busy"
