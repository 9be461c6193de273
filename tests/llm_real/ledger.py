"""What the real model did, turn by turn and note by note; printed at the end of the run."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    kind: str  # "turn" | "note"
    language: str
    engine: str
    reason: str | None  # the fallback reason; None when the model served it
    seconds: float


ENTRIES: list[Entry] = []


def record(kind: str, language: str, engine: str | None, reason: str | None, seconds: float) -> None:
    ENTRIES.append(Entry(kind, language, engine or "?", reason, seconds))


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile: the smallest value with `share` of the values at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def summary() -> list[str]:
    lines = []
    for kind in ("turn", "note"):
        for lang in ("zh", "en"):
            rows = [e for e in ENTRIES if e.kind == kind and e.language == lang]
            if not rows:
                continue
            served = sum(1 for e in rows if e.reason is None and e.engine == "llm")
            reasons = Counter(e.reason or "none" for e in rows if e.engine != "llm")
            seconds = [e.seconds for e in rows]
            why = ", ".join(f"{r} ×{n}" for r, n in reasons.most_common()) or "-"
            lines.append(
                f"{kind}s {lang}: {len(rows)} · served by the model {served} · "
                f"by the rules engine {len(rows) - served} ({why}) · p50 {percentile(seconds, 0.5):.1f} s · "
                f"p95 {percentile(seconds, 0.95):.1f} s · slowest {max(seconds):.1f} s"
            )
    return lines
