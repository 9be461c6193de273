"""Talk around the review is no item of it: short turns, what came before the meeting started, questions
that ask for a fact, things set aside, and "we'll be here till lunch" (zh and en)."""

from __future__ import annotations

import pytest

from coach.notes.followups import takes_it_on
from tests.notes.extracting import extract, texts


@pytest.mark.parametrize(
    "note",
    [
        "复盘\n参会：孙丽、老郑、周建\n\n孙丽：不足，最头疼的是报损，每天晚上剩一堆面包。\n周建：我接着老郑说。\n",
        "Retro\nAttendees: Hannah, Diego, Tom\n\n"
        "Hannah: What didn't go well. Stations were empty every morning.\n"
        "Tom: No idea.\n",
    ],
)
def test_a_short_turn_under_what_went_wrong_is_talk_not_a_shortfall(note: str) -> None:
    assert len(extract(note).shortfalls) == 1


@pytest.mark.parametrize(
    ("note", "cause"),
    [
        (
            "复盘\n参会：孙丽、老郑\n\n孙丽：不足，最头疼的是报损。\n老郑：表面上是晚上打折太晚，八点以后才能打折。\n",
            "打折太晚",
        ),
        (
            "Retro\nAttendees: Hannah, Diego\n\n"
            "Hannah: What didn't go well. Stations were empty every morning.\n"
            "Diego: On the surface it's simple, the trucks get there too late.\n",
            "too late",
        ),
    ],
)
def test_a_surface_cause_under_what_went_wrong_is_a_cause(note: str, cause: str) -> None:
    doc = extract(note)
    assert any(cause in (c.surface_cause or "") for c in doc.cause_chains)
    assert cause not in texts(doc.shortfalls)


@pytest.mark.parametrize(
    "note",
    [
        "中心月度复盘\n\n人是陆陆续续到的，手术室那边有一台拖了点。十二点四十正式开始。\n\n"
        "## 不足\n- 取消率高\n",
        "Quarterly retro\n\nHalf the team was late from the offsite, "
        "so we started with ten minutes of photos "
        "before getting to the numbers.\n\n## What went wrong\n- Conversion fell\n",
    ],
)
def test_what_a_paragraph_tells_before_the_meeting_starts_is_no_item(note: str) -> None:
    doc = extract(note)
    assert len(doc.shortfalls) == 1 and not doc.actions


@pytest.mark.parametrize(
    "note",
    [
        "复盘\n\n## 行动\n- 研发招一个人，老周负责，6月底前到岗\n"
        "- 停车场的事不列入这次行动\n- 林姐这边不用动作\n",
        "Retro\n\n## Actions\n- Hire a developer, Tom, by June 30\n"
        "- The parking lot is no action for this review\n",
    ],
)
def test_what_a_note_sets_aside_is_no_action(note: str) -> None:
    assert len(extract(note).actions) == 1


@pytest.mark.parametrize(
    "note",
    [
        "复盘\n参会：王总、张强\n\n王总：张强，空站主要是早上，对吧？\n张强：对。\n",
        "Retro\nAttendees: Hannah, Diego\n\nHannah: Diego, the empty stations are mostly mornings, right?\n"
        "Diego: Yeah.\n",
    ],
)
def test_a_question_that_asks_for_a_fact_hands_out_no_task(note: str) -> None:
    assert extract(note).actions == []


def test_saying_where_we_will_be_is_no_commitment() -> None:
    note = "Retro\nAttendees: Hannah, Tom\n\nHannah: Let's not start on that or we'll be here till lunch.\n"
    assert extract(note).actions == []


@pytest.mark.parametrize(
    "note",
    [
        "复盘\n参会：孙丽、周建\n\n孙丽：不足，最头疼的是报损。\n周建：根子上是订货配额定死了。\n"
        "周建：剩下的是临期打折晚、个别品类做多了。\n",
        "Retro\nAttendees: Hannah, Diego\n\n"
        "Hannah: What didn't go well. Stations were empty every morning.\n"
        "Diego: The root cause is the outdated rebalancing plan.\n"
        "Diego: The rest is weather days and events.\n",
    ],
)
def test_a_remark_on_the_rest_of_the_causes_is_no_shortfall_and_no_cause(note: str) -> None:
    doc = extract(note)
    assert len(doc.shortfalls) == 1 and len(doc.cause_chains) == 1


