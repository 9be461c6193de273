"""Structured answers: asked for compact JSON, capped by the size of their schema."""

from __future__ import annotations

from coach.engines.llm.budget import Budget
from coach.engines.llm.notes import NotesExtraction, Synthesis
from coach.engines.llm.proposal import TurnProposal, proposal_schema
from coach.engines.llm.structured import (
    compact_schema,
    field_count,
    format_instructions,
    structured_max_tokens,
)

WINDOW = Budget(window=4096)  # a reserve of 1,024 tokens for the answer


def test_fields_are_counted_through_nested_models() -> None:
    assert field_count(Synthesis) == 7  # main_cause, main_share, summary, a lesson's 4 fields
    assert field_count(proposal_schema(("review",))) == 8  # a goal's 7 fields and the critique
    analysis = proposal_schema(("analysis",))
    assert field_count(TurnProposal) > field_count(NotesExtraction) > field_count(analysis)


def test_the_cap_is_16_tokens_a_field_at_least_256_and_never_past_the_reserve() -> None:
    assert structured_max_tokens(proposal_schema(("review",)), WINDOW) == 256
    assert structured_max_tokens(NotesExtraction, WINDOW) == 16 * 35
    assert structured_max_tokens(TurnProposal, Budget(window=1600)) == 400  # a quarter of the window
    assert structured_max_tokens(Synthesis, WINDOW, configured=700) == 700
    assert structured_max_tokens(Synthesis, WINDOW, configured=5000) == 1024


def test_the_prompt_asks_for_one_compact_line_and_shows_no_titles() -> None:
    en, zh = format_instructions(Synthesis, "en"), format_instructions(Synthesis, "zh")
    assert "compact on one line" in en and "leave out empty lists and null fields" in en
    assert "紧凑的一行" in zh and "空列表和 null 字段不写" in zh
    assert '"title"' not in compact_schema(Synthesis) and '"summary"' in compact_schema(Synthesis)


def test_the_shorter_request_says_how_many_tokens_it_has() -> None:
    assert "at most 128 tokens" in format_instructions(Synthesis, "en", shorter=128)
    assert "最多 128 个 token" in format_instructions(Synthesis, "zh", shorter=128)
