"""`coach eval`: the suites print their tables; the llm engine is skipped, saying so, without an endpoint."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_chat_cli import coach


def test_eval_with_the_llm_engine_and_no_endpoint_says_it_skips(tmp_path: Path) -> None:
    result = coach(["eval", "--engine", "llm"], tmp_path / "home")
    assert result.returncode == 0, result.stderr
    assert "No LLM endpoint configured" in result.stdout
    assert "skipping --engine llm" in result.stdout


def test_the_notes_and_coach_suites_print_both_sets(tmp_path: Path) -> None:
    result = coach(["eval", "--suite", "notes", "--suite", "coach"], tmp_path / "home")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("[development set]") == 2
    assert result.stdout.count("[held-out set]") == 2
    assert "notes suite · engine=rules" in result.stdout
    assert "coach suite · engine=rules" in result.stdout


def test_an_unknown_suite_is_refused_with_the_choices(tmp_path: Path) -> None:
    result = coach(["eval", "--suite", "vibes"], tmp_path / "home")
    assert result.returncode != 0
    assert "notes, lessons, coach" in result.stdout + result.stderr
