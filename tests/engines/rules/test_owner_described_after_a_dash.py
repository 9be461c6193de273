"""An action said as "the work - who, by when": after the dash, the words before the owner's name say who
they are (title, team, where they work) and are no part of how the work is done; zh and en."""

from __future__ import annotations

import pytest

from tests.engines.rules.helpers import TO_ACTIONS_ZH, Coaching
from tests.engines.rules.test_meta_and_edits import TO_ACTIONS_EN


@pytest.mark.parametrize(
    ("language", "opening", "text", "owner", "not_how"),
    [
        (
            "en",
            TO_ACTIONS_EN,
            "Viscosity check on nights - the night supervisor, Gary, by next Monday.",
            "Gary",
            "supervisor",
        ),
        (
            "en",
            TO_ACTIONS_EN,
            "Fix the bay 3 compressor leak - maintenance, Tomasz, this Friday.",
            "Tomasz",
            "maintenance",
        ),
        ("zh", TO_ACTIONS_ZH, "每批新纱线做毛羽检测——质检部的李萍，12月底前。", "李萍", "质检部"),
    ],
)
def test_who_the_owner_is_is_no_part_of_the_how(
    language: str, opening: tuple[str, ...], text: str, owner: str, not_how: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    (action,) = coach.say(text).review.actions
    assert action.who == owner
    assert not_how not in f"{action.what} {action.how or ''}"


def test_how_said_after_the_dash_with_a_verb_stays() -> None:
    coach = Coaching(language="en")
    coach.script(*TO_ACTIONS_EN)
    (action,) = coach.say("Sizing sheet - write it with Dennis, Gary, by next Monday.").review.actions
    assert action.who == "Gary"
    assert "write it with Dennis" in f"{action.what} {action.how or ''}"


@pytest.mark.parametrize(
    ("language", "opening", "text", "owner"),
    [
        ("en", TO_ACTIONS_EN, "Chipper full service - our mechanic Alfie, next Friday.", "Alfie"),
        ("en", TO_ACTIONS_EN, "Rota review - the planner Dan Whitlock, by May 29.", "Dan Whitlock"),
        ("zh", TO_ACTIONS_ZH, "粉碎机全面保养——机修组的周建平，下周五前。", "周建平"),
    ],
)
def test_a_person_said_with_who_they_are_after_the_dash_owns_the_action(
    language: str, opening: tuple[str, ...], text: str, owner: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    (action,) = coach.say(text).review.actions
    assert action.who == owner


@pytest.mark.parametrize(
    ("language", "opening", "text", "owner", "familiar"),
    [
        ("zh", TO_ACTIONS_ZH, "温控探头全部校准，设备员老包——包志强——下周五前。", "包志强", "老包"),
        (
            "en",
            TO_ACTIONS_EN,
            "Rota review - the planner, Dan Whitlock, by May 29.",
            "Dan Whitlock",
            "planner",
        ),
    ],
)
def test_the_owners_familiar_name_said_before_the_full_one_is_no_part_of_the_how(
    language: str, opening: tuple[str, ...], text: str, owner: str, familiar: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    (action,) = coach.say(text).review.actions
    assert action.who == owner
    assert familiar not in f"{action.what} {action.how or ''}"
