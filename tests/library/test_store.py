"""SQL is the record: other processes' writes reach this one's BM25, and stored tokens spare jieba."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.domain.library import LessonRecord
from coach.library import LessonFilters, LessonLibrary, lexical, store
from coach.storage.tables import DEFAULT_WORKSPACE
from tests.library.conftest import make_library


def _lexical_ids(library: LessonLibrary, query: str) -> list[str]:
    return [i for i, _ in library.lexical.search(DEFAULT_WORKSPACE, query, 5, LessonFilters())]


def test_writes_by_another_process_reach_this_ones_lexical_index(
    library: LessonLibrary, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lexical, "RECHECK_SECONDS", 0.0)
    other = make_library(home)  # the same SQLite file, as a second server process would open it
    assert _lexical_ids(library, "压货") == ["S02"]

    other.add_records(
        DEFAULT_WORKSPACE,
        [LessonRecord(id="N01", text="夜班交接要当面对一遍工单", dimension="organization", action="start")],
    )
    assert _lexical_ids(library, "夜班 工单")[0] == "N01"

    # an edit in place changes no count and no creation time, and is still seen
    edited = LessonRecord(id="N01", text="周报模板砍到五项", dimension="organization", action="start")
    other.add_records(DEFAULT_WORKSPACE, [edited])
    assert _lexical_ids(library, "周报模板")[0] == "N01"
    assert "N01" not in _lexical_ids(library, "夜班 工单")

    other.delete(DEFAULT_WORKSPACE, ["N01"])
    assert "N01" not in _lexical_ids(library, "周报模板")


def test_a_restart_reads_stored_tokens_and_a_new_tokenizer_makes_them_again(
    library: LessonLibrary, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    tokens_of = store.lexical_tokens

    def counting(text: str, context: str | None) -> list[str]:
        calls.append(text)
        return tokens_of(text, context)

    monkeypatch.setattr(store, "lexical_tokens", counting)
    assert _lexical_ids(make_library(home), "压货") == ["S02"]
    assert calls == []  # every lesson's tokens were stored when it was written

    monkeypatch.setattr(store, "TOKENIZER_VERSION", store.TOKENIZER_VERSION + 1)
    assert _lexical_ids(make_library(home), "压货") == ["S02"]
    assert len(calls) == 12

    calls.clear()
    assert _lexical_ids(make_library(home), "压货") == ["S02"]
    assert calls == []  # the new tokens were stored
