"""Bulk summaries as persisted jobs: a worker thread runs queued notes; a restart resumes unfinished jobs.

A job is run by one process at a time, across replicas: the runner holds a lease on the job row
(owner and expiry, renewed while it runs) and commits each note's review only while it still holds
it. Every replica looks for jobs whose runner died, and takes them over once the lease lapses.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import queue
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from sqlalchemy import func, select

from coach.domain.retrospective import Retrospective
from coach.engines.base import ExtractionOutcome, NotesExtractor
from coach.notes.overview import NoteResult, render_overview
from coach.notes.reading import NoteReadError, read_note
from coach.services.action_items import sync_action_items, team_id_for
from coach.services.chat import lesson_context
from coach.services.job_lease import JobLease, LeaseLost, aware, hold_job
from coach.services.ports import LessonSink
from coach.settings import Settings
from coach.storage.db import Database
from coach.storage.leases import orphaned
from coach.storage.tables import LessonRow, Review, SummaryJob, SummaryJobItem, new_id, utcnow
from coach.storage.tenancy import in_workspace, owned

log = logging.getLogger("coach.summaries")

# how often an idle worker looks for jobs nobody runs (submitted elsewhere, or left by a dead runner)
JOB_POLL_S = 2.0


class JobNotFound(LookupError):
    pass


@dataclass(frozen=True)
class NoteInput:
    """One note handed to a job: its file name, raw bytes and the file's date (if known)."""

    name: str
    content: bytes
    file_date: dt.date | None = None


def _error(code: str, zh: str, en: str) -> str:
    return json.dumps({"code": code, "zh": zh, "en": en}, ensure_ascii=False)


def _parse_error(text: str | None) -> dict[str, str] | None:
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return {"code": "error", "zh": text, "en": text}
    return value if isinstance(value, dict) else {"code": "error", "zh": text, "en": text}


ItemCallback = Callable[[SummaryJobItem], None]


