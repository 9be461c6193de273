"""How a statement's kind is decided from its neighbours (zh, en): a statement joined on with "and", "而且"
in the same turn goes on with the list of what went well or wrong."""

from __future__ import annotations

import pytest

from tests.notes.extracting import extract, texts


@pytest.mark.parametrize(
    ("note", "joined"),
    [
        (
            "复盘\n参会：孙丽、老郑\n\n"
            "老郑：门店自提点做得很好，周末订单基本都走了自提。而且兼职学生管起了现场分拣。\n",
            "兼职学生",
        ),
        (
            "Retro\nAttendees: Hollie, Jon\n\n"
            "Jon: The pop-up desks in the halls were great, we fixed a lot before it became a ticket. "
            "And the student helpers, the second-years we trained, they ran the walk-in triage.\n",
            "student helpers",
        ),
    ],
)
def test_a_statement_joined_on_in_the_same_turn_goes_on_with_what_went_well(note: str, joined: str) -> None:
    assert joined in texts(extract(note).highlights)


@pytest.mark.parametrize(
    "note",
    [
        # another speaker's turn, or a question, is no part of the list
        "复盘\n参会：孙丽、老郑\n\n老郑：门店自提点做得很好，周末订单基本都走了自提。\n"
        "孙丽：而且我们下周要开会。\n",
        "Retro\nAttendees: Hollie, Jon\n\n"
        "Jon: The pop-up desks in the halls were great, we fixed a lot before it became a ticket. "
        "And the helpers, did they get paid?\n",
    ],
)
def test_another_turn_or_a_question_does_not_go_on_with_the_list(note: str) -> None:
    highlights = extract(note).highlights
    assert len(highlights) == 1, texts(highlights)


@pytest.mark.parametrize(
    ("note", "cause"),
    [
        (
            "复盘\n参会：欧阳敏、卢婷\n\n欧阳敏：原因说说。\n卢婷：排队长，是因为发车口只有一个人看。\n"
            "欧阳敏：二次消费低呢？\n卢婷：餐饮档口价格太高，游客都自己带吃的。\n",
            "价格太高",
        ),
        (
            "Retro\nAttendees: Hollie, Jon\n\nHollie: Why so slow?\n"
            "Jon: Because only the desk can reset MFA.\nHollie: And first-contact resolution?\n"
            "Jon: New agents. Half the desk started in September.\n",
            "New agents",
        ),
    ],
)
def test_an_answer_to_a_question_among_the_causes_is_a_cause(note: str, cause: str) -> None:
    told = [
        " ".join(filter(None, (c.phenomenon, c.surface_cause, c.root_cause)))
        for c in extract(note).cause_chains
    ]
    assert any(cause in t for t in told), told


@pytest.mark.parametrize(
    "note",
    [
        "复盘\n参会：欧阳敏、包小军\n\n欧阳敏：原因说说。\n包小军：排队长，是因为发车口只有一个人看。\n"
        "欧阳敏：这个占排队的多少？\n包小军：我看七成。\n",
        "Retro\nAttendees: Hollie, Jon\n\nHollie: Why so slow?\n"
        "Jon: Because only the desk can reset MFA.\nHollie: How much of it is that?\n"
        "Jon: I'd say two thirds.\n",
    ],
)
def test_an_answer_that_weighs_a_cause_is_no_cause_of_its_own(note: str) -> None:
    assert len(extract(note).cause_chains) == 1


@pytest.mark.parametrize(
    ("note", "name"),
    [
        (
            "Incident review\n\nWhat went wrong. Checkout failed for two hours. "
            "At 14:12 the gateway timed out. "
            "As a result, about 4,000 orders were affected. Engineers manually raised the pool size.\n",
            "note.md",
        ),
        (
            "支付故障复盘纪要\n\n不足方面，支付成功率没达标，故障持续了两个小时。14点12分网关开始超时。"
            "结果大约4000笔订单受影响。值班同学临时把连接池调到200。\n",
            "note.txt",
        ),
        (
            "1\n00:00:01,000 --> 00:00:05,000\n周建：不足呢？\n\n2\n00:00:05,000 --> 00:00:09,000\n"
            "老郑：支付成功率没达标。14点12分网关开始超时。结果大约4000笔订单受影响。\n",
            "note.srt",
        ),
    ],
)
def test_timeline_impact_and_recovery_told_after_an_announced_miss_are_no_shortfalls(
    note: str, name: str
) -> None:
    # a postmortem paragraph, a 纪要 paragraph, an SRT turn: only the miss itself is filed
    assert len(extract(note, name=name).shortfalls) == 1


@pytest.mark.parametrize(
    ("note", "name"),
    [
        (
            "WEBVTT\n\n00:00:01.000 --> 00:00:05.000\n<v Nora>What went well?\n\n"
            "00:00:05.000 --> 00:00:09.000\n<v Vikram>The in-app guide. "
            "Tickets about first-time setup dropped by about a third since we shipped it.\n",
            "n.vtt",
        ),
        (
            "Retro\nAttendees: Hannah, Diego\n\nHannah: What didn't go well.\n"
            "Diego: Riverside and the Central Station docks are empty by quarter past seven.\n",
            "n.txt",
        ),
    ],
)
def test_by_a_size_or_an_hour_is_no_deadline_and_makes_no_action(note: str, name: str) -> None:
    assert not extract(note, name=name).actions


@pytest.mark.parametrize(
    ("note", "what"),
    [
        ("复盘\n参会：李娜、老王\n\n李娜：话术库我来跟进，下周五前给初稿。\n", "话术库"),
        (
            "Retro\nAttendees: Hannah, Diego\n\nDiego: I'll rebuild the rebalancing plan by Friday.\n",
            "rebalancing",
        ),
    ],
)
def test_a_spoken_task_with_a_day_is_an_action(note: str, what: str) -> None:
    assert what in texts(extract(note).actions)


@pytest.mark.parametrize(
    ("note", "name"),
    [
        (
            "WEBVTT\n\n00:00:01.000 --> 00:00:05.000\n<v Hannah>Actions. Diego, the new plan by the 20th?\n\n"
            "00:00:05.000 --> 00:00:08.000\n<v Diego>Sure.\n\n"
            "00:00:08.000 --> 00:00:12.000\n"
            "<v Tom>Sounds like a plan. Right, Biscuit needs a walk. Bye all!\n",
            "n.vtt",
        ),
        (
            "复盘\n参会：陈海燕、刘强、小唐\n\n陈海燕：行动。刘强，排班方案下周一交给我。\n刘强：好的。\n"
            "小唐：那我得先去接孩子了，今天就到这。\n",
            "n.txt",
        ),
    ],
)
def test_what_a_goodbye_turn_says_beside_the_goodbye_is_no_action(note: str, name: str) -> None:
    assert len(extract(note, name=name).actions) == 1


@pytest.mark.parametrize(
    ("note", "what"),
    [
        (
            "Retro\nAttendees: Nora, Beth\n\nNora: Action items.\n"
            "Nora: And we will open the req for a second engineer. I'll own that, end of October. "
            "Thanks everyone.\n",
            "second engineer",
        ),
        (
            "复盘\n参会：陈海燕、刘强\n\n陈海燕：行动。\n刘强：排班表我重新做，下周一交给你。会议结束。\n",
            "排班表",
        ),
    ],
)
def test_a_task_handed_out_in_the_goodbye_turn_stays_an_action(note: str, what: str) -> None:
    assert what in texts(extract(note).actions)
