"""Sessions over HTTP: what a client may send, and the clear answers it gets for bad input."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


def new_session(client: TestClient, **body: object) -> dict:
    response = client.post("/api/v1/sessions", json=body)
    assert response.status_code == 201, response.text
    return response.json()


def test_a_new_session_opens_with_the_coachs_first_question(client: TestClient) -> None:
    session = new_session(client, team="华东销售", date="2026-04-30")
    assert session["stage"] == "review"
    assert session["reply"]
    assert session["review"]["team"] == "华东销售"
    assert session["review"]["date"] == "2026-04-30"
    assert [t["role"] for t in session["turns"]] == ["coach"]


def test_a_turn_answers_in_the_shape_of_the_product(client: TestClient) -> None:
    session = new_session(client, team="Growth", language="en")
    response = client.post(
        f"/api/v1/sessions/{session['id']}/messages", json={"text": "Revenue target 500k, actual 430k"}
    )
    assert response.status_code == 200, response.text
    turn = response.json()
    assert set(turn) >= {"session_id", "reply", "stage", "review", "sources"}
    assert turn["session_id"] == session["id"]
    assert turn["review"]["goals"], turn["reply"]


def test_every_turn_is_kept_in_order(client: TestClient) -> None:
    session = new_session(client, team="SRE")
    for text in ("可用性目标99.9%，实际99.5%", "跳过"):
        assert (
            client.post(f"/api/v1/sessions/{session['id']}/messages", json={"text": text}).status_code == 200
        )
    turns = client.get(f"/api/v1/sessions/{session['id']}").json()["turns"]
    assert [t["role"] for t in turns] == ["coach", "user", "coach", "user", "coach"]
    assert turns[1]["text"] == "可用性目标99.9%，实际99.5%"


def test_the_json_schema_is_served(client: TestClient) -> None:
    schema = client.get("/api/v1/schema").json()
    assert schema["title"] == "Retrospective"
    assert {"goals", "cause_chains", "lessons", "actions"} <= set(schema["properties"])


@pytest.mark.parametrize(
    ("body", "lang", "status", "fragment"),
    [
        ({"text": ""}, "zh", 422, "消息不能为空"),
        ({"text": "   \n "}, "en", 422, "empty"),
        ({"text": "复" * 100_000}, "zh", 413, "消息太长"),
        ({"text": "x" * 100_000}, "en", 413, "too long"),
        ({}, "zh", 422, "缺少字段 text"),
        ({}, "en", 422, "Field text is required"),
        ({"text": 42}, "en", 422, "text"),
        ({"text": ["a"]}, "zh", 422, "text"),
        ({"text": "hi", "extra": 1}, "en", 422, "Unknown field extra"),
    ],
)
def test_bad_messages_get_a_clear_4xx_in_the_users_language(
    client: TestClient, body: dict, lang: str, status: int, fragment: str
) -> None:
    session = new_session(client)
    response = client.post(
        f"/api/v1/sessions/{session['id']}/messages", json=body, headers={"Accept-Language": lang}
    )
    assert response.status_code == status, response.text
    assert fragment in response.json()["error"]["message"]


@pytest.mark.parametrize(("lang", "fragment"), [("zh", "请求体不是合法的 JSON"), ("en", "not valid JSON")])
def test_malformed_json_is_a_clear_422(client: TestClient, lang: str, fragment: str) -> None:
    session = new_session(client)
    response = client.post(
        f"/api/v1/sessions/{session['id']}/messages",
        content=b'{"text": "unterminated',
        headers={"Content-Type": "application/json", "Accept-Language": lang},
    )
    assert response.status_code == 422
    assert fragment in response.json()["error"]["message"]


@pytest.mark.parametrize(("lang", "fragment"), [("zh", "找不到会话"), ("en", "not found")])
def test_an_unknown_session_is_a_404_that_names_it(client: TestClient, lang: str, fragment: str) -> None:
    headers = {"Accept-Language": lang}
    for response in (
        client.get("/api/v1/sessions/nope", headers=headers),
        client.post("/api/v1/sessions/nope/messages", json={"text": "hi"}, headers=headers),
    ):
        assert response.status_code == 404
        assert fragment in response.json()["error"]["message"]
        assert "nope" in response.json()["error"]["message"]


def test_wrong_types_when_creating_a_session_are_422(client: TestClient) -> None:
    for body in ({"date": "yesterday"}, {"language": "fr"}, {"team": 5}):
        response = client.post("/api/v1/sessions", json=body, headers={"Accept-Language": "en"})
        assert response.status_code == 422, body
        assert response.json()["error"]["message"]


@pytest.mark.parametrize(
    ("body", "lang", "said"),
    [
        ({"date": "2026-13-40"}, "zh", "字段 date 应是日期，格式 YYYY-MM-DD"),
        ({"date": "yesterday"}, "en", "date must be a date, YYYY-MM-DD"),
        ({"team": 5}, "zh", "字段 team 应是文字"),
        ({"team": ["a"]}, "en", "team must be text"),
    ],
)
def test_a_wrong_value_is_explained_in_the_users_language_not_the_validators(
    client: TestClient, body: dict, lang: str, said: str
) -> None:
    response = client.post("/api/v1/sessions", json=body, headers={"Accept-Language": lang})
    assert response.status_code == 422
    assert response.json()["error"]["message"] == said
    assert "Input should" not in response.text


def test_a_language_not_supported_names_the_allowed_ones(client: TestClient) -> None:
    response = client.post("/api/v1/sessions", json={"language": "fr"}, headers={"Accept-Language": "en"})
    message = response.json()["error"]["message"]
    assert "zh" in message and "en" in message


def test_errors_carry_a_request_id(client: TestClient) -> None:
    response = client.get("/api/v1/sessions/nope")
    assert response.headers["X-Request-ID"] == response.json()["error"]["request_id"]


def test_sse_streams_deltas_then_the_committed_result(client: TestClient) -> None:
    session = new_session(client, team="客服中心")
    with client.stream(
        "POST",
        f"/api/v1/sessions/{session['id']}/messages",
        json={"text": "首响时长目标2小时，实际3.5小时"},
        headers={"Accept": "text/event-stream"},
    ) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        body = "".join(response.iter_text())
    events = [block.split("\n")[0].removeprefix("event: ") for block in body.strip().split("\n\n")]
    assert events[0] == "delta"
    assert events[-2:] == ["result", "done"]
    turns = client.get(f"/api/v1/sessions/{session['id']}").json()["turns"]
    assert turns[-1]["role"] == "coach"
