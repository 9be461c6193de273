"""How the coach says the user's words back."""

from __future__ import annotations

import pytest

from coach.engines.rules.text import ECHO_LIMIT, clipped


@pytest.mark.parametrize("text", ["建立回款跟踪机制", "Start a weekly pipeline review"])
def test_an_item_of_ordinary_length_is_said_back_whole(text: str) -> None:
    assert clipped(text) == text


@pytest.mark.parametrize("text", ["回款" * 5000, "x" * 100_000])
def test_a_wall_of_text_is_said_back_shortened(text: str) -> None:
    said = clipped(text)
    assert len(said) == ECHO_LIMIT and said.endswith("…") and text.startswith(said[:-1])