@pytest.mark.parametrize(
    "note",
    [
        "复盘\n\n中间有人说起停车场，家属老是找不到车位，这个不归中心管，大家说了几句就没有再展开。\n\n"
        "## 不足\n- 取消率高\n",
        "Retro\n\nSomeone mentioned the parking lot being full again; it was not discussed further.\n\n"
        "## What went wrong\n- Cancellations were high\n",
    ],
)
def test_a_topic_dropped_in_the_meeting_is_no_item(note: str) -> None:
    assert len(extract(note).shortfalls) == 1


@pytest.mark.parametrize(
    "note",
    [
        "复盘\n\n## 下一步\n关键改进如下。我们将给接入服务加按司机限流，阿曼达负责，下周五前。\n",
        "Report\n\n## What we are changing\n"
        "Key improvements are the following. We will add a per-driver rate "
        "limit to the ingestion service by next Friday; Amara owns this.\n",
    ],
)
def test_a_sentence_announcing_the_list_of_improvements_is_no_action(note: str) -> None:
    assert len(extract(note).actions) == 1


@pytest.mark.parametrize(
    "note",
    [
        "复盘\n参会：汉娜、迪戈\n\n汉娜：行动。路线优化试点这个季度重启。\n汉娜：就 Q4 吧，负责人待定。\n",
        "Retro\nAttendees: Hannah, Diego\n\n"
        "Hannah: Actions. We restart the route optimisation pilot this quarter.\n"
        "Hannah: Let's say in Q4, owner to be decided.\n",
    ],
)
def test_a_date_with_no_owner_yet_goes_to_the_task_just_named(note: str) -> None:
    actions = extract(note).actions
    assert len(actions) == 1 and actions[0].who is None


@pytest.mark.parametrize(
    ("note", "owner"),
    [
        (
            "复盘\n参会：马洪涛、严红\n\n马洪涛：行动。车流预测排班的方案，严红你来？\n"
            "严红：可以，我来吧，11月20日前把方案拿出来。\n",
            "严红",
        ),
        (
            "Retro\nAttendees: Maeve, Kwame\n\nMaeve: Actions. The pre-arrival inspection checklist, Kwame?\n"
            "Kwame: Sure, I can have a draft by next Friday.\n",
            "Kwame",
        ),
    ],
)
def test_a_task_named_then_handed_to_someone_who_accepts_is_theirs(note: str, owner: str) -> None:
    actions = extract(note).actions
    assert len(actions) == 1 and actions[0].who == owner and actions[0].when is not None


@pytest.mark.parametrize(
    ("note", "owner"),
    [
        (
            "复盘\n参会：马洪涛、许文斌\n\n马洪涛：行动。运维合同里加响应时限，要跟外包谈。\n许文斌：算我的，月底前谈下来。\n",
            "许文斌",
        ),
        (
            "Retro\nAttendees: Maeve, Kwame\n\n"
            "Maeve: Actions. Someone needs to renegotiate the call-out contract.\n"
            "Kwame: That's me, by the end of the month.\n",
            "Kwame",
        ),
    ],
)
def test_taking_the_task_just_named_is_no_task_of_its_own(note: str, owner: str) -> None:
    actions = extract(note).actions
    assert len(actions) == 1 and actions[0].who == owner


@pytest.mark.parametrize(
    "note",
    [
        "复盘\n\n下一步我们要做这几件事。考核方案由周婷牵头，12月20日前出稿。冷柜更换由马骏负责，12月底前完成。\n",
        "Retro\n\nHere is what we will do. The scorecard draft is led by Tina, due December 20. "
        "The fridge replacement is led by Mark, due December 31.\n",
    ],
)
def test_a_sentence_announcing_the_work_opens_the_actions_of_its_paragraph(note: str) -> None:
    assert len(extract(note).actions) == 2


@pytest.mark.parametrize(
    "note",
    [
        "复盘\n参会：安娜、小陈\n\n安娜：行动。连接池监控，小陈负责，下周五前。\n小陈：我这边没有了，我只是来顶班的。\n",
        "Retro\nAttendees: Anna, Ollie\n\nAnna: Actions. Pool monitoring, Ollie owns it, by next Friday.\n"
        "Ollie: No, nothing from me, I was just covering reception.\n",
    ],
)
def test_saying_one_has_nothing_to_add_is_no_action(note: str) -> None:
    assert len(extract(note).actions) == 1


