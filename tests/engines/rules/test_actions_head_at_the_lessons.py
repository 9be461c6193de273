"""At the lessons, a message headed as the actions ("Actions, several: …", "行动，有几条：…") is the actions,
even when an action shares its words with a lesson: no lesson is retyped or rewritten; zh and en."""

from __future__ import annotations

import pytest

from tests.engines.rules.helpers import TO_LESSONS_ZH, Coaching
from tests.engines.rules.test_meta_and_edits import TO_ACTIONS_EN

TO_LESSONS_EN = TO_ACTIONS_EN[:-1]


@pytest.mark.parametrize(
    ("language", "opening", "lesson", "text", "owner"),
    [
        (
            "zh",
            TO_LESSONS_ZH,
            "加一条：优化来料检验，每批新纱线都做毛羽检测，业务",
            "行动，有几条：每批新纱线都做毛羽检测，质检部李萍负责，12月底前。",
            "李萍",
        ),
        (
            "en",
            TO_LESSONS_EN,
            "add: optimise the incoming yarn check, hairiness test on every new lot, business",
            "Actions, several: Hairiness test for every new lot - Priya Lal in the lab, end of December.",
            "Priya Lal",
        ),
    ],
)
def test_an_actions_head_at_the_lessons_files_actions_and_leaves_the_lessons(
    language: str, opening: tuple[str, ...], lesson: str, text: str, owner: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening, lesson)
    before = [(item.text, item.dimension, item.action) for item in coach.last.review.lessons]
    review = coach.say(text).review
    assert coach.stage == "actions"
    assert [(item.text, item.dimension, item.action) for item in review.lessons] == before
    assert [a.who for a in review.actions] == [owner]
