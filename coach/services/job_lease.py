"""A summary job's lease: the job row's owner and expiry, so one process at a time runs the job.

A replica that dies leaves a lease that lapses; one that died on this host is seen at once (its pid is
gone, `coach.storage.leases.orphaned`) and its job is taken over without waiting.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import ColumnElement, or_, update
from sqlalchemy.orm import Session

from coach.storage.db import Database
from coach.storage.leases import new_holder, orphaned
from coach.storage.tables import SummaryJob, utcnow

log = logging.getLogger("coach.summaries")

# a runner renews its job's lease every third of this; a replica that died mid-job (SIGKILL, a lost
# host) leaves a lease that lapses after it, and another replica resumes the job's unfinished notes
JOB_LEASE_S = 60.0


def aware(moment: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes (stored as UTC)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


class LeaseLost(RuntimeError):
    """Another process took the job over (our lease lapsed): stop without committing more."""


class JobLease:
    """A summary job's lease: claimed before a run, renewed while it runs, released after."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def claim(self, job_id: str) -> str | None:
        """Take the job's lease (free, lapsed, or left by a dead process here); our owner id, or None."""
        owner = new_holder()
        with self.database.session() as db:
            job = db.get(SummaryJob, job_id)
            if job is None or job.status == "done":
                return None
            free = or_(SummaryJob.lease_until.is_(None), SummaryJob.lease_until < utcnow())
            if _take_job(db, job_id, owner, free):
                return owner
            holder = job.lease_owner
            if holder and orphaned(holder) and _take_job(db, job_id, owner, SummaryJob.lease_owner == holder):
                return owner
        return None

    def release(self, job_id: str, owner: str) -> None:
        """Give the lease up if still ours (a finished job has already cleared it)."""
        with self.database.session() as db:
            db.execute(
                update(SummaryJob)
                .where(SummaryJob.id == job_id, SummaryJob.lease_owner == owner)
                .values(lease_owner=None, lease_until=None)
                .execution_options(synchronize_session=False)
            )
            db.commit()

    @contextmanager
    def renewing(self, job_id: str, owner: str) -> Iterator[threading.Event]:
        """Renew the lease every third of JOB_LEASE_S while the job runs; the event is set if it is lost."""
        lost, done = threading.Event(), threading.Event()

        def renew() -> None:
            while not done.wait(JOB_LEASE_S / 3):
                try:
                    with self.database.session() as db:
                        if not hold_job(db, job_id, owner):
                            lost.set()
                            return
                        db.commit()
                except Exception:  # a failed renewal is retried; the lease lapses only if they all fail
                    log.warning("renewing the lease of summary job %s failed", job_id, exc_info=True)

        thread = threading.Thread(target=renew, name=f"summary-lease-{job_id}", daemon=True)
        thread.start()
        try:
            yield lost
        finally:
            done.set()
            thread.join(timeout=5)


def _take_job(db: Session, job_id: str, owner: str, free: ColumnElement[bool]) -> bool:
    """Claim the job for `owner` where `free` holds; commits."""
    until = utcnow() + dt.timedelta(seconds=JOB_LEASE_S)
    taken = db.execute(
        update(SummaryJob)
        .where(SummaryJob.id == job_id, SummaryJob.status != "done", free)
        .values(status="running", lease_owner=owner, lease_until=until)
        .execution_options(synchronize_session=False)
    )
    db.commit()
    return bool(taken.rowcount == 1)  # type: ignore[attr-defined]


def hold_job(db: Session, job_id: str, owner: str) -> bool:
    """Renew our lease in the caller's transaction; False when it is no longer ours.

    On PostgreSQL the UPDATE locks the job row until the caller commits, so a takeover waits for
    that commit and then sees the renewed lease; SQLite has one writer at a time anyway.
    """
    until = utcnow() + dt.timedelta(seconds=JOB_LEASE_S)
    held = db.execute(
        update(SummaryJob)
        .where(SummaryJob.id == job_id, SummaryJob.lease_owner == owner)
        .values(lease_until=until)
        .execution_options(synchronize_session=False)
    )
    return bool(held.rowcount == 1)  # type: ignore[attr-defined]
