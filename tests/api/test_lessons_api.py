"""Lessons over HTTP on real SQLite + Chroma files: add, search, validate, recurring, export, isolation."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from coach.api.main import create_app
from coach.domain.library import LessonRecord
from coach.settings import Settings
from coach.storage.tables import Workspace
from tests.library.sample_lessons import SAMPLE


@pytest.fixture(scope="module")
def lessons_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """One app for the module with the sample lessons posted once (embedding is the slow part)."""
    home: Path = tmp_path_factory.mktemp("api") / "home"
    app = create_app(Settings(home=home))
    with TestClient(app, raise_server_exceptions=False) as client:
        created = client.post("/api/v1/lessons", json=SAMPLE)
        assert created.status_code == 201, created.text
        assert created.json()["ids"] == [x["id"] for x in SAMPLE]
        yield client


def test_search_returns_hits_in_the_product_shape(lessons_client: TestClient) -> None:
    response = lessons_client.get("/api/v1/lessons/search", params={"q": "压货冲业绩", "k": 3})
    assert response.status_code == 200
    body = response.json()
    assert body["mode"] == "hybrid" and body["degraded"] is False
    top = body["hits"][0]
    assert top["id"] == "S02"
    assert set(top) >= {"id", "text", "team", "dimension", "action", "review_date", "score", "review_id"}
    assert top["review_date"] == "2025-04-10"
    assert len(body["hits"]) <= 3


def test_search_filters_by_team_dimension_action_and_dates(lessons_client: TestClient) -> None:
    params = {"q": "灰度 上线", "k": 10, "team": "数据平台"}
    assert [h["id"] for h in lessons_client.get("/api/v1/lessons/search", params=params).json()["hits"]] == [
        "S11"
    ]
    params = {"q": "上线", "k": 10, "date_from": "2025-08-01", "date_to": "2025-12-31"}
    hits = lessons_client.get("/api/v1/lessons/search", params=params).json()["hits"]
    assert hits and all(h["review_date"] >= "2025-08-01" for h in hits)
    params = {"q": "客户", "k": 10, "dimension": "people", "action": "start"}
    hits = lessons_client.get("/api/v1/lessons/search", params=params).json()["hits"]
    assert all(h["dimension"] == "people" and h["action"] == "start" for h in hits)


@pytest.mark.parametrize(
    ("params", "en", "zh"),
    [
        ({"q": ""}, "must not be empty", "不能为空"),
        ({"q": "灰度", "k": 0}, "between 1 and 50", "1 到 50"),
        ({"q": "灰度", "k": 10000}, "between 1 and 50", "1 到 50"),
        ({"q": "灰度", "dimension": "money"}, "organization, culture, people, business", "只能是"),
        ({"q": "灰度", "action": "pause"}, "continue, stop, optimize, start", "只能是"),
    ],
)
def test_bad_search_input_is_a_bilingual_422(
    lessons_client: TestClient, params: dict[str, object], en: str, zh: str
) -> None:
    english = lessons_client.get("/api/v1/lessons/search", params=params, headers={"Accept-Language": "en"})
    assert english.status_code == 422
    assert en in english.json()["error"]["message"]
    chinese = lessons_client.get("/api/v1/lessons/search", params=params)
    assert chinese.status_code == 422
    assert zh in chinese.json()["error"]["message"]


def test_a_bad_lesson_body_is_a_422_naming_the_allowed_values(lessons_client: TestClient) -> None:
    response = lessons_client.post(
        "/api/v1/lessons",
        json={"text": "x", "dimension": "money", "action": "start"},
        headers={"Accept-Language": "en"},
    )
    assert response.status_code == 422
    assert "organization" in response.json()["error"]["message"]


def test_one_lesson_can_be_posted_and_is_found_by_its_id(lessons_client: TestClient) -> None:
    one = {
        "id": "EXT-77",
        "text": "采购合同签订前必须法务审核",
        "team": "采购部",
        "dimension": "organization",
        "action": "start",
    }
    response = lessons_client.post("/api/v1/lessons", json=one)
    assert response.status_code == 201
    assert response.json()["ids"] == ["EXT-77"]
    hits = lessons_client.get("/api/v1/lessons/search", params={"q": "合同 法务审核"}).json()["hits"]
    assert hits[0]["id"] == "EXT-77"


def test_export_is_the_import_format(lessons_client: TestClient) -> None:
    response = lessons_client.get("/api/v1/lessons/export")
    assert response.status_code == 200
    records = [LessonRecord.model_validate(json.loads(line)) for line in response.text.splitlines()]
    assert {r.id for r in records} >= {x["id"] for x in SAMPLE}


def test_recurring_answers_a_list(lessons_client: TestClient) -> None:
    response = lessons_client.get("/api/v1/lessons/recurring")
    assert response.status_code == 200
    assert isinstance(response.json(), list)


def test_another_workspaces_lessons_never_appear(lessons_client: TestClient) -> None:
    library = lessons_client.app.state.services.library  # type: ignore[attr-defined]
    with library.store.session() as db:
        db.add(Workspace(id="other-co", name="Other"))
        db.commit()
    secret = LessonRecord(
        id="SECRET-1", text="灰度发布 压货 冲业绩 postmortem", dimension="business", action="stop"
    )
    library.add_records("other-co", [secret])
    for q in ("灰度发布", "压货 冲业绩", "postmortem"):
        hits = lessons_client.get("/api/v1/lessons/search", params={"q": q, "k": 50}).json()["hits"]
        assert "SECRET-1" not in {h["id"] for h in hits}
    exported = lessons_client.get("/api/v1/lessons/export").text
    assert "SECRET-1" not in exported
