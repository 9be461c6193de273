"""While the shortfalls are collected, words that close the list ("不好的就这三个", "those two are all the bad
ones") and an interjection ("哦", "oh") are no findings; what follows them is read as said; "好的：" heads
the highlights as "不好的：" heads the shortfalls; zh and en."""

from __future__ import annotations

import pytest

from tests.engines.rules.helpers import Coaching
from tests.engines.rules.test_weighed_list import OPENING

CLOSED = {
    "zh": (
        "刚说了不好的就这三个啊。哦，该做没做的也算——晋升方案去年就说要出，一直没出。",
        "晋升方案去年就说要出，一直没出",
    ),
    "en": (
        "Those two are the only bad ones. Oh, and the fly-system inspection we never booked.",
        "the fly-system inspection we never booked",
    ),
}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_words_that_close_the_list_and_interjections_are_no_findings(language: str) -> None:
    coach = Coaching(language)
    coach.script(*OPENING[language])
    before = [f.text for f in coach.last.review.shortfalls]
    said, missed = CLOSED[language]
    review = coach.say(said).review
    assert [f.text for f in review.shortfalls] == [*before, missed]


def test_good_with_a_colon_heads_the_highlights() -> None:
    coach = Coaching("zh")
    coach.script(*OPENING["zh"][:2])
    review = coach.say("好的：新员工带教做得好，三个月全部独立上岗。不好的：投诉多。").review
    assert [f.text for f in review.highlights] == ["新员工带教做得好，三个月全部独立上岗"]
    assert [f.text for f in review.shortfalls] == ["投诉多"]
