"""Fixtures for the browser tests: a real coach server, a second-origin host page, headless Chromium.

The coach runs as its own process on a free loopback port with a temporary COACH_HOME; a tiny
http.server thread on another port plays the intranet page that embeds the widget (a different
origin, allowed through COACH_CORS_ORIGINS). Chromium is Debian's (/usr/bin/chromium), installed by
scripts/install-chromium.sh; without it the browser tests are skipped.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
REPO = Path(__file__).resolve().parents[2]
NO_PLAYWRIGHT = "the Python playwright package is not installed"
SCREENSHOTS = REPO / "docs" / "screenshots"

HOST_PAGE = """<!doctype html>
<html lang="{lang}">
<head>
  <meta charset="utf-8">
  <title>Intranet</title>
  <style>
    /* Hostile host styles: none of this may reach the widget (Shadow DOM). */
    body {{ font-family: serif; background: #f6f7f9; margin: 0; }}
    button {{ background: rgb(255, 0, 0) !important; border-radius: 0 !important; }}
    .msg, .panel, textarea {{ display: none !important; }}
    main {{ max-width: 720px; margin: 48px auto; padding: 0 24px; font: 16px/1.7 sans-serif; }}
  </style>
</head>
<body>
  <main>
    <h1>{heading}</h1>
    <p>{body}</p>
  </main>
  <script src="{coach}/widget.js" {attrs} async></script>
</body>
</html>
"""


@dataclass
class Coach:
    url: str
    home: Path
    host_url: str
    chat_review: Future[dict[str, Any]] | None = None

    def api(self) -> httpx.Client:
        return httpx.Client(base_url=self.url + "/api/v1", timeout=60)


PAST_NOTE = (
    "# 华南销售 2025 下半年复盘\n日期：2025-12-20\n\n"
    "回款目标8000万，实际6500万，未达成。\n"
    "不足：回款延迟，原因是没有人盯回款节点。\n"
    "根因：回款跟踪机制缺失，约占六成。\n"
    "经验：新增回款跟踪机制，每周过一次应收账款。\n"
    "经验：停止只按签单额考核销售。\n"
    "行动：陈静 2026年1月15日前 上线应收账款周报。\n"
)


def seed_past_review(api: httpx.Client) -> None:
    """An earlier review of another team, summarized from notes and indexed: the 'related past lessons'."""
    notes = [{"name": "2025-h2-华南销售复盘.md", "text": PAST_NOTE}]
    job = api.post("/summaries", json={"notes": notes, "team": "华南销售", "index": True})
    assert job.status_code == 202, job.text
    deadline = time.monotonic() + 120
    while api.get(f"/summaries/{job.json()['id']}").json()["status"] != "done":
        assert time.monotonic() < deadline, "the summary job did not finish"
        time.sleep(0.2)


def replay_dialogue(coach: Coach) -> dict[str, Any]:
    """A review built by chatting with the coach over HTTP (the rules engine's scripted zh dialogue)."""
    from tests.engines.rules.dialogues import DIALOGUES

    dialogue = DIALOGUES["zh"]
    with coach.api() as api:
        seed_past_review(api)
        body = {"team": dialogue["team"], "title": dialogue["title"], "language": "zh"}
        session = api.post("/sessions", json={**body, "date": dialogue["review_date"]})
        assert session.status_code == 201, session.text
        sid = session.json()["id"]
        for step in dialogue["turns"]:
            turn = api.post(f"/sessions/{sid}/messages", json={"text": step["user"]})
            assert turn.status_code == 200, turn.text
        review = api.get(f"/reviews/{session.json()['review_id']}")
        assert review.status_code == 200, review.text
        return review.json()  # type: ignore[no-any-return]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _write_host_pages(root: Path, coach_url: str) -> None:
    pages = {
        "host.html": ("zh", "团队门户", "右下角是复盘教练。", ""),
        "host-en.html": ("en", "Team portal", "The coach is at the bottom right.", ""),
        "host-key.html": ("zh", "团队门户", "带工作区密钥的嵌入。", 'data-workspace-key="wk_test_123"'),
    }
    for name, (lang, heading, body, attrs) in pages.items():
        html = HOST_PAGE.format(lang=lang, heading=heading, body=body, coach=coach_url, attrs=attrs)
        (root / name).write_text(html, encoding="utf-8")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def coach_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Coach]:
    """The coach on one loopback port, and a host page server on another (a second origin)."""
    site = tmp_path_factory.mktemp("host-site")
    handler = functools.partial(_QuietHandler, directory=str(site))
    host = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    host_url = f"http://127.0.0.1:{host.server_address[1]}"
    threading.Thread(target=host.serve_forever, daemon=True).start()

    home = tmp_path_factory.mktemp("coach-home")
    port = _free_port()
    coach_url = f"http://127.0.0.1:{port}"
    _write_host_pages(site, coach_url)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COACH_", "OPENAI_"))}
    env.update(
        COACH_HOME=str(home),
        COACH_ENGINE="rules",
        COACH_CORS_ORIGINS=json.dumps([host_url]),
        PYTHONUNBUFFERED="1",
    )
    log = (home / "server.log").open("w")
    cmd = [sys.executable, "-m", "uvicorn", "coach.api.main:create_app", "--factory"]
    cmd += ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    pool = ThreadPoolExecutor(max_workers=1)
    try:
        _wait_healthy(coach_url, proc, home / "server.log")
        coach = Coach(url=coach_url, home=home, host_url=host_url)
        # the scripted chat is slow: it runs alongside the widget tests; the workspace tests wait for it
        coach.chat_review = pool.submit(replay_dialogue, coach)
        yield coach
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        proc.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=10)
        if proc.poll() is None:
            proc.kill()
        log.close()
        host.shutdown()


@pytest.fixture(scope="session")
def finished_review(coach_server: Coach) -> dict[str, Any]:
    """A review created through the chat API (started in the background by the server fixture)."""
    assert coach_server.chat_review is not None
    review = coach_server.chat_review.result(timeout=180)
    assert review["cause_chains"], "the scripted dialogue should fill the cause chains"
    assert review["lessons"], "the scripted dialogue should fill the lessons"
    return review


def _wait_healthy(url: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"coach server exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                return
        time.sleep(0.2)
    raise RuntimeError(f"coach server did not become healthy:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        reason = "Debian chromium is not installed at /usr/bin/chromium (run scripts/install-chromium.sh)"
        if os.environ.get("CI"):
            pytest.fail(reason)  # CI installs it: a skipped browser suite there would hide a broken set-up
        pytest.skip(reason)
    sync_api = pytest.importorskip("playwright.sync_api", reason=NO_PLAYWRIGHT)
    sync_playwright = sync_api.sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1200, "height": 860}, locale="zh-CN")
    context.set_default_timeout(20_000)
    pg = context.new_page()
    yield pg
    context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
