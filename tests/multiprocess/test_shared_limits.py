"""Limits hold across replicas: requests are counted in the database, revocations seen within 1 s."""

from __future__ import annotations

import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from coach.security.ratelimit import WINDOW_S, SharedWindows
from coach.security.registry import KEY_TTL_S
from coach.settings import Settings
from coach.storage.db import Database
from tests.helpers import ROOT
from tests.multiprocess.replicas import replicas

LIMIT = 30


@pytest.fixture(params=["postgresql", "sqlite"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'shared.db'}"
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def database(database_url: str, tmp_path: Path) -> Database:
    return Database(Settings(home=tmp_path / "home", database_url=database_url))


def test_two_limiters_on_one_database_share_the_count(database: Database) -> None:
    one, two = SharedWindows(database, LIMIT), SharedWindows(database, LIMIT)
    start = 1_000 * WINDOW_S  # the start of a minute: nothing from the previous one weighs
    waits = [(one if n % 2 else two).take("key:a", now=start + n * 0.01) for n in range(2 * LIMIT)]
    assert sum(w == 0.0 for w in waits) == LIMIT
    assert all(w > 0 for w in waits[LIMIT:])
    assert one.take("key:b", now=start + 1) == 0.0  # identities are counted apart


def test_the_previous_minute_weighs_as_much_as_it_overlaps_the_last_60_s(database: Database) -> None:
    limiter = SharedWindows(database, LIMIT)
    start = 2_000 * WINDOW_S
    for n in range(LIMIT):
        assert limiter.take("key:a", now=start + 59 + n * 0.01) == 0.0
    # one second into the next minute the full previous minute still almost fills the limit
    assert limiter.take("key:a", now=start + WINDOW_S + 1) > 0
    # half-way through, half of it weighs: about half the limit is free again
    allowed = sum(limiter.take("key:a", now=start + WINDOW_S + 30 + n * 0.01) == 0.0 for n in range(LIMIT))
    assert allowed == LIMIT // 2


@pytest.mark.slow
def test_two_replicas_accept_the_limit_once_not_twice(
    database_url: str, chroma_server_url: str, tmp_path: Path
) -> None:
    env = {"COACH_RATE_LIMIT_PER_MINUTE": str(LIMIT), "COACH_SHARED_LIMITS": "true"}
    with replicas(2, tmp_path, database_url, chroma_server_url, env) as servers:
        urls = [f"{s.url}/api/v1/sessions/nope" for s in servers]
        with ThreadPoolExecutor(8) as pool:
            statuses = list(
                pool.map(lambda n: httpx.get(urls[n % 2], timeout=60).status_code, range(2 * LIMIT))
            )
    # a minute may turn during the burst: the sliding estimate still admits about the limit once
    assert LIMIT <= statuses.count(404) <= LIMIT + 2
    assert statuses.count(429) == 2 * LIMIT - statuses.count(404)


@pytest.mark.slow
def test_a_key_revoked_on_one_replica_is_refused_by_every_replica_within_a_second(
    database_url: str, chroma_server_url: str, tmp_path: Path
) -> None:
    env = {"COACH_DATABASE_URL": database_url, "COACH_HOME": str(tmp_path / "admin")}
    create = [sys.executable, "-m", "coach", "keys", "create", "--workspace", "acme", "--scope", "member"]
    with replicas(2, tmp_path, database_url, chroma_server_url) as servers:
        out = subprocess.run(create, env=env, cwd=ROOT, capture_output=True, text=True, check=True).stdout
        key = next(word for line in out.splitlines() for word in line.split() if word.startswith("rc_"))
        headers = {"authorization": f"Bearer {key}"}
        seen = [
            httpx.get(f"{s.url}/api/v1/reviews", headers=headers, timeout=30).status_code for s in servers
        ]
        subprocess.run(
            [sys.executable, "-m", "coach", "keys", "revoke", key[:11]], env=env, cwd=ROOT, check=True
        )
        time.sleep(KEY_TTL_S + 0.2)  # the documented bound, not a speed measurement
        after = [
            httpx.get(f"{s.url}/api/v1/reviews", headers=headers, timeout=30).status_code for s in servers
        ]
    assert seen == [200, 200]
    assert after == [401, 401]
