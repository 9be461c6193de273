"""A real library on each backend (SQLite and Chroma files in a temp folder; PostgreSQL and a Chroma
server); the eval set is embedded once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from coach.domain.library import LessonRecord
from coach.library import LessonLibrary
from coach.offline import prepare_offline
from coach.settings import Settings
from coach.storage.db import Database
from coach.storage.tables import DEFAULT_WORKSPACE, Workspace
from tests.library.sample_lessons import SAMPLE
from tests.servers import Backend


def make_library(home: Path, **stores: str | None) -> LessonLibrary:
    """A library on `home`; its database and vector index come from the test's backend unless given."""
    settings = Settings(home=home, **stores)  # type: ignore[arg-type]
    prepare_offline(home)
    return LessonLibrary(settings, Database(settings))


def add_workspace(library: LessonLibrary, workspace_id: str) -> None:
    with library.store.session() as db:
        db.add(Workspace(id=workspace_id, name=workspace_id))
        db.commit()


@pytest.fixture(autouse=True)
def _each_backend(on_backend: Backend) -> Backend:
    return on_backend


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


def sample_records() -> list[LessonRecord]:
    return [LessonRecord.model_validate(x) for x in SAMPLE]


@pytest.fixture(scope="module")
def shared_library(backend: Backend, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LessonLibrary]:
    """The sample lessons, embedded once per module and backend: for tests that only read."""
    stores = backend.stores()
    lib = make_library(tmp_path_factory.mktemp("shared") / "home", **stores)
    lib.add_records(DEFAULT_WORKSPACE, sample_records())
    yield lib
    lib.store.database.engine.dispose()
    backend.release(stores)


@pytest.fixture
def library(home: Path) -> Iterator[LessonLibrary]:
    """The sample lessons in a library of the test's own: for tests that write."""
    lib = make_library(home)
    lib.add_records(DEFAULT_WORKSPACE, sample_records())
    yield lib


@pytest.fixture(scope="session")
def eval_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LessonLibrary]:
    """The whole eval set, embedded once for the session."""
    from coach.evaluation.lessons import load_eval_set, open_eval_library

    lib, _rate = open_eval_library(Settings(), tmp_path_factory.mktemp("eval-home"), load_eval_set())
    yield lib
