"""Summary jobs: per-note reviews and actions, per-file errors, resume without redoing, the overview."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from coach.domain.retrospective import Lesson
from coach.notes.extractor import RulesNotesExtractor
from coach.notes.synthetic import synthetic_note
from coach.services.job_lease import LeaseLost
from coach.services.summaries import NoteInput, SummaryService
from coach.settings import Settings
from coach.storage.db import Database
from coach.storage.tables import DEFAULT_WORKSPACE, ActionItemRow, Review, SummaryJob, SummaryJobItem


class FakeLibrary:
    def __init__(self) -> None:
        self.calls: list[tuple[str, int]] = []

    def add_review_lessons(
        self,
        workspace_id: str,
        review_id: str,
        team: str | None,
        review_date: dt.date | None,
        lessons: list[Lesson],
        context: str | None = None,
    ) -> list[str]:
        self.calls.append((review_id, len(lessons)))
        return [f"l{i}" for i in range(len(lessons))]


class CountingExtractor(RulesNotesExtractor):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def extract(self, text: str, **kwargs: Any) -> Any:
        self.seen.append(kwargs["title"])
        return super().extract(text, **kwargs)


def _service(tmp_path: Path, library: Any = None, **limits: Any) -> tuple[SummaryService, CountingExtractor]:
    settings = Settings(home=tmp_path / "home", **limits)
    extractor = CountingExtractor()
    return SummaryService(Database(settings), settings, lambda: extractor, library), extractor


def test_job_makes_reviews_actions_and_an_overview(tmp_path: Path) -> None:
    library = FakeLibrary()
    service, _ = _service(tmp_path, library)
    notes = [NoteInput(f"n{i}.md", synthetic_note(i).encode()) for i in range(3)]
    job_id = service.create_job(DEFAULT_WORKSPACE, notes, team="华东销售", index=True)
    service.run_job(job_id)
    status = service.status(DEFAULT_WORKSPACE, job_id)
    assert status["status"] == "done" and status["progress"] == {"done": 3, "total": 3}
    review_ids = [i["review_id"] for i in status["items"]]
    with service.database.session() as db:
        reviews = [db.get(Review, r) for r in review_ids]
        assert all(r is not None and r.source == "notes" and r.team_id for r in reviews)
        assert db.scalar(select(func.count()).select_from(ActionItemRow)) == 6
    assert [c[0] for c in library.calls] == review_ids
    overview = status["overview_md"]
    assert "批量复盘总览" in overview and "反复出现的原因" in overview and "| 负责人 |" in overview


def test_bad_files_are_recorded_and_the_rest_completes(tmp_path: Path) -> None:
    service, _ = _service(tmp_path, max_upload_bytes=10_000)
    notes = [
        NoteInput("empty.txt", b""),
        NoteInput("binary.txt", bytes(range(256)) * 8),
        NoteInput("broken.docx", b"PK\x03\x04garbage"),
        NoteInput("huge.txt", b"a" * 20_000),
        NoteInput("good.md", synthetic_note(1).encode("gbk")),
    ]
    job_id = service.create_job(DEFAULT_WORKSPACE, notes)
    service.run_job(job_id)
    items = {i["name"]: i for i in service.status(DEFAULT_WORKSPACE, job_id)["items"]}
    assert [items[n]["error"]["code"] for n in ("empty.txt", "binary.txt", "broken.docx", "huge.txt")] == [
        "empty",
        "binary",
        "docx",
        "too_large",
    ]
    assert items["good.md"]["status"] == "done" and items["good.md"]["review_id"]
    assert "未能处理的文件" in (service.status(DEFAULT_WORKSPACE, job_id)["overview_md"] or "")


def test_resume_skips_finished_notes(tmp_path: Path) -> None:
    service, extractor = _service(tmp_path)
    notes = [NoteInput(f"n{i}.md", synthetic_note(i).encode()) for i in range(4)]
    job_id = service.create_job(DEFAULT_WORKSPACE, notes)
    # a crash after two notes: run them one by one, as the worker would, then "restart"
    owner = service.lease.claim(job_id)
    assert owner is not None
    with service.database.session() as db:
        first_two = list(db.scalars(select(SummaryJobItem.id).where(SummaryJobItem.job_id == job_id)))[:2]
    for item_id in first_two:
        service._run_item(job_id, item_id, extractor, owner)
    lapse_lease(service, job_id)
    restarted, extractor2 = _service(tmp_path)
    restarted.start()
    try:
        deadline = dt.datetime.now() + dt.timedelta(seconds=30)
        while restarted.status(DEFAULT_WORKSPACE, job_id)["status"] != "done":
            assert dt.datetime.now() < deadline
    finally:
        restarted.stop()
    assert extractor2.seen == ["n2", "n3"]
    with restarted.database.session() as db:
        assert db.scalar(select(func.count()).select_from(Review)) == 4


def lapse_lease(service: SummaryService, job_id: str) -> None:
    """The runner died: its lease on the job runs out."""
    with service.database.session() as db:
        job = db.get(SummaryJob, job_id)
        assert job is not None
        job.lease_until = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
        db.commit()


def review_count(service: SummaryService) -> int:
    with service.database.session() as db:
        return int(db.scalar(select(func.count()).select_from(Review)) or 0)


def test_a_job_another_runner_holds_is_not_run_twice(tmp_path: Path) -> None:
    first, _ = _service(tmp_path)
    job_id = first.create_job(DEFAULT_WORKSPACE, [NoteInput("n.md", synthetic_note(0).encode())])
    assert first.lease.claim(job_id) is not None  # a runner in another replica, still alive
    second, extractor = _service(tmp_path)

    assert second.run_job(job_id) is False
    assert second.unclaimed_jobs() == []
    assert extractor.seen == [] and review_count(second) == 0


def test_a_lapsed_lease_is_taken_over_and_its_old_runner_commits_nothing_more(tmp_path: Path) -> None:
    old, old_extractor = _service(tmp_path)
    notes = [NoteInput(f"n{i}.md", synthetic_note(i).encode()) for i in range(2)]
    job_id = old.create_job(DEFAULT_WORKSPACE, notes)
    old_owner = old.lease.claim(job_id)
    assert old_owner is not None
    lapse_lease(old, job_id)  # the old runner stalled past its lease
    new, _ = _service(tmp_path)
    assert new.unclaimed_jobs() == [job_id]
    assert new.run_job(job_id) is True

    with old.database.session() as db:
        item_id = db.scalar(select(SummaryJobItem.id).where(SummaryJobItem.job_id == job_id))
    with pytest.raises(LeaseLost):  # the stalled runner wakes up: its review is rolled back
        old._finish(job_id, old_owner)
    assert old._run_item(job_id, int(item_id or 0), old_extractor, old_owner) is not None
    assert review_count(new) == 2
    assert new.status(DEFAULT_WORKSPACE, job_id)["status"] == "done"


def test_a_queued_note_committed_by_a_runner_that_lost_its_lease_is_rolled_back(tmp_path: Path) -> None:
    old, old_extractor = _service(tmp_path)
    job_id = old.create_job(DEFAULT_WORKSPACE, [NoteInput("n.md", synthetic_note(0).encode())])
    old_owner = old.lease.claim(job_id)
    assert old_owner is not None
    lapse_lease(old, job_id)
    new, _ = _service(tmp_path)
    assert new.lease.claim(job_id) is not None  # taken over, not yet run
    with old.database.session() as db:
        item_id = db.scalar(select(SummaryJobItem.id).where(SummaryJobItem.job_id == job_id))

    with pytest.raises(LeaseLost):
        old._run_item(job_id, int(item_id or 0), old_extractor, old_owner)
    assert review_count(old) == 0
    assert new.status(DEFAULT_WORKSPACE, job_id)["items"][0]["status"] == "queued"


def test_a_runner_stopped_mid_job_gives_its_lease_up_at_once(tmp_path: Path) -> None:
    runner, _ = _service(tmp_path)
    notes = [NoteInput(f"n{i}.md", synthetic_note(i).encode()) for i in range(3)]
    job_id = runner.create_job(DEFAULT_WORKSPACE, notes)

    runner.run_job(job_id, on_item=lambda _item: runner._stop.set())  # shut down after one note

    other, _ = _service(tmp_path)
    assert other.status(DEFAULT_WORKSPACE, job_id)["progress"] == {"done": 1, "total": 3}
    assert other.unclaimed_jobs() == [job_id]  # not after the 60 s lease: now
    assert other.run_job(job_id) is True
    assert other.status(DEFAULT_WORKSPACE, job_id)["status"] == "done"


def test_index_without_library_says_so(tmp_path: Path) -> None:
    service, _ = _service(tmp_path, None)
    job_id = service.create_job(
        DEFAULT_WORKSPACE, [NoteInput("n.md", synthetic_note(0).encode())], index=True
    )
    service.run_job(job_id)
    assert "lesson library is not available" in (
        service.status(DEFAULT_WORKSPACE, job_id)["overview_md"] or ""
    )


def _run(service: SummaryService, notes: list[NoteInput], **options: Any) -> list[str | None]:
    job_id = service.create_job(DEFAULT_WORKSPACE, notes, **options)
    service.run_job(job_id)
    return [item.review_id for item, _doc in service.documents(job_id)]


def test_the_same_note_again_updates_its_review_and_force_makes_a_new_one(tmp_path: Path) -> None:
    service, _ = _service(tmp_path)
    text = synthetic_note(5)
    [first] = _run(service, [NoteInput("周会.md", text.encode("utf-8"))], team="销售")
    # the same text in another encoding, file name and line endings is the same note
    [again] = _run(service, [NoteInput("周会-副本.txt", text.replace("\n", "\r\n").encode("gb18030"))])
    assert again == first
    with service.database.session() as db:
        review = db.get(Review, first)
        assert review is not None and review.content_hash
        assert review.team_id is None  # the second run named no team: the review says what it says now
        assert db.scalar(select(func.count(Review.id))) == 1

    [forced] = _run(service, [NoteInput("周会.md", text.encode("utf-8"))], force=True)
    [other] = _run(service, [NoteInput("别的.md", synthetic_note(6).encode("utf-8"))])
    assert len({first, forced, other}) == 3
    with service.database.session() as db:
        assert db.scalar(select(func.count(Review.id))) == 3


def test_a_note_whose_review_is_archived_makes_a_new_review(tmp_path: Path) -> None:
    from coach.services.reviews import ReviewService

    service, _ = _service(tmp_path)
    note = NoteInput("n.md", synthetic_note(7).encode("utf-8"))
    [first] = _run(service, [note])
    assert first is not None
    ReviewService(service.database).archive(DEFAULT_WORKSPACE, first)
    [second] = _run(service, [note])
    assert second != first


def test_a_team_named_in_front_matter_is_kept_to_the_width_of_the_team_columns(tmp_path: Path) -> None:
    from coach.library import LessonLibrary
    from coach.offline import prepare_offline

    settings = Settings(home=tmp_path / "home")
    prepare_offline(settings.home)
    database = Database(settings)
    library = LessonLibrary(settings, database)
    service = SummaryService(database, settings, RulesNotesExtractor, library)
    note = "---\nteam: " + "华东销售" * 60 + "\n---\n" + synthetic_note(3)

    job_id = service.create_job(DEFAULT_WORKSPACE, [NoteInput("n.md", note.encode("utf-8"))], index=True)
    service.run_job(job_id)

    [(item, doc)] = service.documents(job_id)
    assert item.status == "done", item.error  # PostgreSQL refused the 240-character team of its lessons
    assert doc is not None and doc.team == ("华东销售" * 60)[:200]
    assert {row.team for row in library.store.of_review(DEFAULT_WORKSPACE, item.review_id)} == {doc.team}
