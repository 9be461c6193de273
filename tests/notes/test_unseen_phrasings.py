"""Ways of saying what went well or badly, why, and what to keep that the dev notes do not use (zh and en)."""

from __future__ import annotations

import pytest

from coach.notes.actions import find_who
from tests.notes.extracting import extract, texts, words


@pytest.mark.parametrize(
    ("note", "found"),
    [
        ("复盘\n\n让人欣慰的是家长投诉比上学期少了一半，司机也说新线路顺多了。\n", "家长投诉"),
        ("复盘\n\n表现比较好的是新装的定位终端，三次大风都提前把船叫回来了。\n", "定位终端"),
        ("复盘\n\n会员预售大受欢迎，三分之一的礼盒是这么卖出去的。\n", "会员预售"),
        (
            "Debrief\n\nWhat actually helped: pre-orders through the app, a third of all boxes.\n",
            "pre-orders",
        ),
        (
            "Debrief\n\nThe new audio guide was a hit with families, and reviews kept mentioning it.\n",
            "audio guide",
        ),
        (
            "Debrief\n\nThe new section leader did an amazing job, rehearsals were much tighter.\n",
            "section leader",
        ),
    ],
)
def test_praise_in_unheaded_prose_is_a_highlight(note: str, found: str) -> None:
    doc = extract(note)
    assert found in texts(doc.highlights)
    assert found not in texts(doc.shortfalls)


@pytest.mark.parametrize(
    ("note", "found"),
    [
        ("复盘\n\n美中不足的是东片三条线早高峰经常堵在桥下，迟到都集中在那。\n", "东片三条线"),
        ("复盘\n\n卖品收入只有二十八万，差得挺多。\n", "卖品收入"),
        ("复盘\n\n儿童诊室的等候时间太长，家长抱怨比较多。\n", "儿童诊室"),
        ("复盘\n\n年轻船员流失比较多，一季走了五个人。\n", "年轻船员"),
        ("Debrief\n\nTwo shops did fine; the other three lagged badly.\n", "the other three"),
        ("Debrief\n\nThe livestream drew about 380 viewers, which was disappointing.\n", "livestream"),
    ],
)
def test_a_verdict_in_unheaded_prose_is_a_shortfall(note: str, found: str) -> None:
    doc = extract(note)
    assert found in texts(doc.shortfalls)
    assert found not in texts(doc.highlights)


def test_a_quantity_of_talk_is_no_shortfall() -> None:
    """ "损耗讨论得比较多" says what the meeting talked about, not that losses were many."""
    assert extract("复盘\n\n损耗这块讨论得比较多。\n").shortfalls == []


@pytest.mark.parametrize(
    ("note", "finding", "cause"),
    [
        (
            "复盘\n\n美中不足的是东片线路早高峰经常堵车。究其原因，是规划时用的是暑假的路况数据。\n",
            "东片线路",
            "暑假的路况数据",
        ),
        (
            "Debrief\n\nWhere we let ourselves down was the school bookings, only 22 of 40 groups came. "
            "The reason was that the booking form went out after schools had planned their term.\n",
            "school bookings",
            "booking form",
        ),
    ],
)
def test_the_reason_told_after_a_finding_is_its_cause(note: str, finding: str, cause: str) -> None:
    doc = extract(note)
    assert finding in texts(doc.shortfalls)
    assert cause not in texts(doc.shortfalls)
    assert any(cause in words(c) for c in doc.cause_chains)


@pytest.mark.parametrize(
    ("note", "lesson"),
    [
        ("复盘\n\n大家的共识是，基础设施的工期一定要在旺季之前留足余量。\n", "工期"),
        ("Debrief\n\nWhat we'll carry forward: check the spare parts list every August.\n", "spare parts"),
    ],
)
def test_a_shared_conclusion_is_a_lesson_not_a_task(note: str, lesson: str) -> None:
    doc = extract(note)
    assert lesson in texts(doc.lessons)
    assert lesson not in texts(doc.actions)


def test_a_finding_opened_with_one_more_point_keeps_only_its_words() -> None:
    doc = extract("复盘\n\n问题方面\n\n还有一点，儿童诊室的等候时间太长，家长抱怨比较多。\n")
    assert [s.text for s in doc.shortfalls] == ["儿童诊室的等候时间太长，家长抱怨比较多"]


@pytest.mark.parametrize(
    "said",
    [
        "那我来负责，下周五之前把套餐重新定价。",
        "就我来牵头吧，月底前出方案。",
        "So I'll take it, I'll reprice the combos by next Friday.",
    ],
)
def test_a_speaker_who_takes_the_task_owns_it(said: str) -> None:
    """ "那我来负责": the words before the verb are the speaker volunteering, not a name."""
    assert find_who(said, "刘强") == "刘强"
