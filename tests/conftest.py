"""Test-wide rules: offline, no real model calls, every test on its own data folder."""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

# set before any coach module reads settings: the tests never see a real endpoint
for _name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "COACH_LLM_API_KEY", "COACH_LLM_BASE_URL"):
    os.environ.pop(_name, None)
os.environ["COACH_ENGINE"] = "rules"
os.environ["ANONYMIZED_TELEMETRY"] = "False"
os.environ["HF_HUB_OFFLINE"] = "1"

_real_connect = socket.socket.connect


def _is_local(address: object) -> bool:
    if not isinstance(address, tuple):
        return True  # unix sockets
    host = str(address[0])
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _guarded_connect(self: socket.socket, address: object) -> None:
    if not _is_local(address):
        raise ConnectionRefusedError(f"tests are offline: refused connection to {address!r}")
    _real_connect(self, address)  # type: ignore[arg-type]


socket.socket.connect = _guarded_connect  # type: ignore[method-assign]


@pytest.fixture
def coach_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh COACH_HOME for the test."""
    home = tmp_path / "coach-home"
    monkeypatch.setenv("COACH_HOME", str(home))
    from coach.settings import get_settings

    get_settings.cache_clear()
    yield home
    get_settings.cache_clear()
