"""The access layer: who is calling (key or local mode), may they use this route, limits.

Pure ASGI so that it costs microseconds, sees the body as it streams, and runs inside the
request-id middleware (its errors carry the request id like every other error).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from coach.security.body import BodyTooLarge, body_limit, declared_length, limited_receive
from coach.security.network import is_local_client
from coach.security.origins import origin_matches
from coach.security.ratelimit import TokenBuckets, rate_limiter, retry_after_header
from coach.security.registry import KeyRegistry, Principal
from coach.security.responses import error_response
from coach.security.scopes import Access, allows, required_access
from coach.security.scopes import Scope as KeyScope
from coach.settings import Settings
from coach.storage.tables import DEFAULT_WORKSPACE

T = TypeVar("T")
LOCAL = Principal(key_id=None, workspace_id=DEFAULT_WORKSPACE, scope=KeyScope.ADMIN)


class Denied(Exception):
    """A request the access layer answers itself."""

    def __init__(self, status: int, zh: str, en: str, code: str, headers: dict[str, str] | None = None):
        super().__init__(en)
        self.status, self.zh, self.en, self.code, self.headers = status, zh, en, code, headers


def presented_key(headers: Headers) -> str | None:
    """`Authorization: Bearer KEY`, else `X-API-Key: KEY`."""
    authorization = headers.get("authorization", "")
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return headers.get("x-api-key", "").strip() or None


class AccessControl:
    """Authenticates, authorizes, rate-limits and bounds the body of every non-public request."""

    def __init__(self, app: ASGIApp, registry: KeyRegistry, settings: Settings) -> None:
        self.app, self.registry, self.settings = app, registry, settings
        self.buckets = rate_limiter(registry.database, settings.rate_limit_per_minute, settings.limits_shared)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        method = scope["method"]
        access = required_access(method, scope["path"])
        preflight = method == "OPTIONS" and "access-control-request-method" in headers
        if access is Access.PUBLIC or preflight:
            await self.app(scope, receive, send)
            return
        try:
            principal = await self.authenticate(scope, headers)
            await self.authorize(principal, access, headers)
            await self.throttle(principal, scope)
            limit = self.check_length(method, scope["path"], headers)
        except Denied as denied:
            await self.deny(scope, receive, send, denied)
            return
        state = scope.setdefault("state", {})
        state["workspace_id"], state["key_scope"], state["key_id"] = (
            principal.workspace_id,
            principal.scope.value,
            principal.key_id,
        )
        await self.call_limited(scope, receive, send, limit)

    # ---- the checks ----------------------------------------------------------------------

    async def authenticate(self, scope: Scope, headers: Headers) -> Principal:
        any_keys = await self.cached(self.registry.peek_any_keys, self.registry.any_keys)
        if not any_keys:
            if is_local_client(scope.get("client")):
                return LOCAL  # local mode: whatever key a local tool sends (the openai SDK always sends one)
            raise Denied(
                401,
                "本服务尚未配置 API 密钥，只接受本机访问；请先用 `coach keys create` 创建密钥",
                "No API key is configured, so only this machine may call the service; "
                "create a key with `coach keys create`",
                "auth_required",
                {"WWW-Authenticate": "Bearer"},
            )
        key = presented_key(headers)
        if key is None:
            raise Denied(
                401,
                "需要 API 密钥：请在请求头 Authorization: Bearer <密钥> 或 X-API-Key 中提供",
                "An API key is required: send Authorization: Bearer <key> or X-API-Key",
                "auth_required",
                {"WWW-Authenticate": "Bearer"},
            )
        principal = await self.cached(
            lambda: self.registry.peek_principal(key), lambda: self.registry.resolve(key)
        )
        if principal is None:
            raise Denied(
                401,
                "API 密钥无效或已被吊销",
                "The API key is invalid or has been revoked",
                "invalid_key",
                {"WWW-Authenticate": 'Bearer error="invalid_token"'},
            )
        return principal

    async def authorize(self, principal: Principal, access: Access, headers: Headers) -> None:
        if not allows(principal.scope, access):
            what = {Access.ADMIN: "管理员", Access.MEMBER: "成员"}.get(access, "")
            raise Denied(
                403,
                f"该密钥的权限（{principal.scope.value}）不够：此接口需要{what}密钥",
                f"This {principal.scope.value} key may not use this route; "
                f"it needs a {access.name.lower()} key",
                "forbidden_scope",
            )
        if principal.scope is KeyScope.WIDGET:
            workspace = principal.workspace_id
            allowed = await self.cached(
                lambda: self.registry.peek_origins(workspace), lambda: self.registry.origins(workspace)
            )
            origin = headers.get("origin")
            if not origin_matches(origin, allowed):
                raise Denied(
                    403,
                    f"挂件密钥只能在工作区允许的网站上使用（来源 {origin or '未知'} 不在允许列表中）",
                    f"A widget key works only from the workspace's allowed origins "
                    f"({origin or 'no Origin header'} is not one of them)",
                    "origin_not_allowed",
                )

    async def throttle(self, principal: Principal, scope: Scope) -> None:
        client = scope.get("client")
        identity = f"key:{principal.key_id}" if principal.key_id else f"ip:{client[0] if client else '-'}"
        if isinstance(self.buckets, TokenBuckets):
            wait = self.buckets.take(identity)
        else:  # shared: a SQL round trip, off the event loop
            wait = await run_in_threadpool(self.buckets.take, identity)
        if wait > 0:
            seconds = retry_after_header(wait)
            raise Denied(
                429,
                f"请求太频繁（每分钟上限 {self.settings.rate_limit_per_minute} 次），请 {seconds} 秒后重试",
                f"Too many requests (limit {self.settings.rate_limit_per_minute} a minute); "
                f"retry in {seconds} s",
                "rate_limited",
                {"Retry-After": seconds},
            )

    def check_length(self, method: str, path: str, headers: Headers) -> int:
        content_type = headers.get("content-type", "")
        limit = body_limit(
            method, path, content_type, self.settings.max_body_bytes, self.settings.max_upload_bytes
        )
        declared = declared_length(headers.get("content-length"))
        if declared is not None and declared > limit:
            raise self.too_large(limit)
        return limit

    @staticmethod
    def too_large(limit: int) -> Denied:
        return Denied(
            413,
            f"请求体过大（上限 {limit} 字节）",
            f"The request body is too large (limit {limit} bytes)",
            "body_too_large",
        )

    # ---- plumbing ------------------------------------------------------------------------

    @staticmethod
    async def cached(peek: Callable[[], tuple[bool, T | None]], load: Callable[[], T]) -> T:
        """The cached answer, else a database look-up off the event loop."""
        hit, value = peek()
        if hit:
            return value  # type: ignore[return-value]
        return await run_in_threadpool(load)

    async def call_limited(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive(receive, limit), tracking_send)
        except BodyTooLarge:
            if started:
                raise
            await self.deny(scope, receive, send, self.too_large(limit))

    async def deny(self, scope: Scope, receive: Receive, send: Send, denied: Denied) -> None:
        response = error_response(scope, denied.status, denied.zh, denied.en, denied.code, denied.headers)
        await response(scope, receive, send)
