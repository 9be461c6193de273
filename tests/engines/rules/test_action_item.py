"""One action item as said (stages/action_item.py), zh and en: an owner said as the one talking
("…，我自己来，4月15日前", "…, me, next Friday") is the person who introduced themself in the review's one
reflection, else no owner is guessed; an action said again is the one already on the list."""

from __future__ import annotations

import datetime as dt

import pytest

from coach.domain.retrospective import ActionItem, Reflection, Retrospective
from coach.engines.base import TurnContext
from coach.engines.rules.action_words import work_clauses
from coach.engines.rules.stages.action_item import owner_of, said_again
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


def _action(what: str, how: str, who: str, when: str) -> ActionItem:
    return ActionItem(what=what, how=how, who=who, when=dt.date.fromisoformat(when))


KNOWN = [
    _action(
        "Start priority for timed slots",
        "Priority rule for timed scan slots in the dispatch app",
        "Kwame Boateng",
        "2026-02-15",
    ),
    _action("场次上限新增", "每天场次上限写进接单系统", "侯静", "2026-11-15"),
    _action("道闸雷达换新", "道闸雷达换新", "梁志刚", "2026-12-20"),
    _action("Gate radar swap", "Gate radar swap", "Tom Reyes", "2026-12-20"),
]


@pytest.mark.parametrize(
    "item",
    [
        _action("", "Also: timed scan slots get priority in the dispatch app", "Kwame", "2026-02-15"),
        _action("", "每天场次上限写进接单系统里", "侯静", "2026-11-15"),
        # said again at more length: the shorter one's words are all in it
        _action("道闸雷达换成新款", "道闸雷达换成新款", "梁志刚", "2026-12-20"),
        _action("Gate radar swap, new model", "Gate radar swap, new model", "Tom", "2026-12-20"),
    ],
)
def test_an_action_said_again_is_the_one_on_the_list(item: ActionItem) -> None:
    assert said_again(KNOWN, item) is not None


@pytest.mark.parametrize(
    "item",
    [
        _action("", "Review the timed scan slots rota with radiology", "Kwame", "2026-02-15"),  # other work
        _action("", "Priority rule for timed scan slots in the dispatch app", "Linda Frost", "2026-02-15"),
        _action("", "每天场次上限写进接单系统", "侯静", "2026-12-01"),  # another date
        _action("", "接单系统加场次上限提醒培训", "侯静", "2026-11-15"),
    ],
)
def test_other_work_or_another_owner_or_date_is_a_new_action(item: ActionItem) -> None:
    assert said_again(KNOWN, item) is None
