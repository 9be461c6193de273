"""`coach summarize`: per-note JSON and report files, the overview, JSON lines on stdout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coach.cli import app
from coach.notes.synthetic import synthetic_note


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "n01.md").write_text(synthetic_note(1), encoding="utf-8")
    (folder / "n02.txt").write_bytes(synthetic_note(2).encode("gbk"))
    (folder / "empty.txt").write_bytes(b"")
    return folder


def test_out_folder_gets_json_report_and_overview(coach_home: Path, notes: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["summarize", str(notes), "--out", str(out), "--team", "销售"])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == ["n01.json", "n01.report.md", "n02.json", "n02.report.md", "overview.md"]
    doc = json.loads((out / "n01.json").read_text(encoding="utf-8"))
    assert doc["team"] == "销售" and doc["goals"]
    assert "## 四、转化应用" in (out / "n02.report.md").read_text(encoding="utf-8")
    assert "empty.txt" in (out / "overview.md").read_text(encoding="utf-8")


def test_json_lines_on_stdout(coach_home: Path, notes: Path) -> None:
    result = CliRunner().invoke(
        app, ["summarize", str(notes / "n01.md"), str(notes / "n02.txt"), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == 2 and all(json.loads(line)["lessons"] for line in lines)


def test_missing_path_is_a_usage_error(coach_home: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["summarize", str(tmp_path / "nope.md")])
    assert result.exit_code != 0
