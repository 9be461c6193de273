"""An action's owner is a person: the name is kept, titles, teams and asides around it go, and words that
name no one (thanks, a clause cut in the wrong place) give no owner. zh and en."""

from __future__ import annotations

import pytest

from coach.domain.parsing.owner_person import owner_person


@pytest.mark.parametrize(
    ("said", "person"),
    [
        ("质量部冯岚", "冯岚"),
        ("设备科科长鲁建国", "鲁建国"),
        ("生产部欧阳帆", "欧阳帆"),
        ("IT那边周涛", "周涛"),
        ("调度的小韩（韩冬梅）", "韩冬梅"),
        ("柏云（校区长）", "柏云"),
        ("技术员田甜", "田甜"),
        ("设备员老包", "老包"),
        ("Marguerite Doyle (GM)", "Marguerite Doyle"),
        ("the planner Dan Whitlock", "Dan Whitlock"),
        ("Sam Okafor in marketing", "Sam Okafor"),
        ("owner Ravi", "Ravi"),
        ("质检的邬小北", "邬小北"),
        # the person addressed as the task is handed to them
        ("一鸣你", "一鸣"),
        ("技术员田甜你", "田甜"),
    ],
)
def test_titles_teams_and_asides_around_a_name_are_dropped(said: str, person: str) -> None:
    assert owner_person(said) == person


@pytest.mark.parametrize(
    "said",
    ["鲁建国", "小潘", "阿May", "欧阳明月", "王总", "Sam O'Neill", "Tomás Ruiz-García", "hana o'neill"],
)
def test_a_name_is_kept_as_said(said: str) -> None:
    assert owner_person(said) == said


@pytest.mark.parametrize("said", ["客服中心", "市场部", "我"])
def test_a_team_or_the_speaker_alone_stays_the_owner(said: str) -> None:
    assert owner_person(said) == said


@pytest.mark.parametrize(
    "said",
    [
        "对了谢谢财务的老蔡帮忙拉的赔付数据",
        "东校区的校区长柏",
        "finish, thanks",
        "Thanks Ollie for the newsletter numbers, and Bernard",
        "Sam Okafor in marketing Tomasz",
        "",
        None,
    ],
)
def test_words_that_name_no_one_give_no_owner(said: str | None) -> None:
    assert owner_person(said) is None


def test_people_named_in_full_are_found_and_dates_are_not_people() -> None:
    from coach.domain.parsing.owner_person import full_names_said

    said = "Present: Fiona Drummond (chair), Callum Reid. Me: Leon Marsh. Back on Friday October 3."
    assert full_names_said(said) == ["Fiona Drummond", "Callum Reid", "Leon Marsh"]
    assert full_names_said("复盘会：质量部冯岚主持") == []
