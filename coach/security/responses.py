"""Error responses written by the access layer, in the same shape as the app's own errors."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import Scope

from coach.api.i18n import request_language


def error_response(
    scope: Scope, status: int, zh: str, en: str, code: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    """`{"error": {code, message, request_id}}` in the caller's language (X-Request-ID is added outside)."""
    request = Request(scope)
    message = zh if request_language(request) == "zh" else en
    request_id = scope.get("state", {}).get("request_id")
    body = {"error": {"code": code, "message": message, "request_id": request_id}}
    return JSONResponse(body, status_code=status, headers=headers)
