"""An action's owner said as the one talking ("…，我自己来，4月15日前", "…, me, next Friday"): the person who
introduced themself in this review's reflection, when only one did; otherwise no owner is guessed."""

from __future__ import annotations

import pytest

from coach.domain.retrospective import Reflection, Retrospective
from coach.engines.base import TurnContext
from coach.engines.rules.action_words import work_clauses
from coach.engines.rules.stages.action_item import owner_of
from coach.engines.rules.state import RulesState
from coach.engines.rules.turn import Turn


def _turn(language: str, reflections: list[Reflection]) -> Turn:
    review = Retrospective(id="r", title="t", language=language, reflections=reflections)  # type: ignore[arg-type]
    ctx = TurnContext(session_id="r", language=language)  # type: ignore[arg-type]
    return Turn(RulesState(), review, ctx)


@pytest.mark.parametrize(
    ("language", "intro", "person", "action"),
    [
        (
            "zh",
            "我是店长何丽君。最触动的是…；下一步我每周跟班。",
            "何丽君",
            "外包厨房送餐时间写进合同考核，我自己来，4月15日前",
        ),
        (
            "en",
            "Me, Gareth Pryce, yard manager. Most moved: …",
            "Gareth Pryce",
            "Gelcoat sign-off checklist, me, next Friday",
        ),
    ],
)
def test_the_owner_said_as_me_is_the_one_who_introduced_themself(
    language: str, intro: str, person: str, action: str
) -> None:
    turn = _turn(language, [Reflection(person=person, most_touched="…", evidence=intro)])
    assert owner_of(turn, action) == person
    assert not any("我自己" in c or c.strip() == "me" for c in work_clauses(action, None))


@pytest.mark.parametrize(
    ("language", "reflections", "action"),
    [
        (  # two people reflected: "我" is not known
            "zh",
            [
                Reflection(person="何丽君", most_touched="…", evidence="我是何丽君。最触动…"),
                Reflection(person="秦雪", most_touched="…", evidence="我是秦雪。最触动…"),
            ],
            "送餐时间写进合同考核，我自己来，4月15日前",
        ),
        (  # the person was named by someone else, never said "I'm …"
            "en",
            [
                Reflection(
                    person="Gareth Pryce", most_touched="…", evidence="Gareth Pryce says: most moved by …"
                )
            ],
            "Gelcoat sign-off checklist, me, next Friday",
        ),
    ],
)
def test_no_owner_is_guessed_for_me_when_the_one_talking_is_unknown(
    language: str, reflections: list[Reflection], action: str
) -> None:
    assert owner_of(_turn(language, reflections), action) is None
