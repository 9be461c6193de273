"""LLM tests get a scripted OpenAI-protocol stub on loopback (the guards live in tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture
def stub() -> Iterator[object]:
    from tests.engines.llm.stub_server import StubOpenAI

    with StubOpenAI() as server:
        yield server


@pytest.fixture(autouse=True)
def _fresh_endpoints() -> Iterator[None]:
    """What was learnt about endpoints (context, structured method) lives per process: start fresh."""
    from coach.engines.llm.endpoint import forget_endpoints
    from coach.engines.llm.profile import forget_methods

    forget_endpoints()
    forget_methods()
    yield
    forget_endpoints()
    forget_methods()
