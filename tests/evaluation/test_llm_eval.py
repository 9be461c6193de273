"""`coach eval --engine llm`: its cost said before it starts, fallbacks counted beside the tables."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coach.evaluation.estimate import llm_estimate
from coach.settings import Settings
from tests.engines.llm.stub_server import StubOpenAI


def llm_settings(tmp_path: Path, base_url: str, **kw: Any) -> Settings:
    values: dict[str, Any] = {
        "home": tmp_path / "home",
        "engine": "llm",
        "COACH_LLM_BASE_URL": base_url,
        "llm_max_retries": 0,
        "llm_timeout_s": 2.0,
        **kw,
    }
    return Settings(**values)


def test_the_estimate_bounds_the_run_by_the_deadlines_and_the_concurrency(tmp_path: Path) -> None:
    settings = llm_settings(tmp_path, "http://127.0.0.1:9/v1", llm_turn_deadline_s=10, llm_concurrency=2)
    text = llm_estimate(settings, ["coach", "notes"])
    assert "turns × ≤10 s / 2 at once" in text and "notes × ≤90 s" in text and "at most ~" in text


def test_an_endpoint_failing_every_call_is_counted_as_fallbacks_beside_the_rules_tables(
    tmp_path: Path,
) -> None:
    from coach.evaluation import coach

    with StubOpenAI() as stub:  # an empty script: every chat call answers 500
        settings = llm_settings(tmp_path, stub.base_url, llm_concurrency=4)
        dialogues = coach.load_dialogues()[:3]
        engine = coach.make_engine(settings, "llm")
        report = coach.evaluate(engine, dialogues, concurrency=settings.llm_concurrency)
    turns = sum(len(d["turns"]) for d in dialogues)
    assert report.fallbacks == turns and report.errors == []
    table = coach.render(report, "llm")
    assert f"{'turns served by fallback':<28} {turns:>5} {turns:>5}" in table
    assert f"{'  fallback: unavailable':<28} {turns:>5} {turns:>5}" in table  # and why
    # the same tables as the rules engine: every turn served by rules scores as rules does
    rules = coach.render(coach.evaluate(coach.make_engine(settings, "rules"), dialogues), "rules")
    fields = ("goals ", "main cause ", "lessons ", "actions ")
    rows = [r for r in table.splitlines() if r.startswith(fields)]
    assert len(rows) == 4 and rows == [r for r in rules.splitlines() if r.startswith(fields)]
