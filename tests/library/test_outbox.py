"""Vectors follow SQL through the outbox: a write that could not reach the index waits in SQL and is
drained later, a degraded library heals by itself, and a reindex switches generations under readers."""

from __future__ import annotations

from pathlib import Path

from chromadb.api.client import SharedSystemClient

from coach.domain.library import LessonRecord
from coach.domain.retrospective import Dimension, LessonAction
from coach.library import LessonLibrary
from coach.offline import prepare_offline
from coach.settings import Settings
from coach.storage.db import Database
from coach.storage.tables import DEFAULT_WORKSPACE
from tests.helpers import free_port
from tests.library.conftest import make_library


def record(text: str, lesson_id: str) -> LessonRecord:
    return LessonRecord(id=lesson_id, text=text, dimension=Dimension.business, action=LessonAction.start)


def without_chroma(home: Path) -> LessonLibrary:
    """A library on the same SQL whose vector index cannot be reached (Chroma down for it)."""
    settings = Settings(home=home, chroma_url=f"http://127.0.0.1:{free_port()}")
    prepare_offline(home)
    return LessonLibrary(settings, Database(settings))


def test_a_write_that_cannot_reach_the_index_waits_in_the_outbox(home: Path) -> None:
    cut_off = without_chroma(home)
    cut_off.add_records(DEFAULT_WORKSPACE, [record("灰度发布前先核对监控大盘", "L1")])

    state = cut_off.readiness()

    assert state["degraded"] is True
    assert (state["lessons"], state["backlog"]) == (1, 1)
    assert cut_off.search(DEFAULT_WORKSPACE, "监控大盘", 3)[0].id == "L1"  # lexical meanwhile


def test_a_degraded_library_drains_the_outbox_and_heals(home: Path) -> None:
    make_library(home).add_records(DEFAULT_WORKSPACE, [record("Freeze schema changes in payroll week", "L0")])
    cut_off = without_chroma(home)
    cut_off.add_records(DEFAULT_WORKSPACE, [record("灰度发布前先核对监控大盘", "L1")])
    SharedSystemClient.clear_system_cache()
    restarted = make_library(home)  # the index holds 1 lesson, SQL 2: degraded, not for good
    assert restarted.degraded and "catches up" in (restarted.dense_error or "")

    restarted.index_keeper.catch_up()  # one round of the index keeper

    assert not restarted.degraded
    assert restarted.readiness()["backlog"] == 0
    assert (
        restarted.search_detailed(DEFAULT_WORKSPACE, "monitoring dashboard before a canary", 3).mode
        == "hybrid"
    )
    assert restarted.dense is not None and restarted.dense.count() == 2


def test_a_missing_vector_without_an_outbox_entry_is_repaired(home: Path) -> None:
    library = make_library(home)
    library.add_records(
        DEFAULT_WORKSPACE, [record("灰度发布前先核对监控大盘", "L1"), record("每周跟踪账龄", "L2")]
    )
    assert library.dense is not None
    library.dense.delete(DEFAULT_WORKSPACE, ["L2"])  # lost by the index, as before the outbox existed
    SharedSystemClient.clear_system_cache()
    restarted = make_library(home)
    assert restarted.degraded

    restarted.index_keeper.catch_up()  # finds the difference and queues it
    restarted.index_keeper.catch_up()  # drains it and heals

    assert not restarted.degraded
    assert restarted.dense is not None and restarted.dense.ids(DEFAULT_WORKSPACE) == {"L1", "L2"}


def test_a_reader_on_a_replaced_generation_follows_the_switch(home: Path) -> None:
    writer = make_library(home)
    writer.add_records(DEFAULT_WORKSPACE, [record("灰度发布前先核对监控大盘", "L1")])
    reader = make_library(home)  # another replica, serving generation 0
    assert reader.search_detailed(DEFAULT_WORKSPACE, "canary release checklist", 3).mode == "hybrid"

    assert writer.reindex() == 1  # generation 1 serves; generation 0's collections are dropped
    result = reader.search_detailed(DEFAULT_WORKSPACE, "canary release checklist", 3)

    assert writer.readiness()["generation"] == 1
    assert writer.dense is not None and writer.dense.other_generations() == []
    assert (result.mode, result.degraded, [hit.id for hit in result.hits]) == ("hybrid", False, ["L1"])
    assert reader.dense is not None and reader.dense.generation == 1
