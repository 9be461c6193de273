"""A question asked aside (zh, en) — "Sorry, quick one, is the money back yet?", "晏厂长，开始之前问一下，
高温补贴跟工资一起发吗？" — is a digression, so the talk it interrupts does not take it in."""

from __future__ import annotations

import pytest

from coach.notes.prose import is_aside


@pytest.mark.parametrize(
    "text",
    [
        "Sorry, quick one, is the Christmas do money back from the venue yet?",
        "Quick question: is the car park open on Saturday?",
        "晏厂长，开始之前问一下，下周的高温补贴是跟工资一起发吗？",
        "开会前问一下，食堂下个月是不是改刷卡了？",
    ],
)
def test_a_question_asked_aside_is_an_aside(text: str) -> None:
    assert is_aside(text)


@pytest.mark.parametrize("text", ["Why are the blades blunt?", "开胶为什么这么多？"])
def test_a_question_of_the_review_is_not(text: str) -> None:
    assert not is_aside(text)
