"""Several edits in one message at the actions step: the answer to the question asked, then "再加一条：…" /
"Add another: …" (a new action, never merged into the one being assembled); "刚加的那条不要了" / "drop the
one I just added" takes out the newest action, even while it is still being assembled; "郭蕾自己来" names the
owner; zh and en."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from coach.engines.rules.action_words import owner_in
from tests.engines.rules.helpers import TO_ACTIONS_ZH, Coaching
from tests.engines.rules.test_own_lessons import TO_LESSONS_EN

TO_ACTIONS_EN = (*TO_LESSONS_EN, "ok")


@dataclass(frozen=True)
class AnswerThenAdd:
    """An action with no owner, the answer naming one and adding a new action, and the words that drop it."""

    language: str
    opening: tuple[str, ...]
    action: str
    answer: str
    owner: str
    new_what: str
    new_owner: str
    drop: str


CASES = [
    pytest.param(
        AnswerThenAdd(
            language="zh",
            opening=TO_ACTIONS_ZH,
            action="建立回款周报，每周一对账，下周五前",
            answer="负责人是王芳。再加一条：客户分级表，李强负责，5月底前",
            owner="王芳",
            new_what="客户分级表",
            new_owner="李强",
            drop="刚加的那条不要了",
        ),
        id="zh",
    ),
    pytest.param(
        AnswerThenAdd(
            language="en",
            opening=TO_ACTIONS_EN,
            action="Collections report reviewed every Monday, by next Friday",
            answer="Owner is Maria. Add another: client tiering sheet, Tom, by end of May",
            owner="Maria",
            new_what="client tiering sheet",
            new_owner="Tom",
            drop="drop the one I just added",
        ),
        id="en",
    ),
]


@pytest.mark.parametrize("case", CASES)
def test_the_answer_then_a_new_action_in_one_message(case: AnswerThenAdd) -> None:
    coach = Coaching(language=case.language)  # type: ignore[arg-type]
    coach.script(*case.opening)
    coach.say(case.action)  # no owner: the coach asks who
    actions = coach.say(case.answer).review.actions
    assert len(actions) == 2
    assert actions[0].who == case.owner
    assert actions[1].what == case.new_what and actions[1].who == case.new_owner
    assert not any("再加一条" in (a.what or "") or "Add another" in (a.what or "") for a in actions)


@pytest.mark.parametrize("case", CASES)
def test_the_one_just_added_is_dropped(case: AnswerThenAdd) -> None:
    coach = Coaching(language=case.language)  # type: ignore[arg-type]
    coach.script(*case.opening, case.action, case.answer)
    actions = coach.say(case.drop).review.actions
    assert [a.who for a in actions] == [case.owner]


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
