"""One writer per session across replicas: messages sent at once to two replicas are all kept."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from tests.multiprocess.replicas import replicas

pytestmark = pytest.mark.slow

SESSIONS = 20
GOALS = [
    "回款目标1.2亿，实际9600万",
    "新客户数目标50，实际62",
    "毛利目标3000万，实际2800万",
    "续约率目标90%，实际85%",
    "客单价目标20万，实际18万",
    "回访数目标400，实际420",
]


@pytest.fixture(params=["postgresql", "sqlite"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'shared.db'}"
    return str(request.getfixturevalue("postgres_url"))


def test_goals_sent_at_once_to_two_replicas_are_all_kept(
    database_url: str, chroma_server_url: str, tmp_path: Path
) -> None:
    with replicas(2, tmp_path, database_url, chroma_server_url) as servers, httpx.Client(timeout=120) as http:
        urls = [s.url for s in servers]
        ids = [
            http.post(f"{urls[i % 2]}/api/v1/sessions", json={"team": f"组{i}", "date": "2026-04-30"}).json()[
                "id"
            ]
            for i in range(SESSIONS)
        ]
        sends = [(urls[(i + j) % 2], sid, text) for i, sid in enumerate(ids) for j, text in enumerate(GOALS)]

        def send(item: tuple[str, str, str]) -> int:
            url, sid, text = item  # a connection per message: all 120 arrive at once
            return httpx.post(
                f"{url}/api/v1/sessions/{sid}/messages", json={"text": text}, timeout=120
            ).status_code

        with ThreadPoolExecutor(len(sends)) as pool:
            statuses = list(pool.map(send, sends))
        kept = {
            sid: len(http.get(f"{urls[0]}/api/v1/sessions/{sid}").json()["review"]["goals"]) for sid in ids
        }

    assert statuses == [200] * len(sends)
    assert kept == dict.fromkeys(ids, len(GOALS))
    assert sum(kept.values()) == SESSIONS * len(GOALS)
