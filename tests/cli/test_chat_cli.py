"""`coach chat` and `coach schema` as a person runs them: a real process, real stdin."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
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


def test_help_lists_the_chat_commands_in_the_sessions_language(tmp_path: Path) -> None:
    zh = coach(["chat"], tmp_path / "home", "/help\n/quit\n")
    assert zh.returncode == 0, zh.stderr
    for said in ("/report", "/quit", "显示这些命令", "到哪了", "回到上一步"):
        assert said in zh.stdout
    en = coach(["chat", "--language", "en"], tmp_path / "home", "/help\n/quit\n")
    assert en.returncode == 0, en.stderr
    for said in ("/report", "/quit", "show these commands", "where are we", "go back"):
        assert said in en.stdout
    assert "显示这些命令" not in en.stdout


def read_until(fd: int, wanted: bytes, seen: bytearray, timeout: float = 90.0) -> None:
    """Read the terminal until `wanted` has appeared `seen.count(wanted) + 1` times."""
    import select

    target = seen.count(wanted) + 1
    deadline = time.monotonic() + timeout
    while seen.count(wanted) < target:
        assert time.monotonic() < deadline, f"waited for {wanted!r}; got {bytes(seen[-500:])!r}"
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                seen += os.read(fd, 4096)
            except OSError:  # the child closed the terminal
                break


def chat_in_a_terminal(home: Path, keys: list[bytes]) -> tuple[str, int]:
    """`coach chat` on a pseudo-terminal; each of `keys` is typed at the next prompt."""
    import pty

    env = {**os.environ, "COACH_HOME": str(home), "COACH_ENGINE": "rules", "TERM": "xterm"}
    pid, fd = pty.fork()
    if pid == 0:  # the child: `coach chat` on the terminal
        os.chdir(ROOT)
        os.execve(sys.executable, [sys.executable, "-m", "coach", "chat"], env)
    seen = bytearray()
    for typed in keys:
        read_until(fd, "› ".encode(), seen)
        os.write(fd, typed)
    read_until(fd, b"session", seen)
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return seen.decode("utf-8", "replace"), os.waitstatus_to_exitcode(status)


def test_in_a_real_terminal_arrow_keys_edit_and_recall_and_history_is_kept(tmp_path: Path) -> None:
    home = tmp_path / "home"
    keys = [
        "到哪了\r".encode(),
        b"\x1b[A\r",  # ↑ recalls 到哪了, Enter sends it again
        b"/qit\x1b[D\x1b[Du\r",  # ← ← moves the cursor: "/qit" becomes "/quit"
    ]
    output, code = chat_in_a_terminal(home, keys)
    assert code == 0
    assert output.count("现在在第") == 2  # the status reply, once typed and once recalled
    assert "^[[" not in output
    history = home / "chat_history"
    assert history.read_text(encoding="utf-8").splitlines() == ["到哪了", "/quit"]  # repeats kept once
    assert history.stat().st_mode & 0o077 == 0  # what was said stays the user's

    again, code = chat_in_a_terminal(home, [b"\x1b[A\r"])  # a new chat: ↑ brings back /quit
    assert code == 0 and "现在在第" not in again
