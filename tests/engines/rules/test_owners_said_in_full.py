"""Owners named in full, with their team, or as the speaker; numbers with a thousands comma; zh and en."""

from __future__ import annotations

import pytest

from tests.engines.rules.helpers import TO_ACTIONS_ZH, Coaching
from tests.engines.rules.test_meta_and_edits import TO_ACTIONS_EN


def _at_actions(language: str) -> Coaching:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(
        *(TO_ACTIONS_ZH if language == "zh" else TO_ACTIONS_EN), "跳过" if language == "zh" else "skip"
    )
    return coach


@pytest.mark.parametrize(
    ("language", "text", "owner", "how", "left_out"),
    [
        ("zh", "更换1,200块老水表，采购部欧文负责，9月30日前", "欧文", "更换1,200块老水表", "采购"),
        (
            "en",
            "replace 1,200 old meters, Owen from procurement, by September 30",
            "Owen",
            "1,200 old meters",
            "procurement",
        ),
        ("en", "per-region staffing plan, owner: Mei Lin, by May 15", "Mei Lin", "staffing plan", "Lin,"),
        (
            "en",
            "pressure trial in zone B, owner Nadia Khan in network engineering, by June 1",
            "Nadia Khan",
            "zone B",
            "engineering",
        ),
    ],
)
def test_the_whole_owner_and_their_team_are_no_part_of_the_action(
    language: str, text: str, owner: str, how: str, left_out: str
) -> None:
    coach = _at_actions(language)
    result = coach.say(text)
    action = result.review.actions[-1]
    assert action.who == owner
    said = f"{action.what} {action.how}"
    assert how in said and left_out not in said


@pytest.mark.parametrize(
    ("language", "text", "owner"),
    [
        ("zh", "还有周建国，就是我，主持每月的分区计量进度会，5月7日前", "周建国"),
        ("en", "and Gareth, that's me, chairs the monthly metering review by May 7", "Gareth"),
    ],
)
def test_the_speaker_naming_themselves_owns_the_action(language: str, text: str, owner: str) -> None:
    coach = _at_actions(language)
    action = coach.say(text).review.actions[-1]
    assert action.who == owner
    assert "就是我" not in f"{action.what} {action.how}" and "that's me" not in f"{action.what} {action.how}"


@pytest.mark.parametrize(
    ("language", "text", "owner"),
    [
        ("zh", "夜间调压试点，还是李娜负责，5月20日前", "李娜"),
        ("en", "night pressure trial in zone B, Nina again, by May 20", "Nina"),
    ],
)
def test_an_owner_named_again_leaves_no_word_behind(language: str, text: str, owner: str) -> None:
    coach = _at_actions(language)
    action = coach.say(text).review.actions[-1]
    assert action.who == owner and action.how and "again" not in action.how


@pytest.mark.parametrize(
    ("language", "text", "owner", "how", "left_out"),
    [
        ("zh", "更换冷库门封条，负责人：设备部老周，6月20日前", "老周", "冷库门封条", "设备部"),
        (
            "en",
            "The dock lights get replaced and checked weekly: Rita Gomez from facilities, by June 12",
            "Rita Gomez",
            "dock lights",
            "facilities",
        ),
    ],
)
def test_an_owner_named_after_a_colon_with_their_team_is_the_person(
    language: str, text: str, owner: str, how: str, left_out: str
) -> None:
    coach = _at_actions(language)
    action = coach.say(text).review.actions[-1]
    assert action.who == owner
    said = f"{action.what} {action.how}"
    assert how in said and left_out not in said


def test_a_field_label_before_a_colon_names_nobody() -> None:
    coach = _at_actions("en")
    coach.say("What: Dashboards, by June 12")
    assert not any(a.who == "Dashboards" for a in coach.last.review.actions)


@pytest.mark.parametrize(
    ("language", "text", "owner", "when", "left_out"),
    [
        ("zh", "水帘年度检修计划，设备组孙亮，9月15日起执行", "孙亮", "2026-09-15", "执行"),
        ("zh", "饲料霉菌毒素检测，采购的钱进，9月15日前", "钱进", "2026-09-15", "采购"),
        (
            "en",
            "yearly cooling pad service, Sam Lee from maintenance, by September 15",
            "Sam Lee",
            "2026-09-15",
            "maintenance",
        ),
    ],
)
def test_an_owner_said_with_their_team_after_the_work_is_the_person(
    language: str, text: str, owner: str, when: str, left_out: str
) -> None:
    action = _at_actions(language).say(text).review.actions[-1]
    assert action.who == owner and action.when is not None and action.when.isoformat() == when
    assert left_out not in f"{action.what} {action.how}"


def test_a_team_and_a_verb_name_no_owner() -> None:
    coach = _at_actions("zh")
    coach.say("临期打折全片区执行，各店店长执行，下周一开始")
    assert all(a.who not in ("执行", "负责") for a in coach.last.review.actions)
