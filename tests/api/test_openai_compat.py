"""The coach behind the OpenAI chat API, driven by the real `openai` SDK against our real server."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import openai
import pytest
import uvicorn

from coach.api.main import create_app
from coach.settings import Settings
from tests.engines.llm.fakes import real_rules_or_standin
from tests.engines.llm.stub_server import Reply, StubOpenAI
from tests.helpers import free_port


@pytest.fixture(autouse=True)
def _rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real rules engine when it works, else a stand-in (it is being written alongside)."""
    engine = real_rules_or_standin()
    monkeypatch.setattr("coach.engines.registry.rules_engine", lambda: engine)


class LiveServer:
    def __init__(self, settings: Settings) -> None:
        self.port = free_port()
        config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise TimeoutError("server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def rules_settings(tmp_path: Path, **kw: Any) -> Settings:
    return Settings(home=tmp_path / "home", engine="rules", **kw)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """One server for the tests that only need the rules engine behind the API."""
    with pytest.MonkeyPatch.context() as mp:
        engine = real_rules_or_standin()
        mp.setattr("coach.engines.registry.rules_engine", lambda: engine)
        with LiveServer(rules_settings(tmp_path_factory.mktemp("compat"))) as live:
            yield live


def client(live: LiveServer, **kw: Any) -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{live.url}/v1", api_key="unused", max_retries=0, timeout=10, **kw)


def turns(live: LiveServer, session_id: str) -> list[dict[str, Any]]:
    return httpx.get(f"{live.url}/api/v1/sessions/{session_id}").json()["turns"]  # type: ignore[no-any-return]


def test_models_lists_the_coach(server: LiveServer) -> None:
    assert [m.id for m in client(server).models.list()] == ["retro-coach"]
    assert client(server).models.retrieve("retro-coach").id == "retro-coach"


def test_a_completion_is_a_turn_of_a_session_named_by_user(server: LiveServer) -> None:
    c = client(server)
    first = c.chat.completions.with_raw_response.create(
        model="retro-coach",
        user="alice",
        messages=[{"role": "user", "content": "销售额目标1.2亿，实际9600万"}],
    )
    session_id = first.headers["x-session-id"]
    completion = first.parse()
    assert completion.id == f"chatcmpl-{session_id}"
    assert completion.choices[0].message.content and completion.choices[0].finish_reason == "stop"
    assert completion.system_fingerprint == "retro-coach/rules"
    assert completion.usage and completion.usage.total_tokens > 0
    history = [
        {"role": "user", "content": "销售额目标1.2亿，实际9600万"},
        {"role": "assistant", "content": completion.choices[0].message.content},
        {"role": "user", "content": "跳过"},
    ]
    second = c.chat.completions.create(model="retro-coach", user="alice", messages=history)  # type: ignore[arg-type]
    assert second.id == completion.id
    log = turns(server, session_id)
    assert [t["role"] for t in log] == [
        "coach",
        "user",
        "coach",
        "user",
        "coach",
    ]  # only the last message is new
    assert [t["text"] for t in log if t["role"] == "user"] == ["销售额目标1.2亿，实际9600万", "跳过"]


def test_the_session_header_continues_a_session(server: LiveServer) -> None:
    c = client(server)
    first = c.chat.completions.with_raw_response.create(
        model="retro-coach", messages=[{"role": "user", "content": "Revenue target 500k, actual 430k"}]
    )
    session_id = first.headers["x-session-id"]
    c.chat.completions.create(
        model="retro-coach",
        messages=[{"role": "user", "content": "skip"}],
        extra_headers={"X-Session-Id": session_id},
    )
    assert len(turns(server, session_id)) == 5


def test_a_resent_history_without_ids_finds_its_session(server: LiveServer) -> None:
    c = client(server)
    raw = c.chat.completions.with_raw_response.create(
        model="retro-coach", messages=[{"role": "user", "content": "可用性目标99.9%，实际99.5%"}]
    )
    session_id, reply = raw.headers["x-session-id"], raw.parse().choices[0].message.content
    again = c.chat.completions.with_raw_response.create(
        model="retro-coach",
        messages=[
            {"role": "user", "content": "可用性目标99.9%，实际99.5%"},
            {"role": "assistant", "content": reply},
            {"role": "user", "content": "跳过"},
        ],
    )
    assert again.headers["x-session-id"] == session_id
    other = c.chat.completions.with_raw_response.create(
        model="retro-coach", messages=[{"role": "user", "content": "可用性目标99.9%，实际99.5%"}]
    )
    assert other.headers["x-session-id"] != session_id


def test_streaming_with_the_sdk(server: LiveServer) -> None:
    c = client(server)
    stream = c.chat.completions.create(
        model="retro-coach",
        user="bob",
        stream=True,
        stream_options={"include_usage": True},
        messages=[{"role": "user", "content": "销售额目标1.2亿，实际9600万"}],
    )
    chunks = list(stream)
    text = "".join(ch.choices[0].delta.content or "" for ch in chunks if ch.choices)
    finishes = [ch.choices[0].finish_reason for ch in chunks if ch.choices and ch.choices[0].finish_reason]
    assert text and finishes == ["stop"]
    assert chunks[-1].usage is not None and chunks[-1].usage.total_tokens > 0
    session_id = chunks[0].id.removeprefix("chatcmpl-")
    coach_turns = [t for t in turns(server, session_id) if t["role"] == "coach"]
    assert coach_turns[-1]["text"] == text


def test_raw_sse_ends_with_done(server: LiveServer) -> None:
    body = {"model": "retro-coach", "stream": True, "messages": [{"role": "user", "content": "hi"}]}
    with httpx.stream("POST", f"{server.url}/v1/chat/completions", json=body, timeout=10) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        assert response.headers["x-session-id"]
        lines = [line for line in response.iter_lines() if line]
    assert lines[-1] == "data: [DONE]" and all(line.startswith("data: ") for line in lines)


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"model": "gpt-4o", "messages": [{"role": "user", "content": "hi"}]}, 404, "model_not_found"),
        ({"model": "retro-coach", "messages": []}, 400, "invalid_value"),
        ({"model": "retro-coach"}, 400, "invalid_value"),
        (
            {"model": "retro-coach", "messages": [{"role": "assistant", "content": "hi"}]},
            400,
            "invalid_value",
        ),
        ({"model": "retro-coach", "messages": [{"role": "user", "content": "   "}]}, 400, "invalid_value"),
        ({"model": "retro-coach", "messages": [{"role": "wizard", "content": "hi"}]}, 400, "invalid_value"),
        (
            {"model": "retro-coach", "messages": [{"role": "user", "content": "x" * 9000}]},
            400,
            "message_too_long",
        ),
        ([1, 2], 400, "invalid_request"),
    ],
)
def test_bad_input_gets_openai_style_errors(server: LiveServer, body: Any, status: int, code: str) -> None:
    response = httpx.post(f"{server.url}/v1/chat/completions", json=body, timeout=10)
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code and error["message"] and error["type"] == "invalid_request_error"


