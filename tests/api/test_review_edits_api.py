"""Editing a review by hand over HTTP: PATCH /api/v1/reviews/{id}/document."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from coach.api.main import create_app
from coach.settings import Settings

LESSON = {"text": "需求冻结后变更必须走评审", "dimension": "organization", "action": "start"}
GOAL = {"name": "回款", "target": "1.2亿", "result": "9600万"}


def new_review(client: TestClient, **headers: str) -> str:
    session = client.post(
        "/api/v1/sessions", json={"team": "华东销售", "date": "2026-04-30"}, headers=headers
    )
    assert session.status_code == 201, session.text
    return str(session.json()["review_id"])


def edit(client: TestClient, review_id: str, body: dict[str, Any], **headers: str) -> Any:
    return client.patch(f"/api/v1/reviews/{review_id}/document", json=body, headers=headers)


def test_an_edited_review_is_saved_and_the_markdown_report_shows_it(client: TestClient) -> None:
    review_id = new_review(client)
    body = {
        "title": "华东销售 Q1 复盘",
        "goals": [GOAL],
        "highlights": [{"text": "新客户数超额完成"}],
        "shortfalls": [{"text": "回款延迟", "causes": ["没人盯回款节点"]}],
        "cause_chains": [
            {
                "phenomenon": "回款延迟",
                "surface_cause": "没人盯节点",
                "root_cause": "缺少回款跟踪机制",
                "is_main": True,
            }
        ],
        "lessons": [LESSON],
        "actions": [{"what": "上线应收账款周报", "who": "陈静", "when": "2026-05-15"}],
    }
    response = edit(client, review_id, body)
    assert response.status_code == 200, response.text
    saved = response.json()
    assert saved["title"] == "华东销售 Q1 复盘"
    assert [a["what"] for a in saved["action_items"]] == ["上线应收账款周报"]

    markdown = client.get(f"/api/v1/reviews/{review_id}.md").text
    for text in (
        "华东销售 Q1 复盘",
        "缺少回款跟踪机制",
        "需求冻结后变更必须走评审",
        "上线应收账款周报",
        "陈静",
    ):
        assert text in markdown


def test_the_goal_gap_and_verdict_are_recomputed_from_the_target_and_result(client: TestClient) -> None:
    review_id = new_review(client)
    forged = {**GOAL, "gap_ratio": 0.5, "verdict": "exceeded"}  # what the client claims is ignored
    goal = edit(client, review_id, {"goals": [forged]}).json()["goals"][0]
    assert goal["gap_ratio"] == -0.2
    assert goal["verdict"] == "missed"
    goal = edit(client, review_id, {"goals": [{**GOAL, "result": "1.3亿"}]}).json()["goals"][0]
    assert goal["verdict"] == "exceeded"
    assert client.get(f"/api/v1/reviews/{review_id}").json()["goals"][0]["verdict"] == "exceeded"


def test_parts_not_sent_are_kept(client: TestClient) -> None:
    review_id = new_review(client)
    edit(client, review_id, {"lessons": [LESSON], "highlights": [{"text": "新客户数超额完成"}]})
    after = edit(client, review_id, {"highlights": [{"text": "签单额创新高"}]}).json()
    assert [h["text"] for h in after["highlights"]] == ["签单额创新高"]
    assert [lesson["text"] for lesson in after["lessons"]] == [LESSON["text"]]


def test_edited_lessons_are_reindexed_in_the_library(client: TestClient) -> None:
    review_id = new_review(client)
    edit(client, review_id, {"lessons": [LESSON]})
    hits = client.get("/api/v1/lessons/search", params={"q": "需求变更评审", "k": 5}).json()["hits"]
    assert [h["text"] for h in hits if h["review_id"] == review_id] == [LESSON["text"]]

    renamed = {**LESSON, "text": "上线前灰度发布，先放百分之五的用户"}
    edit(client, review_id, {"lessons": [renamed]})
    hits = client.get("/api/v1/lessons/search", params={"q": "灰度发布", "k": 5}).json()["hits"]
    assert [h["text"] for h in hits if h["review_id"] == review_id] == [renamed["text"]]
    old = client.get("/api/v1/lessons/search", params={"q": "需求冻结后变更必须走评审", "k": 5}).json()[
        "hits"
    ]
    assert LESSON["text"] not in [h["text"] for h in old]


def test_an_action_status_survives_an_edit_of_the_plan(client: TestClient) -> None:
    review_id = new_review(client)
    actions = [{"what": "上线应收账款周报"}, {"what": "每周过一次应收账款"}]
    items = edit(client, review_id, {"actions": actions}).json()["action_items"]
    done = client.patch(f"/api/v1/reviews/{review_id}/actions/{items[0]['id']}", json={"status": "done"})
    assert done.status_code == 200
    items = edit(client, review_id, {"actions": [*actions, {"what": "新增回款看板"}]}).json()["action_items"]
    assert [(a["what"], a["status"]) for a in items] == [
        ("上线应收账款周报", "done"),
        ("每周过一次应收账款", "open"),
        ("新增回款看板", "open"),
    ]


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        ({"lessons": [{**LESSON, "text": "  "}]}, "zh", "lessons.0.text：经验内容不能为空"),
        ({"lessons": [{**LESSON, "text": ""}]}, "en", "lessons.0.text: the lesson text cannot be empty"),
        ({"lessons": [{**LESSON, "dimension": "money"}]}, "zh", "lessons.0.dimension"),
        ({"goals": [{"name": "", "target": "1"}]}, "en", "goals.0.name"),
        ({"actions": [{"what": "x", "when": "next spring"}]}, "en", "actions.0.when"),
        ({"title": "   "}, "en", "title: the title cannot be empty"),
        ({"id": "other"}, "zh", "不认识的字段 id"),
        ({"language": "fr"}, "en", "Unknown field language"),
        (
            {"cause_chains": [{"phenomenon": "a", "is_main": True}, {"phenomenon": "b", "is_main": True}]},
            "zh",
            "主因",
        ),
        ({"cause_chains": [{"phenomenon": "a", "share": 1.5}]}, "en", "cause_chains.0.share"),
    ],
)
def test_an_invalid_edit_is_a_422_naming_the_field(
    client: TestClient, body: dict[str, Any], lang: str, expected: str
) -> None:
    review_id = new_review(client)
    response = edit(client, review_id, body, **{"Accept-Language": lang})
    assert response.status_code == 422, response.text
    assert expected in response.json()["error"]["message"]
    assert client.get(f"/api/v1/reviews/{review_id}").json()["lessons"] == []


def test_an_unknown_review_is_a_404(client: TestClient) -> None:
    response = edit(client, "missing", {"lessons": []}, **{"Accept-Language": "en"})
    assert response.status_code == 404
    assert response.json()["error"]["message"] == "Review missing not found"


@pytest.fixture
def keyed(tmp_path: Path) -> Iterator[tuple[TestClient, dict[str, str]]]:
    """An app with keys: two workspaces' member keys and a widget key of the first."""
    app = create_app(Settings(home=tmp_path / "home", rate_limit_per_minute=0))
    registry = app.state.services.extras["keys"]
    keys = {
        "acme": registry.create("acme", "member").key,
        "globex": registry.create("globex", "member").key,
        "widget": registry.create("acme", "widget").key,
    }
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c, keys


