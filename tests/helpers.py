"""Shared test helpers: a real server process on a free loopback port."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent


def stop_process(proc: subprocess.Popen[bytes] | None) -> None:
    """SIGTERM and wait; SIGKILL when it does not exit within 10 s."""
    if proc and proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ServerProcess:
    """`coach serve` in its own process, on its own data folder."""

    def __init__(self, home: Path, port: int | None = None, env: dict[str, str] | None = None) -> None:
        self.home, self.port = home, port or free_port()
        self.env = {**os.environ, "COACH_HOME": str(home), "COACH_ENGINE": "rules", **(env or {})}
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = home.parent / f"server-{self.port}.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60.0) -> ServerProcess:
        self.home.mkdir(parents=True, exist_ok=True)
        cmd = [sys.executable, "-m", "coach", "serve", "--host", "127.0.0.1", "--port", str(self.port)]
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(cmd, env=self.env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited early:\n{self.log.read_text()[-3000:]}")
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.1)
        raise TimeoutError(f"server did not start:\n{self.log.read_text()[-3000:]}")

    def kill(self) -> None:
        """SIGKILL: no shutdown hooks, no flush — what a crash looks like."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(timeout=10)

    def stop(self) -> None:
        stop_process(self.proc)


def sales_notes(count: int) -> list[dict[str, str]]:
    """`count` small Chinese review notes, each one distinct (a bulk summary job's input)."""
    return [
        {
            "name": f"note-{i:03d}.md",
            "text": (
                f"# 第{i}组 Q1 复盘\n\n目标：回款{100 + i}万，实际{80 + i}万。\n"
                f"原因：大客户回款拖延，缺少回款跟踪机制。\n"
                f"教训：第{i}组回款要有明确负责人，每周跟踪账龄。\n"
                f"行动：王磊负责建立回款台账，5月31日前。\n"
            ),
        }
        for i in range(count)
    ]


def job_status(url: str, job_id: str) -> dict[str, Any]:
    """A summary job as `GET /api/v1/summaries/{id}` reports it."""
    return httpx.get(f"{url}/api/v1/summaries/{job_id}", timeout=30).json()  # type: ignore[no-any-return]
