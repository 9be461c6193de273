"""Every storage test runs on each backend: SQLite files, and PostgreSQL + a Chroma server."""

from __future__ import annotations

import pytest

from tests.servers import Backend


@pytest.fixture(autouse=True)
def _each_backend(on_backend: Backend) -> Backend:
    return on_backend
