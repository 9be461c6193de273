"""The README's tour, run as written: the terminal chat of step 1 and the curl commands of step 2.

The commands are read from README.md itself, so a README that drifts from the code fails here. The
curl tour runs in bash against a real `coach serve` on a free loopback port (the README's
localhost:8000 is rewritten to it), once for a new team and once for a team whose earlier review
left open actions, which starts the chat in follow-up.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.helpers import ServerProcess

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
EARLIER_NOTE = (
    "# 华东销售 2025 下半年复盘\n日期：2025-12-20\n\n回款目标8000万，实际6500万，未达成。\n"
    "根因：回款跟踪机制缺失，约占六成。\n经验：新增回款跟踪机制，每周过一次应收账款。\n"
    "行动：陈静 2026年1月15日前 上线应收账款周报。\n"
)


def tour_step(number: int) -> str:
    """The first ```bash block of the tour's step `number` (**N. …**)."""
    step = re.search(rf"^\*\*{number}\. .*?^```bash\n(.*?)^```", README, re.M | re.S)
    assert step, f"README has no bash block in tour step {number}"
    return step.group(1)


def test_the_terminal_chat_of_step_1_answers_what_the_readme_shows(tmp_path: Path) -> None:
    lines = tour_step(1).splitlines()
    command = lines[0].split()
    assert command[:3] == [".venv/bin/coach", "chat", "--team"]
    typed = [re.sub(r"\s+#.*", "", line[2:]).strip() for line in lines if line.startswith("› ")]
    shown = [line.strip().rstrip("…") for line in lines[1:] if line.startswith("  ")]
    assert typed[0] == "回款目标1.2亿，实际9600万；新客户数目标50，实际62" and shown

    env = {k: v for k, v in os.environ.items() if not k.startswith(("COACH_", "OPENAI_"))}
    env.update(COACH_HOME=str(tmp_path / "home"), COLUMNS="200")
    done = subprocess.run(
        [sys.executable, "-m", "coach", *command[1:]],
        input="\n".join(typed) + "\n",
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    for line in shown:
        assert line in done.stdout
    assert "现在在第 1/4 步「回顾评估」" in done.stdout  # 到哪了
    assert "一、回顾评估" in done.stdout  # /report


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    for tool in ("bash", "curl", "jq"):
        if shutil.which(tool) is None:
            pytest.skip(f"the README's curl tour needs {tool}")
    env = {"COACH_LLM_BASE_URL": "", "OPENAI_BASE_URL": ""}
    proc = ServerProcess(tmp_path_factory.mktemp("tour") / "home", env=env).start()
    yield proc
    proc.stop()


def run_curl_tour(server: ServerProcess) -> str:
    script = tour_step(2).replace("localhost:8000", f"127.0.0.1:{server.port}")
    assert script.count(f"127.0.0.1:{server.port}") >= 4, "the tour talks to the service it started"
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def the_report(stdout: str) -> str:
    """The Markdown report the tour prints last."""
    start = stdout.rfind("# 华东销售复盘 2026-04-30")
    assert start >= 0, stdout[-2000:]
    return stdout[start:]


def test_the_curl_tour_of_step_2_runs_as_written_for_a_new_team(server: ServerProcess) -> None:
    out = run_curl_tour(server)
    assert "event: delta" in out and "event: result" in out  # the streamed turn
    report = the_report(out)
    assert re.search(r"\|\s*回款\s*\|\s*1\.2亿\s*\|\s*9600万\s*\|", report), report


def test_the_curl_tour_settles_an_earlier_reviews_open_actions_with_one_message(
    server: ServerProcess,
) -> None:
    api = f"{server.url}/api/v1"
    body = {"notes": [{"name": "2025-h2.md", "text": EARLIER_NOTE}], "team": "华东销售"}
    job = httpx.post(f"{api}/summaries", json=body, timeout=30).json()
    deadline = time.monotonic() + 120
    while httpx.get(f"{api}/summaries/{job['id']}").json()["status"] != "done":
        assert time.monotonic() < deadline
        time.sleep(0.2)
    opened = httpx.post(f"{api}/sessions", json={"team": "华东销售", "date": "2026-04-30"}).json()
    assert opened["stage"] == "followup"  # what the tour will meet

    out = run_curl_tour(server)
    assert "先跳过" in out  # 都跳过: every open action at once
    report = the_report(out)
    assert re.search(r"\|\s*回款\s*\|\s*1\.2亿\s*\|\s*9600万\s*\|", report), "the goal reached the review"
