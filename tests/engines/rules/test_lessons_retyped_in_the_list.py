"""A dictated list of lessons that retypes one of its items by its words before it ends ("…；——胶水那条改成
文化吧", "… — the maintenance one is culture"): the item is retyped, no lesson is added; zh and en."""

from __future__ import annotations

import pytest

from tests.engines.rules.helpers import TO_LESSONS_ZH, Coaching
from tests.engines.rules.test_meta_and_edits import TO_ACTIONS_EN

TO_REFLECTION = {"zh": TO_LESSONS_ZH[:-1], "en": TO_ACTIONS_EN[:-2]}


@pytest.mark.parametrize(
    ("language", "text", "retyped"),
    [
        (
            "zh",
            "经验：拆件应急那套做法继续，组织；胶水凭手感调要停止，组织；小单合并排产，优化，业务。"
            "——胶水那条改成文化吧，不是组织，是习惯问题。",
            ("胶水凭手感调要停止", "culture", "stop"),
        ),
        (
            "en",
            "Lessons: keep the one-way lanes (organisation). "
            "Stop skipping planned maintenance (organisation). "
            "Keep the payouts app (business). - the planned maintenance one is culture, it's a habit.",
            ("Stop skipping planned maintenance", "culture", "stop"),
        ),
    ],
)
def test_a_retype_inside_the_list_types_the_lesson_it_names(
    language: str, text: str, retyped: tuple[str, str, str]
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*TO_REFLECTION[language])
    lessons = coach.say(text).review.lessons
    assert len(lessons) == 3
    (lesson,) = [x for x in lessons if x.text.startswith(retyped[0])]
    assert (lesson.dimension.value, lesson.action.value) == retyped[1:]
