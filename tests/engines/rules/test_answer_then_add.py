"""Several edits in one message at the actions step: the answer to the question asked, then "再加一条：…" /
"Add another: …" (a new action, never merged into the one being assembled); "刚加的那条不要了" / "drop the
one I just added" takes out the newest action, even while it is still being assembled; "郭蕾自己来" names the
owner; zh and en."""

from __future__ import annotations

import pytest

from coach.engines.rules.action_words import owner_in
from tests.engines.rules.helpers import TO_ACTIONS_ZH, Coaching
from tests.engines.rules.test_own_lessons import TO_LESSONS_EN

TO_ACTIONS_EN = (*TO_LESSONS_EN, "ok")
CASES = [
    (
        "zh",
        TO_ACTIONS_ZH,
        "建立回款周报，每周一对账，下周五前",
        "负责人是王芳。再加一条：客户分级表，李强负责，5月底前",
        ("王芳", "客户分级表", "李强"),
        "刚加的那条不要了",
    ),
    (
        "en",
        TO_ACTIONS_EN,
        "Collections report reviewed every Monday, by next Friday",
        "Owner is Maria. Add another: client tiering sheet, Tom, by end of May",
        ("Maria", "client tiering sheet", "Tom"),
        "drop the one I just added",
    ),
]


@pytest.mark.parametrize(("language", "opening", "action", "answer", "expected", "drop"), CASES)
def test_the_answer_then_a_new_action_in_one_message(
    language: str,
    opening: tuple[str, ...],
    action: str,
    answer: str,
    expected: tuple[str, str, str],
    drop: str,
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    coach.say(action)  # no owner: the coach asks who
    actions = coach.say(answer).review.actions
    owner, what, new_owner = expected
    assert len(actions) == 2
    assert actions[0].who == owner
    assert actions[1].what == what and actions[1].who == new_owner
    assert not any("再加一条" in (a.what or "") or "Add another" in (a.what or "") for a in actions)


@pytest.mark.parametrize(("language", "opening", "action", "answer", "expected", "drop"), CASES)
def test_the_one_just_added_is_dropped(
    language: str,
    opening: tuple[str, ...],
    action: str,
    answer: str,
    expected: tuple[str, str, str],
    drop: str,
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening, action, answer)
    actions = coach.say(drop).review.actions
    assert [a.who for a in actions] == [expected[0]]


@pytest.mark.parametrize(
    ("language", "opening", "action", "drop"),
    [
        ("zh", TO_ACTIONS_ZH, "客户分级表，5月底前", "撤销，刚加的那条不要了，市场部在做"),
        (
            "en",
            TO_ACTIONS_EN,
            "Client tiering sheet, by end of May",
            "drop the one I just added, marketing has it",
        ),
    ],
)
def test_the_action_being_assembled_is_the_one_just_added(
    language: str, opening: tuple[str, ...], action: str, drop: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    before = len(coach.last.review.actions)
    coach.say(action)  # the coach asks who: it is still being assembled
    result = coach.say(drop)
    assert len(result.review.actions) == before
    assert result.state["actions"]["draft"] is None


@pytest.mark.parametrize(
    ("text", "owner"),
    [("附近那家店的价格每月盯一次，郭蕾自己来，本月底前开始", "郭蕾"), ("这个我们自己来做", None)],
)
def test_a_person_doing_it_themselves_is_the_owner(text: str, owner: str | None) -> None:
    assert owner_in(text) == owner
