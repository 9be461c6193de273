"""Rate limiting: an in-memory token bucket per key (or per client address in local mode)."""

from __future__ import annotations

import math
import time


class TokenBuckets:
    """`per_minute` requests a minute, bursts up to a minute's worth; per process, not shared."""

    def __init__(self, per_minute: int, max_buckets: int = 50_000) -> None:
        self.capacity = float(max(per_minute, 0))
        self.refill_per_s = self.capacity / 60.0
        self.max_buckets = max_buckets
        self._buckets: dict[str, tuple[float, float]] = {}  # identity -> (tokens, last refill)

    @property
    def enabled(self) -> bool:
        return self.capacity > 0

    def take(self, identity: str, now: float | None = None) -> float:
        """Spend one token: 0.0 when allowed, else the seconds until one is available."""
        if not self.enabled:
            return 0.0
        now = time.monotonic() if now is None else now
        tokens, last = self._buckets.get(identity, (self.capacity, now))
        tokens = min(self.capacity, tokens + (now - last) * self.refill_per_s)
        if tokens >= 1.0:
            self._remember(identity, (tokens - 1.0, now))
            return 0.0
        self._remember(identity, (tokens, now))
        return (1.0 - tokens) / self.refill_per_s

    def _remember(self, identity: str, bucket: tuple[float, float]) -> None:
        if identity not in self._buckets and len(self._buckets) >= self.max_buckets:
            # a flood of identities: forgetting them all only ever grants, never wrongly denies
            self._buckets.clear()
        self._buckets[identity] = bucket


def retry_after_header(wait_s: float) -> str:
    """Whole seconds, at least 1, as Retry-After wants."""
    return str(max(1, math.ceil(wait_s)))
