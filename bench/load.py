"""Load on loopback: N concurrent coaching sessions × M turns on the rules engine, against real servers.

    .venv/bin/python bench/load.py [--sessions 50] [--turns 20] [--url URL [--url URL …]]
    .venv/bin/python bench/load.py --replicas 1,2,4 [--sessions 50] [--turns 20]

With --url (repeatable) it drives running replicas, turns round-robin across them. Without it,
it starts `coach serve` with a throw-away COACH_HOME (rate limit off: one client address would
otherwise be throttled like an abusive one): first the single-process SQLite baseline, then for
each count in --replicas that many replicas on a private PostgreSQL + a Chroma server (the
binaries the tests use, tests/servers.py). Reports p50/p95/max per turn, turns/s, errors, lost
writes (user turns the server does not have afterwards), and GET /healthz under the same
concurrency as a baseline. Zero errors and zero lost writes expected.
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
    lost_writes: int = 0

    @property
    def ratio_p50(self) -> float:
        return self.turns.quantile(0.5) / max(self.baseline.quantile(0.5), 1e-9)

    def text(self, sessions: int, turns: int) -> str:
        return "\n".join(
            [
                f"load: {sessions} concurrent sessions x {turns} turns (rules engine, loopback)",
                self.turns.line("turns"),
                self.baseline.line("healthz"),
                f"ratio turn/healthz p50: {self.ratio_p50:.1f}x  lost writes: {self.lost_writes}",
            ]
        )


async def _timed(client: httpx.AsyncClient, timings: Timings, method: str, path: str, **kw: object) -> bool:
    """Whether the request succeeded; its latency or its error is recorded."""
    started = time.perf_counter()
    try:
        response = await client.request(method, path, **kw)  # type: ignore[arg-type]
    except httpx.HTTPError as exc:
        timings.errors.append(f"{method} {path}: {type(exc).__name__} {exc}")
        return False
    if response.status_code >= 400:
        timings.errors.append(f"{method} {path}: {response.status_code} {response.text[:200]}")
        return False
    timings.latencies_ms.append((time.perf_counter() - started) * 1000)
    return True


async def _session(
    clients: list[httpx.AsyncClient], timings: Timings, index: int, turns: int
) -> tuple[str, int] | None:
    """One coaching session, its turns round-robin across the replicas; (id, turns answered)."""
    response = await clients[index % len(clients)].post(
        "/api/v1/sessions", json={"team": f"负载组{index}", "date": "2026-04-30"}
    )
    if response.status_code != 201:
        timings.errors.append(f"create session: {response.status_code} {response.text[:200]}")
        return None
    session_id = response.json()["id"]
    answered = 0
    for turn in range(turns):
        client = clients[(index + turn) % len(clients)]
        text = SCRIPT[turn % len(SCRIPT)]
        path = f"/api/v1/sessions/{session_id}/messages"
        answered += await _timed(client, timings, "POST", path, json={"text": text})
    return session_id, answered


async def _lost_writes(client: httpx.AsyncClient, answered: list[tuple[str, int] | None]) -> int:
    """User turns answered 2xx that the database does not hold afterwards."""
    lost = 0
    for item in answered:
        if item is None:
            continue
        session_id, count = item
        turns = (await client.get(f"/api/v1/sessions/{session_id}")).json()["turns"]
        lost += max(0, count - sum(turn["role"] == "user" for turn in turns))
    return lost


async def _healthz(client: httpx.AsyncClient, timings: Timings, requests: int) -> None:
    for _ in range(requests):
        await _timed(client, timings, "GET", "/healthz")


async def run_load(urls: str | list[str], sessions: int, turns: int, timeout_s: float = 600.0) -> LoadReport:
    """Drive the server(s) at `urls`; every session on its own connection per server, all at once."""
    urls = [urls] if isinstance(urls, str) else urls
    limits = httpx.Limits(max_connections=sessions, max_keepalive_connections=sessions)
    clients = [httpx.AsyncClient(base_url=url, limits=limits, timeout=60) for url in urls]
    try:
        baseline = Timings()
        started = time.perf_counter()
        await asyncio.wait_for(
            asyncio.gather(*(_healthz(clients[i % len(clients)], baseline, turns) for i in range(sessions))),
            timeout_s,
        )
        baseline.wall_s = time.perf_counter() - started

        timings = Timings()
        started = time.perf_counter()
        answered = await asyncio.wait_for(
            asyncio.gather(*(_session(clients, timings, i, turns) for i in range(sessions))), timeout_s
        )
        timings.wall_s = time.perf_counter() - started
        lost = await _lost_writes(clients[0], answered)
    finally:
        for client in clients:
            await client.aclose()
    return LoadReport(timings, baseline, lost)


@dataclass
class Row:
    name: str
    report: LoadReport

    def line(self) -> str:
        t = self.report.turns
        return (
            f"| {self.name} | {t.throughput:.1f} | {t.quantile(0.5):.0f} | {t.quantile(0.95):.0f} "
            f"| {len(t.errors)} | {self.report.lost_writes} |"
        )


def _topologies(replica_counts: list[int], sessions: int, turns: int, timeout: float) -> list[Row]:
    """The SQLite single process, then N replicas on PostgreSQL + a Chroma server, in one run."""
    from tests.helpers import ServerProcess
    from tests.servers import ChromaServer, PostgresServer, postgres_bin

    work = Path(tempfile.mkdtemp(prefix="coach-load-"))
    quiet = {"COACH_RATE_LIMIT_PER_MINUTE": "0"}
    rows: list[Row] = []

    def measure(name: str, servers: list[ServerProcess]) -> None:
        try:
            for server in servers:
                server.start(timeout=120)
            urls = [server.url for server in servers]
            rows.append(Row(name, asyncio.run(run_load(urls, sessions, turns, timeout))))
        finally:
            for server in servers:
                server.stop()
        print(rows[-1].report.text(sessions, turns).replace("load:", f"{name}:"), flush=True)

    measure("SQLite, 1 process", [ServerProcess(work / "sqlite" / "home", env=quiet)])
    bindir = postgres_bin()
    if bindir is None or not replica_counts:
        return rows
    postgres = PostgresServer(bindir).start()
    chroma = ChromaServer(work / "chroma" / "data").start()
    try:
        for count in replica_counts:
            shared = {
                **quiet,
                "COACH_DATABASE_URL": postgres.create_database(),
                "COACH_CHROMA_URL": chroma.url,
            }
            homes = [work / f"pg{count}" / f"replica-{i}" / "home" for i in range(count)]
            measure(f"PostgreSQL, {count} replica(s)", [ServerProcess(home, env=shared) for home in homes])
    finally:
        chroma.stop()
        postgres.stop()
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--turns", type=int, default=20)
    parser.add_argument("--url", action="append", help="a running replica; repeat for round-robin")
    parser.add_argument("--replicas", default="", help="e.g. 1,2,4: also start that many on PostgreSQL")
    parser.add_argument("--timeout", type=float, default=600.0, help="give up after this many seconds")
    args = parser.parse_args()

    if args.url:
        report = asyncio.run(run_load(args.url, args.sessions, args.turns, args.timeout))
        print(report.text(args.sessions, args.turns))
        for error in (report.turns.errors + report.baseline.errors)[:10]:
            print("error:", error)
        return 1 if report.turns.errors or report.baseline.errors or report.lost_writes else 0

    counts = [int(n) for n in args.replicas.split(",") if n.strip()]
    rows = _topologies(counts, args.sessions, args.turns, args.timeout)
    print(f"\n{args.sessions} sessions x {args.turns} turns, rules engine, loopback, one run")
    print("| topology | turns/s | p50 ms | p95 ms | errors | lost writes |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        print(row.line())
    failed = [row for row in rows if row.report.turns.errors or row.report.lost_writes]
    for row in failed:
        for error in row.report.turns.errors[:5]:
            print(f"error ({row.name}):", error)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
