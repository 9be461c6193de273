"""The rules extractor on small notes: items land in the right fields with their evidence."""

from __future__ import annotations

import datetime as dt

from coach.engines.base import NotesExtractor
from coach.notes.extractor import RulesNotesExtractor
from coach.notes.registry import notes_extractor
from coach.settings import Settings

NOTE = """# 2026-04-30 华东销售Q1复盘
参会：老王、李娜、张强、刘敏

## 目标 vs 结果
- 回款：目标1.2亿，实际9900万
- 毛利率：目标32%，实际31.2%

## 亮点
- 渠道伙伴带来了11个新客户。张强说主要是渠道返点政策透明了

## 不足
- 报价审批太慢，平均要5天
- 小陈插一句：中午的黄焖鸡太咸了 —— 跑题了，略

## 原因
- 表面上看是客户验收慢，但根本原因是付款节点全部绑定了终验，这是主因
- 报价慢主要是审批要过三级

## 教训
- 停止：把全部款项绑在终验上的做法（业务）
- 优化：新人带教要有明确的师傅（人）

## 下一步
- 合同模板改成分期，@刘敏 5月15日前出新模板
- 催验收，负责人：老王，下周五前拿到验收单
"""


def _extract(text: str = NOTE) -> object:
    return RulesNotesExtractor().extract(text, doc_id="r1", title="fallback")


def test_registry_returns_a_notes_extractor() -> None:
    extractor: NotesExtractor = notes_extractor(Settings())
    assert extractor.name == "rules"


def test_goals_have_values_and_verdicts() -> None:
    doc = RulesNotesExtractor().extract(NOTE, doc_id="r1", title="t")
    assert doc.date == dt.date(2026, 4, 30) and doc.language == "zh"
    revenue, margin = doc.goals
    assert (revenue.name, revenue.target_value, revenue.result_value) == ("回款", 120_000_000, 99_000_000)
    assert revenue.verdict == "missed" and margin.verdict == "met"
    assert revenue.evidence and "9900万" in revenue.evidence


def test_findings_causes_and_main_cause() -> None:
    doc = RulesNotesExtractor().extract(NOTE, doc_id="r1", title="t")
    assert doc.highlights[0].causes == ["渠道返点政策透明了"]
    assert [s.text for s in doc.shortfalls] == ["报价审批太慢，平均要5天"]  # the digression is skipped
    main = [c for c in doc.cause_chains if c.is_main]
    assert len(main) == 1 and "终验" in (main[0].root_cause or "")
    assert main[0].surface_cause == "客户验收慢"


def test_lessons_keep_the_notes_own_labels() -> None:
    doc = RulesNotesExtractor().extract(NOTE, doc_id="r1", title="t")
    typed = [(le.dimension.value, le.action.value) for le in doc.lessons]
    assert typed == [("business", "stop"), ("people", "optimize")]


def test_actions_resolve_owner_and_date_against_the_review_date() -> None:
    doc = RulesNotesExtractor().extract(NOTE, doc_id="r1", title="t")
    owners = [(a.who, a.when) for a in doc.actions]
    assert owners == [("刘敏", dt.date(2026, 5, 15)), ("老王", dt.date(2026, 5, 8))]
    assert all(a.evidence for a in doc.actions)


def test_file_date_is_used_when_the_note_has_none() -> None:
    text = "## 下一步\n- 出新模板，李娜负责，下周五前\n"
    doc = RulesNotesExtractor().extract(text, doc_id="r", title="t", review_date=dt.date(2026, 3, 2))
    assert doc.date == dt.date(2026, 3, 2)
    assert doc.actions[0].when == dt.date(2026, 3, 13)


def test_transcript_speakers_volunteering_become_owners() -> None:
    text = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:05.000\n<v 陈静>好，先说亮点。\n\n"
        "00:00:06.000 --> 00:00:09.000\n<v 何斌>夜班小组长自发搞了一个速查表，效果很好。\n\n"
        "00:00:10.000 --> 00:00:15.000\n<v 小吴>知识库我来，两周内补完。\n"
    )
    from coach.notes.reading import read_note

    doc = RulesNotesExtractor().extract(
        read_note("m.vtt", text.encode()).text, doc_id="r", title="t", review_date=dt.date(2026, 5, 6)
    )
    assert any("速查表" in h.text for h in doc.highlights)
    assert doc.highlights[0].evidence and doc.highlights[0].evidence.startswith("[00:00:06] 何斌:")
    assert [(a.who, a.when) for a in doc.actions] == [("小吴", dt.date(2026, 5, 20))]


def test_english_note() -> None:
    text = (
        "Retro 2026-02-19\n\n## Goals\n- Uptime: target 99.9%, actual 99.5%\n\n## What went well\n"
        "- On-call paging worked\n\n## Lessons\n- Stop: shipping config changes on Fridays (culture)\n"
    )
    doc = RulesNotesExtractor().extract(text, doc_id="r", title="t")
    assert doc.language == "en"
    assert doc.goals[0].target_value == 99.9 and doc.goals[0].result_value == 99.5
    assert doc.lessons[0].action == "stop" and doc.lessons[0].dimension == "culture"


def test_near_identical_items_are_merged() -> None:
    text = "## 不足\n- 报价审批太慢，平均要5天\n- 报价审批太慢，平均要5天。\n"
    doc = RulesNotesExtractor().extract(text, doc_id="r", title="t")
    assert len(doc.shortfalls) == 1 and doc.shortfalls[0].evidence and "\n" in doc.shortfalls[0].evidence
