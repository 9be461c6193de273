"""Reviews over HTTP: the document, the Markdown report, action status."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_a_review_is_served_as_json_and_markdown(client: TestClient) -> None:
    session = client.post("/api/v1/sessions", json={"team": "移动端App", "date": "2026-04-30"}).json()
    client.post(f"/api/v1/sessions/{session['id']}/messages", json={"text": "崩溃率目标0.1%，实际0.3%"})
    review = client.get(f"/api/v1/reviews/{session['review_id']}")
    assert review.status_code == 200
    assert review.json()["team"] == "移动端App"
    markdown = client.get(f"/api/v1/reviews/{session['review_id']}.md")
    assert markdown.status_code == 200
    assert markdown.headers["content-type"].startswith("text/markdown")
    assert "## 一、回顾评估" in markdown.text
    assert "崩溃率" in markdown.text
    english = client.get(f"/api/v1/reviews/{session['review_id']}.md?lang=en")
    assert "## 1. Review" in english.text


def test_reviews_are_listed_by_team(client: TestClient) -> None:
    for team in ("A组", "B组", "A组"):
        client.post("/api/v1/sessions", json={"team": team})
    listed = client.get("/api/v1/reviews", params={"team": "A组"}).json()
    assert len(listed) == 2
    assert {r["team"] for r in listed} == {"A组"}


def test_an_unknown_review_is_a_404_in_both_forms(client: TestClient) -> None:
    assert client.get("/api/v1/reviews/missing").status_code == 404
    response = client.get("/api/v1/reviews/missing.md", headers={"Accept-Language": "en"})
    assert response.status_code == 404
    assert "missing" in response.json()["error"]["message"]


def test_an_unknown_action_is_a_404(client: TestClient) -> None:
    session = client.post("/api/v1/sessions", json={}).json()
    response = client.patch(f"/api/v1/reviews/{session['review_id']}/actions/nope", json={"status": "done"})
    assert response.status_code == 404
