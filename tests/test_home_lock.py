"""One owner per data folder: a second holder is refused by name, and a dead holder leaves no lock."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from coach.home_lock import HomeBusy, HomeLock, current_owner

ROOT = Path(__file__).resolve().parents[1]
HOLDER = """
import sys, time
from pathlib import Path
from coach.home_lock import HomeLock
lock = HomeLock.acquire(Path(sys.argv[1]), "serve", "serve", host="0.0.0.0", port=8123)
print("held", flush=True)
time.sleep(120)
"""


def start_holder(home: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(home)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def test_a_fresh_folder_has_no_owner(tmp_path: Path) -> None:
    assert current_owner(tmp_path / "home") is None


def test_a_second_holder_is_refused_with_the_owners_pid_and_url(tmp_path: Path) -> None:
    home = tmp_path / "home"
    holder = start_holder(home)
    try:
        owner = current_owner(home)
        assert owner is not None and owner.pid == holder.pid and owner.kind == "serve"
        assert owner.url == "http://127.0.0.1:8123"  # a wildcard bind is reached on loopback
        with pytest.raises(HomeBusy) as refused:
            HomeLock.acquire(home, "cli", "lessons import", grace_s=0.2)
        assert f"服务进程 {holder.pid}（http://127.0.0.1:8123）" in refused.value.message("zh")
        assert f"server pid {holder.pid} (http://127.0.0.1:8123)" in refused.value.message("en")
    finally:
        holder.kill()
        holder.wait()


def test_a_holder_killed_with_sigkill_leaves_no_stale_lock(tmp_path: Path) -> None:
    home = tmp_path / "home"
    holder = start_holder(home)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    assert current_owner(home) is None  # the file still names the dead server; the lock is gone
    with HomeLock.acquire(home, "cli", "lessons reindex") as lock:
        assert current_owner(home) == lock.owner


def test_releasing_frees_the_folder_for_the_next_owner(tmp_path: Path) -> None:
    home = tmp_path / "home"
    first = HomeLock.acquire(home, "cli", "lessons import")
    with pytest.raises(HomeBusy, match="lessons import"):
        HomeLock.acquire(home, "serve", "serve", grace_s=0.1)
    first.release()
    with HomeLock.acquire(home, "serve", "serve", port=8000) as second:
        assert current_owner(home) == second.owner
    assert current_owner(home) is None
