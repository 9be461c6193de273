"""Lesson corrections in plain words: which dimension or action a person says a lesson has (zh, en)."""

from __future__ import annotations

import pytest

from coach.domain.lesson_corrections import opening_action, parse_lesson_correction
from coach.domain.retrospective import Dimension, LessonAction

D, A = Dimension, LessonAction


@pytest.mark.parametrize(
    ("text", "dimension", "action"),
    [
        ("这条属于文化", D.culture, None),
        ("第2条属于组织", D.organization, None),
        ("不是停止，是优化", None, A.optimize),
        ("不是停止是优化", None, A.optimize),
        ("应该是人的问题", D.people, None),
        ("属于人", D.people, None),
        ("业务，新增", D.business, A.start),
        ("dimension: people", D.people, None),
        ("it's optimize not stop", None, A.optimize),
        ("not stop but continue", None, A.continue_),
        ("this is culture, not organization", D.culture, None),
        ("改成继续", None, A.continue_),
        ("有人说不清楚", None, None),
        ("好的", None, None),
    ],
)
def test_reads_plain_corrections(text: str, dimension: Dimension | None, action: LessonAction | None) -> None:
    assert parse_lesson_correction(text) == (dimension, action)


@pytest.mark.parametrize(
    ("text", "dimension"),
    [
        ("Start a second read on every late-shift story, that's process", Dimension.organization),
        ("Change #3 to culture, it's how we behave, not a process", Dimension.culture),
        ("这条算组织，是流程上的事", Dimension.organization),
    ],
)
def test_process_names_the_organisation_unless_denied(text: str, dimension: Dimension) -> None:
    assert parse_lesson_correction(text)[0] == dimension


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("Stop 06:00 fixed start", LessonAction.stop),
        ("And optimise how we commission new kit", LessonAction.optimize),
        ("we should keep the buddy scheme", LessonAction.continue_),
        ("停止新增临时岗位", LessonAction.stop),
        ("还要继续做老带新", LessonAction.continue_),
        # a correction, a verb said later, a word that only starts like one: no opening action
        ("not stop but optimize", None),
        ("不是停止，是优化", None),
        ("Queue times: stop the 06:00 start", None),
        ("Newsletter every month", None),
        ("Keeping score helped", None),
    ],
)
def test_the_verb_a_lesson_opens_on_is_its_action(text: str, action: LessonAction | None) -> None:
    assert opening_action(text) == action


@pytest.mark.parametrize(
    ("text", "dimension"),
    [
        ("（人）", Dimension.people),  # a type label in brackets
        ("(人)", Dimension.people),
        ("（人·新增）", Dimension.people),
        ("（人手不够）", None),  # a word that starts with 人 is no label
        ("有人没来", None),
    ],
)
def test_people_in_brackets_is_a_label_and_a_word_with_it_is_not(
    text: str, dimension: Dimension | None
) -> None:
    assert parse_lesson_correction(text)[0] is dimension
