"""Notes → Retrospective with prompt chains: chunking against the budget, calls counted."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from coach.engines.llm import LLMNotesExtractor
from coach.engines.llm.budget import tokens_of
from coach.engines.llm.errors import LLMUnavailable
from coach.engines.llm.notes import chunk_text
from coach.offline import count_tokens
from coach.settings import Settings
from tests.engines.llm.fakes import Recorder, fake

NOTE = """Q1 华东销售复盘会议纪要
销售额目标1.2亿，实际9600万。回款率目标90%，实际82%。
亮点：大客户续约率高，因为客户成功团队每月回访。
不足：新客户签约少。原因是渠道伙伴培训不足。
为什么回款慢？合同条款不统一，根本原因是没有回款责任人，大约解释七成差距。
经验：建立回款责任人制度。
行动：李娜负责每周一过回款清单，5月8日前上线。
"""

CHUNK = {
    "goals": [
        {
            "name": "销售额",
            "target": "1.2亿",
            "result": "9600万",
            "target_value": 120000000,
            "result_value": 96000000,
        },
        {"name": "回款率", "target_value": 90, "result_value": 82, "unit": "%"},
    ],
    "highlights": [{"text": "大客户续约率高", "causes": ["客户成功团队每月回访"]}],
    "shortfalls": [{"text": "新客户签约少", "causes": ["渠道伙伴培训不足"]}],
    "cause_chains": [
        {
            "phenomenon": "回款慢",
            "surface_cause": "合同条款不统一",
            "root_cause": "没有回款责任人",
            "is_main": True,
        }
    ],
    "lessons": [
        {"text": "建立回款责任人制度", "dimension": "organization", "action": "start"},
        {"text": "要更努力"},
    ],
    "actions": [{"what": "回款清单周会", "how": "每周一过回款清单", "who": "李娜", "when": "2026-05-08"}],
}
SYNTHESIS = {
    "main_cause": "回款慢",
    "main_share": 0.7,
    "lessons": [
        {"text": "渠道伙伴培训要前置", "dimension": "people", "action": "start"},
        {"text": "建立回款责任人制度", "dimension": "organization", "action": "start"},
    ],
    "summary": "销售额完成80%，回款慢是主因（约七成），缺回款责任人。",
}


def settings(**kw: Any) -> Settings:
    return Settings(**kw)


def extract(extractor: LLMNotesExtractor, text: str = NOTE):  # type: ignore[no-untyped-def]
    return extractor.extract(
        text, doc_id="n1", title="Q1 复盘", team="华东销售", review_date=dt.date(2026, 4, 30)
    )


def test_a_note_under_the_budget_costs_two_calls() -> None:
    recorder = Recorder()
    extractor = LLMNotesExtractor(settings(), fake(CHUNK, SYNTHESIS, recorder=recorder))
    doc = extract(extractor)
    assert len(recorder.prompts) == 2 and extractor.last_usage.calls == 2
    assert [g.name for g in doc.goals] == ["销售额", "回款率"]
    assert doc.goals[0].verdict == "missed" and doc.goals[0].gap_ratio == -0.2
    assert [c.is_main for c in doc.cause_chains] == [True] and doc.cause_chains[0].share == 0.7
    assert [x.text for x in doc.lessons] == ["建立回款责任人制度", "渠道伙伴培训要前置"]
    assert doc.actions[0].who == "李娜" and doc.actions[0].when == dt.date(2026, 5, 8)
    assert doc.summary.startswith("销售额完成80%")
    assert extractor.last_prompt_version == "notes-extract/1+notes-synthesis/1"
    assert "渠道伙伴培训不足" in recorder.prompts[0][1] and '<<<DATA name="NOTES"' in recorder.prompts[0][1]


def test_a_long_note_is_chunked_within_the_budget_and_merged_without_duplicates() -> None:
    budget = 3000
    extractor = LLMNotesExtractor(settings(llm_max_tokens_per_call=budget, llm_concurrency=3), fake())
    room = extractor.chunk_budget("zh")
    long_note = "\n".join([NOTE] * 40)
    chunks = chunk_text(long_note, room)
    assert len(chunks) > 3 and all(count_tokens(c) <= room for c in chunks)
    recorder = Recorder()
    extractor.model = fake(*([CHUNK] * len(chunks)), SYNTHESIS, recorder=recorder)
    doc = extract(extractor, long_note)
    assert len(recorder.prompts) == len(chunks) + 1
    assert max(tokens_of_text(p) for p in recorder.prompts) <= extractor.profile.budget().prompt == 2250
    assert (
        len(doc.goals) == 2 and len(doc.lessons) == 2 and len(doc.actions) == 1 and len(doc.cause_chains) == 1
    )


def tokens_of_text(prompt: list[str]) -> int:
    from langchain_core.messages import HumanMessage

    return tokens_of([HumanMessage(content=t) for t in prompt])


def test_one_long_line_is_cut_too() -> None:
    line = "回款慢是因为合同条款不统一。" * 400
    chunks = chunk_text(line, 300)
    assert len(chunks) > 1 and all(count_tokens(c) <= 300 for c in chunks)
    assert "".join(chunks).replace("\n", "") == line


def test_a_failing_chunk_fails_the_extraction() -> None:
    from tests.engines.llm.stub_server import Status, StubOpenAI

    with StubOpenAI() as stub:
        stub.script([Status(500)])
        values: dict[str, Any] = {
            "COACH_LLM_BASE_URL": stub.base_url,
            "llm_max_retries": 0,
            "llm_timeout_s": 1.0,
        }
        s = Settings(**values)
        with pytest.raises(LLMUnavailable):
            extract(LLMNotesExtractor(s))


def test_notes_over_http_with_bounded_concurrency() -> None:
    from tests.engines.llm.stub_server import Reply, StubOpenAI

    with StubOpenAI() as stub:
        stub.script([Reply(CHUNK), Reply(SYNTHESIS)])
        values: dict[str, Any] = {
            "COACH_LLM_BASE_URL": stub.base_url,
            "llm_max_retries": 0,
            "llm_timeout_s": 2.0,
        }
        s = Settings(**values)
        doc = extract(LLMNotesExtractor(s))
        assert len(stub.requests) == 2 and doc.cause_chains[0].is_main


RUNAWAY = '{"goals": [{"name": "销售额", "name"'


def test_a_chunk_that_runs_away_under_json_schema_is_asked_again_shorter_without_it() -> None:
    """One shorter request (half the room, told why), with the method probed again without json_schema."""
    from tests.engines.llm.stub_server import Reply, Server, StubOpenAI

    with StubOpenAI(Server(llama_cpp=True, refuse=frozenset({"tool_choice"}))) as stub:
        stub.script([Reply(RUNAWAY, finish="length"), Reply(CHUNK), Reply(SYNTHESIS)])
        values: dict[str, Any] = {"engine": "llm", "COACH_LLM_BASE_URL": stub.base_url, "llm_max_retries": 0}
        doc = extract(LLMNotesExtractor(Settings(**values)))
        assert doc.goals and doc.cause_chains[0].is_main
        runaway, shorter, _ = stub.requests
        kinds = [r["response_format"]["type"] for r in stub.requests]
        assert kinds == ["json_schema", "json_object", "json_object"]
        assert shorter["max_tokens"] == runaway["max_tokens"] // 2
        assert "被截断" in shorter["messages"][0]["content"]


def test_a_chunk_cut_off_twice_fails_the_note_with_length() -> None:
    from coach.engines.llm.errors import LLMLengthExceeded
    from tests.engines.llm.stub_server import Reply, StubOpenAI

    with StubOpenAI() as stub:
        stub.script([Reply(RUNAWAY, finish="length")] * 2)
        values: dict[str, Any] = {
            "engine": "llm",
            "COACH_LLM_BASE_URL": stub.base_url,
            "llm_max_retries": 0,
            "llm_structured_method": "prompt",
        }
        with pytest.raises(LLMLengthExceeded):
            extract(LLMNotesExtractor(Settings(**values)))
        assert len(stub.requests) == 2 and stub.remaining == 0
