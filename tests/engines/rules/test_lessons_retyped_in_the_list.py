"""A dictated list of lessons that retypes one of its items by its words before it ends ("…；——胶水那条改成
文化吧", "… — the maintenance one is culture") or remarks on the one before ("That's culture, it's a habit"):
the item is typed, no lesson is added; a retype by number then "add one: …" does both; zh and en."""

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


@pytest.mark.parametrize(
    ("language", "text", "typed"),
    [
        (
            "zh",
            "经验：分轨并录要坚持，业务；台本靠微信群传这个必须停。这是习惯问题，算文化。",
            ("台本靠微信群传", "culture", "stop"),
        ),
        (
            "en",
            "Lessons: keep the QR tags, organisation. Stop sending kit straight back out untested. "
            "That's culture, it's a habit.",
            ("Stop sending kit", "culture", "stop"),
        ),
    ],
)
def test_a_remark_that_types_the_lesson_before_it_is_no_lesson(
    language: str, text: str, typed: tuple[str, str, str]
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*TO_REFLECTION[language])
    lessons = coach.say(text).review.lessons
    assert len(lessons) == 2
    assert (lessons[1].text.startswith(typed[0]), lessons[1].dimension.value, lessons[1].action.value) == (
        True,
        *typed[1:],
    )


@pytest.mark.parametrize(
    ("language", "edit"),
    [
        ("zh", "第1条属于业务，是客户那头的事。再加一条：夜班的灵活调度要继续，文化。"),
        (
            "en",
            "Actually #1 is business, it's about the customer. "
            "And add one: keep the night shift's flexibility, culture, continue.",
        ),
    ],
)
def test_a_retype_by_number_then_a_new_lesson_does_both(language: str, edit: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*TO_REFLECTION[language])
    coach.say(
        "经验：台本提前拆分标注继续，组织；分轨并录要坚持，组织。"
        if language == "zh"
        else "Lessons: keep the QR tags, organisation. Keep the van check, organisation."
    )
    lessons = coach.say(edit).review.lessons
    assert len(lessons) == 3
    assert lessons[0].dimension.value == "business" and lessons[0].action.value == "continue"
    assert (lessons[2].dimension.value, lessons[2].action.value) == ("culture", "continue")