@pytest.mark.parametrize(
    "note",
    [
        "复盘\n参会：马洪涛、陈老师\n\n马洪涛：亮点。特产专柜卖得很好。\n"
        "陈老师：我是公司派下来调研的，今天就是听一听，不参与讨论。\n马洪涛：欢迎陈老师。\n",
        "Retro\nAttendees: Maeve, Chen\n\nMaeve: What went well. The key collection slots worked.\n"
        "Chen: I'm from head office, just here to listen.\nMaeve: Welcome, Chen.\n",
    ],
)
def test_an_observer_saying_they_only_listen_and_a_welcome_are_no_items(note: str) -> None:
    doc = extract(note)
    assert len(doc.highlights) == 1 and not doc.shortfalls


@pytest.mark.parametrize(
    "note",
    [
        "事件报告\n\n处理过程略。\n\n也不是都不好。订单校验守住了，没有一笔重复扣款。我们要感谢客服的王敏，周六早上写好了回复模板。\n",
        "Incident report\n\nNot everything went badly. The order-integrity checks held, and no slot was "
        "double-booked. We would like to thank Morgan Blake, who wrote the reply template on a Saturday.\n",
    ],
)
def test_not_everything_went_badly_opens_what_went_well_and_thanks_are_no_item(note: str) -> None:
    highlights = extract(note).highlights
    assert len(highlights) == 1 and ("校验" in highlights[0].text or "integrity" in highlights[0].text)


@pytest.mark.parametrize(
    "lines",
    [
        [
            "欧阳敏：经验。电音夜场继续做。",
            "卢婷：餐饮定价要优化一下。",
            "欧阳敏：对，加上。",
            "欧阳敏：行动。救生员编制标准重新定，包小军负责，9月底前。",
            "欧阳敏：平价套餐让老郭做方案，两周内。",
            "欧阳敏：我会后跟他说。",
            "欧阳敏：就这样，散会。",
            "小费：好嘞，我把空调关了，下周一前记得交电费。",
        ],
        [
            "Hollie: Lessons. Keep the pop-up desks.",
            "Priscilla: I'd add: optimise the walk-in queue.",
            "Hollie: Right, add that.",
            "Hollie: Actions. Jon owns the knowledge base drill, within two weeks.",
            "Hollie: The queue ticket system is Marcus's, due end of November.",
            "Jon: I'll tell him.",
            "Hollie: OK, that's a wrap.",
            "Rafael: I'll book the room for the party by Friday.",
        ],
    ],
)
def test_passing_a_task_on_agreeing_and_talk_after_the_close_are_no_items(lines: list[str]) -> None:
    doc = extract("\n".join(lines) + "\n", name="t.txt")
    assert len(doc.actions) == 2
    assert len(doc.lessons) == 2


@pytest.mark.parametrize(
    "note",
    [
        # what the note says it leaves out of the minutes, under the actions of a 纪要 in paragraphs
        "复盘纪要\n\n五、下一步\n大货抽检流程，品控许蕾负责，12月5日前出来。\n\n会后大家去楼下吃了火锅，不在纪要里。\n",
        "Retro notes\n\n## Actions\n- Rewrite the returns script, Tom, by June 30\n\n"
        "Afterwards we all went for pizza, not for the minutes.\n",
        # a guest's praise of the meeting after the actions of a transcript
        "钱国栋：行动。检测机加密码锁定，周凯，下周五前。\n周凯：没问题。\n"
        "钱国栋：谢老师还有什么指导？\n谢老师：没有，你们这个会开得很实在。\n",
        "Crew retro\nAttendees: Nadia, Carla, Rhys\n\n"
        "Nadia: Actions. Re-base the block times, Carla, by June 6.\nCarla: Yes.\n"
        "Rhys: Great meeting, thanks.\n",
    ],
)
def test_what_is_left_out_of_the_minutes_and_praise_of_the_meeting_are_no_action(note: str) -> None:
    assert len(extract(note).actions) == 1


@pytest.mark.parametrize(
    "note",
    [
        # a task about the meetings themselves is still a task (another style: a plain list)
        "复盘\n\n## 行动\n- 周会开得太长，改成30分钟，老周负责，6月底前\n",
        "Retro\n\n## Actions\n- Make the weekly meeting shorter, Tom, by June 30\n",
    ],
)
def test_a_task_about_the_meetings_is_still_an_action(note: str) -> None:
    assert len(extract(note).actions) == 1


