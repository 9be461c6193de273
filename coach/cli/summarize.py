"""`coach summarize PATH...`: notes in, one JSON document and one Markdown report per note, an overview."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from coach.cli.ownership import holding_home, refuse_while_served, serving_owner
from coach.notes.reading import SUFFIXES


def collect(paths: list[Path]) -> list[Path]:
    """Files as given, folders searched for notes (txt/md/docx/vtt/srt), in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        elif path.exists():
            found.append(path)
        else:
            raise typer.BadParameter(f"no such file or folder: {path}")
    return found


def summarize(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of notes")],
    format: Annotated[str, typer.Option("--format", help="json or md")] = "md",
    out: Annotated[
        Path | None, typer.Option("--out", help="Folder for n01.json, n01.report.md, overview.md")
    ] = None,
    index: Annotated[bool, typer.Option("--index", help="Add the lessons to the lesson library")] = False,
    team: Annotated[str | None, typer.Option("--team", help="Team the notes belong to")] = None,
    force: Annotated[
        bool, typer.Option("--force", help="A new review even for a note summarized before (else updated)")
    ] = False,
) -> None:
    if format not in ("json", "md"):
        raise typer.BadParameter("--format must be json or md")
    files = collect(paths)
    if not files:
        raise typer.BadParameter("no notes found (.txt .md .docx .vtt .srt)")
    with _index_guard(index):
        _summarize(files, format, out, index, team, force)


@contextmanager
def _index_guard(index: bool) -> Iterator[None]:
    """Indexing writes the lesson index: only with the data folder to ourselves."""
    if not index:
        yield
        return
    owner = serving_owner()
    if owner is not None:
        raise refuse_while_served(
            owner,
            "summarize --index",
            instead=(
                "或去掉 --index 只生成总结，或把纪要交给服务（POST /api/v1/summaries，index: true）",
                "or drop --index to summarize only, or send the notes to the server "
                "(POST /api/v1/summaries with index: true)",
            ),
        )
    with holding_home("summarize --index"):
        yield


def _summarize(
    files: list[Path], format: str, out: Path | None, index: bool, team: str | None, force: bool
) -> None:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from coach.domain.report import render_markdown
    from coach.library import LessonLibrary
    from coach.notes.registry import notes_extractor
    from coach.services.summaries import NoteInput, SummaryService
    from coach.settings import get_settings
    from coach.storage.db import Database
    from coach.storage.tables import DEFAULT_WORKSPACE

    settings = get_settings()
    database = Database(settings)
    library = LessonLibrary(settings, database) if index else None
    err = Console(stderr=True)
    extractor = notes_extractor(settings)
    service = SummaryService(database, settings, lambda: extractor, library)
    notes = [NoteInput(f.name, f.read_bytes(), dt.date.fromtimestamp(f.stat().st_mtime)) for f in files]
    job_id = service.create_job(DEFAULT_WORKSPACE, notes, team=team, index=index, force=force)
    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err
    ) as progress:
        task = progress.add_task("summarizing", total=len(files))
        progress.update(task, completed=sum(1 for n in notes if len(n.content) > settings.max_upload_bytes))
        service.run_job(job_id, on_item=lambda item: progress.update(task, advance=1, description=item.name))
    results = service.documents(job_id)
    status = service.status(DEFAULT_WORKSPACE, job_id)
    for item, doc in results:
        if doc is None:
            error = json.loads(item.error) if item.error else {}
            err.print(f"[red]{item.name}[/]: {error.get('zh', '')} · {error.get('en', item.status)}")
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        for item, doc in results:
            if doc is None:
                continue
            stem = Path(item.name).stem
            (out / f"{stem}.json").write_text(doc.model_dump_json(indent=2), encoding="utf-8")
            (out / f"{stem}.report.md").write_text(render_markdown(doc), encoding="utf-8")
        (out / "overview.md").write_text(status["overview_md"] or "", encoding="utf-8")
        err.print(f"wrote {sum(1 for _, d in results if d)} notes and overview.md to {out}")
    elif format == "json":
        for _item, doc in results:
            if doc is not None:
                sys.stdout.write(doc.model_dump_json() + "\n")
    else:
        for _item, doc in results:
            if doc is not None:
                sys.stdout.write(render_markdown(doc) + "\n\n")
        sys.stdout.write(status["overview_md"] or "")
    if not any(doc for _, doc in results):
        raise typer.Exit(code=1)
