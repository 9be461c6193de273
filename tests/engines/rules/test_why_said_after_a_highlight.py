"""A sentence that says again how well the highlight before went, to give its why ("能这么快是因为…", "That
only worked because…", "we were that fast because…"), is that highlight's cause, never a highlight of its own;
zh and en."""

from __future__ import annotations

import pytest

from coach.engines.rules.text import points_back
from tests.engines.rules.helpers import Coaching
from tests.engines.rules.test_weighed_list import OPENING

SAID = {
    "zh": (
        "好的：群戏三天录完，客户说是最快的一次。能这么快是因为乔安提前一周把台本拆好了。不好的：返修多。",
        "乔安提前一周把台本拆好了",
    ),
    "en": (
        "Good: the stage was back in eleven minutes after the power cut. That only worked because we carry a "
        "standby generator on every big job. Bad: late load-ins.",
        "we carry a standby generator on every big job",
    ),
}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_why_of_the_highlight_before_is_its_cause(language: str) -> None:
    coach = Coaching(language)
    coach.script(*OPENING[language][:2])
    text, cause = SAID[language]
    review = coach.say(text).review
    assert len(review.highlights) == 1
    assert review.highlights[0].causes == [cause]


@pytest.mark.parametrize(
    "head", ["能这么快", "这么顺利", "That only worked", "we were that fast", "it went so smoothly"]
)
def test_how_well_it_went_said_again_points_back(head: str) -> None:
    assert points_back(head)


@pytest.mark.parametrize("head", ["这么多客户流失", "the stage came back fast", "we were late"])
def test_a_finding_of_its_own_does_not_point_back(head: str) -> None:
    assert not points_back(head)
