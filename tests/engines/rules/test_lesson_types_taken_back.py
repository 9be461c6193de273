"""In a dictated list of lessons, a type taken back ("…, business? No, organisation, it's a procedure",
"…，业务？不对，组织") retypes the lesson before it; a remark that something is a lesson and no action
("that's a lesson more than an action", "这个算经验，不是行动") is no lesson of its own, and the type said
with it ("put it under culture, start") types the lesson before it; zh and en."""

from __future__ import annotations

import pytest

from tests.engines.rules.helpers import TO_LESSONS_ZH, Coaching
from tests.engines.rules.test_meta_and_edits import TO_ACTIONS_EN

TO_REFLECTION = {"zh": TO_LESSONS_ZH[:-1], "en": TO_ACTIONS_EN[:-2]}

TAKEN_BACK = {
    "zh": "经验：售货亭放在游览路线上继续，业务；每个高风险物种都要有高温预案，新增，业务？"
    "不对，组织，这是流程的事。中午巡园新增，文化。",
    "en": "Lessons: keep the kiosks on the walking route, business. Start a heat plan for every species "
    "at risk, business? No, organisation, it's a procedure. Start walking the site at noon on hot days, "
    "culture.",
}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_type_taken_back_retypes_the_lesson_before_it(language: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*TO_REFLECTION[language])
    lessons = coach.say(TAKEN_BACK[language]).review.lessons
    assert len(lessons) == 3
    assert (lessons[1].dimension.value, lessons[1].action.value) == ("organization", "start")
    assert "高温预案" in lessons[1].text or "heat plan" in lessons[1].text


REMARKED = {
    "zh": "经验：共享的页面对象库继续，组织；设备预约表继续，组织；没看过设备清单就不签发布，这条我自己记着。"
    "这个算经验，不是行动，归到文化，新增。",
    "en": "Lessons: keep the shared page-object library, organisation. Keep the device farm booking sheet, "
    "organisation. And one I'm taking personally: never sign off a release without having seen the device "
    "list. That's a lesson for me, not a task, put it under culture, start.",
}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_lesson_not_action_remark_types_the_lesson_before_it(language: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*TO_REFLECTION[language])
    lessons = coach.say(REMARKED[language]).review.lessons
    assert len(lessons) == 3
    assert (lessons[2].dimension.value, lessons[2].action.value) == ("culture", "start")
    assert not any("经验，不是" in x.text or "not a task" in x.text for x in lessons)


POINTED = {
    "zh": "经验：售货亭放在游览路线上继续，业务；饲养员每日检查表继续，组织。"
    "还有老陈，你中午巡园那个算经验，不是行动。中午巡园新增，文化。",
    "en": "Lessons: keep the kiosks on the walking route, business. Keep the keeper daily checklist, "
    "organisation. And Callum, your noon walks: that's a lesson more than an action. "
    "Start walking the site at noon on hot days, culture.",
}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_remark_pointing_at_the_next_lesson_is_no_lesson(language: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*TO_REFLECTION[language])
    lessons = coach.say(POINTED[language]).review.lessons
    assert [x.dimension.value for x in lessons] == ["business", "organization", "culture"]
