"""The web pages: the workspace (`GET /`), the embeddable widget (`GET /widget.js`), a demo host page.

No build step: the files under `coach/web/static/` are served as they are.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

from coach.api.errors import UserError

router = APIRouter(tags=["web"], include_in_schema=False)

STATIC_DIR = Path(__file__).resolve().parents[2] / "web" / "static"

_MEDIA_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
}
# Pages run only our own scripts and styles (the widget adopts a constructed stylesheet).
_PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'"
)
_PAGE_HEADERS = {
    "Cache-Control": "no-cache",
    "Content-Security-Policy": _PAGE_CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def _static(name: str, headers: dict[str, str]) -> FileResponse:
    path = (STATIC_DIR / name).resolve()
    if not path.is_file() or STATIC_DIR not in path.parents:
        raise UserError(404, f"找不到文件 {name}", f"File {name} not found", "not_found")
    media_type = _MEDIA_TYPES.get(path.suffix, "application/octet-stream")
    return FileResponse(path, media_type=media_type, headers=headers)


@router.get("/", summary="The workspace page")
def workspace_page() -> FileResponse:
    return _static("index.html", _PAGE_HEADERS)


@router.get("/demo", summary="A host page that embeds the widget")
def demo_page() -> FileResponse:
    return _static("demo.html", _PAGE_HEADERS)


@router.get("/widget.js", summary="The embeddable chat widget")
def widget_script() -> FileResponse:
    # Host pages load it from anywhere; a short max-age plus ETag revalidation keeps updates quick.
    headers = {
        "Cache-Control": "public, max-age=300, must-revalidate",
        "X-Content-Type-Options": "nosniff",
        "Cross-Origin-Resource-Policy": "cross-origin",
    }
    return _static("widget.js", headers)


@router.get("/favicon.ico", summary="The icon (browsers ask for it on pages that name none)")
def favicon() -> FileResponse:
    return _static(
        "favicon.svg", {"Cache-Control": "public, max-age=86400", "X-Content-Type-Options": "nosniff"}
    )


@router.get("/static/{name:path}", summary="Static assets of the workspace")
def static_file(name: str) -> FileResponse:
    return _static(
        name, {"Cache-Control": "public, max-age=300, must-revalidate", "X-Content-Type-Options": "nosniff"}
    )
