"""A weak, small-context, slow model behind a llama.cpp-like server: rules serve every failure, marked.

The stub on loopback plays llama-server: /props (n_ctx), /tokenize, length-finished
answers, refusals of json_schema and named tool_choice. The served reply always ends with
the method's question; the fallback reason says why the rules engine answered.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Iterator
from typing import Any

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from langchain_core.outputs import ChatGenerationChunk

from coach.domain.library import LessonHit
from coach.domain.retrospective import Retrospective
from coach.engines.base import TurnContext, TurnEvent, TurnResult
from coach.engines.llm import FallbackEngine, LLMCoachEngine
from coach.engines.llm.profile import known_methods
from coach.engines.llm.prompts import load_prompt
from coach.settings import Settings
from tests.engines.llm.fakes import NEXT, StandInRules
from tests.engines.llm.stub_server import Reply, Server, StubOpenAI
from tests.engines.llm.test_engine import GOAL_PROPOSAL, run

TEXT = "销售额目标1.2亿，实际9600万"
LLAMA = Server(llama_cpp=True, n_ctx=4096)


class RulesWithLessons(StandInRules):
    """The stand-in rules engine, citing past lessons the way the real one does at the lessons step."""

    def __init__(self, lessons: list[str]) -> None:
        super().__init__()
        self.hits = [
            LessonHit(id=f"l{i}", text=t, dimension="organization", action="start", score=0.9)  # type: ignore[arg-type]
            for i, t in enumerate(lessons)
        ]

    def execute(
        self, state: dict[str, Any], review: Retrospective, text: str, ctx: TurnContext
    ) -> Iterator[TurnEvent]:
        for event in super().execute(state, review, text, ctx):
            yield event.model_copy(update={"sources": self.hits}) if isinstance(event, TurnResult) else event


def settings(base_url: str, **kw: object) -> Settings:
    values: dict[str, object] = {
        "engine": "llm",
        "COACH_LLM_BASE_URL": base_url,
        "llm_model": "smollm2-135m",
        "llm_timeout_s": 5.0,
        "llm_max_retries": 0,
        **kw,
    }
    return Settings(**values)  # type: ignore[arg-type]


def engine(base_url: str, rules: StandInRules | None = None, **kw: object) -> FallbackEngine:
    s = settings(base_url, **kw)
    rules = rules or StandInRules()
    return FallbackEngine(LLMCoachEngine.from_settings(s, rules), rules, deadline_s=s.llm_turn_deadline_s)


def served_by_rules(result: TurnResult, reason: str, lang: str = "zh") -> None:
    assert (result.engine, result.fallback, result.fallback_reason) == ("rules", True, reason)
    assert result.reply.endswith(NEXT[lang])  # the method's question is still asked


# ---- budgets from the endpoint ------------------------------------------------------------------


def test_the_context_and_tokenizer_come_from_llama_cpp() -> None:
    with StubOpenAI(LLAMA) as stub:
        stub.script([Reply(GOAL_PROPOSAL), Reply("好的，差了两成。")])
        _, result = run(engine(stub.base_url), {"stage": "review"}, TEXT)
        assert result.engine == "llm"
        assert stub.tokenize_calls > 0  # counted by the model's own tokenizer, not tiktoken


def test_structured_answers_are_capped_by_their_schema_within_the_reserve() -> None:
    with StubOpenAI(LLAMA) as stub:
        stub.script([Reply(GOAL_PROPOSAL), Reply("好的。")] * 3)
        run(engine(stub.base_url), {"stage": "review"}, TEXT)
        run(engine(stub.base_url, llm_structured_max_tokens=300), {"stage": "review"}, TEXT)
        run(engine(stub.base_url, llm_structured_max_tokens=5000), {"stage": "review"}, TEXT)
        derived, configured, too_many = (r["max_tokens"] for r in stub.requests[::2])
        # the review step's schema has 8 fields (16 tokens each): the floor of 256, not 1,024
        assert derived == 256
        assert configured == 300  # COACH_LLM_STRUCTURED_MAX_TOKENS
        assert too_many == 1024  # never more than the reserve: a quarter of 4,096 tokens of context


def test_the_prompt_carries_only_this_steps_schema_and_asks_for_compact_json() -> None:
    with StubOpenAI(LLAMA) as stub:
        stub.script([Reply(GOAL_PROPOSAL), Reply("好的。")])
        run(engine(stub.base_url), {"stage": "review"}, TEXT)
        system = stub.requests[0]["messages"][0]["content"]
        assert "紧凑的一行" in system and "不要缩进" in system
        assert '"goals"' in system and '"lessons"' not in system and '"actions"' not in system
        assert '"title"' not in system  # property titles repeat the names: tokens for nothing


@pytest.mark.parametrize(("lang", "text"), [("zh", TEXT), ("en", "Revenue target 120m, actual 96m")])
def test_the_replys_cap_is_the_checks_length_in_the_models_tokens(lang: str, text: str) -> None:
    """The stub counts a token per 3 bytes: 300 Chinese characters or 1,000 English ones, a tenth more."""
    with StubOpenAI(LLAMA) as stub:
        stub.script([Reply(GOAL_PROPOSAL), Reply("OK." if lang == "en" else "好的。")])
        run(engine(stub.base_url), {"stage": "review"}, text, lang)
        reply_cap = stub.requests[1]["max_tokens"]
        assert (280 <= reply_cap <= 340) if lang == "zh" else (330 <= reply_cap <= 380)


class CountingModel(FakeListChatModel):
    """A fake model that streams per character and counts the characters it was asked for."""

    streamed: int = 0

    def _stream(self, *args: Any, **kwargs: Any) -> Iterator[ChatGenerationChunk]:
        for chunk in super()._stream(*args, **kwargs):
            self.streamed += 1
            yield chunk


@pytest.mark.parametrize(
    ("answer", "reason", "read"),
    [
        ('<<<END DATA id="1a2b3c4d">>>' + "好的，" * 300, "reply_fence", 3),
        ("好的，" * 300, "reply_length", 300 + len(NEXT["zh"]) + 1),
    ],
)
def test_a_reply_is_refused_as_it_streams_once_it_shows_a_fence_or_runs_past_the_cap(
    answer: str, reason: str, read: int
) -> None:
    rules = StandInRules()
    model = CountingModel(responses=[answer])
    deltas, result = run(FallbackEngine(LLMCoachEngine(model, rules), rules), {"stage": "review"}, "跳过")
    served_by_rules(result, reason)
    assert "好的，好的" not in "".join(deltas)
    assert model.streamed == read  # not one character more was read: the stream was closed there


def test_coach_llm_context_sets_the_window_where_the_endpoint_does_not_say() -> None:
    with StubOpenAI() as stub:
        stub.script([Reply(GOAL_PROPOSAL), Reply("好的。")])
        run(
            engine(stub.base_url, llm_context=3000, llm_structured_max_tokens=5000), {"stage": "review"}, TEXT
        )
        assert stub.requests[0]["max_tokens"] == 750 and stub.tokenize_calls == 0  # a quarter of 3,000


def test_past_lessons_are_trimmed_to_fit_a_small_context() -> None:
    lessons = [f"第{i}条经验：回款责任人要在合同签订当周确定，并在周会上逐条过回款清单。" for i in range(40)]
    with StubOpenAI(Server(llama_cpp=True, n_ctx=1600)) as stub:
        stub.script([Reply("好的。")])
        _, result = run(engine(stub.base_url, RulesWithLessons(lessons)), {"stage": "review"}, "跳过")
        assert result.engine == "llm"
        (request,) = stub.requests
        prompt = "".join(m["content"] for m in request["messages"])
        assert "第0条经验" in prompt and "第39条经验" not in prompt  # the latest go first
        assert len(prompt.encode()) / 3 <= 1600 - 400  # a token per 3 bytes at this stub: it fits


def test_a_length_finished_reply_is_retried_once_smaller() -> None:
    lessons = ["回款责任人要在合同签订当周确定"]
    with StubOpenAI(LLAMA) as stub:
        stub.script([Reply("好的，销售额目标", finish="length"), Reply("好的，差了两成。")])
        _, result = run(engine(stub.base_url, RulesWithLessons(lessons)), {"stage": "review"}, "跳过")
        assert result.engine == "llm" and result.reply.startswith("好的，差了两成。")
        first, second = stub.requests
        assert "回款责任人" in str(first["messages"]) and "回款责任人" not in str(second["messages"])


def test_a_reply_cut_by_length_twice_falls_back() -> None:
    with StubOpenAI(LLAMA) as stub:
        stub.script([Reply("好的，", finish="length"), Reply("好的，", finish="length")])
        _, result = run(engine(stub.base_url), {"stage": "review"}, "跳过")
        served_by_rules(result, "length")
        assert len(stub.requests) == 2 and stub.remaining == 0  # one repair, not more


def test_a_length_finished_proposal_is_retried_once_with_a_smaller_document() -> None:
    with StubOpenAI(LLAMA) as stub:
        stub.script([Reply('{"goals": [{"name": "销售', finish="length"), Reply(GOAL_PROPOSAL), Reply("好")])
        _, result = run(engine(stub.base_url), {"stage": "review"}, TEXT)
        assert result.engine == "llm" and result.review.goals[0].name == "销售额"
        first, smaller, _ = stub.requests
        assert smaller["max_tokens"] == first["max_tokens"] // 2  # half the room, and told so
        assert (
            "被截断" in smaller["messages"][0]["content"] and "被截断" not in first["messages"][0]["content"]
        )


def test_a_proposal_cut_off_twice_falls_back() -> None:
    with StubOpenAI(LLAMA) as stub:
        cut = Reply('{"goals": [{"name": "销售', finish="length")
        stub.script([cut, cut])
        _, result = run(engine(stub.base_url, llm_structured_method="prompt"), {"stage": "review"}, TEXT)
        served_by_rules(result, "length")
        assert len(stub.requests) == 2 and stub.remaining == 0  # one smaller request, not more


# ---- replies checked before they are shown ----------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        ('<<<DATA name="PAST_LESSONS" id="1a2b3c4d">>>\n- 回款责任人', "reply_fence"),
        ("好的。<<<END DATA", "reply_fence"),
        ("好的。复盘方法的下一个问题会自动接在你的话后面", "reply_echo"),
        ("Got it, the revenue gap is twenty percent.", "reply_language"),
        ("好的。" * 120, "reply_length"),
    ],
)
def test_an_unusable_reply_is_replaced_by_the_rules_reply(answer: str, reason: str) -> None:
    with StubOpenAI(LLAMA) as stub:
        stub.script([Reply(GOAL_PROPOSAL), Reply(answer)])
        deltas, result = run(engine(stub.base_url), {"stage": "review"}, TEXT)
        served_by_rules(result, reason)
        assert answer[:10] not in "".join(deltas)  # nothing of the unusable reply reached the user


def test_echoing_the_current_prompt_counts_even_in_english() -> None:
    system = load_prompt("coach-reply", "en").system
    echo = system.split("\n")[2][:60]  # a line of the instructions, verbatim
    with StubOpenAI(LLAMA) as stub:
        stub.script([Reply({"goals": []}), Reply(echo)])
        _, result = run(engine(stub.base_url), {"stage": "review"}, "Revenue target 500k, actual 430k", "en")
        served_by_rules(result, "reply_echo", "en")


def test_a_chinese_reply_in_an_english_session_is_refused() -> None:
    with StubOpenAI(LLAMA) as stub:
        stub.script([Reply({"goals": []}), Reply("好的，收入差了百分之十四。")])
        _, result = run(engine(stub.base_url), {"stage": "review"}, "Revenue target 500k, actual 430k", "en")
        served_by_rules(result, "reply_language", "en")


def test_quoting_the_user_and_repeating_the_question_is_fine() -> None:
    with StubOpenAI(LLAMA) as stub:
        stub.script([Reply(GOAL_PROPOSAL), Reply(f"你说“实际9600万”，差了两成。{NEXT['zh']}")])
        _, result = run(engine(stub.base_url), {"stage": "review"}, TEXT)
        assert result.engine == "llm"
        assert result.reply == f"你说“实际9600万”，差了两成。\n\n{NEXT['zh']}"  # the question once, last


# ---- one deadline per turn --------------------------------------------------------------------


def test_a_turn_past_its_deadline_is_served_by_rules_and_the_late_answer_dropped() -> None:
    with StubOpenAI(LLAMA) as stub:
        stub.script([Reply(GOAL_PROPOSAL, delay=2.0), Reply("迟到的回答")])
        started = time.monotonic()
        deltas, result = run(engine(stub.base_url, llm_turn_deadline_s=0.5), {"stage": "review"}, TEXT)
        assert time.monotonic() - started < 5.0  # generous: the request timeout alone would be 5 s
        served_by_rules(result, "deadline")
        assert result.review.goals == [] and "迟到" not in "".join(deltas)
        # on a loaded machine the abandoned worker's request may reach the stub only after the deadline,
        # or never leave at all (cancelled before it was sent): either way it makes no second call
        arrived_by = time.monotonic() + 5.0
        while not stub.requests and time.monotonic() < arrived_by:
            time.sleep(0.05)
        time.sleep(2.5)  # the abandoned worker gets its late proposal, and makes no further call
        assert len(stub.requests) <= 1 and stub.remaining == 2 - len(stub.requests)


def test_retries_share_the_turns_deadline() -> None:
    with StubOpenAI(LLAMA) as stub:
        stub.script([Reply(GOAL_PROPOSAL, delay=0.4)] * 10)
        settings_kw: dict[str, object] = {
            "llm_turn_deadline_s": 1.0,
            "llm_timeout_s": 0.3,
            "llm_max_retries": 9,
        }
        _, result = run(engine(stub.base_url, **settings_kw), {"stage": "review"}, TEXT)
        served_by_rules(result, "deadline")


def test_the_clients_own_retries_send_nothing_past_the_deadline() -> None:
    """Against llama-server a timed-out request was retried by the openai client into the next turns."""
    with StubOpenAI(LLAMA) as stub:
        stub.script([Reply(GOAL_PROPOSAL, delay=3.0)] * 3)
        settings_kw: dict[str, object] = {
            "llm_turn_deadline_s": 1.0,
            "llm_timeout_s": 30.0,
            "llm_max_retries": 2,
        }
        _, result = run(engine(stub.base_url, **settings_kw), {"stage": "review"}, TEXT)
        served_by_rules(result, "deadline")
        time.sleep(
            3.0
        )  # the request timed out at the deadline + 0.5 s; the client's retry would be out by now
        assert len(stub.requests) == 1


# ---- structured output method, probed once per endpoint --------------------------------------


def test_json_schema_is_kept_where_it_works_and_probed_once() -> None:
    with StubOpenAI(LLAMA) as stub:
        stub.script([Reply(GOAL_PROPOSAL), Reply("好"), Reply(GOAL_PROPOSAL), Reply("好")])
        coach = engine(stub.base_url)
        run(coach, {"stage": "review"}, TEXT)
        run(coach, {"stage": "review"}, TEXT)
        assert stub.probe_calls == 1
        assert [r.get("response_format", {}).get("type") for r in stub.requests[::2]] == ["json_schema"] * 2


def test_llama_server_refusals_lead_to_json_mode_and_the_probe_is_cached() -> None:
    server = Server(llama_cpp=True, refuse=frozenset({"json_schema", "tool_choice"}))
    with StubOpenAI(server) as stub:
        stub.script([Reply(GOAL_PROPOSAL), Reply("好"), Reply(GOAL_PROPOSAL), Reply("好")])
        run(engine(stub.base_url), {"stage": "review"}, TEXT)
        _, result = run(engine(stub.base_url), {"stage": "review"}, TEXT)  # a new engine, same endpoint
        assert result.engine == "llm" and stub.probe_calls == 3
        assert stub.requests[2]["response_format"] == {"type": "json_object"}


def test_a_runaway_json_schema_and_a_wrong_shape_json_mode_lead_to_plain_text() -> None:
    server = Server(
        llama_cpp=True,
        refuse=frozenset({"tool_choice"}),
        json_schema_runs_away=True,
        json_mode_shape={"answer": 5},
    )
    with StubOpenAI(server) as stub:
        stub.script([Reply(f"好的：{json.dumps(GOAL_PROPOSAL, ensure_ascii=False)}"), Reply("好")])
        _, result = run(engine(stub.base_url), {"stage": "review"}, TEXT)
        assert stub.probe_calls == 3
        assert "response_format" not in stub.requests[0] and "tools" not in stub.requests[0]
        assert result.engine == "llm" and result.review.goals[0].name == "销售额"


def test_json_schema_that_passes_the_probe_but_runs_away_on_a_real_prompt_is_dropped() -> None:
    """SmolLM2 on llama-server: the probe's tiny answer fits, a turn's answer loops to max_tokens."""
    server = Server(llama_cpp=True, refuse=frozenset({"tool_choice"}))
    with StubOpenAI(server) as stub:
        runaway = Reply('{"goals": [{"name": "销售额", "name": "销售额", "name"', finish="length")
        stub.script([runaway, Reply(GOAL_PROPOSAL), Reply("好"), Reply(GOAL_PROPOSAL), Reply("好")])
        coach = engine(stub.base_url)
        _, result = run(coach, {"stage": "review"}, TEXT)
        assert result.engine == "llm" and result.review.goals[0].name == "销售额"
        first, retry = stub.requests[0], stub.requests[1]
        assert first["response_format"]["type"] == "json_schema"
        assert retry["response_format"] == {"type": "json_object"}  # probed again, without json_schema
        assert list(known_methods().values()) == ["json_mode"]
        run(coach, {"stage": "review"}, TEXT)
        assert stub.requests[3]["response_format"] == {"type": "json_object"}  # the next turn too
        assert stub.probe_calls == 3  # json_schema once; then tool_choice (refused) and json_mode


def test_a_configured_method_is_kept_even_when_an_answer_runs_away() -> None:
    with StubOpenAI(LLAMA) as stub:
        runaway = Reply('{"goals": [', finish="length")
        stub.script([runaway, runaway])
        _, result = run(engine(stub.base_url, llm_structured_method="json_schema"), {"stage": "review"}, TEXT)
        served_by_rules(result, "length")
        assert [r["response_format"]["type"] for r in stub.requests] == ["json_schema"] * 2
        assert stub.probe_calls == 0


def test_json_of_the_wrong_shape_is_a_failure_not_an_empty_proposal() -> None:
    with StubOpenAI(LLAMA) as stub:
        stub.script([Reply({"answer": "销售额差了两成"}), Reply({"result": "ok"})])
        _, result = run(engine(stub.base_url, llm_structured_method="json_mode"), {"stage": "review"}, TEXT)
        served_by_rules(result, "unparseable")
        assert "wrong shape" in str(stub.requests[1]["messages"][-1])  # the repair said what was wrong


def test_an_endpoint_that_is_down_is_not_cached_as_prompt_only() -> None:
    from tests.helpers import free_port

    base = f"http://127.0.0.1:{free_port()}/v1"
    _, result = run(engine(base), {"stage": "review"}, TEXT)
    served_by_rules(result, "unavailable")
    assert result.reply.startswith("（智能模型暂时不可用")
    assert known_methods() == {}  # the next turn probes again


# ---- any failure falls back, marked ------------------------------------------------------------


class Broken:
    """A primary engine failing with an exception that is no LLM error at all."""

    name = "llm"
    can_stream = True

    def opening(self, review: Retrospective, ctx: TurnContext) -> TurnResult:
        raise KeyError("opening")

    def execute(
        self, state: dict[str, Any], review: Retrospective, text: str, ctx: TurnContext
    ) -> Iterator[TurnEvent]:
        raise ConnectionError("tiktoken tried to download cl100k_base")
        yield  # pragma: no cover


def test_any_exception_falls_back_and_is_marked() -> None:
    rules = StandInRules()
    coach = FallbackEngine(Broken(), rules, deadline_s=5)
    _, result = run(coach, {"stage": "review"}, TEXT)
    served_by_rules(result, "unavailable")
    doc = Retrospective(id="r", title="t", date=dt.date(2026, 4, 30))
    opening = coach.opening(doc, TurnContext(session_id="s"))
    assert (opening.engine, opening.fallback_reason) == ("rules", "error")


@pytest.mark.parametrize(
    ("server", "context"),
    [
        (Server(llama_cpp=True, n_ctx=8192), 8192),
        (Server(vllm_max_model_len=32768), 32768),
        (Server(ollama_context=2048), 2048),
        (Server(), None),
    ],
    ids=["llama.cpp", "vllm", "ollama", "none"],
)
def test_the_context_is_asked_of_each_kind_of_server(server: Server, context: int | None) -> None:
    from coach.engines.llm.endpoint import discover

    with StubOpenAI(server) as stub:
        info = discover(stub.base_url, "stub-model")
    assert info.context == context
    assert (info.tokenize_url is not None) == server.llama_cpp  # only llama.cpp lends its tokenizer
