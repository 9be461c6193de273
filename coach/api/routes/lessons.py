"""Lessons: hybrid search, import, recurring clusters and export, always inside the caller's workspace."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse
from pydantic import BaseModel

from coach.api.deps import LibraryDep, WorkspaceDep
from coach.api.errors import UserError
from coach.domain.library import LessonHit, LessonRecord
from coach.library import MAX_K, LessonFilters, LessonQueryError, RecurringCluster

router = APIRouter(prefix="/lessons", tags=["lessons"])


class SearchResponse(BaseModel):
    hits: list[LessonHit]
    mode: str  # hybrid | lexical
    degraded: bool
    reason: str | None = None


class CreatedLesson(BaseModel):
    id: str
    recurrence_of: str | None = None
    similarity: float | None = None


class CreatedResponse(BaseModel):
    ids: list[str]
    lessons: list[CreatedLesson]


def _user_error(exc: LessonQueryError) -> UserError:
    return UserError(422, exc.zh, exc.en, exc.code)


@router.get("/search", summary="Hybrid (dense + BM25) search over the workspace's lessons")
def search_lessons(
    library: LibraryDep,
    workspace: WorkspaceDep,
    q: str = Query(default="", description="What to look for, Chinese or English"),
    k: int = Query(default=5, description=f"How many hits, 1..{MAX_K}"),
    team: str | None = Query(default=None, max_length=200),
    dimension: str | None = Query(default=None, description="organization | culture | people | business"),
    action: str | None = Query(default=None, description="continue | stop | optimize | start"),
    date_from: dt.date | None = Query(default=None, description="review date on or after (YYYY-MM-DD)"),
    date_to: dt.date | None = Query(default=None, description="review date on or before (YYYY-MM-DD)"),
    floor: bool = Query(default=False, description="Leave out the weak tail (below the relevance floor)"),
) -> SearchResponse:
    try:
        filters = LessonFilters(team or None, dimension or None, action or None, date_from, date_to)
        result = library.search_detailed(workspace, q, k, filters, floor=floor)
    except LessonQueryError as exc:
        raise _user_error(exc) from exc
    return SearchResponse(hits=result.hits, mode=result.mode, degraded=result.degraded, reason=result.reason)


@router.post("", status_code=201, summary="Add one lesson or a list; a given id is kept")
def create_lessons(
    library: LibraryDep, workspace: WorkspaceDep, body: LessonRecord | list[LessonRecord]
) -> CreatedResponse:
    records = body if isinstance(body, list) else [body]
    if not records:
        raise UserError(422, "没有要添加的经验", "No lessons to add", "empty_batch")
    if len(records) > 1000:
        raise UserError(
            413, "一次最多添加 1000 条经验", "At most 1000 lessons per request", "batch_too_large"
        )
    try:
        rows = library.add_records(workspace, records)
    except LessonQueryError as exc:
        raise _user_error(exc) from exc
    linked = library.store.fetch(workspace, [row.id for row in rows])
    lessons = [
        CreatedLesson(
            id=row.id, recurrence_of=linked[row.id].recurrence_of, similarity=linked[row.id].similarity
        )
        for row in rows
        if row.id in linked
    ]
    return CreatedResponse(ids=[row.id for row in rows], lessons=lessons)


@router.get("/recurring", summary="Lessons learned more than once, and whether the earlier actions were done")
def recurring_lessons(library: LibraryDep, workspace: WorkspaceDep) -> list[RecurringCluster]:
    return library.recurring(workspace)


@router.get(
    "/export",
    summary="Every lesson of the workspace as JSON lines (the import format)",
    response_class=StreamingResponse,
    responses={200: {"content": {"application/x-ndjson": {"schema": {"type": "string"}}}}},
)
def export_lessons(library: LibraryDep, workspace: WorkspaceDep) -> StreamingResponse:

    def lines() -> Iterator[str]:
        for record in library.export(workspace):
            yield json.dumps(record.model_dump(mode="json"), ensure_ascii=False) + "\n"

    return StreamingResponse(
        lines(),
        media_type="application/x-ndjson",
        headers={"Content-Disposition": 'attachment; filename="lessons.jsonl"'},
    )
