"""Workspaces are sealed from each other over HTTP.

Whatever workspace A holds (a review, its action, a chat session, a summary job, a lesson), a key of
workspace B that names it by id gets what it gets for an id that never existed: a 404 that says
"not found" in the caller's language (zh or en). Never a 403 or a 500 that would tell it exists, never
any of A's data, and A's data is as it was afterwards. B's key is an admin key, so no scope check can
answer in the tenant check's place. (Keys have no HTTP resource: there is none to probe.)
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import pytest

from tests.security.conftest import SecuredApp

MISSING = "0" * 16  # an id no workspace holds
MARKER = "acme秘密"  # in A's team name, titles and texts: must never reach B


@dataclass(frozen=True)
class Holdings:
    """Workspace A's resources, by id, and the key that owns them."""

    key: str
    session: str
    review: str
    action: str
    archived_review: str
    job: str
    lesson: str


@dataclass(frozen=True)
class Probe:
    """A request naming A's resource; `{…}` is filled with an id of A's (or B's own `{own_review}`)."""

    method: str
    path: str
    code: str
    json: Any = None
    accept: str | None = None


DONE = {"status": "done"}
PROBES = [
    Probe("GET", "/api/v1/reviews/{review}", "review_not_found"),
    Probe("GET", "/api/v1/reviews/{review}.md", "review_not_found"),
    Probe("PATCH", "/api/v1/reviews/{review}/document", "review_not_found", json={"title": "改掉"}),
    Probe("DELETE", "/api/v1/reviews/{review}", "review_not_found"),
    Probe("POST", "/api/v1/reviews/{archived_review}/restore", "review_not_found"),
    Probe("POST", "/api/v1/reviews/purge", "review_not_found", json={"ids": ["{archived_review}"]}),
    Probe("PATCH", "/api/v1/reviews/{review}/actions/{action}", "action_not_found", json=DONE),
    Probe("PATCH", "/api/v1/reviews/{own_review}/actions/{action}", "action_not_found", json=DONE),
    Probe("GET", "/api/v1/sessions/{session}", "session_not_found"),
    Probe("POST", "/api/v1/sessions/{session}/messages", "session_not_found", json={"text": "继续"}),
    Probe("POST", "/api/v1/sessions/{session}/messages", "session_not_found", json={"text": "继续"},
          accept="text/event-stream"),
    Probe("GET", "/api/v1/summaries/{job}", "job_not_found"),
]  # fmt: skip

LANGUAGES = {"zh": ("zh-CN", "找不到"), "en": ("en-US", "not found")}


def ok(response: Any) -> Any:
    assert response.status_code < 300, response.text
    return response.json()


@pytest.fixture(scope="module")
def acme(keyed: SecuredApp) -> Holdings:
    """Workspace A with one of everything, made through the API by its own admin key."""
    key = keyed.new_key("acme-sealed", "admin")
    auth = keyed.auth(key)
    session = ok(keyed.client.post("/api/v1/sessions", json={"team": f"{MARKER}销售"}, headers=auth))
    edit = {
        "title": f"{MARKER} 复盘",
        "actions": [{"what": f"{MARKER} 每周跟踪账龄"}],
        "lessons": [{"text": f"{MARKER} 回款要有负责人", "dimension": "business", "action": "start"}],
    }
    review = ok(
        keyed.client.patch(f"/api/v1/reviews/{session['review_id']}/document", json=edit, headers=auth)
    )
    lesson = {"text": f"{MARKER} 大客户签约前先做信用评估", "dimension": "business", "action": "start"}
    lesson_id = ok(keyed.client.post("/api/v1/lessons", json=lesson, headers=auth))["ids"][0]
    note = f"# {MARKER} 复盘\n目标：回款1亿，实际8000万。\n教训：{MARKER} 回款要分期。"
    job = ok(
        keyed.client.post("/api/v1/summaries", json={"notes": [{"name": "n.md", "text": note}]}, headers=auth)
    )
    archived = finished(keyed, job["id"], auth)["items"][0]["review_id"]
    ok(keyed.client.delete(f"/api/v1/reviews/{archived}", headers=auth))
    return Holdings(
        key=key,
        session=session["id"],
        review=session["review_id"],
        action=review["action_items"][0]["id"],
        archived_review=archived,
        job=job["id"],
        lesson=lesson_id,
    )


def finished(keyed: SecuredApp, job_id: str, auth: dict[str, str]) -> dict[str, Any]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        status = ok(keyed.client.get(f"/api/v1/summaries/{job_id}", headers=auth))
        if status["status"] == "done":
            return status  # type: ignore[no-any-return]
        time.sleep(0.05)
    raise AssertionError(f"summary job {job_id} did not finish")


@pytest.fixture(scope="module")
def globex(keyed: SecuredApp) -> tuple[str, str]:
    """Workspace B's admin key and a review of B's own."""
    key = keyed.new_key("globex-sealed", "admin")
    session = ok(keyed.client.post("/api/v1/sessions", json={"team": "globex"}, headers=keyed.auth(key)))
    return key, session["review_id"]


def fill(value: Any, ids: dict[str, str]) -> Any:
    if isinstance(value, str):
        return value.format(**ids)
    if isinstance(value, dict):
        return {k: fill(v, ids) for k, v in value.items()}
    if isinstance(value, list):
        return [fill(v, ids) for v in value]
    return value


