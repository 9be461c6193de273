"""`coach chat`: the coach in the terminal (rich)."""

from __future__ import annotations

from typing import Annotated

import typer


def chat(
    team: Annotated[str | None, typer.Option(help="Team name")] = None,
    title: Annotated[str | None, typer.Option(help="Review title")] = None,
    language: Annotated[str, typer.Option(help="zh or en")] = "zh",
    session: Annotated[str | None, typer.Option(help="Resume a session by id")] = None,
) -> None:
    from rich.console import Console
    from rich.markdown import Markdown
    from rich.panel import Panel

    from coach.api.main import build_services
    from coach.domain.labels import STEPS
    from coach.domain.report import render_markdown
    from coach.services.chat import SessionNotFound
    from coach.settings import get_settings
    from coach.storage.tables import DEFAULT_WORKSPACE

    if language not in ("zh", "en"):
        raise typer.BadParameter("language must be zh or en")
    console = Console()
    services = build_services(get_settings())
    chat_service = services.chat
    if session:
        try:
            chat_row, doc, turns = chat_service.get(DEFAULT_WORKSPACE, session)
        except SessionNotFound:
            console.print(f"[red]找不到会话 {session} / Session {session} not found[/red]")
            raise typer.Exit(code=2) from None
        lang = chat_row.language
        last = next((t.text for t in reversed(turns) if t.role == "coach"), "")
        console.print(Panel(last, title=STEPS[chat_row.stage][lang]))
        session_id = chat_row.id
    else:
        chat_row, opening = chat_service.create_session(
            DEFAULT_WORKSPACE,
            title=title,
            team=team,
            language=language,  # type: ignore[arg-type]
        )
        lang, session_id = language, chat_row.id
        console.print(Panel(opening.reply, title=STEPS[opening.stage][lang]))
    hint = (
        "（输入 /quit 退出，/report 查看报告）"
        if lang == "zh"
        else "(type /quit to leave, /report for the report)"
    )
    console.print(f"[dim]session {session_id} {hint}[/dim]")
    while True:
        try:
            text = console.input("[bold cyan]› [/bold cyan]")
        except (EOFError, KeyboardInterrupt):
            break
        if text.strip() in ("/quit", "/exit"):
            break
        if text.strip() == "/report":
            _, doc, _ = chat_service.get(DEFAULT_WORKSPACE, session_id)
            console.print(Markdown(render_markdown(doc)))
            continue
        if not text.strip():
            continue
        result = chat_service.post(DEFAULT_WORKSPACE, session_id, text)
        console.print(Panel(result.reply, title=STEPS[result.stage][lang]))
        for hit in result.sources:
            console.print(f"[dim]  ↳ {hit.team or ''} {hit.review_date or ''}: {hit.text}[/dim]")
        if result.stage == "done":
            console.print(Markdown(render_markdown(result.review)))
            break
    console.print(f"[dim]session {session_id}[/dim]")
