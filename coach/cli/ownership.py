"""Who may touch the data folder: a running server is asked over HTTP, otherwise the CLI holds it.

Embedded Chroma is not process-safe, so a CLI command never opens the index of a folder that a
`coach serve` owns: it talks to that server, or refuses and says why. With no server, a command
that writes holds the folder's lock while it runs, and a `coach serve` started meanwhile refuses.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer

from coach.home_lock import HomeBusy, HomeLock, HomeOwner, current_owner

# coach.storage.tables.DEFAULT_WORKSPACE, without importing SQLAlchemy (tests/cli keep them equal)
DEFAULT_WORKSPACE = "default"
# exit code of a command refused because another process holds the data folder
BUSY_EXIT = 3


def home() -> Path:
    from coach.settings import get_settings

    return get_settings().home


def serving_owner() -> HomeOwner | None:
    """The server that owns the data folder, if one does (a CLI holder is not a server)."""
    try:
        owner = current_owner(home())
    except HomeBusy as busy:
        raise busy_exit(busy) from None
    return owner if owner is not None and owner.kind == "serve" else None


def busy_exit(busy: HomeBusy) -> typer.Exit:
    typer.echo(busy.bilingual(), err=True)
    return typer.Exit(BUSY_EXIT)


def refuse_while_served(owner: HomeOwner, command: str, instead: tuple[str, str] | None = None) -> typer.Exit:
    """A write with no HTTP route: say so, and what to do instead (zh, en)."""
    zh_more, en_more = ("；" + instead[0], ", " + instead[1]) if instead else ("", "")
    typer.echo(
        f"{owner.describe('zh')} 正在使用数据目录 {home()}；请先停止服务再运行 `coach {command}`{zh_more}。\n"
        f"{owner.describe('en')} owns the data folder {home()}; stop it first, then run "
        f"`coach {command}`{en_more}.",
        err=True,
    )
    return typer.Exit(BUSY_EXIT)


@contextmanager
def holding_home(command: str) -> Iterator[None]:
    """Hold the data folder for a write; a server or another writer holding it ends the command."""
    try:
        lock = HomeLock.acquire(home(), "cli", command)
    except HomeBusy as busy:
        raise busy_exit(busy) from None
    with lock:
        yield
