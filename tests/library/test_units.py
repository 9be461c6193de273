"""Fast pieces: tokenizer, fusion, BM25 filters, file parsing (no embedding)."""

from __future__ import annotations

import datetime as dt

import pytest

from coach.library.filters import LessonFilters
from coach.library.fusion import reciprocal_rank_fusion
from coach.library.lexical import LexicalDoc, WorkspaceLexicon
from coach.library.records import parse_lessons
from coach.library.text import passage_text, tokenize

pytestmark = pytest.mark.no_storage


def test_tokenize_segments_chinese_and_keeps_english_words_lowercased() -> None:
    tokens = tokenize("上线前先做灰度发布，Canary Release 要保留！")
    assert "灰度" in tokens or "灰度发布" in tokens
    assert "canary" in tokens and "release" in tokens
    assert "，" not in tokens and "！" not in tokens


def test_passage_text_joins_lesson_and_context() -> None:
    assert passage_text(" 教训 ", " 背景 ") == "教训\n背景"
    assert passage_text("教训", None) == "教训"


def test_rrf_rewards_agreement_and_scales_to_one() -> None:
    fused = reciprocal_rank_fusion([["a", "b", "c"], ["b", "a", "d"]])
    assert {fused[0][0], fused[1][0]} == {"a", "b"}
    assert reciprocal_rank_fusion([["x"], ["x"]])[0] == ("x", 1.0)
    weighted = reciprocal_rank_fusion([["a", "b"], ["b", "a"]], [1.0, 0.5])
    assert weighted[0][0] == "a"


def test_bm25_filters_by_team_dimension_and_dates() -> None:
    lexicon = WorkspaceLexicon()
    lexicon.upsert(
        [
            LexicalDoc("1", tokenize("灰度发布 先内部"), "A", "business", "start", 20250301),
            LexicalDoc("2", tokenize("灰度发布 全量前"), "B", "people", "stop", 20250901),
            LexicalDoc("3", tokenize("月结 锁账"), "A", "business", "start", 0),
        ]
    )
    query = tokenize("灰度发布")
    assert {i for i, _ in lexicon.search(query, 10, LessonFilters())} == {"1", "2"}
    assert [i for i, _ in lexicon.search(query, 10, LessonFilters(team="B"))] == ["2"]
    assert [i for i, _ in lexicon.search(query, 10, LessonFilters(dimension="business"))] == ["1"]
    june = LessonFilters(date_from=dt.date(2025, 6, 1))
    assert [i for i, _ in lexicon.search(query, 10, june)] == ["2"]
    assert lexicon.search(tokenize("完全无关的词"), 10, LessonFilters()) == []
    lexicon.remove(["2"])
    assert [i for i, _ in lexicon.search(query, 10, LessonFilters())] == ["1"]


def test_parse_reports_bad_lines_by_number_and_keeps_good_ones() -> None:
    raw = (
        '{"id": "a", "text": "好的一条", "dimension": "people", "action": "start"}\n'
        "\n"
        "not json\n"
        '{"text": "维度不对", "dimension": "money", "action": "start"}\n'
        '{"text": "中文标签", "dimension": "文化", "action": "停止", "review_date": "2025-02-03"}\n'
    ).encode()
    parsed = parse_lessons(raw, "x.jsonl")
    assert [n for n, _ in parsed.records] == [1, 5]
    assert parsed.records[1][1].dimension.value == "culture" and parsed.records[1][1].action.value == "stop"
    assert [n for n, _ in parsed.errors] == [3, 4]
    assert "organization" in parsed.errors[1][1]


def test_parse_csv_in_gbk() -> None:
    raw = "text,dimension,action\n周会别超过半小时,组织,优化\n".encode("gbk")
    parsed = parse_lessons(raw, "x.csv")
    assert parsed.records[0][1].text == "周会别超过半小时" and not parsed.errors


def test_gated_fusion_ignores_bm25_without_a_clear_winner() -> None:
    from coach.library.fusion import confidence_gated_fusion, lexical_confidence

    dense = [("a", 0.6), ("b", 0.4), ("c", 0.3)]
    flat = [("c", 3.0), ("b", 2.9), ("a", 2.8)]  # shared common words: no confident BM25 hit
    assert lexical_confidence(flat) < 0.1
    assert [i for i, _ in confidence_gated_fusion(dense, flat)] == ["a", "b", "c"]
    sharp = [("c", 9.0), ("b", 2.0)]  # an exact term match stands out
    assert lexical_confidence(sharp) == 1.0
    fused = confidence_gated_fusion(dense, sharp)
    assert [i for i, _ in fused] == ["a", "c", "b"]  # the confident BM25 hit moves up
    assert all(0 < score < 1 for _, score in fused)
    assert [i for i, _ in confidence_gated_fusion(dense, [])] == ["a", "b", "c"]
    assert confidence_gated_fusion([], []) == []


def test_glossary_expands_queries_across_languages() -> None:
    from coach.library.glossary import expand

    assert "canary" in expand("先灰度再全量", tokenize("先灰度再全量"))
    assert "复盘" in expand("blameless postmortem", tokenize("blameless postmortem"))
    assert expand("灰度 canary", tokenize("灰度 canary")).count("canary") == 0
