"""Key material and the key registry: hashed at rest, shown once, revocable, unambiguous."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from coach.security import KeyAdminError, KeyRegistry
from coach.security.keys import generate_key, hash_key, key_prefix, plausible_key, same_hash
from coach.security.origins import InvalidOrigin, normalize_origin, origin_matches
from coach.settings import Settings
from coach.storage.db import Database
from coach.storage.tables import ApiKey, Workspace


@pytest.fixture
def registry(tmp_path: Path) -> KeyRegistry:
    return KeyRegistry(Database(Settings(home=tmp_path / "home")))


def test_generated_keys_are_unique_plausible_and_prefixed() -> None:
    keys = {generate_key() for _ in range(200)}
    assert len(keys) == 200
    for key in keys:
        assert plausible_key(key)
        assert key_prefix(key).startswith("rc_") and len(key_prefix(key)) == 11
    assert not plausible_key("sk-openai-something")
    assert not plausible_key("rc_short")


def test_hash_is_stable_and_compared_in_constant_time() -> None:
    key = generate_key()
    assert hash_key(key) == hash_key(key) and len(hash_key(key)) == 64
    assert same_hash(hash_key(key), hash_key(key))
    assert not same_hash(hash_key(key), hash_key(generate_key()))


def test_only_the_hash_is_stored(registry: KeyRegistry) -> None:
    created = registry.create("acme", "admin")
    with registry.database.session() as db:
        row = db.scalar(select(ApiKey).where(ApiKey.id == created.info.id))
        assert row is not None
        assert created.key not in (row.key_hash, row.prefix)
        assert row.key_hash == hash_key(created.key)
        assert db.get(Workspace, "acme") is not None


def test_resolve_finds_the_workspace_and_scope_until_revoked(registry: KeyRegistry) -> None:
    created = registry.create("acme", "widget", ["https://Intranet.acme.example/"])
    principal = registry.resolve(created.key)
    assert principal is not None
    assert (principal.workspace_id, principal.scope.value) == ("acme", "widget")
    assert registry.origins("acme") == ("https://intranet.acme.example",)
    assert registry.resolve(created.key[:-1] + "x") is None

    registry.revoke(created.info.prefix)
    assert registry.resolve(created.key) is None
    assert registry.listing("acme")[0].revoked_at is not None


def test_revoke_needs_an_unambiguous_match(registry: KeyRegistry) -> None:
    first = registry.create("acme", "member")
    registry.create("acme", "member")
    with pytest.raises(KeyAdminError, match="no key"):
        registry.revoke("rc_nothere")
    assert registry.revoke(first.info.id).id == first.info.id
    assert registry.revoke(first.key).id == first.info.id  # the full key works too, twice is fine


def test_revoking_the_last_key_does_not_reopen_local_mode(registry: KeyRegistry) -> None:
    assert not registry.any_keys()
    created = registry.create("acme", "member")
    assert registry.any_keys()
    registry.revoke(created.info.id)
    assert registry.any_keys()


@pytest.mark.parametrize(
    ("workspace", "scope", "origins", "message"),
    [
        ("bad workspace", "member", (), "invalid workspace"),
        ("", "member", (), "invalid workspace"),
        ("acme", "root", (), "scope must be"),
        ("acme", "widget", ("intranet.acme.example",), "not an origin"),
        ("acme", "widget", ("https://acme.example/page",), "no path"),
    ],
)
def test_create_rejects_bad_input(
    registry: KeyRegistry, workspace: str, scope: str, origins: tuple[str, ...], message: str
) -> None:
    with pytest.raises(KeyAdminError, match=message):
        registry.create(workspace, scope, origins)


def test_origins_normalize_like_browsers_send_them() -> None:
    assert normalize_origin("HTTPS://Example.COM:443/") == "https://example.com"
    assert normalize_origin("http://example.com:8080") == "http://example.com:8080"
    assert normalize_origin("http://[::1]:3000") == "http://[::1]:3000"
    with pytest.raises(InvalidOrigin):
        normalize_origin("javascript:alert(1)")
    allowed = ("https://example.com",)
    assert origin_matches("https://example.com", allowed)
    assert not origin_matches("https://example.com.evil.io", allowed)
    assert not origin_matches("null", allowed)
    assert not origin_matches(None, allowed)
