"""The API docs (`/docs` Swagger UI, `/redoc` ReDoc) with their scripts served from the package.

FastAPI's default pages load Swagger UI and ReDoc from a CDN, which leaves them blank offline;
the `fastapi-offline` package ships the same assets (MIT), and we serve them under /docs/assets/.
"""

from __future__ import annotations

from pathlib import Path

import fastapi_offline
from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse

from coach.api.errors import UserError

router = APIRouter(tags=["docs"], include_in_schema=False)

ASSETS_DIR = Path(fastapi_offline.__file__).resolve().parent / "static"
ASSETS_URL = "/docs/assets"
FAVICON_URL = "/static/favicon.svg"
# Nothing but our own origin: this also keeps ReDoc from fetching its logo from its CDN.
# The pages FastAPI renders start the UI with an inline script, and ReDoc searches in a blob worker.
_DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'self'"
)
_ASSETS = {
    "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
    "swagger-ui.css": "text/css; charset=utf-8",
    "redoc.standalone.js": "text/javascript; charset=utf-8",
}


def _title(request: Request) -> str:
    return f"{request.app.title} · API"


def _offline(page: HTMLResponse) -> HTMLResponse:
    page.headers["Content-Security-Policy"] = _DOCS_CSP
    return page


@router.get("/docs")
def swagger_ui(request: Request) -> HTMLResponse:
    page = get_swagger_ui_html(
        openapi_url=request.app.openapi_url,
        title=_title(request),
        swagger_js_url=f"{ASSETS_URL}/swagger-ui-bundle.js",
        swagger_css_url=f"{ASSETS_URL}/swagger-ui.css",
        swagger_favicon_url=FAVICON_URL,
        swagger_ui_parameters={"validatorUrl": None},  # no badge fetched from validator.swagger.io
    )
    return _offline(page)


@router.get("/redoc")
def redoc(request: Request) -> HTMLResponse:
    page = get_redoc_html(
        openapi_url=request.app.openapi_url,
        title=_title(request),
        redoc_js_url=f"{ASSETS_URL}/redoc.standalone.js",
        redoc_favicon_url=FAVICON_URL,
        with_google_fonts=False,
    )
    return _offline(page)


@router.get("/docs/assets/{name}")
def docs_asset(name: str) -> FileResponse:
    media_type = _ASSETS.get(name)
    if media_type is None:
        raise UserError(404, f"找不到文件 {name}", f"File {name} not found", "not_found")
    headers = {"Cache-Control": "public, max-age=86400", "X-Content-Type-Options": "nosniff"}
    return FileResponse(ASSETS_DIR / name, media_type=media_type, headers=headers)
