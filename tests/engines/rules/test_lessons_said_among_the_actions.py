"""A lesson said among the actions ("另外以后换模必须先预热模具——这个算经验，不算行动，新增，组织",
"Walk the site at noon on hot days, that's a lesson more than an action, start, culture") is filed as a
lesson typed by its own words, never as an action; a name before the cue ("Callum, your noon walks: that's
a lesson more than an action") files no lesson. zh and en."""

from __future__ import annotations

import pytest

from coach.domain.retrospective import Dimension, LessonAction
from tests.engines.rules.helpers import Coaching

OPENING = {
    "zh": ("出货量目标120万盒，实际131万盒", "出货量"),
    "en": ("admissions target 50000, actual 41000", "admissions"),
}
LISTS = {
    "zh": "行动：模具周保养计划，班长金海波，5月20日前；调机培训，设备科侯斌，5月15日前。"
    "另外以后换模必须先预热模具——这个算经验，不算行动，新增，组织。",
    "en": "Actions: weekly rota review, Jamie Reid, by May 30."
    " Shade sails for the panda house, Callum Fraser, by June 15."
    " Walk the whole site at noon on hot days, that's a lesson more than an action, start, culture.",
}
LESSON = {
    "zh": ("先预热模具", Dimension.organization, LessonAction.start),
    "en": ("Walk the whole site at noon", Dimension.culture, LessonAction.start),
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_lesson_said_among_the_actions_is_a_typed_lesson_and_no_action(lang: str) -> None:
    coach = Coaching(language=lang)  # type: ignore[arg-type]
    review = coach.script(*OPENING[lang], LISTS[lang]).review
    words, dimension, action = LESSON[lang]
    assert len(review.actions) == 2
    assert not any(words in f"{a.what} {a.how}" for a in review.actions)
    lessons = [lesson for lesson in review.lessons if words in lesson.text]
    assert [(lesson.dimension, lesson.action) for lesson in lessons] == [(dimension, action)]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "zh",
            "行动：模具周保养计划，班长金海波，5月20日前；调机培训，设备科侯斌，5月15日前。老金那个算经验。",
        ),
        (
            "en",
            "Actions: weekly rota review, Jamie Reid, by May 30."
            " Shade sails for the panda house, Callum Fraser, by June 15."
            " Callum, your noon walks: that's a lesson more than an action.",
        ),
    ],
)
def test_a_name_before_the_cue_files_no_lesson(lang: str, said: str) -> None:
    coach = Coaching(language=lang)  # type: ignore[arg-type]
    review = coach.script(*OPENING[lang], said).review
    assert len(review.actions) == 2 and review.lessons == []
