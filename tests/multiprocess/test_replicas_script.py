"""scripts/replicas.sh starts the scaled-out topology: PostgreSQL, Chroma, 2 replicas behind a proxy."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

import httpx
import pytest

from tests.helpers import ROOT, free_port
from tests.servers import PostgresServer

pytestmark = pytest.mark.slow


def test_the_replicas_script_serves_one_conversation_across_its_replicas(
    postgres_server: PostgresServer, tmp_path: Path
) -> None:
    port = free_port()
    env = {**os.environ, "COACH_REPLICAS_DIR": str(tmp_path / "replicas"), "COACH_ENGINE": "rules"}
    env.pop("COACH_DATABASE_URL", None)  # the script starts its own PostgreSQL
    script = subprocess.Popen(
        ["bash", "scripts/replicas.sh", "2", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        assert script.stdout is not None
        ready = script.stdout.readline()
        assert f"2 replicas behind http://127.0.0.1:{port}" in ready
        url = f"http://127.0.0.1:{port}/api/v1/sessions"
        # a new connection per request: the proxy hands each to the next replica
        session_id = httpx.post(url, json={"team": "华东销售"}, timeout=60).json()["id"]
        for text in ("回款目标1.2亿，实际9600万", "新客户数目标50，实际62", "毛利目标3000万，实际2800万"):
            assert (
                httpx.post(f"{url}/{session_id}/messages", json={"text": text}, timeout=60).status_code == 200
            )
        goals = httpx.get(f"{url}/{session_id}", timeout=60).json()["review"]["goals"]
        served = {
            log.name
            for log in (tmp_path / "replicas").glob("replica-*.log")
            if "POST /api" in log.read_text()
        }
    finally:
        script.send_signal(signal.SIGTERM)
        try:
            script.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(script.pid, signal.SIGKILL)
    assert len(goals) == 3
    assert served == {"replica-1.log", "replica-2.log"}
