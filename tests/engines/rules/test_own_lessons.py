"""Lessons the user gives one per message at the lessons step: "lessons:" alone announces their own list,
which replaces the coach's unconfirmed proposals; a lesson stated with its action and words of its own
("stop accepting …, org") is a new lesson, never a retype of the last one; a pure retype still retypes;
zh and en."""

from __future__ import annotations

import re

import pytest

from coach.domain.retrospective import Dimension, LessonAction
from tests.engines.rules.helpers import TO_DRILL_EN, TO_LESSONS_ZH, Coaching

TO_LESSONS_EN = (
    *TO_DRILL_EN,
    "because approvals got slower",
    "the root cause is no collections tracking",
    "yes",
    "80%",
    "skip",
)
OPENINGS = {"zh": TO_LESSONS_ZH, "en": TO_LESSONS_EN}


def _words(said: str) -> str:
    """A lesson's words: what was said without the type said last ("…，组织", "…, org")."""
    return re.split(r"[，,]\s*(?=[^，,]+$)", said.strip(" 。."))[0]


@pytest.mark.parametrize(
    ("language", "head", "own"),
    [
        ("zh", "经验：", ("合同模板统一审批要继续，组织", "停止月底集中催款，业务")),
        (
            "en",
            "lessons:",
            ("keep the shared contract template, org", "stop chasing payments at month end, business"),
        ),
    ],
)
def test_lessons_head_alone_then_own_lessons_replace_the_proposals(
    language: str, head: str, own: tuple[str, str]
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*OPENINGS[language])
    assert coach.last.review.lessons  # the coach proposed one from the root cause
    coach.say(head)
    assert coach.last.stage == "lessons"
    review = coach.script(*own).review
    assert [lesson.text for lesson in review.lessons] == [_words(text) for text in own]
    assert review.lessons[0].action == LessonAction.continue_
    assert review.lessons[1].action == LessonAction.stop


@pytest.mark.parametrize(
    ("language", "said", "action", "dimension"),
    [
        ("zh", "停止手工汇总各区域的报表，组织", LessonAction.stop, Dimension.organization),
        (
            "en",
            "stop accepting regional spreadsheets in any layout, org",
            LessonAction.stop,
            Dimension.organization,
        ),
    ],
)
def test_a_lesson_stated_with_its_own_words_is_added_not_a_retype(
    language: str, said: str, action: LessonAction, dimension: Dimension
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*OPENINGS[language])
    before = [(lesson.text, lesson.action) for lesson in coach.last.review.lessons]
    lessons = coach.say(said).review.lessons
    assert [(lesson.text, lesson.action) for lesson in lessons[: len(before)]] == before
    assert len(lessons) == len(before) + 1
    assert lessons[-1].action == action and lessons[-1].dimension == dimension


@pytest.mark.parametrize(
    ("language", "said"), [("zh", "不是新增，是优化"), ("en", "it's optimize not start")]
)
def test_a_retype_without_words_of_its_own_still_retypes(language: str, said: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*OPENINGS[language])
    count = len(coach.last.review.lessons)
    lessons = coach.say(said).review.lessons
    assert len(lessons) == count
    assert lessons[-1].action == LessonAction.optimize


@pytest.mark.parametrize(
    ("language", "own", "retype"),
    [
        (
            "zh",
            ("合同模板统一审批要继续，组织", "停止月底集中催款，业务"),
            "合同模板那条算业务，不是组织。月底催款那条改成文化。",
        ),
        (
            "en",
            ("keep the shared contract template, org", "stop chasing payments at month end, business"),
            "The contract template one is business, not org. And the month-end chasing one is culture.",
        ),
    ],
)
def test_each_sentence_retypes_the_lesson_it_names_by_its_words(
    language: str, own: tuple[str, str], retype: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*OPENINGS[language], "经验：" if language == "zh" else "lessons:", *own)
    review = coach.say(retype).review
    assert [(lesson.dimension, lesson.action) for lesson in review.lessons] == [
        (Dimension.business, LessonAction.continue_),
        (Dimension.culture, LessonAction.stop),
    ]


