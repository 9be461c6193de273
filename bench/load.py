"""Load on loopback: N concurrent coaching sessions × M turns on the rules engine, against a real server.

    .venv/bin/python bench/load.py [--sessions 50] [--turns 20] [--url http://127.0.0.1:8000]

Without --url it starts `coach serve` on a free loopback port with a throw-away COACH_HOME (rate
limit off: one client address would otherwise be throttled like an abusive one). The client is
bounded (one connection per session). Reports p50/p95/max per turn, throughput, errors, and a
baseline — GET /healthz under the same concurrency — with the ratio. Zero errors expected.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# a realistic review: goals, focus, causes, then free talk; cycled when turns exceed the script
SCRIPT = [
    "回款目标1.2亿，实际9600万；新客户数目标50，实际62",
    "没有了",
    "回款最重要",
    "新客户数超额完成，因为渠道推广做得好",
    "回款没达成",
    "大客户回款拖延",
    "应该提前做客户信用评估，但没做",
    "1",
    "因为大客户的付款审批周期变长了",
    "我们的销售只管签单，不跟进回款",
    "根本原因是没有回款跟踪机制，回款没有明确负责人",
    "是的",
    "大概占七成",
    "不用了",
    "我是李娜",
    "回款比签单难得多",
    "我太相信客户的口头承诺",
    "签合同时就约定回款节点",
    "每周看一次账龄表",
    "没有了",
    "到哪了",
]


@dataclass
class Timings:
    latencies_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    wall_s: float = 0.0

    @property
    def count(self) -> int:
        return len(self.latencies_ms)

    def quantile(self, q: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    @property
    def throughput(self) -> float:
        return self.count / self.wall_s if self.wall_s else 0.0

    def line(self, name: str) -> str:
        return (
            f"{name:<8} n={self.count:<5} errors={len(self.errors):<3} "
            f"p50={self.quantile(0.5):7.1f} ms  p95={self.quantile(0.95):7.1f} ms  "
            f"max={max(self.latencies_ms, default=float('nan')):7.1f} ms  "
            f"mean={statistics.fmean(self.latencies_ms) if self.latencies_ms else float('nan'):7.1f} ms  "
            f"{self.throughput:7.1f} req/s"
        )


@dataclass
class LoadReport:
    turns: Timings
    baseline: Timings

    @property
    def ratio_p50(self) -> float:
        return self.turns.quantile(0.5) / max(self.baseline.quantile(0.5), 1e-9)

    def text(self, sessions: int, turns: int) -> str:
        return "\n".join(
            [
                f"load: {sessions} concurrent sessions x {turns} turns (rules engine, loopback)",
                self.turns.line("turns"),
                self.baseline.line("healthz"),
                f"ratio turn/healthz p50: {self.ratio_p50:.1f}x",
            ]
        )


async def _timed(client: httpx.AsyncClient, timings: Timings, method: str, path: str, **kw: object) -> None:
    started = time.perf_counter()
    try:
        response = await client.request(method, path, **kw)  # type: ignore[arg-type]
    except httpx.HTTPError as exc:
        timings.errors.append(f"{method} {path}: {type(exc).__name__} {exc}")
        return
    if response.status_code >= 400:
        timings.errors.append(f"{method} {path}: {response.status_code} {response.text[:200]}")
        return
    timings.latencies_ms.append((time.perf_counter() - started) * 1000)


async def _session(client: httpx.AsyncClient, timings: Timings, index: int, turns: int) -> None:
    response = await client.post("/api/v1/sessions", json={"team": f"负载组{index}", "date": "2026-04-30"})
    if response.status_code != 201:
        timings.errors.append(f"create session: {response.status_code} {response.text[:200]}")
        return
    session_id = response.json()["id"]
    for turn in range(turns):
        text = SCRIPT[turn % len(SCRIPT)]
        await _timed(client, timings, "POST", f"/api/v1/sessions/{session_id}/messages", json={"text": text})


async def _healthz(client: httpx.AsyncClient, timings: Timings, requests: int) -> None:
    for _ in range(requests):
        await _timed(client, timings, "GET", "/healthz")


async def run_load(url: str, sessions: int, turns: int, timeout_s: float = 600.0) -> LoadReport:
    """Drive the server at `url`; every session on its own connection, all at once."""
    limits = httpx.Limits(max_connections=sessions, max_keepalive_connections=sessions)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60) as client:
        baseline = Timings()
        started = time.perf_counter()
        await asyncio.wait_for(
            asyncio.gather(*(_healthz(client, baseline, turns) for _ in range(sessions))), timeout_s
        )
        baseline.wall_s = time.perf_counter() - started

        timings = Timings()
        started = time.perf_counter()
        await asyncio.wait_for(
            asyncio.gather(*(_session(client, timings, i, turns) for i in range(sessions))), timeout_s
        )
        timings.wall_s = time.perf_counter() - started
    return LoadReport(timings, baseline)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--turns", type=int, default=20)
    parser.add_argument("--url", help="an already running server (default: start one)")
    parser.add_argument("--timeout", type=float, default=600.0, help="give up after this many seconds")
    args = parser.parse_args()

    server = None
    url = args.url
    if url is None:
        from tests.helpers import ServerProcess

        home = Path(tempfile.mkdtemp(prefix="coach-load-")) / "home"
        server = ServerProcess(home, env={"COACH_RATE_LIMIT_PER_MINUTE": "0"}).start()
        url = server.url
    try:
        report = asyncio.run(run_load(url, args.sessions, args.turns, args.timeout))
    finally:
        if server is not None:
            server.stop()
    print(report.text(args.sessions, args.turns))
    for error in (report.turns.errors + report.baseline.errors)[:10]:
        print("error:", error)
    return 1 if report.turns.errors or report.baseline.errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
