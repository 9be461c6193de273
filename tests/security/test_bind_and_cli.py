"""`coach keys …` and the refusal of `coach serve` to bind beyond loopback without keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from coach.cli import app as cli
from coach.security import KeyRegistry
from coach.security.bind import bind_refusal
from coach.settings import Settings
from coach.storage.db import Database


@pytest.fixture
def registry(tmp_path: Path) -> KeyRegistry:
    return KeyRegistry(Database(Settings(home=tmp_path / "home")))


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1"])
def test_loopback_binds_are_always_fine(registry: KeyRegistry, host: str) -> None:
    assert bind_refusal(host, registry) is None


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.10"])
def test_other_binds_need_a_key(registry: KeyRegistry, host: str) -> None:
    reason = bind_refusal(host, registry)
    assert reason is not None and "coach keys create" in reason and "拒绝" in reason
    registry.create("acme", "admin")
    assert bind_refusal(host, registry) is None


def test_serve_refuses_a_public_bind_without_keys(coach_home: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0", "--port", "1"])
    assert result.exit_code != 0
    assert "Refusing to bind 0.0.0.0" in str(result.exception) + result.output


def test_keys_create_list_revoke(coach_home: Path) -> None:
    runner = CliRunner()
    created = runner.invoke(
        cli, ["keys", "create", "--workspace", "acme", "--scope", "widget", "--origin", "https://a.example"]
    )
    assert created.exit_code == 0, created.output
    key = created.stdout.strip().splitlines()[0]
    assert key.startswith("rc_")

    listed = runner.invoke(cli, ["keys", "list"])
    assert listed.exit_code == 0 and key[:11] in listed.stdout and "widget" in listed.stdout
    assert key not in listed.stdout  # the secret is shown once, at creation

    revoked = runner.invoke(cli, ["keys", "revoke", key[:11]])
    assert revoked.exit_code == 0, revoked.output
    assert "revoked" in runner.invoke(cli, ["keys", "list", "--workspace", "acme"]).stdout

    missing = runner.invoke(cli, ["keys", "revoke", "rc_00000000"])
    assert missing.exit_code == 2 and "no key matches" in missing.output


def test_keys_create_rejects_a_bad_scope(coach_home: Path) -> None:
    result = CliRunner().invoke(cli, ["keys", "create", "--workspace", "acme", "--scope", "root"])
    assert result.exit_code == 2 and "scope must be" in result.output
