"""Closing a review the way a meeting closes: lead-in words, a closing sentence after content; zh, en."""

from __future__ import annotations

import pytest

from tests.engines.rules.helpers import TO_ACTIONS_ZH, TO_LESSONS_ZH, Coaching
from tests.engines.rules.test_meta_and_edits import TO_ACTIONS_EN

TO_LESSONS_EN = TO_ACTIONS_EN[:-1]


@pytest.mark.parametrize(
    ("language", "opening", "closing"),
    [
        ("zh", TO_LESSONS_ZH, "行，今天先到这儿，结束"),
        ("zh", TO_ACTIONS_ZH, "好的，没别的了，结束吧"),
        ("en", TO_LESSONS_EN, "Alright. That's everything. Finish."),
        ("en", TO_ACTIONS_EN, "ok, that is all, finish"),
    ],
)
def test_a_finish_after_lead_in_words_ends_the_review(
    language: str, opening: tuple[str, ...], closing: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    result = coach.say(closing)
    assert coach.stage == "done"
    assert not result.review.actions  # the closing words are never an action


@pytest.mark.parametrize(
    ("language", "text", "owner", "forbidden"),
    [
        ("zh", "统一更新报价模板，销售运营陈峰负责，8月底前。好，就到这里，结束吧。", "陈峰", "结束"),
        ("en", "Nina rebuilds the quote template by August 31. OK, let's wrap up.", "Nina", "wrap"),
    ],
)
def test_an_action_then_a_closing_sentence_files_the_action_and_ends(
    language: str, text: str, owner: str, forbidden: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*(TO_ACTIONS_ZH if language == "zh" else TO_ACTIONS_EN))
    result = coach.say(text)
    assert coach.stage == "done"
    assert [a.who for a in result.review.actions] == [owner]
    action = result.review.actions[0]
    assert forbidden not in f"{action.what} {action.how}"
    assert ("还有别的行动吗" if language == "zh" else "Any other action") not in result.reply


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("zh", "上线巡检周报，质量部周敏负责，下周五前完成。"),
        ("en", "Omar finishes the supplier audit by May 20."),
    ],
)
def test_an_action_that_ends_in_finish_words_is_no_closing(language: str, text: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*(TO_ACTIONS_ZH if language == "zh" else TO_ACTIONS_EN))
    result = coach.say(text)
    assert coach.stage == "actions"
    assert len(result.review.actions) == 1


@pytest.mark.parametrize(
    ("language", "closing"),
    [("zh", "好，就这些，请结束吧"), ("en", "Right, that's the lot. Wrap up please.")],
)
def test_a_polite_finish_at_the_actions_ends_the_review(language: str, closing: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*(TO_ACTIONS_ZH if language == "zh" else TO_ACTIONS_EN))
    result = coach.say(closing)
    assert coach.stage == "done"
    assert not result.review.actions
