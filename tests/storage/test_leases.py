"""Work leases: one holder at a time; a lapsed lease, or one a dead process here left, is taken over."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import update

from coach.settings import Settings
from coach.storage import leases
from coach.storage.db import Database
from coach.storage.tables import WorkLease


@pytest.fixture
def database(tmp_path: Path) -> Database:
    return Database(Settings(home=tmp_path))


def lapse(database: Database, name: str) -> None:
    with database.session() as db:
        past = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
        db.execute(update(WorkLease).where(WorkLease.name == name).values(until=past))
        db.commit()


def test_a_lease_has_one_holder_until_it_is_released(database: Database) -> None:
    one, two = leases.new_holder(), leases.new_holder()
    with database.session() as db:
        assert leases.take(db, "outbox", one, 30)
        assert not leases.take(db, "outbox", two, 30)
        assert leases.take(db, "outbox", one, 30)  # renewed by its holder
        leases.release(db, "outbox", two)  # only the holder releases
        assert not leases.take(db, "outbox", two, 30)
        leases.release(db, "outbox", one)
        assert leases.take(db, "outbox", two, 30)


def test_a_lapsed_lease_is_taken_over(database: Database) -> None:
    one, two = leases.new_holder(), leases.new_holder()
    with database.session() as db:
        assert leases.take(db, "outbox", one, 30)
    lapse(database, "outbox")
    with database.session() as db:
        assert leases.take(db, "outbox", two, 30)
        assert not leases.take(db, "outbox", one, 30)


def test_a_lease_left_by_a_dead_process_on_this_host_is_taken_over_at_once(database: Database) -> None:
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    host, _pid, boot, token = leases.new_holder().split(":")
    dead = f"{host}:{gone.stdout.strip()}:{boot}:{token}"
    with database.session() as db:
        assert leases.take(db, "outbox", dead, 600)
        assert leases.take(db, "outbox", leases.new_holder(), 30)


def test_a_lease_held_on_another_host_waits_for_its_expiry(database: Database) -> None:
    with database.session() as db:
        assert leases.take(db, "outbox", "another-host:1:boot:abcdef12", 600)
        assert not leases.wait_for(db, "outbox", leases.new_holder(), 30, patience=0.2)


def test_our_own_pid_from_an_earlier_life_of_this_host_is_orphaned() -> None:
    """A container restarted under the same host name is pid 1 again: its old leases are not ours."""
    host, pid, boot, token = leases.new_holder().split(":")
    assert not leases.orphaned(f"{host}:{pid}:{boot}:{token}")  # this very process
    assert leases.orphaned(f"{host}:{pid}:{'0' * len(boot)}:{token}")
    assert not leases.orphaned(f"another-host:{pid}:{'0' * len(boot)}:{token}")  # only its expiry tells
