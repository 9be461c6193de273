"""Which extractor bulk summaries use, and what happens when the LLM endpoint fails."""

from __future__ import annotations

import datetime as dt

from coach.notes.registry import FallbackNotesExtractor, notes_extractor
from coach.settings import Settings
from tests.helpers import free_port

NOTE = """2026-04-30 华东销售Q1复盘
回款：目标1.2亿，实际完成9600万
不足：大客户回款拖延，因为没有回款跟踪机制
行动：每周一对齐回款台账，@李娜 负责，下周五前
"""


def test_without_an_endpoint_the_rules_extractor_is_used() -> None:
    assert notes_extractor(Settings(engine="auto")).name == "rules"


def test_an_endpoint_that_is_down_falls_back_to_rules_for_the_note() -> None:
    settings = Settings(
        engine="llm",
        llm_base_url=f"http://127.0.0.1:{free_port()}/v1",
        llm_api_key="test",
        llm_timeout_s=1,
        llm_max_retries=0,
    )
    extractor = notes_extractor(settings)
    assert isinstance(extractor, FallbackNotesExtractor)
    assert extractor.name == "llm"
    doc = extractor.extract(NOTE, doc_id="n1", title="Q1", review_date=dt.date(2026, 4, 30))
    assert doc.goals and doc.goals[0].verdict is not None
    assert any(a.who == "李娜" for a in doc.actions)