@pytest.mark.parametrize(
    ("note", "what", "owner"),
    [
        # the addressee takes the task on with a date and no "yes": the task is what they were asked
        (
            "复盘\n参会：马洪涛、许文斌\n\n马洪涛：行动。许文斌，充电桩的运维合同？\n许文斌：我下周五前交。\n",
            "运维合同",
            "许文斌",
        ),
        (
            "Retro\nAttendees: Nadia, Ben\n\nNadia: Actions. Ben, the standby pool paper for the ops board?\n"
            "Ben: I'll have it in by next Friday.\n",
            "standby pool paper",
            "Ben",
        ),
    ],
)
def test_taking_the_asked_task_on_with_a_date_makes_it_theirs(note: str, what: str, owner: str) -> None:
    actions = extract(note).actions
    assert len(actions) == 1 and what in actions[0].what and actions[0].who == owner
    assert actions[0].when is not None


@pytest.mark.parametrize(
    ("reply", "takes"),
    [
        ("我下周五前交。", True),
        ("I'll have it in by next Friday.", True),
        # an opinion, a refusal, or no date: nothing taken on (another style: a terse answer)
        ("我觉得下周五前不行。", False),
        ("I can't do it by next Friday.", False),
        ("I'll think about it.", False),
        ("By Friday.", False),
    ],
)
def test_a_reply_takes_the_task_on_with_a_date_not_with_an_opinion_or_a_refusal(
    reply: str, takes: bool
) -> None:
    assert takes_it_on(reply) is takes


@pytest.mark.parametrize(
    ("note", "task", "owner"),
    [
        # a hand-off naming the task in words of its own joins the earlier task with its owner and date
        (
            "Incident report\n\nTwo key improvements identified are adding every approved hardware variant "
            "to the firmware test lab, and changing the rollout pause rule. Lina Okafor owns the test lab "
            "change, due by the end of September.\n",
            "hardware variant",
            "Lina Okafor",
        ),
        (
            "Incident report\n\nGoing forward, exam-day traffic will run on its own cache cluster; "
            "Tomasz Nowak owns the migration, to be completed by December 15.\n",
            "own cache cluster",
            "Tomasz Nowak",
        ),
        (
            "故障复盘\n\n## 行动\n我们要把所有批准的硬件型号加进固件测试实验室。"
            "测试实验室改造由林娜负责，9月底前完成。\n",
            "硬件型号",
            "林娜",
        ),
    ],
)
def test_a_hand_off_naming_the_task_joins_it(note: str, task: str, owner: str) -> None:
    actions = extract(note).actions
    joined = [a for a in actions if task in a.what]
    assert len(joined) == 1 and joined[0].who == owner and joined[0].when is not None
    assert not any(owner in a.what and task not in a.what for a in actions)


@pytest.mark.parametrize(
    "note",
    [
        # a hand-off of a task not named before stays a task of its own (another style: a list of actions)
        "Retro\n\n## Actions\n- Rewrite the returns script, by June 30\n"
        "- Lina Okafor owns the vendor contract renewal, due June 15\n",
        "复盘\n\n## 行动\n- 退货话术重写，6月30日前\n- 供应商合同续签由林娜负责，6月15日前\n",
    ],
)
def test_a_hand_off_of_a_new_task_stays_its_own(note: str) -> None:
    actions = extract(note).actions
    assert len(actions) == 2 and actions[0].who is None


@pytest.mark.parametrize(
    ("note", "day"),
    [
        # "by" in the task's own words ("by time window", "by store and day") names no deadline: the date of
        # the hand-off after it dates the task
        (
            "Incident report\n\nKey improvements are the following. We will shard slot reservations by time "
            "window instead of by store and day; Aiko Tan owns this, due December 18.\n",
            "2026-12-18",
        ),
        ("故障复盘\n\n## 行动\n时段预约改成按时间窗分片；这件事由陈爱子负责，12月18日前。\n", "2026-12-18"),
    ],
)
def test_by_in_the_tasks_own_words_leaves_the_hand_offs_date(note: str, day: str) -> None:
    actions = extract(note).actions
    assert len(actions) == 1 and actions[0].when is not None and actions[0].when.isoformat() == day


