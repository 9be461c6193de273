"""Reviews over HTTP: the document, the Markdown report, action status, drafts, archive, restore,
purge, and the same note summarized twice."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from coach.library.dense import collection_name
from coach.storage.tables import DEFAULT_WORKSPACE
from tests.security.conftest import SecuredApp, secured_app

FACT = "回款目标1.2亿，实际9600万"
NOTE = (Path(__file__).resolve().parents[2] / "evals/notes/notes/n01.md").read_text(encoding="utf-8")


def _chat_review(client: TestClient, team: str | None = None, headers: dict[str, str] | None = None) -> str:
    """A review with one fact in it, made through a chat."""
    body = {"team": team} if team else {}
    session = client.post("/api/v1/sessions", json=body, headers=headers).json()
    client.post(f"/api/v1/sessions/{session['id']}/messages", json={"text": FACT}, headers=headers)
    return str(session["review_id"])


def _wait(client: TestClient, job_id: str, timeout: float = 120) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body = client.get(f"/api/v1/summaries/{job_id}").json()
        if body["status"] == "done":
            return body  # type: ignore[no-any-return]
        time.sleep(0.05)
    raise TimeoutError(job_id)


def _summarize(client: TestClient, **fields: Any) -> str:
    """The note n01 summarized (lessons indexed) through the API; returns its review id."""
    job = client.post("/api/v1/summaries", json={"notes": [{"name": "n01.md", "text": NOTE}], **fields})
    assert job.status_code == 202, job.text
    item = _wait(client, job.json()["id"])["items"][0]
    assert item["status"] == "done", item
    return str(item["review_id"])


def _listed(client: TestClient, **params: Any) -> list[str]:
    return [r["id"] for r in client.get("/api/v1/reviews", params=params).json()]


def _db(client: TestClient) -> sqlite3.Connection:
    return sqlite3.connect(client.app.state.services.settings.home / "coach.db")  # type: ignore[attr-defined]


# ---- reading ------------------------------------------------------------------------------------


def test_a_review_is_served_as_json_and_markdown(client: TestClient) -> None:
    session = client.post("/api/v1/sessions", json={"team": "移动端App", "date": "2026-04-30"}).json()
    client.post(f"/api/v1/sessions/{session['id']}/messages", json={"text": "崩溃率目标0.1%，实际0.3%"})
    review = client.get(f"/api/v1/reviews/{session['review_id']}")
    assert review.status_code == 200
    assert review.json()["team"] == "移动端App"
    assert review.json()["archived_at"] is None
    markdown = client.get(f"/api/v1/reviews/{session['review_id']}.md")
    assert markdown.status_code == 200
    assert markdown.headers["content-type"].startswith("text/markdown")
    assert "## 一、回顾评估" in markdown.text
    assert "崩溃率" in markdown.text
    english = client.get(f"/api/v1/reviews/{session['review_id']}.md?lang=en")
    assert "## 1. Review" in english.text


def test_reviews_are_listed_by_team(client: TestClient) -> None:
    for team in ("A组", "B组", "A组"):
        _chat_review(client, team)
    listed = client.get("/api/v1/reviews", params={"team": "A组"}).json()
    assert len(listed) == 2
    assert {r["team"] for r in listed} == {"A组"}
    assert all(r["goals"] == 1 for r in listed)


def test_an_unknown_review_is_a_404_in_both_forms(client: TestClient) -> None:
    assert client.get("/api/v1/reviews/missing").status_code == 404
    response = client.get("/api/v1/reviews/missing.md", headers={"Accept-Language": "en"})
    assert response.status_code == 404
    assert "missing" in response.json()["error"]["message"]


def test_an_unknown_action_is_a_404(client: TestClient) -> None:
    session = client.post("/api/v1/sessions", json={}).json()
    response = client.patch(f"/api/v1/reviews/{session['review_id']}/actions/nope", json={"status": "done"})
    assert response.status_code == 404


# ---- no empty reviews -----------------------------------------------------------------------------


def test_a_chat_opened_and_left_leaves_no_review(client: TestClient) -> None:
    session = client.post("/api/v1/sessions", json={"team": "华东销售"}).json()
    client.post(f"/api/v1/sessions/{session['id']}/messages", json={"text": "你好"})
    assert _listed(client) == []
    # the draft is still the session's: it can be read back by id
    assert client.get(f"/api/v1/reviews/{session['review_id']}").status_code == 200

    client.post(f"/api/v1/sessions/{session['id']}/messages", json={"text": FACT})
    assert _listed(client) == [session["review_id"]]


def test_the_openai_route_leaves_no_empty_review(client: TestClient) -> None:
    def complete(text: str, user: str) -> None:
        body = {"model": "retro-coach", "messages": [{"role": "user", "content": text}], "user": user}
        assert client.post("/v1/chat/completions", json=body).status_code == 200

    complete("你好", "alice")
    complete("hello", "bob")
    assert _listed(client) == []
    complete(FACT, "alice")
    listed = client.get("/api/v1/reviews").json()
    assert len(listed) == 1 and listed[0]["goals"] == 1


# ---- archive and restore ----------------------------------------------------------------------------


def test_archiving_hides_a_review_and_restoring_brings_it_back(client: TestClient) -> None:
    kept, archived = _chat_review(client, "A组"), _chat_review(client, "A组")

    response = client.delete(f"/api/v1/reviews/{archived}")
    assert response.status_code == 200
    assert response.json()["id"] == archived and response.json()["archived_at"]
    assert _listed(client) == [kept]
    assert _listed(client, team="A组") == [kept]
    assert _listed(client, archived="true") == [archived]
    assert client.get(f"/api/v1/reviews/{archived}").json()["archived_at"]
    assert client.delete(f"/api/v1/reviews/{archived}").status_code == 200  # twice changes nothing

    restored = client.post(f"/api/v1/reviews/{archived}/restore")
    assert restored.status_code == 200 and restored.json()["archived_at"] is None
    assert sorted(_listed(client)) == sorted([kept, archived])
    assert _listed(client, archived="true") == []


def test_an_archived_reviews_lessons_leave_search_and_recurring_lessons(client: TestClient) -> None:
    first = _summarize(client, index=True)
    second = _summarize(client, index=True, force=True)
    assert first != second

    def search() -> set[str]:
        hits = client.get("/api/v1/lessons/search", params={"q": "老客户季度回访", "k": 10}).json()["hits"]
        return {h["review_id"] for h in hits}

    def recurring() -> set[str]:
        clusters = client.get("/api/v1/lessons/recurring").json()
        return {lesson["review_id"] for c in clusters for lesson in c["lessons"]}

    assert search() == recurring() == {first, second}

    client.delete(f"/api/v1/reviews/{second}")
    assert search() == {first}
    assert recurring() == set()  # one review left: nothing recurs

    client.post(f"/api/v1/reviews/{second}/restore")
    assert search() == recurring() == {first, second}


def test_an_archived_reviews_actions_are_not_followed_up(client: TestClient) -> None:
    earlier = _summarize(client, team="华东销售")
    actions = client.get(f"/api/v1/reviews/{earlier}").json()["action_items"]
    assert actions

    def opening() -> str:
        return str(client.post("/api/v1/sessions", json={"team": "华东销售"}).json()["reply"])

    assert actions[0]["what"][:6] in opening()
    client.delete(f"/api/v1/reviews/{earlier}")
    assert actions[0]["what"][:6] not in opening()
    client.post(f"/api/v1/reviews/{earlier}/restore")
    assert actions[0]["what"][:6] in opening()


# ---- purge --------------------------------------------------------------------------------------------


def test_purging_deletes_the_review_its_lessons_vectors_actions_and_conversation(client: TestClient) -> None:
    purged, kept = _summarize(client, index=True), _chat_review(client)
    session_of_kept = _chat_review(client)
    library = client.app.state.services.library  # type: ignore[attr-defined]
    with _db(client) as db:
        lesson_ids = [r[0] for r in db.execute("SELECT id FROM lessons WHERE review_id = ?", (purged,))]
        # a conversation on the purged review too (a chat session's review archived, then purged)
        chat = client.post("/api/v1/sessions", json={}).json()
        db.execute("UPDATE sessions SET review_id = ? WHERE id = ?", (purged, chat["id"]))
    assert lesson_ids
    collection = library.dense.client.get_collection(collection_name(DEFAULT_WORKSPACE))
    assert len(collection.get(ids=lesson_ids)["ids"]) == len(lesson_ids)

    refused = client.post("/api/v1/reviews/purge", json={"ids": [purged]}, headers={"Accept-Language": "en"})
    assert refused.status_code == 409 and "archive it first" in refused.json()["error"]["message"]
    assert (
        "请先归档" in client.post("/api/v1/reviews/purge", json={"ids": [purged]}).json()["error"]["message"]
    )

    client.delete(f"/api/v1/reviews/{purged}")
    response = client.post("/api/v1/reviews/purge")  # every archived review of the workspace
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["reviews"] == [purged] and report["lessons"] == len(lesson_ids)
    assert report["actions"] > 0 and report["sessions"] == 1

    assert client.get(f"/api/v1/reviews/{purged}").status_code == 404
    with _db(client) as db:
        for table, column in (("reviews", "id"), ("lessons", "review_id"), ("action_items", "review_id")):
            assert db.execute(f"SELECT count(*) FROM {table} WHERE {column} = ?", (purged,)).fetchone() == (
                0,
            )
        assert db.execute("SELECT count(*) FROM sessions WHERE id = ?", (chat["id"],)).fetchone() == (0,)
        assert db.execute("SELECT count(*) FROM turns WHERE session_id = ?", (chat["id"],)).fetchone() == (0,)
        assert db.execute("SELECT review_id FROM summary_job_items").fetchall() == [(None,)]
    collection = library.dense.client.get_collection(collection_name(DEFAULT_WORKSPACE))
    assert collection.get(ids=lesson_ids)["ids"] == []
    assert sorted(_listed(client)) == sorted([kept, session_of_kept])


def test_archive_restore_and_purge_answer_404_for_unknown_reviews_in_both_languages(
    client: TestClient,
) -> None:
    zh = client.delete("/api/v1/reviews/nope")
    assert zh.status_code == 404 and "找不到复盘 nope" in zh.json()["error"]["message"]
    en = client.post("/api/v1/reviews/nope/restore", headers={"Accept-Language": "en"})
    assert en.status_code == 404 and "Review nope not found" in en.json()["error"]["message"]
    assert client.post("/api/v1/reviews/purge", json={"ids": ["nope"]}).status_code == 404
    assert client.post("/api/v1/reviews/purge", json={"idz": []}).status_code == 422


@pytest.fixture
def secured(tmp_path: Path) -> Iterator[SecuredApp]:
    s = secured_app(tmp_path / "home")
    with s.client:
        yield s


def test_scopes_widget_cannot_archive_member_cannot_purge_and_other_workspaces_are_404(
    secured: SecuredApp,
) -> None:
    admin, member = secured.new_key("acme", "admin"), secured.new_key("acme", "member")
    widget = secured.new_key("acme", "widget", ("https://intranet.acme.example",))
    peer = secured.new_key("rival", "admin")
    client = secured.client
    review = _chat_review(client, headers=secured.auth(member))

    as_widget = secured.auth(widget, Origin="https://intranet.acme.example")
    assert client.delete(f"/api/v1/reviews/{review}", headers=as_widget).status_code == 403
    for method, path in (("DELETE", review), ("POST", f"{review}/restore")):
        foreign = client.request(method, f"/api/v1/reviews/{path}", headers=secured.auth(peer))
        assert foreign.status_code == 404
    foreign_purge = client.post("/api/v1/reviews/purge", json={"ids": [review]}, headers=secured.auth(peer))
    assert foreign_purge.status_code == 404

    assert client.delete(f"/api/v1/reviews/{review}", headers=secured.auth(member)).status_code == 200
    # another workspace's purge-all leaves acme's archived review alone
    assert client.post("/api/v1/reviews/purge", headers=secured.auth(peer)).json()["reviews"] == []
    denied = client.post("/api/v1/reviews/purge", headers=secured.auth(member, **{"Accept-Language": "en"}))
    assert denied.status_code == 403
    purged = client.post("/api/v1/reviews/purge", headers=secured.auth(admin))
    assert purged.status_code == 200 and purged.json()["reviews"] == [review]


@pytest.mark.parametrize("where", ["COACH_CORS_ORIGINS", "a workspace's allowed origin"])
def test_a_page_of_an_allowed_origin_may_delete_a_review(tmp_path: Path, where: str) -> None:
    origin = "https://intranet.acme.example"
    fixed = [origin] if where == "COACH_CORS_ORIGINS" else []
    s = secured_app(tmp_path / "home", cors_origins=fixed)
    if not fixed:
        s.new_key("acme", "widget", (origin,))
    with s.client:
        preflight = s.client.options(
            "/api/v1/reviews/R1",
            headers={"Origin": origin, "Access-Control-Request-Method": "DELETE"},
        )
    assert preflight.status_code in (200, 204), preflight.text
    assert preflight.headers["access-control-allow-origin"] == origin
    allowed = {m.strip() for m in preflight.headers["access-control-allow-methods"].split(",")}
    assert {"DELETE", "POST", "PATCH"} <= allowed


# ---- the same note twice -----------------------------------------------------------------------------


def test_the_same_note_uploaded_twice_updates_its_review_and_force_makes_a_new_one(
    client: TestClient,
) -> None:
    first = _summarize(client)
    actions = client.get(f"/api/v1/reviews/{first}").json()["action_items"]
    client.patch(f"/api/v1/reviews/{first}/actions/{actions[0]['id']}", json={"status": "done"})

    files = [("files", ("n01.md", NOTE.replace("\n", "\r\n").encode("utf-8-sig"), "text/markdown"))]
    job = client.post("/api/v1/summaries", files=files)
    again = _wait(client, job.json()["id"])["items"][0]["review_id"]
    assert again == first
    assert _listed(client) == [first]
    # the action's recorded status survives the update
    assert client.get(f"/api/v1/reviews/{first}").json()["action_items"][0]["status"] == "done"

    job = client.post("/api/v1/summaries", files=files, data={"force": "true"})
    forced = _wait(client, job.json()["id"])["items"][0]["review_id"]
    assert forced != first
    assert sorted(_listed(client)) == sorted([first, forced])