def send(keyed: SecuredApp, probe: Probe, ids: dict[str, str], key: str, language: str) -> Any:
    headers = keyed.auth(key, **{"Accept-Language": LANGUAGES[language][0]})
    if probe.accept:
        headers["Accept"] = probe.accept
    return keyed.client.request(
        probe.method, fill(probe.path, ids), json=fill(probe.json, ids), headers=headers
    )


def a_s_ids(acme: Holdings, own_review: str) -> dict[str, str]:
    return {name: getattr(acme, name) for name in Holdings.__dataclass_fields__ if name != "key"} | {
        "own_review": own_review
    }


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("probe", PROBES, ids=lambda p: f"{p.method} {p.path}{' (SSE)' if p.accept else ''}")
def test_another_workspace_s_resource_is_not_found_like_a_missing_one(
    keyed: SecuredApp, acme: Holdings, globex: tuple[str, str], probe: Probe, language: str
) -> None:
    key, own_review = globex
    ids = a_s_ids(acme, own_review)
    foreign = send(keyed, probe, ids, key, language)
    missing_ids = {name: MISSING if name != "own_review" else own_review for name in ids}
    missing = send(keyed, probe, missing_ids, key, language)

    assert foreign.status_code == 404, foreign.text
    error = foreign.json()["error"]
    assert error["code"] == probe.code
    assert LANGUAGES[language][1] in error["message"]
    assert MARKER not in foreign.text
    # the same answer as for an id that never existed: nothing tells B that A's id is real
    assert missing.status_code == 404 and missing.json()["error"]["code"] == probe.code
    message = error["message"]
    for name, value in ids.items():
        if name != "own_review":
            message = message.replace(value, MISSING)
    assert message == missing.json()["error"]["message"]


def test_the_openai_endpoint_does_not_continue_another_workspace_s_session(
    keyed: SecuredApp, acme: Holdings, globex: tuple[str, str]
) -> None:
    key, _ = globex
    chat = {"model": "retro-coach", "messages": [{"role": "user", "content": "继续"}]}
    for session in (acme.session, MISSING):
        response = keyed.client.post(
            "/v1/chat/completions", json=chat, headers=keyed.auth(key, **{"X-Session-Id": session})
        )
        assert response.status_code == 404, response.text
        assert response.json()["error"]["code"] == "session_not_found"
        assert MARKER not in response.text


def test_another_workspace_s_lessons_are_neither_found_nor_overwritten(
    keyed: SecuredApp, acme: Holdings, globex: tuple[str, str]
) -> None:
    auth = keyed.auth(globex[0])
    hits = ok(
        keyed.client.get("/api/v1/lessons/search", params={"q": f"{MARKER} 信用评估", "k": 20}, headers=auth)
    )
    assert acme.lesson not in {hit["id"] for hit in hits["hits"]}
    assert MARKER not in keyed.client.get("/api/v1/lessons/export", headers=auth).text
    assert MARKER not in keyed.client.get("/api/v1/lessons/recurring", headers=auth).text
    taken = keyed.client.post(
        "/api/v1/lessons",
        json={"id": acme.lesson, "text": "换掉", "dimension": "people", "action": "stop"},
        headers=auth,
    )
    assert 400 <= taken.status_code < 500 and taken.status_code != 403, taken.text
    assert MARKER not in taken.text
    exported = keyed.client.get("/api/v1/lessons/export", headers=keyed.auth(acme.key)).text
    assert f"{MARKER} 大客户签约前先做信用评估" in exported and "换掉" not in exported


def test_lists_of_another_workspace_show_none_of_a_s_data(keyed: SecuredApp, globex: tuple[str, str]) -> None:
    auth = keyed.auth(globex[0])
    for path in ("/api/v1/reviews", "/api/v1/reviews?archived=true", f"/api/v1/reviews?team={MARKER}销售"):
        listed = keyed.client.get(path, headers=auth)
        assert listed.status_code == 200 and MARKER not in listed.text
    for fmt in ("json", "markdown", "actions.csv"):
        assert MARKER not in keyed.client.get("/api/v1/export", params={"format": fmt}, headers=auth).text


def test_a_s_data_is_as_it_was_after_b_s_attempts(
    keyed: SecuredApp, acme: Holdings, globex: tuple[str, str]
) -> None:
    key, own_review = globex
    for probe in PROBES:  # whatever order pytest ran them in, they have all been sent once more here
        send(keyed, probe, a_s_ids(acme, own_review), key, "en")
    auth = keyed.auth(acme.key)
    review = ok(keyed.client.get(f"/api/v1/reviews/{acme.review}", headers=auth))
    assert review["title"] == f"{MARKER} 复盘" and review["archived_at"] is None
    assert [a["status"] for a in review["action_items"]] == ["open"]
    archived = ok(keyed.client.get(f"/api/v1/reviews/{acme.archived_review}", headers=auth))
    assert archived["archived_at"] is not None  # neither restored nor purged
    turns = ok(keyed.client.get(f"/api/v1/sessions/{acme.session}", headers=auth))["turns"]
    assert [t["role"] for t in turns] == ["coach"]  # only the opening: B's messages never landed
    assert ok(keyed.client.get(f"/api/v1/summaries/{acme.job}", headers=auth))["status"] == "done"
