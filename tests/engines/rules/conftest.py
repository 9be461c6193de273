"""Every rules-engine test fails when a turn was served by the engine's catch-all: a bug must be seen."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from coach.engines.rules.engine import CATCH_ALL


def catch_all_records(records: list[logging.LogRecord]) -> list[logging.LogRecord]:
    """The log records of turns the rules engine served by its catch-all."""
    return [r for r in records if r.name == "coach.rules" and r.getMessage().startswith(CATCH_ALL)]


@pytest.fixture(autouse=True)
def no_catch_all(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """Fail the test if any turn fell into the catch-all (the reply hides it; the log does not)."""
    caplog.set_level(logging.ERROR, logger="coach.rules")
    yield
    failed = catch_all_records(caplog.get_records("setup") + caplog.get_records("call"))
    if failed:
        pytest.fail(f"{len(failed)} turn(s) served by the rules catch-all: {failed[0].getMessage()}")
