"""`coach chat` and `coach schema` as a person runs them: a real process, real stdin."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def coach(args: list[str], home: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COACH_HOME": str(home), "COACH_ENGINE": "rules", "COLUMNS": "100"}
    return subprocess.run(
        [sys.executable, "-m", "coach", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )


def test_a_terminal_chat_records_the_goal_and_can_be_resumed(tmp_path: Path) -> None:
    home = tmp_path / "home"
    first = coach(["chat", "--team", "华东销售"], home, "回款目标1.2亿，实际9600万\n/quit\n")
    assert first.returncode == 0, first.stderr
    assert "-20%" in first.stdout and "未达成" in first.stdout
    session_id = first.stdout.strip().split()[-1]

    resumed = coach(["chat", "--session", session_id], home, "到哪了\n/report\n/quit\n")
    assert resumed.returncode == 0, resumed.stderr
    assert "1 个目标" in resumed.stdout
    assert "回顾评估" in resumed.stdout and "回款" in resumed.stdout


def test_an_english_terminal_chat_answers_in_english(tmp_path: Path) -> None:
    result = coach(
        ["chat", "--language", "en"], tmp_path / "home", "Revenue target 500k, actual 430k\n/quit\n"
    )
    assert result.returncode == 0, result.stderr
    assert "missed" in result.stdout


def test_the_schema_command_prints_the_retrospective_schema(tmp_path: Path) -> None:
    result = coach(["schema"], tmp_path / "home")
    assert result.returncode == 0
    assert json.loads(result.stdout)["title"] == "Retrospective"


def test_resuming_an_unknown_session_says_so(tmp_path: Path) -> None:
    result = coach(["chat", "--session", "nope"], tmp_path / "home", "/quit\n")
    assert result.returncode == 2
    assert "找不到会话 nope" in result.stdout
    assert "Traceback" not in result.stderr
