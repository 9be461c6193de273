"""The real HTTP path: ChatOpenAI against the OpenAI-protocol stub on loopback."""

from __future__ import annotations

import time

import pytest

from coach.engines.llm import FallbackEngine, LLMCoachEngine
from coach.settings import Settings
from tests.engines.llm.fakes import NEXT, StandInRules
from tests.engines.llm.stub_server import Drop, Reply, Status, StubOpenAI, ToolCall
from tests.engines.llm.test_engine import GOAL_PROPOSAL, run

TEXT = "销售额目标1.2亿，实际9600万"


def settings(base_url: str, **kw: object) -> Settings:
    """Settings for the stub (llm_base_url has env aliases, so it is passed by its alias)."""
    values: dict[str, object] = {
        "engine": "llm",
        "COACH_LLM_BASE_URL": base_url,
        "llm_model": "stub-model",
        "llm_timeout_s": 1.0,
        "llm_max_retries": 0,
        **kw,
    }
    return Settings(**values)  # type: ignore[arg-type]


def engine(base_url: str, **kw: object) -> FallbackEngine:
    rules = StandInRules()
    return FallbackEngine(LLMCoachEngine.from_settings(settings(base_url, **kw), rules), rules)


def test_a_streamed_turn_over_http(stub: StubOpenAI) -> None:
    stub.script([Reply(GOAL_PROPOSAL), Reply("好的，销售额差了两成。")])
    deltas, result = run(engine(stub.base_url), {"stage": "review"}, TEXT)
    assert (result.engine, result.fallback, result.model) == ("llm", False, "stub-model")
    assert len(deltas) > 5 and "".join(deltas) == result.reply == f"好的，销售额差了两成。\n\n{NEXT['zh']}"
    assert result.review.goals[0].verdict == "missed"
    assert result.tokens == 36  # what the server reported for both calls
    structured, streamed = stub.requests
    assert structured["response_format"]["type"] == "json_schema"
    # the review step's schema asks for little: 256 tokens, far below the reserve (1,500 of 6,000)
    assert structured["max_tokens"] == 256 and "max_completion_tokens" not in structured
    assert streamed["stream"] is True and streamed["max_tokens"] < 1500


def test_429_then_success_is_retried_with_backoff(stub: StubOpenAI) -> None:
    stub.script([Status(429, retry_after_ms=20), Reply(GOAL_PROPOSAL), Reply("好")])
    _, result = run(engine(stub.base_url, llm_max_retries=2), {"stage": "review"}, TEXT)
    assert result.engine == "llm" and len(stub.requests) == 3


def test_429_after_retries_falls_back(stub: StubOpenAI) -> None:
    stub.script([Status(429, retry_after_ms=10)] * 3)
    _, result = run(engine(stub.base_url, llm_max_retries=2), {"stage": "review"}, TEXT)
    assert (result.engine, result.fallback) == ("rules", True) and len(stub.requests) == 3
    assert result.reply.endswith(NEXT["zh"])


def test_5xx_is_retried(stub: StubOpenAI) -> None:
    stub.script([Status(503, retry_after_ms=10), Reply(GOAL_PROPOSAL), Reply("好")])
    _, result = run(engine(stub.base_url, llm_max_retries=1), {"stage": "review"}, TEXT)
    assert result.engine == "llm"


def test_a_slow_answer_hits_the_timeout_and_falls_back(stub: StubOpenAI) -> None:
    stub.script([Reply(GOAL_PROPOSAL, delay=1.5)])
    started = time.monotonic()
    _, result = run(engine(stub.base_url, llm_timeout_s=0.5), {"stage": "review"}, TEXT)
    assert result.fallback is True and time.monotonic() - started < 1.5


def test_malformed_json_is_repaired_once(stub: StubOpenAI) -> None:
    stub.script([Reply('{"goals": [{"name": "销售额",'), Reply(GOAL_PROPOSAL), Reply("好")])
    _, result = run(engine(stub.base_url), {"stage": "review"}, TEXT)
    assert result.engine == "llm" and result.review.goals[0].name == "销售额"
    assert "could not be used" in str(stub.requests[1]["messages"][-1]) or "无法使用" in str(
        stub.requests[1]["messages"][-1]
    )


def test_malformed_json_twice_falls_back(stub: StubOpenAI) -> None:
    stub.script([Reply("{oops"), Reply("still not json")])
    _, result = run(engine(stub.base_url), {"stage": "review"}, TEXT)
    assert (result.engine, result.fallback) == ("rules", True)


def test_a_dropped_connection_falls_back(stub: StubOpenAI) -> None:
    stub.script([Drop()])
    _, result = run(engine(stub.base_url), {"stage": "review"}, TEXT)
    assert result.fallback is True


def test_a_dropped_connection_is_retried(stub: StubOpenAI) -> None:
    stub.script([Drop(), Reply(GOAL_PROPOSAL), Reply("好")])
    _, result = run(engine(stub.base_url, llm_max_retries=1), {"stage": "review"}, TEXT)
    assert result.engine == "llm"


def test_an_endpoint_that_is_down_falls_back() -> None:
    from tests.helpers import free_port

    _, result = run(engine(f"http://127.0.0.1:{free_port()}/v1"), {"stage": "review"}, TEXT)
    assert (result.engine, result.fallback) == ("rules", True)
    assert result.reply.startswith("（智能模型暂时不可用")


def test_function_calling_method(stub: StubOpenAI) -> None:
    stub.script([ToolCall("TurnProposal", GOAL_PROPOSAL), Reply("好")])
    _, result = run(
        engine(stub.base_url, llm_structured_method="function_calling"), {"stage": "review"}, TEXT
    )
    assert result.review.goals[0].target_value == 120000000
    assert stub.requests[0]["tools"][0]["function"]["name"] == "TurnProposal"


def test_json_mode_method(stub: StubOpenAI) -> None:
    stub.script([Reply(GOAL_PROPOSAL), Reply("好")])
    _, result = run(engine(stub.base_url, llm_structured_method="json_mode"), {"stage": "review"}, TEXT)
    assert stub.requests[0]["response_format"] == {"type": "json_object"}
    assert result.engine == "llm"


@pytest.mark.parametrize("base", ["https://api.openai.com/v1", "https://api.deepseek.com"])
def test_the_guard_forbids_real_endpoints(base: str) -> None:
    with pytest.raises(AssertionError, match="must not call a real model"):
        engine(base)
