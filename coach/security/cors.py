"""CORS for the workspaces' allowed origins, so a widget key works from its intranet page.

`COACH_CORS_ORIGINS` (Starlette's CORSMiddleware) covers origins fixed at start-up; this adds the
origins recorded with `coach keys create --origin`, which change while the service runs.
"""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from coach.security.origins import origin_matches
from coach.security.registry import KeyRegistry

ALLOW_METHODS = "GET, POST, PATCH, DELETE, OPTIONS"
ALLOW_HEADERS = "authorization, x-api-key, content-type, accept, accept-language, x-request-id"
EXPOSE_HEADERS = "X-Request-ID, X-Session-Id, Retry-After"


class WorkspaceCors:
    """Answers preflights from allowed origins and marks their responses readable."""

    def __init__(self, app: ASGIApp, registry: KeyRegistry) -> None:
        self.app, self.registry = app, registry

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        origin = headers.get("origin")
        if not origin or not await self.allowed(origin):
            await self.app(scope, receive, send)
            return
        if scope["method"] == "OPTIONS" and "access-control-request-method" in headers:
            response = Response(
                status_code=204,
                headers={
                    "Access-Control-Allow-Origin": origin,
                    "Access-Control-Allow-Methods": ALLOW_METHODS,
                    "Access-Control-Allow-Headers": ALLOW_HEADERS,
                    "Access-Control-Max-Age": "600",
                    "Vary": "Origin",
                },
            )
            await response(scope, receive, send)
            return

        async def send_with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                out = MutableHeaders(scope=message)
                if "access-control-allow-origin" not in out:
                    out["Access-Control-Allow-Origin"] = origin
                    out["Access-Control-Expose-Headers"] = EXPOSE_HEADERS
                    out.add_vary_header("Origin")
            await send(message)

        await self.app(scope, receive, send_with_cors)

    async def allowed(self, origin: str) -> bool:
        hit, known = self.registry.peek_origins("*")
        if not hit or known is None:
            known = await run_in_threadpool(self.registry.known_origins)
        return origin_matches(origin, known)
