"""Rate limiting per key (or per client address in local mode): in memory, or shared in SQL by replicas."""

from __future__ import annotations

import math
import time
from typing import Protocol

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite

from coach.storage.db import Database
from coach.storage.tables import RateWindow

WINDOW_S = 60


class RateLimiter(Protocol):
    @property
    def enabled(self) -> bool: ...

    def take(self, identity: str) -> float:
        """Count one request: 0.0 when allowed, else the seconds until one would be."""
        ...


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


class SharedWindows:
    """`per_minute` requests a minute per identity across every replica: a counter per minute in SQL.

    A sliding estimate (the previous minute's count, weighted by how much of it still overlaps the
    last 60 s, plus this minute's) so a burst at a minute's boundary cannot pass twice the limit.
    Each request costs one upsert; denied requests are not counted.
    """

    def __init__(self, database: Database, per_minute: int) -> None:
        self.database, self.limit = database, max(per_minute, 0)
        self._swept = -1

    @property
    def enabled(self) -> bool:
        return self.limit > 0

    def take(self, identity: str, now: float | None = None) -> float:
        if not self.enabled:
            return 0.0
        now = time.time() if now is None else now
        window, elapsed = divmod(now, WINDOW_S)
        current = int(window)
        overlap = 1.0 - elapsed / WINDOW_S
        with self.database.session() as db:
            count = db.scalar(self._increment(identity, current))
            previous = db.scalar(
                select(RateWindow.count).where(
                    RateWindow.identity == identity, RateWindow.window == current - 1
                )
            )
            estimate = (previous or 0) * overlap + (count or 0)
            allowed = estimate <= self.limit
            if not allowed:
                db.execute(self._increment(identity, current, by=-1))
            if current != self._swept:  # once a minute per process: forget windows nobody weighs any more
                db.execute(delete(RateWindow).where(RateWindow.window < current - 1))
                self._swept = current
            db.commit()
        if allowed:
            return 0.0
        # the previous minute's weight fades linearly: wait until the estimate drops below the limit
        if previous:
            excess = estimate - self.limit + 1
            fade = min(WINDOW_S * excess / previous, WINDOW_S - elapsed)
            return max(fade, 0.1)
        return WINDOW_S - elapsed

    def _increment(self, identity: str, window: int, by: int = 1):  # type: ignore[no-untyped-def]
        insert = postgresql.insert if self.database.engine.dialect.name == "postgresql" else sqlite.insert
        statement = insert(RateWindow).values(identity=identity, window=window, count=by)
        return statement.on_conflict_do_update(
            index_elements=[RateWindow.identity, RateWindow.window],
            set_={"count": RateWindow.count + by},
        ).returning(RateWindow.count)


def rate_limiter(database: Database, per_minute: int, shared: bool) -> RateLimiter:
    """Shared in SQL when several replicas serve, else in memory (no I/O on the request path)."""
    return SharedWindows(database, per_minute) if shared else TokenBuckets(per_minute)


def retry_after_header(wait_s: float) -> str:
    """Whole seconds, at least 1, as Retry-After wants."""
    return str(max(1, math.ceil(wait_s)))
