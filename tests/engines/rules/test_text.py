"""How the coach says the user's words back."""

from __future__ import annotations

import pytest

from coach.engines.rules.text import ECHO_LIMIT, clipped, split_cause


@pytest.mark.parametrize("text", ["建立回款跟踪机制", "Start a weekly pipeline review"])
def test_an_item_of_ordinary_length_is_said_back_whole(text: str) -> None:
    assert clipped(text) == text


@pytest.mark.parametrize("text", ["回款" * 5000, "x" * 100_000])
def test_a_wall_of_text_is_said_back_shortened(text: str) -> None:
    said = clipped(text)
    assert len(said) == ECHO_LIMIT and said.endswith("…") and text.startswith(said[:-1])


@pytest.mark.parametrize(
    ("text", "head", "cause"),
    [
        ("新客户数超额，主要是老客户转介绍", "新客户数超额", "老客户转介绍"),
        ("新客户数超额，靠的是老客户转介绍", "新客户数超额", "老客户转介绍"),
        ("CSAT beat target, mostly thanks to the new macros", "CSAT beat target", "the new macros"),
        ("NPS up, mainly down to the new onboarding", "NPS up", "the new onboarding"),
    ],
)
def test_a_reason_linked_after_a_comma_is_the_cause_and_its_hedge_leaves_the_head(
    text: str, head: str, cause: str
) -> None:
    assert split_cause(text) == (head, cause)


@pytest.mark.parametrize("text", ["主要是成本超了", "retention, down to 80%"])
def test_a_link_that_opens_the_text_or_a_drop_gives_no_cause(text: str) -> None:
    assert split_cause(text) == (text, None)
