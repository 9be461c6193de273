"""`coach eval`: run the eval suites against an engine."""

from __future__ import annotations

import importlib
from typing import Annotated, Literal

import typer

SUITES = ("notes", "lessons", "coach", "clauses")
# the clauses suite cross-validates a model (minutes): only on request
DEFAULT_SUITES = ("notes", "lessons", "coach")


def eval_command(
    engine: Annotated[str, typer.Option(help="rules or llm")] = "rules",
    suite: Annotated[
        list[str] | None, typer.Option(help="notes, lessons, coach or clauses; default all but clauses")
    ] = None,
) -> None:
    from coach.offline import prepare_offline
    from coach.settings import get_settings

    settings = get_settings()
    prepare_offline(settings.home)
    if engine not in ("rules", "llm"):
        raise typer.BadParameter("engine must be rules or llm")
    if engine == "llm" and not settings.llm_configured:
        typer.echo(
            "No LLM endpoint configured (COACH_LLM_BASE_URL / COACH_LLM_API_KEY): skipping --engine llm."
        )
        raise typer.Exit(code=0)
    chosen: list[str] = suite or list(DEFAULT_SUITES)
    if engine == "llm":
        from coach.evaluation.estimate import llm_estimate

        typer.echo(llm_estimate(settings, chosen))
    for name in chosen:
        if name not in SUITES:
            raise typer.BadParameter(f"unknown suite {name}; choose from {', '.join(SUITES)}")
        try:
            module = importlib.import_module(f"coach.evaluation.{name}")
        except ImportError:
            typer.echo(f"suite {name}: not available yet")
            continue
        engine_name: Literal["rules", "llm"] = "llm" if engine == "llm" else "rules"
        typer.echo(module.run(settings, engine_name))