@pytest.mark.parametrize(
    ("note", "owner", "day"),
    [
        # "Yes, I'll take that." then "By the end of October.": the date said on its own dates the task
        (
            "Retro\nAttendees: Maeve, Priscilla\n\nMaeve: Actions. Priscilla, can you get a shared calendar "
            "agreed with the conference office?\nPriscilla: Yes, I'll take that. By the end of October.\n",
            "Priscilla",
            "2026-10-31",
        ),
        (
            "复盘\n参会：马洪涛、许文斌\n\n马洪涛：行动。许文斌，运维合同能跟外包谈一下吗？\n许文斌：好，我来。月底前。\n",
            "许文斌",
            "2026-05-31",
        ),
        # the period a task is for ("for next year") is no deadline; the date its owner gives is
        (
            "Retro\nAttendees: Maeve, Kwame\n\nMaeve: Actions. Kwame, the pre-arrival inspection checklist "
            "for next year?\nKwame: Sure, I can have a draft by next Friday.\n",
            "Kwame",
            "2026-05-22",
        ),
        (
            "复盘\n参会：马洪涛、葛佳\n\n马洪涛：行动。葛佳，明年的开园检查清单？\n葛佳：可以，我下周五前出初稿。\n",
            "葛佳",
            "2026-05-22",
        ),
    ],
)
def test_the_date_the_owner_gives_dates_the_task(note: str, owner: str, day: str) -> None:
    actions = extract(note).actions
    assert [(a.who, a.when.isoformat() if a.when else None) for a in actions] == [(owner, day)]


def test_a_date_said_with_more_words_is_not_a_date_alone() -> None:
    # another style: a reply that goes on after the date gives no date on its own
    from coach.notes.followups import _only_a_deadline

    assert _only_a_deadline("By the end of October.") and _only_a_deadline("月底前。")
    assert not _only_a_deadline("By the end of October, but I need help from IT.")
    assert not _only_a_deadline("月底前估计不行。")


@pytest.mark.parametrize(
    "note",
    [
        "[00:04:30] 晏伟：行动。\n[00:04:35] 晏伟：马丁，感谢参加。\n",
        "[00:04:30] Helen: Actions.\n[00:04:35] Helen: Good. Pete, thanks for joining.\n",
    ],
)
def test_thanks_for_joining_is_no_action(note: str) -> None:
    assert extract(note, name="note.txt").actions == []


@pytest.mark.parametrize(
    "note",
    [
        "[00:00:30] 覃海：开会前汤总说了一句，中秋的礼盒今年卖得不错，这个不展开。\n",
        "[00:00:30] Mia: The gift boxes sold really well this year, but I won't go into that.\n",
    ],
)
def test_a_remark_the_meeting_sets_aside_is_no_highlight(note: str) -> None:
    assert extract(note, name="note.txt").highlights == []


def _vtt(*turns: tuple[str, str]) -> str:
    cues = [
        f"00:00:{2 * n:02d}.000 --> 00:00:{2 * n + 1:02d}.000\n<v {who}>{said}"
        for n, (who, said) in enumerate(turns)
    ]
    return "WEBVTT\n\n" + "\n\n".join(cues) + "\n"


@pytest.mark.parametrize(
    "turns",
    [
        (
            ("郑敏", "好。经验：话务预测要每月更新。"),
            ("郑敏", "老高，预测表你下周五前弄好？"),
            ("老高", "行，没问题。"),
            ("郑敏", "好的，辛苦大家了。"),
        ),
        (
            ("Hannah", "Agreed. Lesson: every recurring task needs a named owner."),
            ("Hannah", "Omar, can you set up the rota by next Friday?"),
            ("Omar", "Yes, will do."),
            ("Hannah", "Great, thanks all."),
        ),
    ],
)
def test_a_closing_thank_you_is_no_lesson(turns: tuple[tuple[str, str], ...]) -> None:
    assert len(extract(_vtt(*turns), name="call.vtt").lessons) == 1


@pytest.mark.parametrize(
    "note",
    [
        "# Review\n\n## Why\n\nTom: nobody is responsible for checking the measuring kit. "
        "That's the root of it.\n\nMarek agreed.\n",
        "# 复盘\n\n## 原因\n\n说到底是没有人负责检查测量设备，这是根子。\n\n简总也同意。\n",
    ],
)
def test_a_note_that_someone_agreed_is_no_cause(note: str) -> None:
    chains = extract(note).cause_chains
    assert len(chains) == 1
    assert "agreed" not in chains[0].phenomenon and "同意" not in chains[0].phenomenon
