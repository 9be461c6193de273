"""An edit by number reads the field it names and the value after its "改成"/"to"; "改进" names work to do,
not an edit; a protest says an edit was meant; zh and en."""

from __future__ import annotations

import pytest

from coach.engines.rules.edits import is_protest, read_edit


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("第2条的截止日期改成6月30日", "when", "6月30日"),
        ("change 2's deadline to June 30", "when", "June 30"),
        ("第3条负责人换成马骏", "who", "马骏"),
        ("edit item 3, owner to Tom Lee", "who", "Tom Lee"),
    ],
)
def test_an_edit_by_number_reads_its_field_and_new_value(text: str, field: str, value: str) -> None:
    edit = read_edit(text)
    assert edit is not None
    assert (edit.field, edit.value) == (field, value)


@pytest.mark.parametrize("text", ["第2条改进一下流程", "item 2 improves the handover"])
def test_an_item_number_without_an_edit_verb_is_no_edit(text: str) -> None:
    assert read_edit(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "行动：下午加开第三条线，王强负责，8月底前；预约超时自动改签的规则，沈莉，9月15日前。",
        "Actions: staff item 3 of the rota, Tom, by Aug 31; change the rebooking rule, Sue, by Sept 15.",
    ],
)
def test_an_edit_verb_in_another_sentence_than_the_number_is_no_edit(text: str) -> None:
    assert read_edit(text) is None


@pytest.mark.parametrize(
    ("text", "protest"),
    [
        ("不是新行动，我是要改第1条", True),
        ("Not a new one, I meant to change number 1", True),
        ("新行动：改进排班流程", False),
        ("New action: rework the rota", False),
    ],
)
def test_a_protest_says_an_edit_was_meant(text: str, protest: bool) -> None:
    assert is_protest(text) is protest


@pytest.mark.parametrize(
    ("text", "number", "new", "old"),
    [
        ("第2条是李娜，不是王强", 2, "李娜", "王强"),
        ("Number 2 is Nadia, not Sam", 2, "Nadia", "Sam"),
    ],
)
def test_a_new_value_said_beside_the_old_one_replaces_it(text: str, number: int, new: str, old: str) -> None:
    edit = read_edit(text)
    assert edit is not None
    assert (edit.number, edit.value, edit.old) == (number, new, old)


@pytest.mark.parametrize(("text", "owner"), [("第3条交给李娜", "李娜"), ("number 3 goes to Bea", "Bea")])
def test_an_item_handed_to_someone_gets_them_as_owner(text: str, owner: str) -> None:
    edit = read_edit(text)
    assert edit is not None
    assert (edit.number, edit.field, edit.value) == (3, "who", owner)


@pytest.mark.parametrize(
    ("language", "text", "owner"),
    [
        (
            "zh",
            "改一下：\n- 第2条负责人换成物业对接的季凡，法务老黄忙不过来\n"
            "- 第1条删掉，回款看板财务已经在做了",
            "季凡",
        ),
        (
            "en",
            "A couple of edits:\n- change #2's owner to Priya, Omar is swamped\n"
            "- delete #1, finance already has it",
            "Priya",
        ),
    ],
)
def test_edits_listed_one_a_line_are_each_made(language: str, text: str, owner: str) -> None:
    from tests.engines.rules.test_edits_by_words import _two_actions

    coach = _two_actions(language)
    (left,) = coach.say(text).review.actions
    assert left.who == owner
