"""A lesson said in passing, outside any list: its verb types it and it is said as a lesson; zh and en."""

from __future__ import annotations

import pytest

from coach.domain.reading.passing import dimension_label, is_lesson


@pytest.mark.parametrize(
    "sentence",
    [
        "夜班这个事以后要坚持，不能为了省人工再砍掉。",
        "工厂和门店的返洗单对账要优化，改成每周对一次。",
        "We should stop pricing hospital work off the office model, that's organisation.",
        "And optimise the overtime sign-off, it's far too loose, organisation.",
        "Let's start a monthly site walk with each client.",
    ],
)
def test_a_sentence_that_says_what_to_keep_stop_or_start_is_a_lesson(sentence: str) -> None:
    assert is_lesson(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "我们要继续往下说吧。",
        "夜班要继续吗？",
        "下一步我要继续跟进客户回款。",
        "And if you keep asking why, it's the office ratio.",
        "Keep going, who's next?",
        "Start with the numbers.",
        "Should we stop the meeting here?",
    ],
)
def test_facilitation_questions_and_a_person_s_own_next_step_are_no_lesson(sentence: str) -> None:
    assert not is_lesson(sentence)


def test_a_lesson_without_should_needs_its_dimension_beside_it() -> None:
    assert not is_lesson("And keep the flu jabs, honestly it paid for itself.")
    assert is_lesson("And keep the flu jabs, honestly it paid for itself.", labelled=True)
    assert dimension_label("That's people.") and dimension_label("算组织的")
    assert not dimension_label("The people on nights never saw the checklist.")
    assert not dimension_label("组织架构调整以后，夜班的人手一直不够")
