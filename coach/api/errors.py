"""Every 4xx says what was wrong, in the user's language; nothing a user sends becomes a 500."""

from __future__ import annotations

import logging
import re
import time
import uuid
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from coach.api.i18n import request_language
from coach.request_context import current_request_id
from coach.services.chat import SessionBusy

log = logging.getLogger("coach.api")
_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")


class UserError(Exception):
    """A problem with what the user sent; carries both languages."""

    def __init__(self, status: int, zh: str, en: str, code: str = "bad_request") -> None:
        super().__init__(en)
        self.status, self.zh, self.en, self.code = status, zh, en, code


_STATUS_TEXT = {
    404: ("找不到该资源", "Not found"),
    405: ("不支持该请求方法", "Method not allowed"),
    413: ("请求体过大", "Request body too large"),
    415: ("不支持的内容类型", "Unsupported media type"),
}


def _body(code: str, message: str, request: Request, details: Any = None) -> dict[str, Any]:
    body: dict[str, Any] = {"error": {"code": code, "message": message}}
    if details is not None:
        body["error"]["details"] = details
    body["error"]["request_id"] = getattr(request.state, "request_id", None)
    return body


def _describe(err: dict[str, Any], lang: str) -> str:
    loc = ".".join(str(p) for p in err.get("loc", ()) if p != "body") or "body"
    kind = err.get("type", "")
    if kind == "json_invalid":
        return "请求体不是合法的 JSON" if lang == "zh" else "The request body is not valid JSON"
    if kind == "missing":
        return f"缺少字段 {loc}" if lang == "zh" else f"Field {loc} is required"
    if kind == "extra_forbidden":
        return f"不认识的字段 {loc}" if lang == "zh" else f"Unknown field {loc}"
    ctx = err.get("ctx") or {}
    if kind == "enum" and "expected" in ctx:
        allowed = ctx["expected"]
        return f"{loc} 只能是 {allowed}" if lang == "zh" else f"{loc} must be one of {allowed}"
    if (said := _KIND_TEXT.get(kind)) is not None:
        try:
            return (said[0] if lang == "zh" else said[1]).format(loc=loc, **ctx)
        except (KeyError, IndexError):
            pass  # a context value the message needs is missing: say pydantic's own words
    msg = str(err.get("msg", "invalid"))
    return f"字段 {loc} 不合法：{msg}" if lang == "zh" else f"Invalid {loc}: {msg}"


# the validation errors a user can cause, said in their language (pydantic's own text is English only)
_KIND_TEXT = {
    "date_parsing": ("字段 {loc} 应是日期，格式 YYYY-MM-DD", "{loc} must be a date, YYYY-MM-DD"),
    "date_from_datetime_parsing": (
        "字段 {loc} 应是日期，格式 YYYY-MM-DD",
        "{loc} must be a date, YYYY-MM-DD",
    ),
    "date_type": ("字段 {loc} 应是日期，格式 YYYY-MM-DD", "{loc} must be a date, YYYY-MM-DD"),
    "string_type": ("字段 {loc} 应是文字", "{loc} must be text"),
    "string_too_short": (
        "字段 {loc} 至少要 {min_length} 个字",
        "{loc} needs at least {min_length} characters",
    ),
    "string_too_long": ("字段 {loc} 最多 {max_length} 个字", "{loc} takes at most {max_length} characters"),
    "int_parsing": ("字段 {loc} 应是整数", "{loc} must be a whole number"),
    "int_type": ("字段 {loc} 应是整数", "{loc} must be a whole number"),
    "float_parsing": ("字段 {loc} 应是数字", "{loc} must be a number"),
    "bool_parsing": ("字段 {loc} 应是 true 或 false", "{loc} must be true or false"),
    "greater_than_equal": ("字段 {loc} 不能小于 {ge}", "{loc} must be at least {ge}"),
    "less_than_equal": ("字段 {loc} 不能大于 {le}", "{loc} must be at most {le}"),
    "list_type": ("字段 {loc} 应是列表", "{loc} must be a list"),
    "model_type": ("字段 {loc} 应是对象", "{loc} must be an object"),
    "dict_type": ("字段 {loc} 应是对象", "{loc} must be an object"),
}


def install_error_handlers(app: FastAPI) -> None:
    @app.middleware("http")
    async def request_id(request: Request, call_next):  # type: ignore[no-untyped-def]
        given = request.headers.get("x-request-id", "")
        request.state.request_id = given if _REQUEST_ID.fullmatch(given) else uuid.uuid4().hex[:12]
        current_request_id.set(request.state.request_id)  # for log lines below the API (the engines)
        started = time.perf_counter()
        try:
            response = await call_next(request)
        except Exception:
            log.exception("unhandled error, request %s", request.state.request_id)
            lang = request_language(request)
            message = "服务内部错误，请稍后重试" if lang == "zh" else "Internal error, please retry later"
            response = JSONResponse(_body("internal", message, request), status_code=500)
        response.headers["X-Request-ID"] = request.state.request_id
        # time to the response head: the full turn for JSON, the time to first byte for SSE
        response.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.2f}"
        return response

    @app.exception_handler(UserError)
    async def user_error(request: Request, exc: UserError) -> JSONResponse:
        lang = request_language(request)
        message = exc.zh if lang == "zh" else exc.en
        return JSONResponse(_body(exc.code, message, request), status_code=exc.status)

    @app.exception_handler(SessionBusy)
    async def session_busy(request: Request, exc: SessionBusy) -> JSONResponse:
        message = exc.zh if request_language(request) == "zh" else exc.en
        response = JSONResponse(_body("session_busy", message, request), status_code=409)
        response.headers["Retry-After"] = "1"
        return response

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        lang = request_language(request)
        problems = [_describe(dict(e), lang) for e in exc.errors()]
        message = "；".join(problems) if lang == "zh" else "; ".join(problems)
        return JSONResponse(_body("invalid_request", message, request, problems), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        lang = request_language(request)
        zh, en = _STATUS_TEXT.get(exc.status_code, (str(exc.detail), str(exc.detail)))
        if (
            isinstance(exc, HTTPException)
            and isinstance(exc.detail, str)
            and exc.status_code not in (404, 405)
        ):
            zh = en = exc.detail
        message = zh if lang == "zh" else en
        return JSONResponse(
            _body("http_error", message, request), status_code=exc.status_code, headers=exc.headers
        )
