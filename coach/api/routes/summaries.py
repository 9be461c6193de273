"""Bulk summaries: POST a batch of notes (JSON or files) → a job; GET it for progress and results."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.datastructures import UploadFile

from coach.api.deps import Services, ServicesDep, SettingsDep, WorkspaceDep
from coach.api.errors import UserError
from coach.notes.registry import notes_extractor
from coach.services.summaries import JobNotFound, NoteInput, SummaryService
from coach.settings import Settings


def summary_service(services: Services) -> SummaryService:
    """The process's summary service, started on first use (resuming unfinished jobs)."""
    service = services.extras.get("summaries")
    if service is None:
        settings = services.settings
        extractor = notes_extractor(settings)
        service = SummaryService(services.database, settings, lambda: extractor, services.library)
        services.extras["summaries"] = service
        service.start()
    return service  # type: ignore[no-any-return]


def _summaries(services: ServicesDep) -> SummaryService:
    return summary_service(services)


SummariesDep = Annotated[SummaryService, Depends(_summaries)]


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    # start at boot, not at the first request: a restarted server resumes unfinished jobs by itself
    services = getattr(app.state, "services", None)
    service = summary_service(services) if services is not None else None
    yield
    if service is not None:
        service.stop()


router = APIRouter(prefix="/summaries", tags=["summaries"], lifespan=_lifespan)


# the widths of the columns a note's name and a job's team are stored in (PostgreSQL enforces them)
NAME_MAX, TEAM_MAX = 500, 200


class NoteIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=NAME_MAX, description="File name; its suffix picks the reader")
    text: str


class SummaryRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    notes: list[NoteIn] = Field(description="The notes to summarize")
    team: str | None = Field(default=None, max_length=TEAM_MAX)
    index: bool = Field(default=False, description="Add the lessons to the lesson library")
    force: bool = Field(
        default=False, description="A new review even for a note summarized before (else it is updated)"
    )


def _too_many(count: int, limit: int) -> UserError:
    return UserError(
        422,
        f"一次最多 {limit} 份笔记，收到 {count} 份",
        f"At most {limit} notes per job; got {count}",
        "too_many_files",
    )


def _no_notes() -> UserError:
    return UserError(422, "没有收到任何笔记", "No notes were sent", "no_notes")


def _check_size(request: Request, settings: Settings) -> None:
    limit = settings.max_upload_bytes * max(settings.max_files_per_job, 1)
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > limit:
        raise UserError(
            413,
            f"请求过大：整批上限 {limit // 1_000_000} MB",
            f"Request too large: a batch may be at most {limit // 1_000_000} MB",
            "too_large",
        )


async def _json_notes(request: Request) -> tuple[list[NoteInput], str | None, bool, bool]:
    try:
        body = SummaryRequest.model_validate_json(await request.body())
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        raise UserError(
            422, f"请求不合法：{problems}", f"Invalid request: {problems}", "invalid_request"
        ) from exc
    notes = [NoteInput(n.name, n.text.encode("utf-8")) for n in body.notes]
    return notes, body.team, body.index, body.force


async def _form_notes(request: Request) -> tuple[list[NoteInput], str | None, bool, bool]:
    form = await request.form(max_files=100_000)
    notes = []
    for _key, value in form.multi_items():
        if isinstance(value, UploadFile):
            notes.append(NoteInput(value.filename or "note.txt", await value.read()))
    team = form.get("team")
    yes = ("1", "true", "yes", "on")
    index, force = (str(form.get(key) or "").lower() in yes for key in ("index", "force"))
    team = team if isinstance(team, str) and team else None
    _check_lengths(notes, team)
    return notes, team, index, force


def _check_lengths(notes: list[NoteInput], team: str | None) -> None:
    """What the JSON body's schema checks, for the fields of a multipart upload."""
    if team is not None and len(team) > TEAM_MAX:
        raise UserError(
            422,
            f"团队名称最多 {TEAM_MAX} 个字符",
            f"A team name may be at most {TEAM_MAX} characters",
            "team_too_long",
        )
    for note in notes:
        if len(note.name) > NAME_MAX:
            raise UserError(
                422,
                f"文件名最多 {NAME_MAX} 个字符：{note.name[:40]}…",
                f"A file name may be at most {NAME_MAX} characters: {note.name[:40]}…",
                "name_too_long",
            )


@router.post("", status_code=202, summary="Summarize a batch of notes (JSON {notes:[{name,text}]} or files)")
async def create_summary(
    request: Request, summaries: SummariesDep, settings: SettingsDep, workspace: WorkspaceDep
) -> JSONResponse:
    _check_size(request, settings)
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("multipart/form-data"):
        notes, team, index, force = await _form_notes(request)
    elif content_type.startswith("application/json") or not content_type:
        notes, team, index, force = await _json_notes(request)
    else:
        raise UserError(
            415,
            "请用 JSON 或 multipart/form-data 上传笔记",
            "Send notes as JSON or multipart/form-data",
            "unsupported_media_type",
        )
    if not notes:
        raise _no_notes()
    limit = settings.max_files_per_job
    if len(notes) > limit:
        raise _too_many(len(notes), limit)
    job_id = summaries.create_job(workspace, notes, team=team, index=index, force=force)
    summaries.submit(job_id)
    return JSONResponse(status_code=202, content=summaries.status(workspace, job_id))


@router.get("/{job_id}", summary="A summary job: status, progress {done,total}, per-note results, overview")
def get_summary(job_id: str, summaries: SummariesDep, workspace: WorkspaceDep) -> dict[str, Any]:
    try:
        return summaries.status(workspace, job_id)
    except JobNotFound:
        raise UserError(
            404, f"找不到任务 {job_id}", f"Summary job {job_id} not found", "job_not_found"
        ) from None