def test_malformed_json_and_unknown_session(server: LiveServer) -> None:
    bad = httpx.post(
        f"{server.url}/v1/chat/completions", content=b"{nope", headers={"content-type": "application/json"}
    )
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "invalid_json"
    with pytest.raises(openai.NotFoundError) as err:
        client(server).chat.completions.create(
            model="retro-coach",
            messages=[{"role": "user", "content": "hi"}],
            extra_headers={"X-Session-Id": "no-such-session"},
        )
    assert err.value.status_code == 404
    with pytest.raises(openai.NotFoundError):
        client(server).chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}])


# ---- the llm engine behind the API -----------------------------------------------------------


def test_the_llm_engine_answers_through_the_api(tmp_path: Path) -> None:
    with StubOpenAI() as stub:
        stub.script([Reply({"goals": []}), Reply("好的，收到。实际结果是多少？")])
        settings = Settings(
            home=tmp_path / "home",
            engine="llm",
            llm_max_retries=0,
            llm_timeout_s=2.0,
            **{"COACH_LLM_BASE_URL": stub.base_url},  # type: ignore[arg-type]
        )
        with LiveServer(settings) as live:
            stream = client(live).chat.completions.create(
                model="retro-coach",
                stream=True,
                messages=[{"role": "user", "content": "销售额目标1.2亿，实际9600万"}],
            )
            chunks = list(stream)
    text = "".join(ch.choices[0].delta.content or "" for ch in chunks if ch.choices)
    # the model's words, then the method's question (the rules engine's reply for the step)
    assert text.startswith("好的，收到。实际结果是多少？\n\n") and "还有别的 KPI 吗" in text
    assert len([ch for ch in chunks if ch.choices and ch.choices[0].delta.content]) > 3
    assert chunks[-1].system_fingerprint == "retro-coach/llm"


def test_endpoint_down_falls_back_visibly_in_the_sessions_api(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    settings = Settings(
        home=tmp_path / "home",
        engine="llm",
        llm_max_retries=0,
        llm_timeout_s=1.0,
        **{"COACH_LLM_BASE_URL": f"http://127.0.0.1:{free_port()}/v1"},  # type: ignore[arg-type]
    )
    with TestClient(create_app(settings), raise_server_exceptions=False) as tc:
        session = tc.post("/api/v1/sessions", json={"team": "华东销售"}).json()
        turn = tc.post(
            f"/api/v1/sessions/{session['id']}/messages", json={"text": "销售额目标1.2亿，实际9600万"}
        )
        assert turn.status_code == 200, turn.text
        body = turn.json()
        assert (body["engine"], body["fallback"]) == ("rules", True)
        assert body["fallback_reason"] not in (None, "")  # the turn says why the rules engine answered
        assert body["reply"].startswith("（智能模型暂时不可用")
        again = tc.post(f"/api/v1/sessions/{session['id']}/messages", json={"text": "跳过"})
        assert again.status_code == 200 and again.json()["fallback"] is True  # the session goes on
        log = tc.get(f"/api/v1/sessions/{session['id']}").json()["turns"]
        assert [t["fallback"] for t in log if t["role"] == "coach"] == [False, True, True]
        completion = tc.post(
            "/v1/chat/completions",
            json={"model": "retro-coach", "messages": [{"role": "user", "content": "hi"}]},
        ).json()
        assert (
            completion["fallback"] is True
            and completion["system_fingerprint"] == "retro-coach/rules-fallback"
        )
