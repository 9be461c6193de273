"""Route policy and the token bucket, as plain functions."""

from __future__ import annotations

import pytest

from coach.security.network import is_local_client, is_loopback_host
from coach.security.ratelimit import TokenBuckets, retry_after_header
from coach.security.scopes import Access, Scope, allows, required_access

pytestmark = pytest.mark.no_storage


@pytest.mark.parametrize(
    ("method", "path", "access"),
    [
        ("GET", "/", Access.PUBLIC),
        ("GET", "/widget.js", Access.PUBLIC),
        ("GET", "/healthz", Access.PUBLIC),
        ("GET", "/openapi.json", Access.PUBLIC),
        ("GET", "/docs", Access.PUBLIC),
        ("GET", "/static/app.js", Access.PUBLIC),
        ("POST", "/healthz", Access.MEMBER),
        ("POST", "/api/v1/sessions", Access.WIDGET),
        ("GET", "/api/v1/sessions/abc123", Access.WIDGET),
        ("POST", "/api/v1/sessions/abc123/messages", Access.WIDGET),
        ("GET", "/api/v1/sessions", Access.MEMBER),
        ("GET", "/api/v1/sessions/abc/turns", Access.MEMBER),
        ("GET", "/api/v1/reviews/abc", Access.MEMBER),
        ("GET", "/api/v1/lessons/search", Access.MEMBER),
        ("POST", "/v1/chat/completions", Access.MEMBER),
        ("GET", "/api/v1/keys", Access.ADMIN),
        ("GET", "/anything/else", Access.MEMBER),
    ],
)
def test_required_access(method: str, path: str, access: Access) -> None:
    assert required_access(method, path) is access


def test_scopes_grant_up_to_their_level() -> None:
    assert allows(Scope.ADMIN, Access.ADMIN) and allows(Scope.ADMIN, Access.WIDGET)
    assert allows(Scope.MEMBER, Access.MEMBER) and not allows(Scope.MEMBER, Access.ADMIN)
    assert allows(Scope.WIDGET, Access.WIDGET) and not allows(Scope.WIDGET, Access.MEMBER)


def test_token_bucket_bursts_then_refills() -> None:
    buckets = TokenBuckets(per_minute=60)
    assert all(buckets.take("k", now=0.0) == 0.0 for _ in range(60))
    wait = buckets.take("k", now=0.0)
    assert wait == pytest.approx(1.0)
    assert retry_after_header(wait) == "1"
    assert buckets.take("other", now=0.0) == 0.0  # buckets are per identity
    assert buckets.take("k", now=1.0) == 0.0  # one token a second comes back
    assert buckets.take("k", now=1.0) > 0


def test_token_bucket_memory_is_bounded() -> None:
    buckets = TokenBuckets(per_minute=10, max_buckets=100)
    for i in range(1000):
        buckets.take(f"ip:{i}", now=0.0)
    assert len(buckets._buckets) <= 100


def test_zero_disables_rate_limiting() -> None:
    buckets = TokenBuckets(per_minute=0)
    assert all(buckets.take("k") == 0.0 for _ in range(1000))


@pytest.mark.parametrize("host", ["127.0.0.1", "127.8.9.1", "::1", "[::1]", "localhost", "::ffff:127.0.0.1"])
def test_loopback_hosts(host: str) -> None:
    assert is_loopback_host(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "10.0.0.1", "192.168.1.2", "example.com", "", None])
def test_non_loopback_hosts(host: str | None) -> None:
    assert not is_loopback_host(host)


def test_local_clients() -> None:
    assert is_local_client(("127.0.0.1", 5000)) and is_local_client(None)
    assert is_local_client(("testclient", 1))
    assert not is_local_client(("10.1.2.3", 5000))
