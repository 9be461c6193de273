"""Which extractor bulk summaries use, and what happens when the LLM endpoint fails."""

from __future__ import annotations

import datetime as dt
import threading

from coach.domain.retrospective import Retrospective
from coach.notes.extractor import RulesNotesExtractor
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


class _EndpointDownFor:
    """The LLM side's behaviour without a model: notes mentioning `down_word` fail as unavailable.

    Every call waits at the barrier, so the two threads' extractions overlap.
    """

    name = "llm"

    def __init__(self, down_word: str, barrier: threading.Barrier) -> None:
        self.down_word, self.barrier = down_word, barrier

    def extract(self, text: str, **kwargs: object) -> Retrospective:
        from coach.engines.llm.errors import LLMUnavailable

        self.barrier.wait(timeout=10)
        if self.down_word in text:
            raise LLMUnavailable("endpoint down")
        return RulesNotesExtractor().extract(text, **kwargs)  # type: ignore[arg-type]


def test_each_thread_reads_the_outcome_of_its_own_note() -> None:
    barrier = threading.Barrier(2)
    extractor = FallbackNotesExtractor(_EndpointDownFor("回款", barrier), RulesNotesExtractor())
    english = (
        "Q1 review\nRevenue: target $1.2M, actual $0.96M\nAction: Tom owns weekly pipeline review by May 30\n"
    )
    outcomes: dict[str, tuple[str, str | None]] = {}

    def summarize(label: str, text: str) -> None:
        extractor.extract(text, doc_id=label, title=label)
        barrier.wait(timeout=10)  # both notes are done before either reads its outcome
        outcomes[label] = (extractor.last_outcome.engine, extractor.last_outcome.fallback)

    threads = [threading.Thread(target=summarize, args=a) for a in (("zh", NOTE), ("en", english))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert outcomes == {"zh": ("rules", "unavailable"), "en": ("llm", None)}