class SummaryService:
    """Creates jobs, runs their notes through the extractor, and reports progress and results."""

    def __init__(
        self,
        database: Database,
        settings: Settings,
        extractor_factory: Callable[[], NotesExtractor],
        library: LessonSink | None = None,
    ) -> None:
        self.database = database
        self.settings = settings
        self.extractor_factory = extractor_factory
        self.library = library
        self._queue: queue.Queue[str] = queue.Queue()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._run_lock = threading.Lock()
        self.lease = JobLease(database)

    # ---- jobs -----------------------------------------------------------------------------

    def create_job(
        self,
        workspace_id: str,
        notes: list[NoteInput],
        *,
        team: str | None = None,
        index: bool = False,
        force: bool = False,
    ) -> str:
        """Persist a job and its notes (oversized notes are recorded as errors, not stored).

        A note summarized before (same text, same workspace) updates that review; `force` makes a new one.
        """
        limit = self.settings.max_upload_bytes
        with self.database.session() as db:
            job = SummaryJob(workspace_id=workspace_id, team=team, index_lessons=index, force=force)
            db.add(job)
            db.flush()
            for position, note in enumerate(notes):
                item = SummaryJobItem(
                    job_id=job.id, position=position, name=note.name, file_mtime=note.file_date
                )
                if len(note.content) > limit:
                    item.status = "error"
                    item.error = _error(
                        "too_large",
                        f"文件过大（{len(note.content) // 1_000_000} MB），上限 {limit // 1_000_000} MB",
                        f"File too large ({len(note.content) // 1_000_000} MB); "
                        f"the limit is {limit // 1_000_000} MB",
                    )
                else:
                    item.content = note.content
                db.add(item)
            db.commit()
            return job.id

    def submit(self, job_id: str) -> None:
        """Queue a job for the worker thread."""
        self._queue.put(job_id)

    def start(self) -> None:
        """Start the worker and re-queue every job a previous process left unfinished."""
        if self._thread is not None:
            return
        with self.database.session() as db:
            unfinished = list(db.scalars(select(SummaryJob.id).where(SummaryJob.status != "done")))
        for job_id in unfinished:
            self._queue.put(job_id)
        self._thread = threading.Thread(target=self._work, name="summary-worker", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._queue.put("")
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _work(self) -> None:
        while not self._stop.is_set():
            try:
                waiting = [self._queue.get(timeout=JOB_POLL_S)]
            except queue.Empty:
                waiting = self.unclaimed_jobs()
            for job_id in waiting:
                if not job_id or self._stop.is_set():
                    continue
                try:
                    self.run_job(job_id)
                except Exception:  # one broken job must not stop the worker
                    log.exception("summary job %s failed", job_id)

    def unclaimed_jobs(self) -> list[str]:
        """Unfinished jobs no live runner holds: never claimed, lapsed, or left by a dead process here."""
        with self.database.session() as db:
            rows = db.execute(
                select(SummaryJob.id, SummaryJob.lease_owner, SummaryJob.lease_until)
                .where(SummaryJob.status != "done")
                .order_by(SummaryJob.created_at)
            ).all()
        now = utcnow()
        return [
            job_id
            for job_id, owner, until in rows
            if owner is None or until is None or aware(until) < now or orphaned(owner)
        ]

    # ---- running --------------------------------------------------------------------------

    def run_job(self, job_id: str, on_item: ItemCallback | None = None) -> bool:
        """Run every queued note of the job (finished ones are skipped), then write the overview.

        False when another process runs the job (it holds the lease) or took it over meanwhile.
        """
        with self._run_lock:
            owner = self.lease.claim(job_id)
            if owner is None:
                return False
            try:
                with self.lease.renewing(job_id, owner) as lost:
                    self._run_claimed(job_id, owner, lost, on_item)
            except LeaseLost:
                log.warning("summary job %s was taken over by another process", job_id)
                return False
            finally:
                self.lease.release(job_id, owner)  # stopped mid-job: another replica may go on at once
            return True

    def _run_claimed(
        self, job_id: str, owner: str, lost: threading.Event, on_item: ItemCallback | None
    ) -> None:
        with self.database.session() as db:
            pending = list(
                db.scalars(
                    select(SummaryJobItem.id)
                    .where(SummaryJobItem.job_id == job_id, SummaryJobItem.status == "queued")
                    .order_by(SummaryJobItem.position)
                )
            )
        self._index_missed(job_id)
        extractor = self.extractor_factory()
        for item_id in pending:
            if lost.is_set():
                raise LeaseLost(job_id)
            if self._stop.is_set():
                return
            item = self._run_item(job_id, item_id, extractor, owner)
            if on_item is not None and item is not None:
                on_item(item)
        self._finish(job_id, owner)

    def _run_item(
        self, job_id: str, item_id: int, extractor: NotesExtractor, owner: str
    ) -> SummaryJobItem | None:
        """Summarize one note and commit its review with the item's status, so it is never redone.

        The commit carries a renewal of the job's lease: if another process took the job over, it
        is rolled back (LeaseLost), and that process summarizes the note instead.
        """
        with self.database.session() as db:
            item = db.get(SummaryJobItem, item_id)
            job = db.get(SummaryJob, job_id)
            if item is None or job is None or item.status != "queued":
                return item
            try:
                note = read_note(item.name, item.content or b"")
                content_hash = note_hash(note.text)
                same = None if job.force else _review_of_note(db, job.workspace_id, content_hash)
                doc = extractor.extract(
                    note.text,
                    doc_id=same.id if same is not None else new_id(),
                    title=PurePath(item.name).stem,
                    team=job.team,
                    review_date=item.file_mtime,
                )
            except NoteReadError as exc:
                item.status, item.error = "error", _error(exc.code, exc.zh, exc.en)
            except Exception as exc:  # a note that breaks the extractor is that note's error only
                log.exception("note %s of job %s failed", item.name, job_id)
                item.status = "error"
                item.error = _error("failed", f"处理失败：{exc}", f"Could not summarize: {exc}")
            else:
                review = self._save_review(db, job, doc, content_hash, same)
                item.status, item.review_id = "done", review.id
                outcome = getattr(extractor, "last_outcome", None) or ExtractionOutcome(engine=extractor.name)
                item.engine, item.fallback_reason = outcome.engine, outcome.fallback
            item.content = None  # the review holds what matters; keep the database small
            if not hold_job(db, job_id, owner):
                db.rollback()
                raise LeaseLost(job_id)
            db.commit()
            if item.status == "done" and job.index_lessons and item.review_id:
                self._index(job, item.review_id, doc)
            return item

    def _save_review(
        self, db: Any, job: SummaryJob, doc: Retrospective, content_hash: str, same: Review | None
    ) -> Review:
        """A new review for the note, or the one made from the same note before, updated in place."""
        review = same or Review(
            id=doc.id, workspace_id=job.workspace_id, source="notes", draft=False, content_hash=content_hash
        )
        review.team_id = team_id_for(db, job.workspace_id, job.team)
        review.title, review.review_date, review.language = doc.title, doc.date, doc.language
        review.document = doc.model_dump(mode="json")
        if same is None:
            db.add(review)
        db.flush()
        sync_action_items(db, review, doc)  # actions already tracked keep their status
        return review

    def _index(self, job: SummaryJob, review_id: str, doc: Retrospective) -> None:
        if self.library is None or not doc.lessons:
            return
        self.library.add_review_lessons(
            job.workspace_id, review_id, doc.team, doc.date, doc.lessons, context=lesson_context(doc)
        )

    def _index_missed(self, job_id: str) -> None:
        """Index the lessons of notes a dead runner summarized but did not get to index."""
        if self.library is None:
            return
        with self.database.session() as db:
            job = db.get(SummaryJob, job_id)
            if job is None or not job.index_lessons:
                return
            has_lessons = select(LessonRow.id).where(LessonRow.review_id == Review.id).exists()
            reviews = list(
                db.scalars(
                    select(Review)
                    .join(SummaryJobItem, SummaryJobItem.review_id == Review.id)
                    .where(SummaryJobItem.job_id == job_id, SummaryJobItem.status == "done", ~has_lessons)
                )
            )
        for review in reviews:
            self._index(job, review.id, Retrospective.model_validate(review.document))

    def _finish(self, job_id: str, owner: str) -> None:
        with self.database.session() as db:
            job = db.get(SummaryJob, job_id)
            if job is None:
                return
            results = self._results(db, job_id)
            overview = render_overview(results) + _fallback_note(db, job_id)
            if job.index_lessons and self.library is None:
                overview += (
                    "\n> 经验库尚未建立，未能把经验教训加入经验库（--index 未执行）。"
                    "\n> The lesson library is not available: lessons were not indexed.\n"
                )
            job.overview_md = overview
            job.status = "done"
            if not hold_job(db, job_id, owner):
                db.rollback()
                raise LeaseLost(job_id)
            job.lease_owner, job.lease_until = None, None
            db.commit()

    def _results(self, db: Any, job_id: str) -> list[NoteResult]:
        results = []
        for item, review in _items_with_reviews(db, job_id):
            if review is not None:
                results.append(NoteResult(item.name, doc=Retrospective.model_validate(review.document)))
            else:
                err = _parse_error(item.error) or {}
                results.append(NoteResult(item.name, error=err.get("zh") or err.get("en") or item.status))
        return results

    # ---- reading --------------------------------------------------------------------------

    def documents(self, job_id: str) -> list[tuple[SummaryJobItem, Retrospective | None]]:
        """Every item of the job with its document (None for errors and unfinished notes)."""
        with self.database.session() as db:
            rows = _items_with_reviews(db, job_id)
            return [(i, Retrospective.model_validate(r.document) if r else None) for i, r in rows]

    def status(self, workspace_id: str, job_id: str) -> dict[str, Any]:
        """The job as the API shows it: status, progress, per-note results and the overview."""
        with self.database.session() as db:
            job = owned(db, SummaryJob, job_id, workspace_id)
            if job is None:
                raise JobNotFound(job_id)
            items = list(
                db.scalars(
                    select(SummaryJobItem)
                    .where(SummaryJobItem.job_id == job_id)
                    .order_by(SummaryJobItem.position)
                )
            )
            done = sum(1 for i in items if i.status in ("done", "error"))
            return {
                "id": job.id,
                "job_id": job.id,
                "status": job.status,
                "team": job.team,
                "index": job.index_lessons,
                "library_available": self.library is not None,
                "progress": {"done": done, "total": len(items)},
                "items": [
                    {
                        "name": i.name,
                        "status": i.status,
                        "review_id": i.review_id,
                        "error": _parse_error(i.error),
                        "engine": i.engine,
                        "fallback": i.fallback_reason,
                    }
                    for i in items
                ],
                "overview_md": job.overview_md,
                "created_at": job.created_at.isoformat() if job.created_at else None,
            }


def note_hash(text: str) -> str:
    """The note's identity: its text, whatever the file's encoding, line endings or outer blanks."""
    normalized = "\n".join(line.rstrip() for line in text.strip().splitlines())
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()


def _review_of_note(db: Any, workspace_id: str, content_hash: str) -> Review | None:
    """The workspace's newest review made from this note, if it is not archived."""
    return db.scalar(  # type: ignore[no-any-return]
        select(Review)
        .where(
            in_workspace(Review, workspace_id),
            Review.content_hash == content_hash,
            Review.archived_at.is_(None),
        )
        .order_by(Review.created_at.desc())
        .limit(1)
    )


def _fallback_note(db: Any, job_id: str) -> str:
    """A line for the overview when the rules engine summarized notes the LLM failed on ('' when none)."""
    reasons = list(
        db.scalars(
            select(SummaryJobItem.fallback_reason).where(
                SummaryJobItem.job_id == job_id, SummaryJobItem.fallback_reason.is_not(None)
            )
        )
    )
    if not reasons:
        return ""
    total = db.scalar(select(func.count()).where(SummaryJobItem.job_id == job_id))
    why = ", ".join(f"{reason} ×{n}" for reason, n in Counter(reasons).most_common())
    return (
        f"\n> 有 {len(reasons)}/{total} 份纪要因智能模型失败改由规则引擎总结（{why}）。"
        f"\n> {len(reasons)} of {total} notes were summarized by the rules engine"
        f" after the LLM failed ({why}).\n"
    )


def _items_with_reviews(db: Any, job_id: str) -> list[Any]:
    """The job's items in order, each with its review row (None for errors and unfinished notes)."""
    return list(
        db.execute(
            select(SummaryJobItem, Review)
            .outerjoin(Review, Review.id == SummaryJobItem.review_id)
            .where(SummaryJobItem.job_id == job_id)
            .order_by(SummaryJobItem.position)
        ).all()
    )
