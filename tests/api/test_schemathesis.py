"""Schemathesis against our own /openapi.json, in-process: no 5xx, responses match the schema.

Driven by hand (one pytest case per operation, hypothesis over each operation's strategy) rather
than through schemathesis' pytest plugin, which does not load under pytest 9.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
)

from coach.api.main import create_app
from coach.settings import Settings

MAX_EXAMPLES = 15
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


def _load() -> Any:
    home = Path(__import__("tempfile").mkdtemp(prefix="schemathesis-")) / "home"
    app = create_app(Settings(home=home, rate_limit_per_minute=0))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


SCHEMA = _load()
OPERATIONS = {op.label: op for op in (result.ok() for result in SCHEMA.get_all_operations())}


@pytest.mark.parametrize("label", sorted(OPERATIONS))
def test_operation_conforms_to_its_schema(label: str) -> None:
    operation = OPERATIONS[label]

    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def check(case: schemathesis.Case) -> None:
        case.call_and_validate(checks=CHECKS)

    check()
