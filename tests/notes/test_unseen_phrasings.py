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


TALK = (
    "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v {a}>{first}\n\n"
    "00:00:05.000 --> 00:00:09.000\n<v {b}>{then}\n"
)


@pytest.mark.parametrize(
    ("a", "b", "first", "then", "phenomenon"),
    [
        (
            "陈静",
            "刘强",
            "卖品只有二十八万，差得挺多。",
            "卖品为什么差，我觉得主要是套餐价格定高了。",
            "卖品差",
        ),
        (
            "Dana",
            "Tom",
            "Merch only made 28k, far below target.",
            "Merch sales were low, I think mainly because the combos were priced too high.",
            "Merch sales were low",
        ),
    ],
)
def test_the_speakers_i_think_is_not_part_of_what_was_seen(
    a: str, b: str, first: str, then: str, phenomenon: str
) -> None:
    doc = extract(TALK.format(a=a, b=b, first=first, then=then), name="call.vtt")
    assert [c.phenomenon for c in doc.cause_chains] == [phenomenon]


@pytest.mark.parametrize(
    ("said", "owner"),
    [
        ("检票的事情交给小周，三月底前增加一个自助检票口。", "小周"),
        ("Hand the gate queue to Zhou, he adds a self-service gate by the end of March.", "Zhou"),
        ("Give it to Marta, by Friday.", "Marta"),
    ],
)
def test_work_handed_to_someone_is_theirs(said: str, owner: str) -> None:
    assert find_who(said, "陈静") == owner


def test_work_handed_over_in_a_call_is_a_task() -> None:
    talk = TALK.format(
        a="陈静", b="刘强", first="检票口排队太长。", then="检票的事情交给小周，三月底前加一个自助检票口。"
    )
    assert [a.who for a in extract(talk, name="call.vtt").actions] == ["小周"]


@pytest.mark.parametrize(
    ("first", "then", "found"),
    [
        ("票房超了目标。", "还有一个问题，高峰期检票口排队太长，有观众错过了开场。", "检票口排队太长"),
        (
            "Box office beat the target.",
            "Another problem was the queue at the gate, people missed the start.",
            "queue at the gate",
        ),
    ],
)
def test_another_problem_named_in_a_call_is_a_shortfall(first: str, then: str, found: str) -> None:
    doc = extract(TALK.format(a="陈静", b="刘强", first=first, then=then), name="call.vtt")
    assert found in texts(doc.shortfalls)


def test_one_more_question_to_ask_is_no_shortfall() -> None:
    talk = TALK.format(
        a="陈静", b="刘强", first="票房超了目标。", then="还有一个问题想请教大家，明年预售要不要更早？"
    )
    assert extract(talk, name="call.vtt").shortfalls == []


@pytest.mark.parametrize(
    ("note", "found"),
    [
        (
            "小结\n\n但是有两件事我们必须正视。一是报修响应太慢，平均六个小时才有人上门；"
            "二是3号楼的管道爆了一次，停暖了一天。\n",
            "报修响应太慢",
        ),
        (
            "Look back\n\nNot everything landed. Teen uptake was poor, 60 teens against a hoped-for 200. "
            "The Eastfield branch ran out of passports in week two.\n",
            "ran out of passports",
        ),
    ],
)
def test_an_announced_set_of_problems_is_shortfalls_not_a_lesson(note: str, found: str) -> None:
    doc = extract(note)
    assert found in texts(doc.shortfalls)
    assert "正视" not in texts(doc.lessons)
    assert "landed" not in texts(doc.lessons + doc.shortfalls)


@pytest.mark.parametrize(
    ("note", "cause"),
    [
        (
            "小结\n\n但是有两件事我们必须正视。一是报修响应太慢，业主意见很大。报修慢主要是夜里只有一个人值班。\n",
            "只有一个人值班",
        ),
        (
            "Look back\n\nWhere we let ourselves down was repairs, six hours on average to reach a flat. "
            "The reason is that only one person was on call at night.\n",
            "only one person",
        ),
    ],
)
def test_the_finding_named_again_with_its_reason_is_a_cause(note: str, cause: str) -> None:
    doc = extract(note)
    assert cause not in texts(doc.shortfalls)
    assert any(cause in words(c) for c in doc.cause_chains)


@pytest.mark.parametrize(
    ("note", "found"),
    [
        ("小结\n\n室温达标率98%，比去年的93%好了不少。\n", "室温达标率"),
        (
            "Look back\n\nThe sticker passport kept kids coming back, and it was the best idea we had.\n",
            "sticker passport",
        ),
    ],
)
def test_better_than_last_time_said_plainly_is_a_highlight(note: str, found: str) -> None:
    assert found in texts(extract(note).highlights)


@pytest.mark.parametrize(
    ("note", "found"),
    [
        (
            "复盘\n\n不太顺的地方也有。第一，线上和线下订房撞单了两次，倒贴了一千多。"
            "第二，停车位太少，客人被贴了罚单。\n",
            "停车位太少",
        ),
        (
            "Post-mortem\n\nWhere it fell apart was Saturday: the rugby final was on the same evening, "
            "something nobody checked when we booked the hall.\n",
            "rugby final",
        ),
    ],
)
def test_where_it_did_not_go_smoothly_opens_the_shortfalls(note: str, found: str) -> None:
    doc = extract(note)
    assert found in texts(doc.shortfalls)
    assert found not in texts(doc.highlights)


@pytest.mark.parametrize(
    ("asked", "reply", "what"),
    [
        ("刘强你能不能在8月1日前把秋季推广方案写出来？", "没问题，我来", "在8月1日前把秋季推广方案写出来"),
        ("刘强，你能不能在8月1日前把秋季推广方案写出来？", "没问题，我来", "在8月1日前把秋季推广方案写出来"),
        (
            "Sam can you draft the autumn promo plan by 1 August?",
            "sure",
            "draft the autumn promo plan by 1 August",
        ),
    ],
)
def test_a_task_asked_of_someone_in_a_chat_is_theirs_once_they_agree(
    asked: str, reply: str, what: str
) -> None:
    """In a chat the comma after the name is often left out; "你能不能…" asks, it does not say "cannot"."""
    asker, owner = ("陈静", "刘强") if "刘强" in asked else ("Priya", "Sam")
    chat = f"{asker}: 复盘\n{owner}: 票卖超了\n{asker}: {asked}\n{owner}: {reply}\n"
    actions = extract(chat, name="chat.txt").actions
    assert [(a.what, a.who) for a in actions] == [(what, owner)]