def test_another_workspaces_review_is_a_404_and_a_widget_key_cannot_edit(
    keyed: tuple[TestClient, dict[str, str]],
) -> None:
    client, keys = keyed

    def auth(name: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {keys[name]}"}

    review_id = new_review(client, **auth("acme"))
    assert edit(client, review_id, {"lessons": [LESSON]}, **auth("globex")).status_code == 404
    assert edit(client, review_id, {"lessons": [LESSON]}, **auth("widget")).status_code == 403
    assert edit(client, review_id, {"lessons": [LESSON]}).status_code == 401
    assert client.get(f"/api/v1/reviews/{review_id}", headers=auth("acme")).json()["lessons"] == []
    assert edit(client, review_id, {"lessons": [LESSON]}, **auth("acme")).status_code == 200


def test_an_archived_review_is_restored_before_it_is_edited(client: TestClient) -> None:
    review_id = new_review(client)
    assert client.delete(f"/api/v1/reviews/{review_id}").status_code in (200, 204)
    refused = edit(client, review_id, {"lessons": [LESSON]}, **{"Accept-Language": "en"})
    assert refused.status_code == 409
    assert "restore it" in refused.json()["error"]["message"]
    hits = client.get("/api/v1/lessons/search", params={"q": LESSON["text"], "k": 5}).json()["hits"]
    assert review_id not in [h["review_id"] for h in hits]
    assert client.post(f"/api/v1/reviews/{review_id}/restore").status_code == 200
    assert edit(client, review_id, {"lessons": [LESSON]}).status_code == 200
