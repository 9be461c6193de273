"""One owner per data folder, with a real `coach serve`: the CLI goes through it, or refuses by name."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from coach.home_lock import current_owner
from tests.helpers import ServerProcess, free_port

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
SRE_LESSON = {"team": "SRE值班组", "dimension": "organization", "action": "start"}
LESSONS = [
    {"id": "L-zh", "text": "发布前先做回滚演练", **SRE_LESSON},
    {"id": "L-en", "text": "Rehearse the rollback before every release", **SRE_LESSON},
]


def coach(
    home: Path, *args: str, stdin: str = "", importtime: bool = False
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COACH_HOME": str(home), "COACH_ENGINE": "rules", "COLUMNS": "100"}
    flags = ["-X", "importtime"] if importtime else []
    return subprocess.run(
        [sys.executable, *flags, "-m", "coach", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )


def imported(stderr: str) -> set[str]:
    return {line.rsplit("|", 1)[1].strip() for line in stderr.splitlines() if line.startswith("import time:")}


def lessons_file(tmp_path: Path) -> Path:
    path = tmp_path / "lessons.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in LESSONS) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ServerProcess]:
    proc = ServerProcess(tmp_path / "home").start()
    yield proc
    proc.stop()


def test_a_second_serve_on_the_same_folder_refuses_and_names_the_owner(server: ServerProcess) -> None:
    assert server.proc is not None
    second = coach(server.home, "serve", "--port", str(free_port()))
    assert second.returncode == 3
    assert f"服务进程 {server.proc.pid}（{server.url}）" in second.stderr
    assert f"server pid {server.proc.pid} ({server.url})" in second.stderr
    assert httpx.get(f"{server.url}/healthz").status_code == 200  # the owner is untouched


def test_an_import_while_served_lands_through_the_server_which_then_finds_it(
    server: ServerProcess, tmp_path: Path
) -> None:
    done = coach(server.home, "lessons", "import", str(lessons_file(tmp_path)), importtime=True)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "imported 2 lessons" in done.stdout and "through server pid" in done.stdout
    assert "chromadb" not in imported(done.stderr)  # the CLI never opened the server's index

    for query, expected in (("回滚演练", "L-zh"), ("rollback rehearsal", "L-en")):
        hits = httpx.get(f"{server.url}/api/v1/lessons/search", params={"q": query, "k": 2}).json()["hits"]
        assert hits[0]["id"] == expected

    searched = coach(server.home, "lessons", "search", "回滚", "--format", "json", importtime=True)
    assert searched.returncode == 0, searched.stderr[-2000:]
    assert {hit["id"] for hit in json.loads(searched.stdout)} == {"L-zh", "L-en"}
    assert "chromadb" not in imported(searched.stderr)


def test_with_api_keys_the_cli_authenticates_and_leaves_no_key_behind(
    server: ServerProcess, tmp_path: Path
) -> None:
    created = coach(server.home, "keys", "create", "--workspace", "default", "--scope", "admin")
    key = created.stdout.strip()
    time.sleep(2.5)  # the server notices the first key within ANY_KEYS_TTL_S
    search = f"{server.url}/api/v1/lessons/search"
    assert httpx.get(search, params={"q": "回滚"}).status_code == 401  # keys are now required

    done = coach(server.home, "lessons", "import", str(lessons_file(tmp_path)))
    assert done.returncode == 0, done.stderr
    listed = coach(server.home, "keys", "list").stdout.strip().splitlines()
    assert len(listed) == 1 and key[:11] in listed[0]  # the command's own key is gone
    hits = httpx.get(search, params={"q": "回滚演练"}, headers={"authorization": f"Bearer {key}"}).json()
    assert hits["hits"][0]["id"] == "L-zh"


def test_writes_without_an_http_route_refuse_while_served(server: ServerProcess, tmp_path: Path) -> None:
    assert server.proc is not None
    reindex = coach(server.home, "lessons", "reindex")
    assert reindex.returncode == 3
    assert f"server pid {server.proc.pid}" in reindex.stderr and "stop it first" in reindex.stderr
    assert "请先停止服务" in reindex.stderr

    note = tmp_path / "note.md"
    note.write_text("回款目标8000万，实际6500万，未达成。\n经验：每周过一次应收账款。\n", encoding="utf-8")
    indexed = coach(server.home, "summarize", str(note), "--index")
    assert indexed.returncode == 3 and "--index" in indexed.stderr
    plain = coach(server.home, "summarize", str(note))  # SQL only: fine beside the server
    assert plain.returncode == 0, plain.stderr


def test_a_terminal_chat_while_served_is_held_by_the_server(server: ServerProcess) -> None:
    said = coach(server.home, "chat", "--team", "华东销售", stdin="回款目标1.2亿，实际9600万\n/quit\n")
    assert said.returncode == 0, said.stderr
    session_id = said.stdout.strip().split()[-1]
    session = httpx.get(f"{server.url}/api/v1/sessions/{session_id}").json()
    assert [t["text"] for t in session["turns"] if t["role"] == "user"] == ["回款目标1.2亿，实际9600万"]
    assert session["team"] == "华东销售"


def test_a_serve_started_while_the_cli_holds_the_folder_refuses_until_it_is_done(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {**os.environ, "COACH_HOME": str(home), "COACH_ENGINE": "rules"}
    chat = subprocess.Popen(
        [sys.executable, "-m", "coach", "chat"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        env=env,
        cwd=ROOT,
    )
    try:
        deadline = time.monotonic() + 120
        while (owner := current_owner(home)) is None:
            assert time.monotonic() < deadline and chat.poll() is None
            time.sleep(0.1)
        assert owner.kind == "cli" and owner.command == "chat" and owner.pid == chat.pid

        refused = coach(home, "serve", "--port", str(free_port()))
        assert refused.returncode == 3
        assert (
            f"`coach chat` (pid {chat.pid})" in refused.stderr
            and f"命令 `coach chat`（进程 {chat.pid}）" in refused.stderr
        )
    finally:
        assert chat.stdin is not None
        chat.stdin.close()  # end of input ends the chat and frees the folder
        chat.wait(timeout=60)
    served = ServerProcess(home).start()
    served.stop()


NOTE = (
    "# 华南销售复盘\n日期：2025-12-20\n\n回款目标8000万，实际6500万，未达成。\n"
    "根因：回款跟踪机制缺失，约占六成。\n经验：新增回款跟踪机制，每周过一次应收账款。\n"
    "行动：陈静 2026年1月15日前 上线应收账款周报。\n"
)


def summarized_review(server: ServerProcess, headers: dict[str, str] | None = None) -> str:
    """A review summarized by the server from a note, its lessons indexed."""
    api = f"{server.url}/api/v1"
    body = {"notes": [{"name": "h2.md", "text": NOTE}], "team": "华南销售", "index": True}
    job = httpx.post(f"{api}/summaries", json=body, headers=headers, timeout=30).json()
    deadline = time.monotonic() + 120
    while (done := httpx.get(f"{api}/summaries/{job['id']}", headers=headers).json())["status"] != "done":
        assert time.monotonic() < deadline, done
        time.sleep(0.2)
    return str(done["items"][0]["review_id"])


def found(server: ServerProcess, review_id: str, headers: dict[str, str] | None = None) -> bool:
    search = f"{server.url}/api/v1/lessons/search"
    hits = httpx.get(search, params={"q": "回款跟踪机制", "k": 5}, headers=headers).json()["hits"]
    return review_id in {hit["review_id"] for hit in hits}


def test_deleting_restoring_and_purging_a_review_while_served_go_through_the_server(
    server: ServerProcess,
) -> None:
    assert server.proc is not None
    review_id = summarized_review(server)
    assert found(server, review_id)
    reviews = f"{server.url}/api/v1/reviews"

    deleted = coach(server.home, "reviews", "delete", review_id, importtime=True)
    assert deleted.returncode == 0, deleted.stderr[-2000:]
    assert "archived" in deleted.stdout and f"through server pid {server.proc.pid}" in deleted.stdout
    assert "chromadb" not in imported(deleted.stderr)  # the CLI never opened the server's index
    assert review_id in [r["id"] for r in httpx.get(reviews, params={"archived": "true"}).json()]
    assert not found(server, review_id)  # the server's own index dropped the lessons

    restored = coach(server.home, "reviews", "restore", review_id)
    assert restored.returncode == 0 and "through server pid" in restored.stdout, restored.stderr
    assert found(server, review_id)

    purged = coach(server.home, "reviews", "delete", review_id, "--purge", "--yes")
    assert purged.returncode == 0 and "purged" in purged.stdout, purged.stderr
    assert "through server pid" in purged.stdout
    assert httpx.get(f"{reviews}/{review_id}").status_code == 404
    assert not found(server, review_id)

    unknown = coach(server.home, "reviews", "restore", "nope")
    assert unknown.returncode == 2 and "nope" in unknown.stderr


def test_with_api_keys_a_purge_through_the_server_mints_an_admin_key_and_a_typo_makes_no_workspace(
    server: ServerProcess,
) -> None:
    key = coach(server.home, "keys", "create", "--workspace", "default", "--scope", "member").stdout.strip()
    time.sleep(2.5)  # the server notices the first key within ANY_KEYS_TTL_S
    auth = {"authorization": f"Bearer {key}"}
    review_id = summarized_review(server, auth)
    assert httpx.delete(f"{server.url}/api/v1/reviews/{review_id}", headers=auth).status_code == 200

    purged = coach(server.home, "reviews", "delete", review_id, "--purge", "--yes")
    assert purged.returncode == 0, purged.stderr  # a member key could not have purged
    assert httpx.get(f"{server.url}/api/v1/reviews/{review_id}", headers=auth).status_code == 404
    listed = coach(server.home, "keys", "list").stdout.strip().splitlines()
    assert len(listed) == 1 and key[:11] in listed[0]  # the command's keys are gone

    typo = coach(server.home, "lessons", "search", "回款", "--workspace", "defualt")
    assert typo.returncode == 2 and "no workspace defualt" in typo.stderr and "没有工作区" in typo.stderr
    db = sqlite3.connect(server.home / "coach.db")
    assert db.execute("SELECT id FROM workspaces").fetchall() == [("default",)]
    db.close()
