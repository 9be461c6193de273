"""Two libraries on one database (two replicas): neither hides the other's lessons from BM25."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.domain.library import LessonRecord
from coach.domain.retrospective import Dimension, LessonAction
from coach.library import lexical
from coach.library.filters import LessonFilters
from coach.storage.tables import DEFAULT_WORKSPACE
from tests.library.conftest import make_library


def lesson(text: str) -> LessonRecord:
    return LessonRecord(text=text, dimension=Dimension.organization, action=LessonAction.start)


def bm25_texts(library: object, query: str) -> set[str]:
    hits = library.lexical.search(DEFAULT_WORKSPACE, query, 10, LessonFilters())  # type: ignore[attr-defined]
    rows = library.store.fetch(DEFAULT_WORKSPACE, [lesson_id for lesson_id, _ in hits])  # type: ignore[attr-defined]
    return {row.text for row in rows.values()}


def test_a_write_on_b_does_not_hide_a_lesson_written_on_a_just_before(home: Path) -> None:
    replica_a, replica_b = make_library(home), make_library(home)
    replica_a.add_records(DEFAULT_WORKSPACE, [lesson("灰度发布前先核对监控大盘")])
    assert bm25_texts(replica_b, "监控大盘")  # B's lexicon is loaded and current

    replica_a.add_records(DEFAULT_WORKSPACE, [lesson("Freeze schema changes during the payroll window")])
    replica_b.add_records(DEFAULT_WORKSPACE, [lesson("需求评审必须有测试同学参加")])

    assert "Freeze schema changes during the payroll window" in bm25_texts(replica_b, "payroll schema freeze")
    assert "需求评审必须有测试同学参加" in bm25_texts(replica_b, "需求评审 测试")


def test_a_replica_that_only_reads_sees_the_other_ones_write_after_the_recheck(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # an interval no busy machine outlasts: embedding the next lesson once took longer than the default
    monkeypatch.setattr(lexical, "RECHECK_SECONDS", 3600.0)
    replica_a, replica_b = make_library(home), make_library(home)
    replica_a.add_records(DEFAULT_WORKSPACE, [lesson("值班交接要有书面记录")])
    assert bm25_texts(replica_b, "值班交接")

    replica_a.add_records(DEFAULT_WORKSPACE, [lesson("Rotate the on-call pager weekly")])
    assert not bm25_texts(replica_b, "pager rotate")  # within the recheck interval B still holds its copy
    monkeypatch.setattr(lexical, "RECHECK_SECONDS", 0.0)

    assert "Rotate the on-call pager weekly" in bm25_texts(replica_b, "pager rotate")


def test_the_version_grows_by_one_per_write_whoever_writes(home: Path) -> None:
    replica_a, replica_b = make_library(home), make_library(home)
    before = replica_a.store.signature(DEFAULT_WORKSPACE)

    replica_a.add_records(DEFAULT_WORKSPACE, [lesson("复盘结论要进周会")])
    replica_b.add_records(DEFAULT_WORKSPACE, [lesson("Write the runbook before the launch")])

    assert replica_b.store.signature(DEFAULT_WORKSPACE) == before + 2
    assert replica_a.lexical.lexicon(DEFAULT_WORKSPACE).signature in (before + 1, before + 2)
