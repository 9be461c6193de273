"""Bulk export of the workspace: reviews as JSON or Markdown, actions as CSV (UTF-8 with BOM), streamed."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from coach.api.deps import ReviewsDep, WorkspaceDep
from coach.api.errors import UserError
from coach.services.export import FILE_NAMES, FORMATS, MEDIA_TYPES, ExportFormat, export_chunks

router = APIRouter(prefix="/export", tags=["export"])


@router.get(
    "",
    summary="Export every review of the workspace: format=json (Retrospective documents), "
    "markdown (the reports) or actions.csv (UTF-8 with BOM, opens in Excel)",
    response_class=StreamingResponse,
    responses={
        200: {"content": {"application/json": {}, "text/markdown": {}, "text/csv": {}}},
    },
)
def export_reviews(
    reviews: ReviewsDep,
    workspace: WorkspaceDep,
    format: str = Query(default="json", description="json | markdown | actions.csv"),
    archived: bool = Query(default=False, description="export the archived reviews instead"),
    lang: Literal["zh", "en"] | None = Query(default=None, description="Markdown headings' language"),
) -> StreamingResponse:
    if format not in FORMATS:
        allowed = " | ".join(FORMATS)
        raise UserError(
            422,
            f"format 只能是 {allowed}（收到 {format!r}）",
            f"format must be one of {allowed} (got {format!r})",
            "invalid_format",
        )
    fmt: ExportFormat = format  # type: ignore[assignment]
    name = f"{workspace}-{dt.date.today().isoformat()}-{FILE_NAMES[fmt]}"
    return StreamingResponse(
        export_chunks(reviews, workspace, fmt, lang=lang, archived=archived),
        media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
