"""Liveness (/healthz: the process answers) and readiness (/readyz: what it depends on)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from coach import __version__
from coach.api.deps import ServicesDep

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="Liveness: the process answers")
def healthz(services: ServicesDep) -> dict[str, object]:
    return {"status": "ok", "version": __version__, "engine": services.settings.active_engine}


def _database_error(services: ServicesDep) -> str | None:
    try:
        services.database.ping()
    except Exception as exc:  # the probe reports it; it must not raise
        return f"{type(exc).__name__}: {exc}"
    return None


@router.get(
    "/readyz",
    summary="Readiness: the database; lesson search: degraded or not, outbox backlog, index generation",
)
def readyz(services: ServicesDep) -> Any:
    """503 when the database does not answer; search degraded to BM25 is reported, still 200, with
    the lessons not yet embedded (`search.backlog`) and the serving index generation."""
    database_error = _database_error(services)
    body: dict[str, Any] = {
        "status": "ok" if database_error is None else "unavailable",
        "database": {"ok": database_error is None, "error": database_error},
    }
    if database_error is None:
        search = services.library.readiness()
        body["search"] = search
        if search["degraded"]:
            body["status"] = "degraded"
    return JSONResponse(body, status_code=200 if database_error is None else 503)
