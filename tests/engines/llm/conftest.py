"""LLM tests get a scripted OpenAI-protocol stub on loopback (the guards live in tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture
def stub() -> Iterator[object]:
    from tests.engines.llm.stub_server import StubOpenAI

    with StubOpenAI() as server:
        yield server
