"""`coach keys`: create, revoke and list API keys (the secret is shown once, at creation).

Keys live in SQL only (never in the Chroma index), and SQL is safe to share between processes:
these commands work directly even while a `coach serve` owns the data folder, which notices a
created or revoked key within seconds (coach.security.registry.KEY_TTL_S).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from coach.security import KeyAdminError, KeyInfo, KeyRegistry

app = typer.Typer(no_args_is_help=True, help="Create, revoke and list API keys")


def _registry() -> KeyRegistry:
    from coach.security import KeyRegistry
    from coach.settings import get_settings
    from coach.storage.db import Database

    return KeyRegistry(Database(get_settings()))


def _workspace_exists(workspace: str) -> bool:
    from coach.settings import get_settings
    from coach.storage.db import Database
    from coach.storage.tables import Workspace

    with Database(get_settings()).session() as db:
        return db.get(Workspace, workspace) is not None


def _fail(exc: KeyAdminError) -> typer.Exit:
    typer.echo(f"error: {exc}", err=True)
    return typer.Exit(2)


def _line(info: KeyInfo) -> str:
    status = f"revoked {info.revoked_at:%Y-%m-%d %H:%M}" if info.revoked_at else "active"
    created = f"{info.created_at:%Y-%m-%d}" if info.created_at else "-"
    return f"{info.id}  {info.prefix}…  {info.workspace_id}  {info.scope:<6}  {created}  {status}"


@app.command("create", help="Create a key for a workspace (the workspace is created on first use)")
def create(
    workspace: Annotated[str, typer.Option("--workspace", "-w", help="Workspace id, e.g. acme")],
    scope: Annotated[str, typer.Option(help="admin | member | widget")] = "member",
    origin: Annotated[
        list[str] | None,
        typer.Option(
            help="Origin the widget may be used from, e.g. https://intranet.example.com (repeatable)"
        ),
    ] = None,
) -> None:
    from coach.security import KeyAdminError

    new_workspace = not _workspace_exists(workspace)
    try:
        created = _registry().create(workspace, scope, origin or [])
    except KeyAdminError as exc:
        raise _fail(exc) from None
    info = created.info
    typer.echo(created.key)
    if new_workspace:  # a mistyped id would otherwise make a workspace silently
        typer.echo(f"新建了工作区 {workspace} · created workspace {workspace} (its first key)", err=True)
    typer.echo(
        f"key {info.id} ({info.scope}) for workspace {info.workspace_id}: store it now, "
        "it is not shown again / 请立即保存，之后不会再显示",
        err=True,
    )
    if info.scope == "widget" and not origin:
        typer.echo("note: a widget key works only from the workspace's allowed origins (--origin)", err=True)


@app.command("revoke", help="Revoke a key by its id or prefix")
def revoke(key: Annotated[str, typer.Argument(help="Key id or prefix (rc_xxxxxxxx)")]) -> None:
    from coach.security import KeyAdminError

    try:
        info = _registry().revoke(key)
    except KeyAdminError as exc:
        raise _fail(exc) from None
    typer.echo(
        f"revoked {info.id} ({info.prefix}…, workspace {info.workspace_id}); running servers stop "
        "accepting it within seconds"
    )


@app.command("list", help="List keys (never their secrets)")
def list_keys(
    workspace: Annotated[str | None, typer.Option("--workspace", "-w", help="Only this workspace")] = None,
) -> None:
    rows = _registry().listing(workspace)
    if not rows:
        typer.echo("no keys: the service runs in local mode (loopback only, default workspace)")
        return
    for info in rows:
        typer.echo(_line(info))
