"""What is said in talk once the actions are handed out (zh, en): a sentence with no owner, no date and no
word that either is still open is no task; the thing named just before a task handed in the same turn is
what the task is about; what the one who took a task says next tells how; a standing rule ("…before it goes
live", "今后…必须…") is a lesson; the meeting's goodbyes are no tasks."""

from __future__ import annotations

import pytest

from tests.notes.extracting import extract, texts


def _actions(note: str) -> list:  # type: ignore[type-arg]
    return extract(note, name="note.txt").actions


OPEN_ZH = "[00:01:00] 老周：下一步我们要做这几件。备件多备两个。视频号的事，还没定谁来对接，先挂着。\n"
OPEN_EN = (
    "[00:01:00] Maya: Next steps. Get two in stock. "
    "We will look at a second courier but I don't know who yet.\n"
)


@pytest.mark.parametrize(
    ("note", "kept", "dropped"), [(OPEN_ZH, "视频号", "备件"), (OPEN_EN, "second courier", "two in stock")]
)
def test_a_task_without_owner_or_date_in_talk_is_one_only_when_said_open(
    note: str, kept: str, dropped: str
) -> None:
    actions = texts(_actions(note))
    assert kept in actions and dropped not in actions, actions


NAMED_ZH = (
    "[00:01:00] 曹梅：下一步我们要做这几件。还有三楼扶手。老廖，这个下周五前装完。\n[00:02:00] 老廖：好。\n"
)
NAMED_EN = (
    "[00:01:00] Fiona: Actions. And the buggy paths. Callum, finish them with the contractor by 30 June.\n"
    "[00:02:00] Callum: Fine.\n"
)


@pytest.mark.parametrize(
    ("note", "thing", "who"), [(NAMED_ZH, "三楼扶手", "老廖"), (NAMED_EN, "buggy paths", "Callum")]
)
def test_the_thing_named_before_a_handed_task_is_what_it_is_about(note: str, thing: str, who: str) -> None:
    actions = _actions(note)
    assert [(thing in a.what, a.who) for a in actions] == [(True, who)], texts(actions)


HOW_ZH = (
    "[00:01:00] 谢院长：下一步我们要做这几件。田娟，跌倒风险评估表你能做吗？\n"
    "[00:02:00] 田娟：可以，两周内。我去找护理组一起评。\n"
)
HOW_EN = (
    "[00:01:00] Fiona: Actions. Dan, can you get the deposit rule switched on?\n"
    "[00:02:00] Dan: Yes, by next Friday. I need the supplier to do one bit.\n"
)


@pytest.mark.parametrize("note", [HOW_ZH, HOW_EN])
def test_what_the_owner_says_after_taking_a_task_is_how_not_another_task(note: str) -> None:
    assert len(_actions(note)) == 1, texts(_actions(note))


RULE_ZH = "# 复盘纪要\n\n## 下一步\n\n今后，每一款新坯布上线前必须先做水洗测试。\n"
RULE_EN = (
    "# Review\n\n## Going forward\n\n"
    "Going forward, any change to the paging system needs a named reviewer before it is approved.\n"
)


@pytest.mark.parametrize(("note", "rule"), [(RULE_ZH, "水洗测试"), (RULE_EN, "named reviewer")])
def test_a_standing_rule_among_the_improvements_is_a_lesson(note: str, rule: str) -> None:
    doc = extract(note)
    assert rule in texts(doc.lessons) and not doc.actions


BYE_ZH = (
    "[00:01:00] 谢院长：下一步我们要做这几件。老廖，扶手下周五前装完。\n[00:02:00] 老廖：好。\n"
    "[00:03:00] 谢院长：谢谢大家。散会。\n"
)
BYE_EN = (
    "[00:01:00] Fiona: Actions. Ross, the reserve list by next Friday?\n[00:02:00] Ross: Yes.\n"
    "[00:03:00] Fiona: That's us. Lunch is in the bar.\n[00:04:00] Maya: Go, we'll send you the notes.\n"
)


@pytest.mark.parametrize("note", [BYE_ZH, BYE_EN])
def test_the_goodbyes_are_no_tasks(note: str) -> None:
    assert len(_actions(note)) == 1, texts(_actions(note))
