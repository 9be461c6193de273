"""Where the LLM path fell back is visible: per summary note (engine, reason, overview), per chat turn."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from coach.engines.llm import FallbackEngine, LLMCoachEngine
from coach.notes.registry import notes_extractor
from coach.services.chat import ChatService
from coach.services.summaries import NoteInput, SummaryService
from coach.settings import Settings
from coach.storage.db import Database
from coach.storage.tables import DEFAULT_WORKSPACE, Turn
from tests.engines.llm.stub_server import Reply, Server, Status, StubOpenAI
from tests.engines.llm.test_notes import CHUNK, NOTE, SYNTHESIS

LLAMA = Server(llama_cpp=True, n_ctx=8192)


def llm_settings(tmp_path: Path, base_url: str, **kw: Any) -> Settings:
    values: dict[str, Any] = {
        "home": tmp_path / "home",
        "engine": "llm",
        "COACH_LLM_BASE_URL": base_url,
        "llm_max_retries": 0,
        "llm_timeout_s": 5.0,
        **kw,
    }
    return Settings(**values)


def run_job(settings: Settings, notes: list[str]) -> dict[str, Any]:
    extractor = notes_extractor(settings)
    service = SummaryService(Database(settings), settings, lambda: extractor)
    inputs = [NoteInput(f"n{i}.md", text.encode()) for i, text in enumerate(notes, 1)]
    job_id = service.create_job(DEFAULT_WORKSPACE, inputs, team="华东销售")
    service.run_job(job_id)
    return service.status(DEFAULT_WORKSPACE, job_id)


def test_each_note_says_which_engine_summarized_it_and_why_rules_took_over(tmp_path: Path) -> None:
    with StubOpenAI(LLAMA) as stub:
        stub.script([Reply(CHUNK), Reply(SYNTHESIS), Status(500)])
        status = run_job(llm_settings(tmp_path, stub.base_url, llm_concurrency=1), [NOTE, NOTE + "\n补充。"])
    first, second = status["items"]
    assert (first["status"], first["engine"], first["fallback"]) == ("done", "llm", None)
    assert (second["status"], second["engine"], second["fallback"]) == ("done", "rules", "unavailable")
    assert "1 of 2 notes were summarized by the rules engine" in status["overview_md"]
    assert "有 1/2 份纪要因智能模型失败改由规则引擎总结（unavailable ×1）" in status["overview_md"]


def test_a_note_past_its_deadline_is_summarized_by_rules(tmp_path: Path) -> None:
    with StubOpenAI(LLAMA) as stub:
        stub.script([Reply(CHUNK, delay=1.5), Reply(SYNTHESIS)])
        status = run_job(llm_settings(tmp_path, stub.base_url, llm_note_deadline_s=0.5), [NOTE])
    (item,) = status["items"]
    assert (item["status"], item["engine"], item["fallback"]) == ("done", "rules", "deadline")


def test_a_fresh_home_summarizes_without_reaching_for_the_network(tmp_path: Path, monkeypatch: Any) -> None:
    """The user's report: tiktoken tried to download cl100k_base in a fresh COACH_HOME."""
    from coach import offline

    monkeypatch.delenv("TIKTOKEN_CACHE_DIR", raising=False)
    monkeypatch.setattr(offline, "_prepared", set())
    with StubOpenAI(LLAMA) as stub:
        stub.script([Reply(CHUNK), Reply(SYNTHESIS)])
        status = run_job(llm_settings(tmp_path, stub.base_url), [NOTE])
    assert status["items"][0]["engine"] == "llm"
    assert any((tmp_path / "home" / "tiktoken").iterdir())


def test_a_chat_turn_keeps_its_fallback_reason(tmp_path: Path) -> None:
    from coach.engines.rules import RulesEngine

    with StubOpenAI(LLAMA) as stub:
        stub.script([Reply({"goals": []}), Reply('<<<DATA name="PAST_LESSONS" id="0">>> 回款')])
        settings = llm_settings(tmp_path, stub.base_url)
        rules = RulesEngine()
        coach = FallbackEngine(LLMCoachEngine.from_settings(settings, rules), rules, deadline_s=10)
        database = Database(settings)
        chat = ChatService(database, lambda: coach)
        session, _ = chat.create_session(DEFAULT_WORKSPACE, title="Q1", team="华东销售", language="zh")
        result = chat.post(DEFAULT_WORKSPACE, session.id, "回款目标1.2亿，实际9600万")
    assert (result.engine, result.fallback_reason) == ("rules", "reply_fence")
    with database.session() as db:
        turn = db.scalars(select(Turn).where(Turn.role == "coach").order_by(Turn.id.desc())).first()
        assert turn is not None and (turn.engine, turn.fallback, turn.fallback_reason) == (
            "rules",
            True,
            "reply_fence",
        )
