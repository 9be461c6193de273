"""Server-side latency of rules-engine chat turns, over 200 scripted turns against a real server.

Starts `coach serve` on a free loopback port with a temporary data folder, replays the
scripted zh and en dialogues until 200 turns have run, and reads each response's
`Server-Timing` (time spent in the app, SQLite commits included). A baseline in the same
run: GET /healthz, the HTTP stack with no work, so the ratio shows what a turn costs.

    .venv/bin/python bench/turns.py [--turns 200]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.engines.rules.dialogues import DIALOGUES  # noqa: E402
from tests.helpers import ServerProcess  # noqa: E402


def server_ms(response: httpx.Response) -> float:
    """The app's own time from the Server-Timing header."""
    header = response.headers["server-timing"]
    return float(header.split("dur=")[1])


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run_turns(client: httpx.Client, total: int) -> tuple[list[float], list[float]]:
    """(server ms, round-trip ms) of `total` message turns."""
    server, round_trip = [], []
    while len(server) < total:
        for dialogue in DIALOGUES.values():
            session = client.post(
                "/api/v1/sessions",
                json={
                    "team": f"bench-{len(server)}",
                    "language": dialogue["language"],
                    "date": dialogue["review_date"],
                },
            ).json()
            for step in dialogue["turns"]:
                started = time.perf_counter()
                response = client.post(
                    f"/api/v1/sessions/{session['id']}/messages", json={"text": step["user"]}
                )
                round_trip.append((time.perf_counter() - started) * 1000)
                response.raise_for_status()
                server.append(server_ms(response))
                if len(server) >= total:
                    return server, round_trip
    return server, round_trip


def run_baseline(client: httpx.Client, total: int) -> list[float]:
    return [server_ms(client.get("/healthz")) for _ in range(total)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--turns", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        proc = ServerProcess(Path(tmp) / "home").start()
        try:
            with httpx.Client(base_url=proc.url, timeout=30) as client:
                run_turns(client, 20)  # warm-up: imports, first SQLite pages
                server, round_trip = run_turns(client, args.turns)
                baseline = run_baseline(client, args.turns)
        finally:
            proc.stop()
    p50, p95 = percentile(server, 0.5), percentile(server, 0.95)
    b50, b95 = percentile(baseline, 0.5), percentile(baseline, 0.95)
    print(f"rules-engine turns: n={len(server)}")
    print(
        f"  server-side  p50 {p50:6.2f} ms  p95 {p95:6.2f} ms  max {max(server):6.2f} ms  (goal p95 <= 50 ms)"
    )
    r50, r95 = percentile(round_trip, 0.5), percentile(round_trip, 0.95)
    print(f"  round trip   p50 {r50:6.2f} ms  p95 {r95:6.2f} ms")
    print(f"baseline GET /healthz server-side p50 {b50:6.2f} ms  p95 {b95:6.2f} ms")
    mean = statistics.mean(server)
    print(f"ratio turn/baseline  p50 {p50 / b50:5.1f}x  p95 {p95 / b95:5.1f}x  mean {mean:.2f} ms")


if __name__ == "__main__":
    main()