@pytest.mark.parametrize(
    ("language", "said", "text"),
    [
        (
            "zh",
            "经验：合同模板统一审批要继续，组织。新增学徒跟夜班检修，不对，是继续，他们已经在做了。算人的层面。",
            "新增学徒跟夜班检修",
        ),
        (
            "en",
            "Lessons: keep the shared contract template (organisation). "
            "Start apprentices on night inspections, no wait, that's continue, they already do it. People.",
            "Start apprentices on night inspections",
        ),
    ],
)
def test_a_lesson_taken_back_mid_item_keeps_its_words_and_takes_the_type_said_after(
    language: str, said: str, text: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*OPENINGS[language])
    review = coach.say(said).review
    assert [(lesson.text, lesson.action, lesson.dimension) for lesson in review.lessons[1:]] == [
        (text, LessonAction.continue_, Dimension.people)
    ]


@pytest.mark.parametrize(
    ("language", "said", "actions"),
    [
        (
            "zh",
            "经验：停止新增临时岗位（组织）；继续每周复盘（文化）",
            [LessonAction.stop, LessonAction.continue_],
        ),
        (
            "en",
            "Lessons: Stop 06:00 fixed start (org). And optimise how we commission new kit (org).",
            [LessonAction.stop, LessonAction.optimize],
        ),
    ],
)
def test_a_lesson_dictated_with_its_verb_first_has_that_action(
    language: str, said: str, actions: list[LessonAction]
) -> None:
    # the same words later in the lesson ("fixed start", "new kit", "新增") are what it is about
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*OPENINGS[language])
    assert [lesson.action for lesson in coach.say(said).review.lessons] == actions


@pytest.mark.parametrize(
    ("language", "head", "own"),
    [
        ("zh", "经验：", "开始按周核对回款跟踪机制，组织"),
        ("en", "lessons:", "start weekly collections tracking per account, org"),
    ],
)
def test_after_lessons_head_alone_an_own_lesson_sharing_words_with_a_proposal_is_new(
    language: str, head: str, own: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*OPENINGS[language], head)
    review = coach.say(own).review
    assert [lesson.text for lesson in review.lessons] == [
        _words(own)
    ]  # the proposal it echoes is not retyped


@pytest.mark.parametrize(
    ("language", "head", "retype"),
    [
        ("zh", "经验：", "回款跟踪那条是文化"),
        ("en", "lessons:", "the collections tracking one is culture"),
    ],
)
def test_after_lessons_head_alone_a_line_naming_a_lesson_still_retypes_it(
    language: str, head: str, retype: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*OPENINGS[language], head)
    review = coach.say(retype).review
    assert len(review.lessons) == 1 and review.lessons[0].dimension == Dimension.culture


@pytest.mark.parametrize(
    ("language", "own", "retype"),
    [
        (
            "zh",
            ("合同模板统一审批要继续，组织", "停止月底集中催款，业务"),
            "合同模板那条算业务，不是组织。月底催款那条是停止，没错，不过改成文化，是习惯问题。",
        ),
        (
            "en",
            ("keep the shared contract template, org", "stop chasing payments at month end, business"),
            "The contract template one is business, not org. "
            "And the month-end chasing one is a stop, yes, but make it culture, it's a habit.",
        ),
    ],
)
def test_a_clause_after_a_retype_that_types_the_same_lesson_further_is_applied_to_it(
    language: str, own: tuple[str, str], retype: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*OPENINGS[language], "经验：" if language == "zh" else "lessons:", *own)
    review = coach.say(retype).review
    assert [(lesson.dimension, lesson.action) for lesson in review.lessons] == [
        (Dimension.business, LessonAction.continue_),
        (Dimension.culture, LessonAction.stop),
    ]
