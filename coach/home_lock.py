"""One owner per data folder: a `flock` on COACH_HOME/coach.lock naming who holds it.

Embedded Chroma is not process-safe (a second process reads stale vectors, and writes from two
processes slow or corrupt the index), so `coach serve` and the CLI's writing commands take this
lock. The OS drops a `flock` when its holder dies, even on SIGKILL: a lock is never stale. The file
itself stays (deleting a flock'ed file lets two processes lock two different inodes).
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import socket
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

LOCK_NAME = "coach.lock"
# a probe (`current_owner`) holds the lock for microseconds: an owner waits this long before refusing
PROBE_GRACE_S = 1.0


@dataclass(frozen=True)
class HomeOwner:
    """Who holds a data folder: a server (with the URL to reach it) or a CLI command."""

    pid: int
    kind: Literal["serve", "cli"]
    command: str
    host: str = ""
    port: int = 0
    hostname: str = ""
    since: str = ""

    @property
    def url(self) -> str:
        """Where a client on this machine reaches the server (a wildcard bind answers on loopback)."""
        host = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(self.host, self.host)
        return f"http://[{host}]:{self.port}" if ":" in host else f"http://{host}:{self.port}"

    def describe(self, language: Literal["zh", "en"]) -> str:
        if self.kind == "serve":
            return (
                f"服务进程 {self.pid}（{self.url}）"
                if language == "zh"
                else f"server pid {self.pid} ({self.url})"
            )
        if language == "zh":
            return f"命令 `coach {self.command}`（进程 {self.pid}）"
        return f"`coach {self.command}` (pid {self.pid})"


class HomeBusy(RuntimeError):
    """The data folder is held by another process."""

    def __init__(self, home: Path, owner: HomeOwner | None) -> None:
        self.home, self.owner = home, owner
        super().__init__(self.message("en"))

    def message(self, language: Literal["zh", "en"]) -> str:
        if self.owner is None:
            return (
                f"数据目录 {self.home} 正被另一个进程使用"
                if language == "zh"
                else f"the data folder {self.home} is in use by another process"
            )
        who = self.owner.describe(language)
        if language == "zh":
            return f"数据目录 {self.home} 已由{who}占用"
        return f"the data folder {self.home} is held by {who}"

    def bilingual(self) -> str:
        return f"{self.message('zh')} · {self.message('en')}"


def lock_path(home: Path) -> Path:
    return home / LOCK_NAME


def _open(home: Path) -> int:
    home.mkdir(parents=True, exist_ok=True)
    # os.open is close-on-exec: a child process never inherits (and so never prolongs) the lock
    return os.open(lock_path(home), os.O_RDWR | os.O_CREAT, 0o600)


def _try_flock(fd: int, operation: int) -> bool:
    try:
        fcntl.flock(fd, operation | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _read_owner(home: Path) -> HomeOwner | None:
    try:
        data = json.loads(lock_path(home).read_text(encoding="utf-8") or "null")
        return HomeOwner(**data) if isinstance(data, dict) else None
    except (OSError, ValueError, TypeError):
        return None


class HomeLock:
    """The exclusive hold on a data folder, for as long as the object is held (or until `release`)."""

    def __init__(self, home: Path, fd: int, owner: HomeOwner) -> None:
        self.home, self.owner, self._fd = home, owner, fd

    @classmethod
    def acquire(
        cls,
        home: Path,
        kind: Literal["serve", "cli"],
        command: str,
        host: str = "",
        port: int = 0,
        grace_s: float = PROBE_GRACE_S,
    ) -> HomeLock:
        """Take the folder or raise HomeBusy naming its owner."""
        fd = _open(home)
        deadline = time.monotonic() + grace_s
        while not _try_flock(fd, fcntl.LOCK_EX):
            if time.monotonic() >= deadline:
                os.close(fd)
                raise HomeBusy(home, _read_owner(home))
            time.sleep(0.05)
        owner = HomeOwner(
            pid=os.getpid(),
            kind=kind,
            command=command,
            host=host,
            port=port,
            hostname=socket.gethostname(),
            since=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        )
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(asdict(owner)).encode("utf-8"), 0)
        return cls(home, fd, owner)

    def release(self) -> None:
        if self._fd < 0:
            return
        os.ftruncate(self._fd, 0)
        fcntl.flock(self._fd, fcntl.LOCK_UN)
        os.close(self._fd)
        self._fd = -1

    def __enter__(self) -> HomeLock:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def current_owner(home: Path, wait_s: float = PROBE_GRACE_S) -> HomeOwner | None:
    """Who holds the folder now, or None when nobody does; HomeBusy if the holder cannot be named.

    A probe takes a shared lock for an instant: if it gets it, nobody owns the folder. An owner
    writes its name just after locking, so a held lock whose file names nobody alive (not written
    yet, or a dead predecessor's name) is read again for a moment.
    """
    if not lock_path(home).exists():
        return None
    fd = _open(home)
    try:
        deadline = time.monotonic() + wait_s
        while True:
            if _try_flock(fd, fcntl.LOCK_SH):
                fcntl.flock(fd, fcntl.LOCK_UN)
                return None
            owner = _read_owner(home)
            if owner is not None and _alive(owner.pid):
                return owner
            if time.monotonic() >= deadline:
                raise HomeBusy(home, None)
            time.sleep(0.02)
    finally:
        os.close(fd)
