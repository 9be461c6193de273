"""`coach chat`: the coach in the terminal (rich), with line editing and history (readline).

The chat runs in this process holding the data folder, or, when a `coach serve` owns the folder,
through that server's HTTP API: the same conversation either way.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from coach.cli.ownership import DEFAULT_WORKSPACE, holding_home, home, serving_owner

if TYPE_CHECKING:
    from rich.console import Console

    from coach.cli.chat_backends import ChatBackend, CoachTurn

HISTORY_FILE = "chat_history"
HISTORY_LENGTH = 1000
QUIT = ("/quit", "/exit")

HELP = {
    "zh": (
        "命令：\n"
        "  /help    显示这些命令\n"
        "  /report  查看目前的复盘报告\n"
        "  /quit    退出（/exit 亦可）；会话已保存，用 --session ID 继续\n"
        "随时也可以直接说：到哪了 · 看看总结 · 回到上一步 · 跳过 · 结束\n"
        "↑/↓ 翻看之前的输入，←/→ 移动光标"
    ),
    "en": (
        "Commands:\n"
        "  /help    show these commands\n"
        "  /report  the review so far\n"
        "  /quit    leave (/exit too); the session is saved: resume with --session ID\n"
        "Any time you can also say: where are we · show summary · go back · skip · finish\n"
        "↑/↓ recall what you typed before, ←/→ move the cursor"
    ),
}
HINT = {
    "zh": "（输入 /help 查看命令，/quit 退出）",
    "en": "(type /help for the commands, /quit to leave)",
}


def chat(
    team: Annotated[str | None, typer.Option(help="Team name")] = None,
    title: Annotated[str | None, typer.Option(help="Review title")] = None,
    language: Annotated[str, typer.Option(help="zh or en")] = "zh",
    session: Annotated[str | None, typer.Option(help="Resume a session by id")] = None,
) -> None:
    from rich.console import Console

    from coach.cli.chat_backends import SessionMissing
    from coach.cli.remote import ServerRefused

    if language not in ("zh", "en"):
        raise typer.BadParameter("language must be zh or en")
    console = Console()
    try:
        with _backend(team, title, language, session) as (backend, opening):
            _converse(console, backend, opening)
    except SessionMissing:
        console.print(f"[red]找不到会话 {session} / Session {session} not found[/red]")
        raise typer.Exit(code=2) from None
    except ServerRefused as exc:
        console.print(f"{exc} (HTTP {exc.status})", style="red", markup=False)
        raise typer.Exit(code=2) from None


@contextmanager
def _backend(
    team: str | None, title: str | None, language: str, session: str | None
) -> Iterator[tuple[ChatBackend, CoachTurn]]:
    """The server's chat when a server owns the data folder, else ours with the folder held."""
    from coach.cli.chat_backends import LocalChat, RemoteChat
    from coach.cli.remote import OwnerClient

    owner = serving_owner()
    if owner is not None:
        with OwnerClient(owner, DEFAULT_WORKSPACE) as client:
            yield (
                RemoteChat.resume(client, session)
                if session
                else RemoteChat.start(client, team, title, language)
            )
        return
    with holding_home("chat"):
        yield LocalChat.resume(session) if session else LocalChat.start(team, title, language)


def _converse(console: Console, backend: ChatBackend, opening: CoachTurn) -> None:
    from rich.markdown import Markdown

    from coach.domain.report import render_markdown

    lang = backend.language if backend.language in HELP else "zh"
    _show(console, opening, lang)
    console.print(f"[dim]session {backend.session_id} {HINT[lang]}[/dim]")
    save_history = _line_editing(home() / HISTORY_FILE)
    try:
        while True:
            try:
                text = input(_prompt()).strip()
            except (EOFError, KeyboardInterrupt):
                break
            if text in QUIT:
                break
            if text == "/help":
                console.print(HELP[lang], markup=False)
                continue
            if text == "/report":
                console.print(Markdown(render_markdown(backend.review())))
                continue
            if not text:
                continue
            turn = backend.say(text)
            _show(console, turn, lang)
            if turn.stage == "done" and turn.review is not None:
                console.print(Markdown(render_markdown(turn.review)))
                break
    finally:
        save_history()
    console.print(f"[dim]session {backend.session_id}[/dim]")


def _show(console: Console, turn: CoachTurn, lang: str) -> None:
    from rich.panel import Panel

    from coach.domain.labels import STEPS

    title = STEPS[turn.stage][lang] if turn.stage in STEPS else turn.stage  # type: ignore[index]
    console.print(Panel(turn.reply, title=title))
    for hit in turn.sources:
        console.print(f"  ↳ {hit.team or ''} {hit.review_date or ''}: {hit.text}", style="dim", markup=False)


def _prompt() -> str:
    if not sys.stdout.isatty():
        return "› "
    # \001 \002 tell readline the colour codes take no room, so the cursor lands where it should
    return "\001\033[1;36m\002› \001\033[0m\002"


def _line_editing(history: Path) -> Callable[[], None]:
    """Arrow keys, editing and history (GNU readline) when a person types; returns the saver."""
    if not sys.stdin.isatty():
        return lambda: None
    try:
        import readline
    except ImportError:  # a Python built without readline: plain input still works
        return lambda: None
    readline.set_history_length(HISTORY_LENGTH)
    if history.exists():
        with contextlib.suppress(OSError):  # an unreadable history is no reason to refuse a chat
            readline.read_history_file(history)

    def save() -> None:
        history.parent.mkdir(parents=True, exist_ok=True)
        readline.write_history_file(history)
        os.chmod(history, 0o600)  # what was said in a retrospective stays the user's

    return save
