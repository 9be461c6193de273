"""The id of the HTTP request being served, for log lines written deep below the API (engines, services).

The API's request-id middleware sets it; code outside a request (CLI, evals, tests) sees None.
"""

from __future__ import annotations

from contextvars import ContextVar

current_request_id: ContextVar[str | None] = ContextVar("coach_request_id", default=None)


def request_id() -> str | None:
    """The request id of the current request, or None outside one."""
    return current_request_id.get()
