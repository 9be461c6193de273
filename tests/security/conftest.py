"""An app on a fresh data folder plus its key registry, called in-process, on each backend."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from coach.api.main import create_app
from coach.security import KeyRegistry
from coach.settings import Settings
from tests.servers import Backend

WIDGET_ORIGIN = "https://intranet.acme.example"


@dataclass
class SecuredApp:
    app: FastAPI
    client: TestClient
    keys: KeyRegistry

    def new_key(self, workspace: str = "acme", scope: str = "member", origins: tuple[str, ...] = ()) -> str:
        return self.keys.create(workspace, scope, origins).key

    def auth(self, key: str, **extra: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {key}", **extra}


def secured_app(home: Path, **settings: object) -> SecuredApp:
    app = create_app(Settings(home=home, **settings))  # type: ignore[arg-type]
    return SecuredApp(app, TestClient(app, raise_server_exceptions=False), app.state.services.extras["keys"])


@pytest.fixture(autouse=True)
def _each_backend(on_backend: Backend) -> Backend:
    return on_backend


@pytest.fixture
def secured(tmp_path: Path) -> Iterator[SecuredApp]:
    s = secured_app(tmp_path / "home")
    with s.client:
        yield s


@pytest.fixture(scope="module")
def keyed(backend: Backend, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SecuredApp]:
    """One app for a whole module and backend, already out of local mode (tests use their own
    workspaces)."""
    stores = backend.stores()
    s = secured_app(tmp_path_factory.mktemp("keyed") / "home", **stores)
    s.new_key("bootstrap", "admin")
    with s.client:
        yield s
    backend.release(stores)
