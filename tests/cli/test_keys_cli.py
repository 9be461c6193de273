"""`coach keys create`: a key for a new workspace id says it made that workspace; one more key does not."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from coach.cli import app

runner = CliRunner()


def test_the_first_key_of_a_workspace_says_it_created_the_workspace(coach_home: Path) -> None:
    first = runner.invoke(app, ["keys", "create", "--workspace", "acme", "--scope", "member"])
    assert first.exit_code == 0, first.output
    assert "新建了工作区 acme · created workspace acme" in first.stderr

    second = runner.invoke(app, ["keys", "create", "--workspace", "acme", "--scope", "admin"])
    assert second.exit_code == 0, second.output
    assert "created workspace" not in second.stderr

    default = runner.invoke(app, ["keys", "create", "--workspace", "default"])
    assert default.exit_code == 0 and "created workspace" not in default.stderr
