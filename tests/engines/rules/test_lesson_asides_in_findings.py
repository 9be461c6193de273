"""A lesson noted in passing at the end of the findings, and "the other lessons" said later; zh and en."""

from __future__ import annotations

import pytest

from coach.domain.retrospective import Dimension, LessonAction
from tests.engines.rules.helpers import TO_ANALYSIS_ZH, Coaching

TO_ANALYSIS_EN = (
    "Revenue target 1.2M, actual 960k; new clients target 50, actual 62",
    "that's all",
    "Revenue",
)

CASES = {
    "zh": (
        TO_ANALYSIS_ZH,
        "不足：回款没达成，大客户拖款严重。对了，经验先记一条：合同里写清付款节点要新增。这是组织上的。",
        "其他经验：老客户转介绍要继续，业务；月底冲量的做法要停止，文化。",
    ),
    "en": (
        TO_ANALYSIS_EN,
        "What went badly: revenue missed, big clients paid late. Lesson while I think of it: start writing "
        "payment milestones into contracts. That's organization.",
        "The other lessons: keep the client referrals, business. Stop the month-end push, culture.",
    ),
}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_lesson_noted_after_the_shortfalls_is_a_lesson_and_the_shortfalls_stay(language: str) -> None:
    opening, findings, _ = CASES[language]
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    result = coach.say(findings)
    review = result.review
    assert [(lesson.dimension, lesson.action) for lesson in review.lessons] == [
        (Dimension.organization, LessonAction.start)
    ]
    assert review.shortfalls and not review.highlights
    said = " ".join(f.text for f in review.shortfalls).lower()
    assert "经验" not in said and "lesson" not in said and "organization" not in said


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_other_lessons_said_later_keep_the_one_noted_before(language: str) -> None:
    opening, findings, others = CASES[language]
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening, findings)
    result = coach.say(others)
    texts = [lesson.text for lesson in result.review.lessons]
    assert len(texts) == 3
    assert not any(t.lower().startswith(("其他经验", "the other")) for t in texts)


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("zh", "不足：回款没达成，大客户拖款严重。顺便先说一条经验：合同里写清付款节点要新增，组织。"),
        (
            "en",
            "What went badly: revenue missed, big clients paid late. Lesson while I'm at it: start writing "
            "payment milestones into contracts, organization.",
        ),
    ],
)
def test_a_lesson_said_first_in_passing_is_a_lesson_not_a_finding(language: str, said: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*CASES[language][0])
    review = coach.say(said).review
    assert [(lesson.dimension, lesson.action) for lesson in review.lessons] == [
        (Dimension.organization, LessonAction.start)
    ]
    assert all("经验" not in s.text and "Lesson" not in s.text for s in review.shortfalls)


@pytest.mark.parametrize(
    ("language", "said", "words"),
    [
        (
            "zh",
            "不足：回款没达成，大客户拖款严重。顺便说一条经验：合同里写清付款节点要新增，算组织的。"
            "另外新客户开发太慢，只完成了一半。",
            "新客户开发",
        ),
        (
            "en",
            "What went badly: revenue missed, big clients paid late. Lesson while I'm at it: start writing "
            "payment milestones into contracts, organization.\nAlso client churn went up a lot.",
            "churn",
        ),
    ],
)
def test_what_follows_a_lesson_noted_on_the_way_is_still_read(language: str, said: str, words: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*CASES[language][0])
    review = coach.say(said).review
    assert len(review.lessons) == 1
    filed = [s.text for s in review.shortfalls] + [
        f"{c.phenomenon} {c.surface_cause} {c.root_cause}" for c in review.cause_chains
    ]
    assert any(words in f for f in filed) and all(words not in lesson.text for lesson in review.lessons)
