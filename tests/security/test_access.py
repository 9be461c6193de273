"""The access layer over HTTP, in-process: local mode, keys, scopes, origins, limits, error shape."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.security.conftest import WIDGET_ORIGIN, SecuredApp, secured_app

PUBLIC = ["/", "/widget.js", "/healthz", "/openapi.json", "/docs"]


def test_local_mode_needs_no_key_and_ignores_foreign_ones(secured: SecuredApp) -> None:
    assert secured.client.post("/api/v1/sessions", json={}).status_code == 201
    # the openai SDK always sends some key; locally it must not matter
    headers = {"Authorization": "Bearer sk-local"}
    assert secured.client.get("/api/v1/reviews", headers=headers).status_code == 200


def test_local_mode_is_for_this_machine_only(tmp_path: Path) -> None:
    s = secured_app(tmp_path / "home")
    remote = TestClient(s.app, client=("10.0.0.7", 40000))
    response = remote.get("/api/v1/reviews", params={"lang": "en"})
    assert response.status_code == 401
    assert "coach keys create" in response.json()["error"]["message"]
    assert remote.get("/healthz").status_code == 200


def test_with_keys_a_request_without_one_is_refused_clearly(keyed: SecuredApp) -> None:
    response = keyed.client.get("/api/v1/reviews")
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    error = response.json()["error"]
    assert error["code"] == "auth_required"
    assert "API 密钥" in error["message"]
    assert error["request_id"] == response.headers["X-Request-ID"]
    english = keyed.client.get("/api/v1/reviews", headers={"Accept-Language": "en-US"})
    assert "API key is required" in english.json()["error"]["message"]


@pytest.mark.parametrize("path", PUBLIC)
def test_public_routes_need_no_key(keyed: SecuredApp, path: str) -> None:
    assert keyed.client.get(path).status_code == 200


def test_invalid_and_revoked_keys_are_refused(keyed: SecuredApp) -> None:
    created = keyed.keys.create("acme", "member")
    assert keyed.client.get("/api/v1/reviews", headers=keyed.auth(created.key)).status_code == 200
    assert keyed.client.get("/api/v1/reviews", headers={"X-API-Key": created.key}).status_code == 200
    bad = keyed.client.get("/api/v1/reviews", headers=keyed.auth(created.key + "x"))
    assert bad.status_code == 401 and bad.json()["error"]["code"] == "invalid_key"
    keyed.keys.revoke(created.info.id)
    revoked = keyed.client.get("/api/v1/reviews", headers=keyed.auth(created.key))
    assert revoked.status_code == 401


def test_scopes_are_enforced(keyed: SecuredApp) -> None:
    member = keyed.new_key(scope="member")
    widget = keyed.new_key(scope="widget", origins=(WIDGET_ORIGIN,))
    assert keyed.client.get("/api/v1/keys", headers=keyed.auth(member)).status_code == 403
    forbidden = keyed.client.get("/api/v1/reviews", headers=keyed.auth(widget, Origin=WIDGET_ORIGIN))
    assert forbidden.status_code == 403
    assert forbidden.json()["error"]["code"] == "forbidden_scope"


def test_a_widget_key_chats_from_its_origins_only(keyed: SecuredApp) -> None:
    widget = keyed.new_key(scope="widget", origins=(WIDGET_ORIGIN,))
    here = keyed.auth(widget, Origin=WIDGET_ORIGIN)
    created = keyed.client.post("/api/v1/sessions", json={"team": "SRE"}, headers=here)
    assert created.status_code == 201, created.text
    assert created.headers["Access-Control-Allow-Origin"] == WIDGET_ORIGIN
    session_id = created.json()["id"]
    turn = keyed.client.post(
        f"/api/v1/sessions/{session_id}/messages", json={"text": "可用性目标99.9%，实际99.5%"}, headers=here
    )
    assert turn.status_code == 200
    assert keyed.client.get(f"/api/v1/sessions/{session_id}", headers=here).status_code == 200
    review = keyed.client.get(f"/api/v1/reviews/{created.json()['review_id']}", headers=here)
    assert review.status_code == 403

    for headers in (keyed.auth(widget), keyed.auth(widget, Origin="https://evil.example")):
        refused = keyed.client.post("/api/v1/sessions", json={}, headers=headers)
        assert refused.status_code == 403
        assert refused.json()["error"]["code"] == "origin_not_allowed"


def test_cors_preflight_passes_without_a_key(keyed: SecuredApp) -> None:
    keyed.new_key(scope="widget", origins=(WIDGET_ORIGIN,))
    preflight = keyed.client.options(
        "/api/v1/sessions",
        headers={
            "Origin": WIDGET_ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type",
        },
    )
    assert preflight.status_code in (200, 204)
    assert preflight.headers["Access-Control-Allow-Origin"] == WIDGET_ORIGIN
    assert "authorization" in preflight.headers["Access-Control-Allow-Headers"].lower()
    stranger = keyed.client.options(
        "/api/v1/sessions",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert "access-control-allow-origin" not in stranger.headers


def test_an_admin_key_of_one_workspace_is_only_that_workspace(keyed: SecuredApp) -> None:
    acme = keyed.new_key("acme-admin", "admin")
    globex = keyed.new_key("globex-admin", "admin")
    session = keyed.client.post("/api/v1/sessions", json={"team": "acme-team"}, headers=keyed.auth(acme))
    session_id = session.json()["id"]
    other = keyed.client.get(f"/api/v1/sessions/{session_id}", headers=keyed.auth(globex))
    assert other.status_code == 404
    assert keyed.client.get("/api/v1/reviews", headers=keyed.auth(globex)).json() == []


@pytest.fixture
def limited(tmp_path: Path) -> Iterator[SecuredApp]:
    s = secured_app(tmp_path / "home", max_body_bytes=2000, rate_limit_per_minute=30)
    with s.client:
        yield s


def test_a_body_over_the_limit_is_413_declared_or_streamed(limited: SecuredApp) -> None:
    key = limited.new_key()
    big = b'{"title": "' + b"x" * 5000 + b'"}'
    declared = limited.client.post(
        "/api/v1/sessions", content=big, headers=limited.auth(key, **{"Content-Type": "application/json"})
    )
    assert declared.status_code == 413
    assert "2000" in declared.json()["error"]["message"]

    def chunks() -> Iterator[bytes]:
        yield b'{"title": "'
        for _ in range(10):
            yield b"x" * 500
        yield b'"}'

    streamed = limited.client.post(
        "/api/v1/sessions",
        content=chunks(),
        headers=limited.auth(key, **{"Content-Type": "application/json"}),
    )
    assert streamed.status_code == 413
    assert streamed.json()["error"]["request_id"] == streamed.headers["X-Request-ID"]


def test_rate_limit_answers_429_with_retry_after_per_key(limited: SecuredApp) -> None:
    first, second = limited.new_key(), limited.new_key()
    headers = limited.auth(first)
    codes = [limited.client.get("/api/v1/reviews", headers=headers).status_code for _ in range(31)]
    assert codes[:30] == [200] * 30 and codes[30] == 429
    refused = limited.client.get("/api/v1/reviews", headers=limited.auth(first))
    assert int(refused.headers["Retry-After"]) >= 1
    assert refused.json()["error"]["code"] == "rate_limited"
    assert limited.client.get("/api/v1/reviews", headers=limited.auth(second)).status_code == 200
    assert limited.client.get("/healthz").status_code == 200  # public routes are not throttled


def test_errors_carry_the_request_id_and_no_internals(keyed: SecuredApp) -> None:
    response = keyed.client.get("/api/v1/reviews", headers={"X-Request-ID": "trace-123"})
    assert response.headers["X-Request-ID"] == "trace-123"
    assert response.json()["error"]["request_id"] == "trace-123"
    for word in ("Traceback", "sqlalchemy", "key_hash", 'File "'):
        assert word not in response.text
