"""An edit by words lands only on the action it names: after "装载规范那条：负责人换成柴晓丽", a clause that
names an item of its own that is not on the list ("跟厂家开会那条删掉", "drop the vendor meeting") deletes
nothing — never the item named before; "delete it" still means the item just named. An owner who "负责" /
"牵头" a task said with their name ("李娜负责跟进回款") leaves that word out of the WHAT; zh and en."""

from __future__ import annotations

import pytest

from tests.engines.rules.helpers import Coaching

SETUP = {
    "zh": ("回款目标100万，实际80万", "没有了", "行动：装载规范，宁慧，月底前；装载培训，柴晓丽，7月底前"),
    "en": (
        "Collections target 1M, actual 800k",
        "that's all",
        "Actions: loading standard, Nina, by end of month; loading training, Chloe, by end of July",
    ),
}


@pytest.mark.parametrize(
    ("language", "edit", "owner"),
    [
        ("zh", "装载规范那条：负责人换成柴晓丽。跟厂家开会那条删掉，设备科说他们自己排。", "柴晓丽"),
        ("en", "Loading standard goes to Chloe. Drop the vendor meeting one, procurement runs it.", "Chloe"),
    ],
)
def test_a_clause_naming_an_item_not_on_the_list_changes_nothing(
    language: str, edit: str, owner: str
) -> None:
    coach = Coaching(language)
    coach.script(*SETUP[language])
    assert len(coach.last.review.actions) == 2
    coach.say(edit)
    actions = coach.last.review.actions
    assert len(actions) == 2  # nothing deleted
    assert actions[0].who == owner


@pytest.mark.parametrize(
    ("language", "edit"),
    [("zh", "装载培训那条，删掉吧"), ("en", "The loading training one, delete it")],
)
def test_delete_it_after_naming_an_item_deletes_that_item(language: str, edit: str) -> None:
    coach = Coaching(language)
    coach.script(*SETUP[language])
    coach.say(edit)
    assert len(coach.last.review.actions) == 1


def test_the_words_that_hand_the_task_over_are_no_part_of_its_what() -> None:
    coach = Coaching("zh")
    coach.script("回款目标100万，实际80万", "没有了", "行动：李娜负责跟进两个大客户的回款，月底前")
    [action] = coach.last.review.actions
    assert (action.what, action.who) == ("跟进两个大客户的回款", "李娜")
