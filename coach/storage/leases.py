"""Named leases on background work: one process at a time does it, and a holder that dies or lets
the lease lapse is taken over. A conditional UPDATE claims it, so SQLite and PostgreSQL both work."""

from __future__ import annotations

import datetime as dt
import os
import socket
import time
import uuid

from sqlalchemy import delete, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from coach.storage.tables import WorkLease, utcnow

# this process, as holders name it: host, pid, and a token telling a restarted pid 1 (a container
# restarted on the same host name) from its past self
_HOST = socket.gethostname()[:16]
_BOOT = uuid.uuid4().hex[:6]


def new_holder() -> str:
    """A new lease holder id: `host:pid:boot:token` (at most 40 characters), so two holders in one
    process exclude each other as two processes do."""
    return f"{_HOST}:{os.getpid()}:{_BOOT}:{uuid.uuid4().hex[:8]}"


def orphaned(holder: str) -> bool:
    """Whether the holder was a process on this host that is gone (killed, restarted): its lease
    is taken over at once. Another host's holder is only known dead when its lease lapses."""
    host, _, rest = holder.partition(":")
    pid_text, _, rest = rest.partition(":")
    boot = rest.partition(":")[0]
    if host != _HOST or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return boot != _BOOT  # our pid from an earlier life of this host name
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, another user's
        return False
    return False


def take(db: Session, name: str, owner: str, seconds: float) -> bool:
    """Take or renew the lease if it is free, expired, ours, or left by a dead process here; commits."""
    row = db.execute(select(WorkLease.owner).where(WorkLease.name == name)).first()
    if row is None:
        try:
            db.add(WorkLease(name=name))
            db.commit()
        except IntegrityError:  # another process made the row first: claim it below like any other
            db.rollback()
    now = utcnow()
    holder = row[0] if row is not None else None
    free = or_(WorkLease.until.is_(None), WorkLease.until < now, WorkLease.owner == owner)
    if holder and orphaned(holder):
        free = or_(free, WorkLease.owner == holder)
    taken = db.execute(
        update(WorkLease)
        .where(WorkLease.name == name, free)
        .values(owner=owner, until=now + dt.timedelta(seconds=seconds))
        .execution_options(synchronize_session=False)
    )
    db.commit()
    return bool(taken.rowcount == 1)  # type: ignore[attr-defined]


def wait_for(db: Session, name: str, owner: str, seconds: float, patience: float) -> bool:
    """Take the lease, waiting up to `patience` seconds while another holder has it."""
    deadline = time.monotonic() + patience
    pause = 0.01
    while not take(db, name, owner, seconds):
        if time.monotonic() > deadline:
            return False
        time.sleep(pause)
        pause = min(pause * 2, 0.25)
    return True


def release(db: Session, name: str, owner: str) -> None:
    """Give the lease up (only if still ours); the row goes, so finished work leaves nothing behind."""
    db.execute(delete(WorkLease).where(WorkLease.name == name, WorkLease.owner == owner))
    db.commit()
