"""GET /api/v1/export: every listed review as JSON documents or Markdown reports, actions as CSV."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from fastapi.testclient import TestClient

from coach.domain.retrospective import Retrospective
from tests.api.test_reviews_api import FACT, _chat_review, _summarize
from tests.security.conftest import secured_app


def _export(client: TestClient, fmt: str, **params: str) -> str:
    response = client.get("/api/v1/export", params={"format": fmt, **params})
    assert response.status_code == 200, response.text
    assert "attachment" in response.headers["content-disposition"]
    return response.content.decode("utf-8")


def test_json_export_is_the_retrospective_documents_of_listed_reviews(client: TestClient) -> None:
    note, chat, archived = _summarize(client, team="华东销售"), _chat_review(client), _chat_review(client)
    client.post("/api/v1/sessions", json={"team": "空的"})  # a draft: never exported
    client.delete(f"/api/v1/reviews/{archived}")

    response = client.get("/api/v1/export")  # json is the default
    assert response.headers["content-type"].startswith("application/json")
    docs = [Retrospective.model_validate(d) for d in json.loads(response.text)]
    assert {d.id for d in docs} == {note, chat}
    by_id = {d.id: d for d in docs}
    assert by_id[note].team == "华东销售" and by_id[note].lessons and by_id[note].actions
    assert by_id[chat].goals[0].evidence == FACT

    only_archived = json.loads(_export(client, "json", archived="true"))
    assert [d["id"] for d in only_archived] == [archived]


def test_an_empty_workspace_exports_an_empty_list_and_a_header_only_csv(client: TestClient) -> None:
    assert _export(client, "json").strip() == "[\n]"
    assert _export(client, "markdown") == ""
    assert _export(client, "actions.csv").startswith("\ufeffreview_id,review_title")


def test_markdown_export_holds_every_report(client: TestClient) -> None:
    _summarize(client, team="华东销售")
    _chat_review(client, team="移动端")
    text = _export(client, "markdown")
    assert text.count("## 一、回顾评估") == 2 and "\n---\n" in text
    assert "华东销售" in text and "移动端" in text
    assert _export(client, "markdown", lang="en").count("## 1. Review") == 2


def test_actions_csv_has_a_bom_and_keeps_chinese_for_excel(client: TestClient) -> None:
    review = _summarize(client, team="华东销售")
    actions = client.get(f"/api/v1/reviews/{review}").json()["action_items"]
    client.patch(
        f"/api/v1/reviews/{review}/actions/{actions[0]['id']}", json={"status": "done", "note": "已完成"}
    )

    response = client.get("/api/v1/export", params={"format": "actions.csv"})
    assert response.headers["content-type"].startswith("text/csv")
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [r["what"] for r in rows] == [a["what"] for a in actions]
    assert rows[0]["status"] == "done" and rows[0]["status_note"] == "已完成"
    assert rows[0]["team"] == "华东销售" and rows[0]["review_id"] == review
    assert any("刘敏" in r["who"] for r in rows)

    client.delete(f"/api/v1/reviews/{review}")
    assert list(csv.DictReader(io.StringIO(_export(client, "actions.csv").lstrip("\ufeff")))) == []


def test_an_unknown_format_is_a_422_in_both_languages(client: TestClient) -> None:
    zh = client.get("/api/v1/export", params={"format": "xlsx"})
    assert zh.status_code == 422 and "format 只能是" in zh.json()["error"]["message"]
    en = client.get("/api/v1/export", params={"format": "xlsx"}, headers={"Accept-Language": "en"})
    assert "format must be one of json | markdown | actions.csv" in en.json()["error"]["message"]


def test_a_workspace_exports_only_its_own_reviews(tmp_path: Path) -> None:
    secured = secured_app(tmp_path / "home")
    with secured.client as client:
        acme, rival = secured.new_key("acme", "member"), secured.new_key("rival", "member")
        _chat_review(client, "acme组", headers=secured.auth(acme))
        _chat_review(client, "rival组", headers=secured.auth(rival))
        text = client.get("/api/v1/export?format=markdown", headers=secured.auth(acme)).text
        assert "acme组" in text and "rival组" not in text
        widget = secured.new_key("acme", "widget", ("https://intranet.acme.example",))
        headers = secured.auth(widget, Origin="https://intranet.acme.example")
        assert client.get("/api/v1/export", headers=headers).status_code == 403
