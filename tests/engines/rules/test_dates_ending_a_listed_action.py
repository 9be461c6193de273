"""Several actions in one message, the day of a date ending an item ("from July 1."): the day is no
bullet of the list, each item keeps its date; zh and en."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.engines.rules.helpers import TO_ACTIONS_ZH, Coaching
from tests.engines.rules.test_meta_and_edits import TO_ACTIONS_EN


@pytest.mark.parametrize(
    ("language", "opening", "text", "dates"),
    [
        (
            "en",
            TO_ACTIONS_EN,
            "New chainsaw trousers for crews - Kev, next Friday. Monthly toolbox talks - Dean, from July 1.",
            [dt.date(2026, 5, 8), dt.date(2026, 7, 1)],
        ),
        (
            "en",
            TO_ACTIONS_EN,
            "1. New chainsaw trousers - Kev, next Friday. 2. Monthly toolbox talks - Dean, from July 1.",
            [dt.date(2026, 5, 8), dt.date(2026, 7, 1)],
        ),
        (
            "zh",
            TO_ACTIONS_ZH,
            "1. 防割裤全员换新，王凯负责，6月5日前；2. 每月安全例会，丁宁负责，7月1日起。",
            [dt.date(2026, 6, 5), dt.date(2026, 7, 1)],
        ),
    ],
)
def test_each_listed_action_keeps_the_date_that_ends_it(
    language: str, opening: tuple[str, ...], text: str, dates: list[dt.date]
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    review = coach.say(text).review
    assert [a.when for a in review.actions] == dates
    assert all(a.who for a in review.actions)
