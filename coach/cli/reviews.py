"""`coach reviews`: list, show, export, archive (delete), restore and purge a workspace's reviews.

The writes move lessons in and out of the Chroma index, so when a `coach serve` owns the data
folder they go through it (DELETE /reviews/{id}, POST /reviews/{id}/restore, POST /reviews/purge);
otherwise the command holds the folder while it writes. The reads touch SQL only and run directly.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer

from coach.cli.ownership import holding_home, serving_owner

if TYPE_CHECKING:
    from coach.cli.remote import ServerRefused
    from coach.services.reviews import ReviewService

app = typer.Typer(no_args_is_help=True, help="List, show, export, archive, restore and purge reviews")

# coach.storage.tables.DEFAULT_WORKSPACE, without importing SQLAlchemy at start-up
DEFAULT_WORKSPACE = "default"
WorkspaceOpt = Annotated[str, typer.Option("--workspace", help="Workspace id")]
LangOpt = Annotated[str | None, typer.Option("--lang", help="zh or en (headings of the reports)")]
# the exit code of a request the data cannot satisfy (unknown id, not archived)
USER_ERROR_EXIT = 2


def _service(with_library: bool = False) -> ReviewService:
    """The review service on COACH_HOME; writes that touch lessons open the lesson library too."""
    from coach.services.reviews import ReviewService
    from coach.settings import get_settings
    from coach.storage.db import Database

    settings = get_settings()
    database = Database(settings)
    if not with_library:
        return ReviewService(database)
    from coach.library import LessonLibrary
    from coach.offline import prepare_offline

    prepare_offline(settings.home)
    return ReviewService(database, LessonLibrary(settings, database))


def _fail(zh: str, en: str) -> typer.Exit:
    typer.echo(f"{zh} · {en}", err=True)
    return typer.Exit(code=USER_ERROR_EXIT)


def _not_found(review_id: str) -> typer.Exit:
    return _fail(f"找不到复盘 {review_id}", f"Review {review_id} not found")


def _language(lang: str | None) -> Literal["zh", "en"] | None:
    if lang not in (None, "zh", "en"):
        raise typer.BadParameter("--lang must be zh or en")
    return lang  # type: ignore[return-value]


def _refused(exc: ServerRefused) -> typer.Exit:
    typer.echo(f"{exc} (HTTP {exc.status})", err=True)
    return typer.Exit(code=USER_ERROR_EXIT)


# ---- the writes: through the owning server, or holding the folder ---------------------------------


@dataclass(frozen=True)
class Changed:
    """What a write did, as the command reports it."""

    id: str
    title: str
    lessons: int = 0
    actions: int = 0
    sessions: int = 0
    via: str = ""  # " through server pid … (url)" when the owning server did it


def _through_server(
    workspace: str, method: str, path: str, scope: str = "member", **kw: Any
) -> tuple[dict[str, Any], str] | None:
    """The JSON answer of the server owning the folder and who it was, or None when no server does."""
    from coach.cli.remote import OwnerClient

    owner = serving_owner()
    if owner is None:
        return None
    with OwnerClient(owner, workspace, scope) as client:
        body = client.call(method, path, **kw).json()
    return body, f" through {owner.describe('en')}"


def _archive_or_restore(workspace: str, review_id: str, restoring: bool) -> Changed:
    """Archive (or restore) one review: through the owning server, or holding the folder."""
    method, path = (
        ("POST", f"/reviews/{review_id}/restore") if restoring else ("DELETE", f"/reviews/{review_id}")
    )
    served = _through_server(workspace, method, path)
    if served is not None:
        body, via = served
        return Changed(body["id"], body["title"], via=via)
    with holding_home("reviews restore" if restoring else "reviews delete"):
        service = _service(with_library=True)
        done = service.restore(workspace, review_id) if restoring else service.archive(workspace, review_id)
    return Changed(done.id, done.title)


def purge(workspace: str, review_id: str) -> Changed:
    """Delete an archived review for good (on a server, a purge is an admin's act)."""
    served = _through_server(workspace, "POST", "/reviews/purge", scope="admin", json={"ids": [review_id]})
    if served is not None:
        body, via = served
        return Changed(review_id, "", body["lessons"], body["actions"], body["sessions"], via)
    with holding_home("reviews delete --purge"):
        done = _service(with_library=True).purge(workspace, [review_id])
    return Changed(review_id, "", done.lessons, done.actions, done.sessions)


# ---- commands -------------------------------------------------------------------------------------


@app.command("list", help="Reviews of the workspace, newest first: id, date, team, title, counts")
def list_(
    team: Annotated[str | None, typer.Option(help="Only this team")] = None,
    archived: Annotated[bool, typer.Option("--archived", help="List the archived reviews")] = False,
    limit: Annotated[int, typer.Option(help="At most this many")] = 100,
    output: Annotated[str, typer.Option("--format", help="table or json")] = "table",
    workspace: WorkspaceOpt = DEFAULT_WORKSPACE,
) -> None:
    from dataclasses import asdict

    from rich.console import Console
    from rich.table import Table

    reviews = _service().overviews(workspace, team=team, archived=archived, limit=limit)
    if output == "json":
        typer.echo(json.dumps([asdict(r) for r in reviews], ensure_ascii=False, indent=2, default=str))
        return
    table = Table(title=f"{'archived ' if archived else ''}reviews · {workspace}")
    for column in ("id", "date"):
        table.add_column(column, no_wrap=True)  # an id must stay whole to be copied
    for column in ("team", "title", "goals", "lessons", "actions"):
        table.add_column(column, overflow="fold")
    for r in reviews:
        date = r.date.isoformat() if r.date else "—"
        table.add_row(r.id, date, r.team or "—", r.title, str(r.goals), str(r.lessons), str(r.actions))
    Console().print(table)


@app.command(help="Print a review as the Markdown report")
def show(
    review_id: Annotated[str, typer.Argument(help="The review's id")],
    lang: LangOpt = None,
    workspace: WorkspaceOpt = DEFAULT_WORKSPACE,
) -> None:
    from coach.domain.report import render_markdown
    from coach.services.reviews import ReviewNotFound

    try:
        doc = _service().document(workspace, review_id)
    except ReviewNotFound:
        raise _not_found(review_id) from None
    typer.echo(render_markdown(doc, _language(lang)))


@app.command(help="Write reviews.json, reviews.md and actions.csv (UTF-8 with BOM) to a folder")
def export(
    out: Annotated[Path, typer.Option("--out", help="Folder to write to")] = Path("export"),
    archived: Annotated[bool, typer.Option("--archived", help="Export the archived reviews")] = False,
    lang: LangOpt = None,
    workspace: WorkspaceOpt = DEFAULT_WORKSPACE,
) -> None:
    from coach.services.export import FILE_NAMES, FORMATS, export_chunks

    language = _language(lang)
    service = _service()
    out.mkdir(parents=True, exist_ok=True)
    for fmt in FORMATS:
        # newline="" keeps the CSV's CRLF rows as the csv module wrote them
        with (out / FILE_NAMES[fmt]).open("w", encoding="utf-8", newline="") as file:
            for chunk in export_chunks(service, workspace, fmt, lang=language, archived=archived):
                file.write(chunk)
    count = len(service.overviews(workspace, archived=archived, limit=1_000_000))
    typer.echo(f"wrote {count} reviews to {out}: {', '.join(FILE_NAMES[f] for f in FORMATS)}", err=True)


@app.command(help="Archive a review (restore brings it back); --purge deletes it for good")
def delete(
    review_id: Annotated[str, typer.Argument(help="The review's id")],
    purge_: Annotated[
        bool, typer.Option("--purge", help="Delete for good: lessons, vectors, actions, sessions")
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask before purging")] = False,
    workspace: WorkspaceOpt = DEFAULT_WORKSPACE,
) -> None:
    from coach.cli.remote import ServerRefused
    from coach.services.reviews import ReviewNotFound

    if purge_ and not yes:
        typer.confirm(
            f"永久删除复盘 {review_id}（含经验、行动项和对话），无法恢复 · "
            f"Delete review {review_id} for good (lessons, actions, conversation)? This cannot be undone",
            abort=True,
        )
    try:
        archived = _archive_or_restore(workspace, review_id, restoring=False)
        if not purge_:
            typer.echo(
                f"已归档 · archived {archived.id} ({archived.title}){archived.via}; "
                f"`coach reviews restore {archived.id}`"
            )
            return
        purged = purge(workspace, review_id)
    except ReviewNotFound:
        raise _not_found(review_id) from None
    except ServerRefused as exc:
        raise _refused(exc) from None
    typer.echo(
        f"已永久删除 · purged {review_id}: {purged.lessons} lessons, {purged.actions} actions, "
        f"{purged.sessions} sessions{purged.via}"
    )


@app.command("restore", help="Restore an archived review, with its lessons and actions")
def restore_(
    review_id: Annotated[str, typer.Argument(help="The review's id")],
    workspace: WorkspaceOpt = DEFAULT_WORKSPACE,
) -> None:
    from coach.cli.remote import ServerRefused
    from coach.services.reviews import ReviewNotFound

    try:
        restored = _archive_or_restore(workspace, review_id, restoring=True)
    except ReviewNotFound:
        raise _not_found(review_id) from None
    except ServerRefused as exc:
        raise _refused(exc) from None
    typer.echo(f"已恢复 · restored {restored.id} ({restored.title}){restored.via}")
