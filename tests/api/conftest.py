from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from coach.api.main import create_app
from coach.settings import Settings


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    """The app on a fresh data folder, called in-process."""
    app = create_app(Settings(home=tmp_path / "home"))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
