"""A pasted meeting transcript read as the messages the team lead would have typed, zh and en."""

from __future__ import annotations

import pytest

from coach.domain.reading.blocks import opens
from coach.domain.reading.transcript import messages, read_transcript
from coach.domain.reading.turn_parts import is_room_talk

ZH = """会议记录如下：
[09:00] 主管王强：周末大家玩得开心吗？
[09:01] 小李：还行，累死了。
[09:02] 王强：说正事。三月的回款目标800万，实际650万。
[09:03] 王强：亮点呢？
[09:04] 小李：新客户签约快，合同模板统一了。
[09:05] 王强：回款为什么慢？
[09:06] 小李：客户验收拖着不签。
[09:07] 赵敏：根因是合同里没写验收期限，占六成。
[09:08] 王强：行动：小李负责改合同模板，4月15日前。
[09:09] 赵敏：我这周没法接新任务。
[09:10] 王强：好，散会。"""

EN = """Notes from the sync:
Dana: Anyone watch the game?
Raj: Sadly yes.
Dana: Okay. Signups target 500, we got 420.
Dana: What went well: the referral banner.
Dana: Action items.
Raj: I'll rewrite the onboarding emails by May 10.
Kim: I can't take anything, I'm out next week.
Dana: Sure, by May 10, yes."""


WHY_ASKED_EN = """Ana: Backlog target under 200, actual 340.
Ana: Why did the backlog grow?
Ben: A release broke SSO logins.
Cara: Root cause is no SSO regression tests, 70%.
Ana: Action items.
Cara: I'll add SSO tests to CI by April 30.
Ana: Great, see you next week."""


def _said(text: str) -> list[str]:
    """The messages a transcript is read as; none when it is no transcript."""
    return messages(read_transcript(text) or [])


@pytest.mark.parametrize(
    ("text", "speakers"), [(ZH, ["王强", "小李", "王强"]), (EN, ["Dana", "Raj", "Dana"])]
)
def test_speakers_and_timestamps_are_read(text: str, speakers: list[str]) -> None:
    spoken = read_transcript(text)
    assert spoken is not None and [s.speaker for s in spoken[:3]] == speakers


@pytest.mark.parametrize(
    "text",
    [
        "现象：排队长\n表因：窗口少\n根因：排班死板\n占比：七成",
        "Phenomenon: queues\nRoot cause: rota\nShare: 70%",
    ],
)
def test_a_list_is_no_transcript(text: str) -> None:
    assert read_transcript(text) is None


@pytest.mark.parametrize(
    ("text", "expected", "left_out"),
    [
        (
            ZH,
            [
                "三月的回款目标800万，实际650万。",
                "亮点：新客户签约快，合同模板统一了。",
                "挖回款：客户验收拖着不签。根因是合同里没写验收期限，占六成。",
                "行动：小李负责改合同模板，4月15日前。",
            ],
            ["周末", "散会", "没法接"],
        ),
        (
            EN,
            [
                "Signups target 500, we got 420.",
                "What went well: the referral banner.",
                "Action items: Raj will rewrite the onboarding emails by May 10.",
            ],
            ["game", "Kim"],
        ),
        (
            WHY_ASKED_EN,
            [
                "Backlog target under 200, actual 340.",
                "Dig into the backlog grow: A release broke SSO logins. "
                "Root cause is no SSO regression tests, 70%.",
                "Action items: Cara will add SSO tests to CI by April 30.",
            ],
            ["see you"],
        ),
    ],
)
def test_small_talk_and_goodbyes_are_left_out_a_question_gives_its_words_and_the_speaker_owns_what_they_take(
    text: str, expected: list[str], left_out: list[str]
) -> None:
    said = _said(text)
    assert said == expected
    assert not any(word in s for s in said for word in left_out)


@pytest.mark.parametrize(
    ("text", "head"),
    [
        (
            "主持人老郑：人齐了吧？\n小刘：齐了。\n老郑：行动项。小刘，周报模板5月20日前上线；孙强，巡检表下周三前改完。\n小刘：好的。",
            "行动项：",
        ),
        (
            "Dana: Everyone here?\nSam: Yes.\n"
            "Dana: Action items. Sam, the runbook by May 20; Lee, the alert review by June 3.\nSam: Sure.",
            "Action items: ",
        ),
    ],
)
def test_a_list_headed_with_a_full_stop_is_read_as_that_list(text: str, head: str) -> None:
    spoken = read_transcript(text)
    assert spoken is not None
    said = messages(spoken)
    assert len(said) == 1 and said[0].startswith(head)


@pytest.mark.parametrize(
    ("text", "tasks", "left_out"),
    [
        # the tasks people take after an action list is opened go on the list
        pytest.param(
            "[00:14] Claire: Actions. Amira, SMS reminders live by July 10?\n"
            "[00:14] Amira: July 10 works.\n"
            "[00:15] Dev: I'll build the rebooking call list, two weeks from today.\n"
            "[00:16] Claire: And I'll take the Saturday booking window change, by end of June.\n"
            "[00:16] Hollis: Just listening in, nothing from me.\n",
            ["Amira", "Dev will build", "Claire will take"],
            ["Hollis", "works"],
            id="after-the-list-opens-en",
        ),
        pytest.param(
            "[10:00] 王强：行动项。小李，周报模板下周五前改好？\n"
            "[10:01] 小李：可以，下周五。\n"
            "[10:02] 小张：我来整理客户名单，月底前。\n"
            "[10:03] 老陈：我旁听，不接任务。\n"
            "[10:04] 王强：小李也把上月的数据补上，下周三前。\n",
            ["小李", "小张来整理"],
            ["老陈"],
            id="after-the-list-opens-zh",
        ),
        # a task asked of someone is theirs when they agree with a date; "that's me" is the speaker
        pytest.param(
            "00:03:50 Claire: Actions. Ben, can you take the standby pool?\n"
            "00:03:53 Ben: Yes, by the 20th. I'll need budget for four carers.\n"
            "00:03:58 Claire: Fine. Asha, the rota bug, can you get the vendor to commit to a fix date?\n"
            "00:04:02 Asha: Sure, I'll have an answer by next Wednesday.\n"
            "00:04:10 Claire: Travel time into the rota for the north rounds, that's me, end of November.\n"
            "00:04:15 Ngozi: I'm just here to take the minutes, nothing from me.\n",
            [
                "Ben, take the standby pool, by the 20th",
                "Asha, the rota bug, get the vendor to commit to a fix date, by next Wednesday",
                "north rounds, owner Claire, end of November",
            ],
            ["budget", "Ngozi", "can you"],
            id="asked-and-agreed-en",
        ),
        pytest.param(
            "[10:00] 王强：行动项。阿杰，退货流程你能跟一下吗？\n"
            "[10:01] 阿杰：好的，月底前。\n"
            "[10:02] 王强：小李，客服话术你来改吗？\n"
            "[10:03] 小李：我这周没法接。\n"
            "[10:04] 王强：北区路线的事算我的，下周五前。\n",
            ["阿杰，退货流程跟一下，月底前", "北区路线的事负责人王强，下周五前"],
            ["小李", "话术"],
            id="asked-and-agreed-zh",
        ),
        # a task named before the person, or asked of anyone, goes to who takes it
        pytest.param(
            "[10:00] 罗敏：好。行动，按面料分流的工艺标准谁来？\n"
            "[10:01] 周海：我来吧，月底前出第一版。\n"
            "[10:02] 罗敏：收衣拍照存档，苏晴你牵头？\n"
            "[10:03] 苏晴：行，算我的，12月10日前。\n"
            "[10:04] 罗敏：对账流程，老王你跟一下？\n"
            "[10:05] 苏晴：老王不在，我替他记一下。\n"
            "[10:06] 罗敏：我这边跟工厂把每周对单定下来，下周一开始。陈姐你有要补充的吗？\n"
            "[10:07] 陈姐：没有，我就听听。\n",
            ["周海，按面料分流的工艺标准，月底前", "苏晴，收衣拍照存档，12月10日前", "罗敏负责跟工厂"],
            ["老王", "对账", "陈姐", "就听听"],
            id="named-before-the-person-zh",
        ),
        pytest.param(
            "[09:09] Dana: OK, actions. Tariq, can you redo the staffing model?\n"
            "[09:09] Tariq: Yep. Give me till the 16th.\n"
            "[09:10] Dana: Supervisor app, Lucy?\n"
            "[09:10] Lucy: I'll take it. End of October.\n"
            "[09:10] Dana: The dispensers, who talks to the supplier?\n"
            "[09:11] Mike: That's mine, I'll have them swapped by next Friday.\n"
            "[09:11] Dana: Graham, anything from finance?\n"
            "[09:11] Graham: No, I'm just here for the numbers. Back by Monday.\n",
            [
                "Tariq, redo the staffing model, by the 16th",
                "Lucy, Supervisor app, End of October",
                "Mike, The dispensers",
            ],
            ["Graham", "numbers"],
            id="named-before-the-person-en",
        ),
        # a task asked before anyone is named goes to who takes it; a task handed over is theirs
        pytest.param(
            "[09:22] 周磊：行动项。跟货运平台对接呢？小刘？\n"
            "[09:23] 刘洋：我来吧，本月底前签完。\n"
            "[09:24] 周磊：城东客户固定收货窗口，马超你跟一下，两周后给我结果。\n"
            "[09:24] 马超：好的。\n"
            "[09:25] 周磊：还有别的呢？\n"
            "[09:25] 钱琳：我来说一句，下周一前报销单要交。\n",
            ["刘洋，跟货运平台对接，本月底前", "马超，城东客户固定收货窗口，两周后给我结果"],
            ["小刘", "别的", "报销"],
            id="asked-before-anyone-named-zh",
        ),
        pytest.param(
            "[09:22] Dana: Actions. And the supplier contract? Sam?\n"
            "[09:23] Lee: I'll take it, by June 30.\n"
            "[09:24] Dana: The depot rota, Kim you own it, by next Friday.\n"
            "[09:24] Kim: Fine.\n"
            "[09:25] Dana: And anything else?\n"
            "[09:25] Sam: Not from me, I'm off next week.\n",
            ["Lee, the supplier contract, by June 30", "Kim, The depot rota, by next Friday"],
            ["Sam", "anything", "off next week"],
            id="asked-before-anyone-named-en",
        ),
        # a day that names the task ("weekend shift") is no date; the date the answer gives is the one agreed
        pytest.param(
            "[10:15] Sam: Actions. Femi, fix the forecast with the vendor?\n"
            "[10:15] Femi: Yeah, by May 8.\n"
            "[10:16] Sam: Leona, the weekend shift rota?\n"
            "[10:16] Leona: Next Friday.\n",
            [
                "Femi, fix the forecast with the vendor, by May 8",
                "Leona, the weekend shift rota, Next Friday",
            ],
            [],
            id="the-answer-dates-a-task-named-by-a-day-en",
        ),
        pytest.param(
            "[10:14] 王强：行动项。小李，周报模板下周五前改好？\n"
            "[10:14] 小李：可以，5月8日前。\n"
            "[10:15] 王强：小张，周末排班表？\n"
            "[10:16] 小张：下周五。\n",
            ["小张，周末排班表，下周五"],
            [],
            id="the-answer-dates-a-task-named-by-a-day-zh",
        ),
    ],
)
def test_each_task_goes_on_the_action_list_as_the_task_of_who_takes_it(
    text: str, tasks: list[str], left_out: list[str]
) -> None:
    (actions,) = [m for m in _said(text) if m.lower().startswith(("actions", "行动"))]
    assert all(task in actions for task in tasks), actions
    assert not any(word in actions for word in left_out), actions


@pytest.mark.parametrize(
    "text",
    [
        "00:03:05 Claire: Quick round of what we learned. Keep the buddy shifts, that's people.\n"
        "00:03:20 Ben: And stop building rounds without travel time.\n"
        "00:03:30 Claire: Agreed.\n"
        "00:03:40 Ben: OK.\n",
    ],
)
def test_a_round_of_what_we_learned_opens_the_lessons(text: str) -> None:
    said = _said(text)
    assert said and said[0].startswith("Quick round of what we learned: Keep the buddy shifts")


@pytest.mark.parametrize(
    ("text", "lessons_head", "actions_head"),
    [
        (
            "[10:00] 王强：人都到了吧？\n[10:01] 小李：到了。\n"
            "[10:02] 小刘：我插一句，下周三的团建谁对接？\n"
            "[10:03] 王强：会后说。经验我说两条：周会改成站会要继续，组织的；临时加需求要停止，文化。\n"
            "[10:04] 王强：好。行动项。小李，站会模板下周五前发出来？\n[10:05] 小李：可以。\n",
            "经验我说两条：",
            "行动项：",
        ),
        (
            "Dana: Everyone here?\nSam: Yes.\n"
            "Dana: Agreed. Lessons then. Keep the stand-up, organisation. "
            "Stop adding work mid-sprint, culture. "
            "OK, actions. Sam, can you send the stand-up template?\nSam: Yes, by May 20.\n",
            "Lessons then:",
            "actions: ",
        ),
    ],
)
def test_a_part_opened_mid_turn_is_read_as_its_own_message(
    text: str, lessons_head: str, actions_head: str
) -> None:
    said = _said(text)
    assert len(said) == 2, said
    assert said[0].startswith(lessons_head) and said[1].startswith(actions_head)
    assert "Sam" in said[1] or "小李" in said[1]
    assert not any(word in s for s in said for word in ("会后", "团建", "Agreed"))


@pytest.mark.parametrize(
    ("text", "lessons", "left_out"),
    [
        (
            "[09:00] 罗敏：10月返洗率目标2%，实际3.6%。\n"
            "[09:01] 苏晴：按时取衣率好是因为开了夜班。夜班这个事以后要坚持，不能为了省人工再砍掉。\n"
            "[09:02] 罗敏：经验：新品让店员推的做法继续，业务上的。\n"
            "[09:03] 周海：还有一条，返洗单对账要优化，改成每周对一次。\n"
            "[09:04] 罗敏：我们继续往下说吧。\n",
            ["夜班这个事以后要坚持", "返洗单对账要优化", "店员推"],
            ["继续往下说", "按时取衣率好"],
        ),
        (
            "[09:00] Dana: Audit pass rate target 95%, we got 88%.\n"
            "[09:01] Dana: Cost is overtime. We should stop pricing hospital work off the office model, "
            "that's organisation. Also, the supervisor app never happened.\n"
            "[09:02] Tariq: And keep the flu jabs, honestly it paid for itself. That's people.\n"
            "[09:03] Dana: Keep going, who's next?\n",
            ["stop pricing hospital work", "keep the flu jabs, honestly it paid for itself, That's people"],
            ["supervisor app", "Keep going", "Cost is overtime"],
        ),
    ],
)
def test_lessons_said_in_passing_go_with_the_meeting_s_lessons(
    text: str, lessons: list[str], left_out: list[str]
) -> None:
    said = _said(text)
    (listed,) = [m for m in said if m.startswith(("经验", "Lessons"))]
    assert all(lesson in listed for lesson in lessons), listed
    assert not any(word in listed for word in left_out), listed


@pytest.mark.parametrize(
    ("text", "chain", "after"),
    [
        (
            "[09:03] 罗敏：返洗说一下。\n"
            "[09:04] 周海：为什么有异味？羽绒服没烘透。为什么没烘透？烘干时间压短了。"
            "再往下问，其实是没有按面料分类。\n"
            "[09:05] 苏晴：还有投诉，有一部分是顾客衣服上原来就有的污渍。\n"
            "[09:06] 罗敏：散会。\n",
            "挖有异味：羽绒服没烘透。为什么没烘透？烘干时间压短了",
            "污渍",
        ),
        (
            "[09:03] Dana: And the audits?\n"
            "[09:04] Tariq: Mostly washrooms at the hospital sites. Why? "
            "The supervisors cover four sites each. "
            "And if you keep asking why, we priced them with the office ratio.\n"
            "[09:06] Mike: Nice weather today though.\n"
            "[09:07] Dana: Thanks all.\n",
            "Phenomenon: Mostly washrooms at the hospital sites. Why: The supervisors cover four sites each",
            "weather",
        ),
    ],
)
def test_whys_a_speaker_asks_and_answers_are_one_ladder_that_ends_with_their_turn(
    text: str, chain: str, after: str
) -> None:
    said = _said(text)
    assert said[0].startswith(chain), said
    assert not any(after in s for s in said), said


@pytest.mark.parametrize(
    ("text", "expected", "left_out"),
    [
        (
            "[14:05] 老郑：先说好的。\n"
            "[14:05] 孙强：未遂上报多了，因为开始扫码匿名上报。\n"
            "[14:06] 老郑：不好的呢？\n"
            "[14:06] 小刘：手部夹伤，还有整改拖期。\n"
            "[14:07] 罗敏：还有一个该做没做的，收衣拍照存档。\n"
            "[14:08] 苏晴：对账系统年初就说要上，到现在还没上。\n",
            [
                "先说好的：未遂上报多了",
                "不好的：手部夹伤",
                "还有一个该做没做的",
                "该做没做的：对账系统年初就说要上",
            ],
            ["不好的：手部夹伤，还有整改拖期。未遂"],
        ),
        (
            "[00:04] Dev: Good news first, the first-timers. The campus sessions worked.\n"
            "[00:05] Claire: And the bad?\n"
            "[00:05] Amira: Bad news is the no-shows, mostly Saturdays.\n"
            "[00:06] Dana: Also, the supervisor app was due in June and it never happened.\n"
            "[00:07] Ben: We should have put travel time into the rota, we never did.\n"
            "[00:08] Claire: Thanks all.\n",
            [
                "Good news first, the first-timers: The campus sessions worked",
                "Bad news is the no-shows",
                "What we should have done: Also, the supervisor app was due in June",
                "What we should have done: We should have put travel time into the rota",
            ],
            ["news first, the first-timers."],
        ),
    ],
)
def test_findings_opened_by_plain_words_and_things_due_but_never_done_are_read(
    text: str, expected: list[str], left_out: list[str]
) -> None:
    said = _said(text)
    assert all(any(m.startswith(e) for m in said) for e in expected), said
    assert not any(word in m for m in said for word in left_out), said


@pytest.mark.parametrize(
    ("text", "chain", "left_out"),
    [
        (
            "[09:00] 何静：困人故障目标不超过4起，实际9起。\n"
            "[09:01] 吴磊：困人说一下吧。9起里面7起是门机，门打不开。为什么对不上？皮带老化了。\n"
            "[09:02] 何静：好，说经验。保养APP扫码签到要继续，组织上的；副厂件这个要停，业务的。\n"
            "[09:03] 何静：行动。副厂件换原厂件，吴磊你去跟采购谈，月底前定下来。\n"
            "[09:04] 何静：清单那块，我估计八成是皮带的问题，剩下两成是乘客扒门。\n",
            "现象：9起里面7起是门机，门打不开。为什么对不上？皮带老化了。我估计八成是皮带的问题，剩下两成是乘客扒门。",
            ["说一下", "清单那块"],
        ),
        (
            "[09:00] Dana: Audit pass rate target 95%, we got 88%.\n"
            "[09:01] Tariq: Let's talk about the audits. Mostly washrooms at night. Why do they fail? "
            "The supervisors cover four sites.\n"
            "[09:02] Dana: Lessons then. Keep the flu jabs, people.\n"
            "[09:03] Dana: Actions. The depot rota, Kim you own it, by next Friday.\n"
            "[09:04] Dana: On the audits, I'd put 75% on the supervisors, the other 25% on the dispensers.\n",
            "Phenomenon: Mostly washrooms at night. Why do they fail? The supervisors cover four sites. "
            "I'd put 75% on the supervisors, the other 25% on the dispensers.",
            ["talk about", "On the audits"],
        ),
    ],
)
def test_a_why_after_a_statement_drills_it_and_weights_said_later_go_with_that_chain(
    text: str, chain: str, left_out: list[str]
) -> None:
    said = _said(text)
    assert said[1] == chain, said
    assert said[2].startswith(("说经验：", "Lessons then:")) and said[3].startswith(("行动", "Actions"))
    assert not any(word in s for s in said for word in left_out), said


@pytest.mark.parametrize(
    ("line", "task"),
    [
        (
            "何静：副厂件换原厂件，吴磊你去跟采购谈，月底前定下来。",
            "吴磊，副厂件换原厂件，去跟采购谈，月底前定下来",
        ),
        ("Dana: The depot rota, Kim you own it, by next Friday.", "Kim, The depot rota, by next Friday"),
    ],
)
def test_a_task_handed_over_keeps_how_it_is_done_but_not_the_words_that_hand_it(line: str, task: str) -> None:
    speaker = line.split("：" if "：" in line else ":")[0]
    other = "吴磊" if "：" in line else "Kim"
    sep = "：" if "：" in line else ": "
    text = (
        f"{speaker}{sep}{'行动。' if sep == '：' else 'Actions.'}\n{other}{sep}OK\n{line}\n{other}{sep}OK\n"
    )
    said = _said(text)
    assert said == [("行动：" if sep == "：" else "Actions: ") + task], said


@pytest.mark.parametrize(
    ("text", "first", "speakers"),
    [
        (
            "这是班组会的语音转写，没分段，凑合看。 孟建军：先说个事，年会节目报了没有？ 邓楠：报了，唱歌。 "
            "孟建军：行，说正事。重复报修率目标3%以下，实际5.2%。 魏红：主要是接头。 孟建军：好的。",
            "重复报修率目标3%以下，实际5.2%。",
            ["孟建军", "邓楠", "孟建军", "孟建军", "魏红", "孟建军"],
        ),
        (
            "Voice notes, one paragraph, sorry. Dana: Morning all, good weekend? Sam: Too short. "
            "Dana: Right. Sign-ups target 500, we got 420. Sam: Mostly the ads. Dana: Thanks.",
            "Sign-ups target 500, we got 420.",
            ["Dana", "Sam", "Dana", "Sam", "Dana"],
        ),
    ],
)
def test_a_transcript_pasted_as_one_paragraph_is_cut_before_each_speaker(
    text: str, first: str, speakers: list[str]
) -> None:
    spoken = read_transcript(text)
    assert spoken is not None
    assert messages(spoken)[0] == first
    assert [s.speaker for s in spoken][: len(speakers)] == speakers or len({s.speaker for s in spoken}) >= 2


@pytest.mark.parametrize(
    ("text", "left_out"),
    [
        (
            "[09:00] 孟建军：到场慢怎么回事？\n"
            "[09:01] 邓楠：车开不进去。为什么开不进去？巷子窄，车都是大车。"
            "那为什么都是大车？买车没问过一线。\n"
            "[09:02] 魏红：重复报修主要是接头，冬天一收缩又漏。\n"
            "[09:03] 孟建军：管网图纸数字化我来牵头，一季度内。小蒋你记一下。\n",
            ["接头", "小蒋"],
        ),
        (
            "[09:00] Dana: Why are we late?\n"
            "[09:01] Sam: Vans leave late. Why? Loading starts late. "
            "Why does it start late? Nobody owns the dock rota.\n"
            "[09:02] Lee: Complaints are mostly about damaged parcels.\n"
            "[09:03] Dana: Sam, can you take the notes?\n",
            ["damaged", "notes"],
        ),
    ],
)
def test_a_ladder_its_teller_walked_whys_down_ends_with_their_turn(text: str, left_out: list[str]) -> None:
    said = _said(text)
    (chain,) = [m for m in said if "为什么" in m or "Why" in m]
    assert not any(word in chain for word in left_out), chain
    assert not any("小蒋" in m or "take the notes" in m for m in said)


@pytest.mark.parametrize(
    ("text", "chain", "lessons"),
    [
        (
            "[09:00] 老韩：到场慢怎么回事？\n"
            "[09:01] 周平：车开不进去。那为什么开不进去？巷子窄。\n"
            "[09:02] 老韩：经验：晚上预约继续，业务的。"
            "对了，到场慢那块，我估计六成是巷子窄。剩下四成是下雪。\n"
            "[09:03] 周平：好。\n",
            "挖到场慢：车开不进去。那为什么开不进去？巷子窄。我估计六成是巷子窄。剩下四成是下雪。",
            "经验：晚上预约继续，业务的。",
        ),
        (
            "[09:00] Owen: Installs, why were we late?\n"
            "[09:01] Kemal: The worktops arrived late. And why was that? We order after the template visit.\n"
            "[09:02] Owen: Lessons: keep the 3D render, business. "
            "Oh, and I'd put 70% of the late installs on that. The rest is the supplier's lorry.\n"
            "[09:03] Kemal: OK.\n",
            "Dig into Installs: The worktops arrived late. And why was that? "
            "We order after the template visit. I'd put 70% of the late installs on that. "
            "The rest is the supplier's lorry.",
            "Lessons: keep the 3D render, business.",
        ),
    ],
)
def test_a_why_said_with_and_goes_on_the_ladder_and_weights_in_the_lessons_go_to_the_chain(
    text: str, chain: str, lessons: str
) -> None:
    said = _said(text)
    assert said == [chain, lessons], said


@pytest.mark.parametrize(
    ("text", "highlights", "left_out"),
    [
        (
            "[09:00] 罗敏：10月返洗率目标2%，实际3.6%。\n"
            "[09:01] 苏晴：按时取衣率好，是因为开了夜班。投诉少，是因为当场扫码评价。\n"
            "[09:02] 周海：单量少是因为城东客户太分散。投诉上去主要是返洗。\n"
            "[09:03] 罗敏：好。\n",
            ["亮点：按时取衣率好，是因为开了夜班。投诉少，是因为当场扫码评价。"],
            ["单量少", "投诉上去"],
        ),
        (
            "[09:00] Dana: Audit pass rate target 95%, we got 88%.\n"
            "[09:01] Tariq: Sickness is the good news. The flu jabs we paid for in the spring.\n"
            "[09:02] Mike: Complaints went up because the dispensers jam.\n"
            "[09:03] Dana: Right.\n",
            ["Highlights: Sickness is the good news. The flu jabs we paid for in the spring."],
            ["Complaints"],
        ),
    ],
)
def test_a_kpi_that_went_well_and_why_is_a_highlight_without_its_heading(
    text: str, highlights: list[str], left_out: list[str]
) -> None:
    said = _said(text)
    found = [m for m in said if m.startswith(("亮点", "Highlights"))]
    assert found == highlights, said
    assert not any(word in m for m in found for word in left_out)


@pytest.mark.parametrize(
    ("text", "finding", "chain", "rest"),
    [
        (
            "[00:01] 张经理：不足呢？\n"
            "[00:02] 小陈：漏访多，大多在周末。根因是周末没有备班，我看占七成。\n"
            "[00:03] 小李：剩下三成是排班软件的问题。\n"
            "[00:04] 张经理：还有准时率低，因为北区线路太长。\n",
            "不足：漏访多，大多在周末。",
            "现象：漏访多，大多在周末。根因是周末没有备班，我看占七成。",
            "剩下三成是排班软件的问题。",
        ),
        (
            "[00:01] Claire: And the bad?\n"
            "[00:02] Ben: Missed visits. Most were at weekends. If you keep asking why, it's because there's "
            "no standby pool. I'd say that's 75 percent.\n"
            "[00:03] Asha: The other quarter is the rota software.\n"
            "[00:04] Claire: And on-time is down because the north rounds are too long.\n",
            "And the bad: Missed visits. Most were at weekends.",
            "Phenomenon: Missed visits. Most were at weekends. If you keep asking why",
            "The other quarter is the rota software.",
        ),
    ],
)
def test_a_finding_answered_down_to_its_root_is_the_finding_and_its_chain(
    text: str, finding: str, chain: str, rest: str
) -> None:
    said = _said(text)
    assert said[0] == finding and said[1].startswith(chain) and said[2] == rest, said
    assert said[3].endswith(("北区线路太长。", "north rounds are too long.")), said


ROLE_EN = """Maya (chair): Morning all. Signups: target 500, we got 420. Churn: target 3%, actual 5%.
Ollie: Good news first, the referral banner worked.
Maya: Churn?
Jess: People sign up for the trial and we never send them anything, so they forget.
Maya: Anything we should've done and didn't?
Jess: The churn survey. We said we'd run it in January."""

ROLE_ZH = """周敏（主持）：先对数。入住率目标85%，实际78%；客诉目标不超过2次，实际6次。
小何：先说好的，营收超了，是因为配餐升级。
周敏：客诉呢？
小何：夜班一个护士带三个房间，忙不过来。
周敏：有没有该做没做的？
小何：夜班交接单，去年就说要上，一直没上。"""


def test_a_speaker_with_their_role_in_brackets_is_read_en() -> None:
    spoken = read_transcript(ROLE_EN)
    assert spoken is not None and spoken[0].speaker == "Maya" and spoken[0].said.startswith("Morning all")
    said = messages(spoken)
    assert any("Signups: target 500" in s for s in said)
    assert not any("(chair)" in s for s in said)


def test_a_speaker_with_their_role_in_brackets_is_read_zh() -> None:
    spoken = read_transcript(ROLE_ZH)
    assert spoken is not None and spoken[0].speaker == "周敏"
    assert any("入住率目标85%" in s for s in messages(spoken))


def test_a_kpi_asked_by_its_name_opens_its_dig_and_the_missed_asked_opens_the_missed_en() -> None:
    said = messages(read_transcript(ROLE_EN) or [])
    dig = "Dig into churn: People sign up for the trial and we never send them anything, so they forget."
    assert dig in said
    assert "Anything we should've done and didn't: The churn survey. We said we'd run it in January." in said


def test_a_kpi_asked_by_its_name_opens_its_dig_and_the_missed_asked_opens_the_missed_zh() -> None:
    said = messages(read_transcript(ROLE_ZH) or [])
    assert "挖客诉：夜班一个护士带三个房间，忙不过来。" in said
    assert any(s.endswith("该做没做的：夜班交接单，去年就说要上，一直没上。") for s in said)


def test_a_short_question_not_naming_a_kpi_opens_nothing() -> None:
    """ "Questions?" / "对吧？" name no KPI the meeting gave figures for: no dig."""
    text = """Dana: Signups: target 500, we got 420.
Raj: The banner worked.
Dana: Questions?
Raj: None from me, the banner was the big one.
Dana: Shortfalls?
Raj: Slow onboarding."""
    said = messages(read_transcript(text) or [])
    assert not any(s.startswith("Dig into questions") for s in said)
    zh = """王强：签约目标50单，实际42单。
小李：新模板好用。
王强：对吧？
小李：对，模板是大头。
王强：不足呢？
小李：回款慢。"""
    assert not any(s.startswith("挖对") for s in messages(read_transcript(zh) or []))


def test_lessons_said_one_a_sentence_stay_apart_and_a_dimension_said_after_joins_its_lesson_en() -> None:
    text = """Maya: Signups: target 500, we got 420.
Ollie: Good news first, the referral banner worked.
Maya: Lessons, quickly. Keep the referral banner, that's business. Start a second read on every story, \
that's process. Stop letting each desk set its own rules. And a welcome series is new, business.
Ollie: Agreed."""
    said = messages(read_transcript(text) or [])
    lessons = next(s for s in said if s.startswith("Lessons"))
    assert "Start a second read on every story, that's process. Stop letting each desk" in lessons
    assert "set its own rules. And a welcome series is new, business" in lessons


def test_lessons_said_one_a_sentence_stay_apart_and_a_dimension_said_after_joins_its_lesson_zh() -> None:
    text = """王强：签约目标50单，实际42单。
小李：先说好的，新模板好用。
王强：报价用模板要继续。这是业务。各部门自定规则要停掉，算组织。
小李：同意。"""
    said = messages(read_transcript(text) or [])
    lessons = next(s for s in said if s.startswith("经验"))
    assert "报价用模板要继续，这是业务" in lessons and "各部门自定规则要停掉，算组织" in lessons


@pytest.mark.parametrize(
    ("line", "lessons"),
    [
        (
            "Maya: Lessons, quickly. Keep the referral banner, that's business. "
            "Stop the wire stories, business.",
            "Lessons: Keep the referral banner, that's business. Stop the wire stories, business.",
        ),
        (
            "王强：经验，快速过一下。报价用模板继续，这是业务。各部门自定规则停掉，算组织。",
            "经验：报价用模板继续，这是业务。各部门自定规则停掉，算组织。",
        ),
    ],
)
def test_a_list_head_said_with_a_word_on_how_heads_the_list(line: str, lessons: str) -> None:
    head = "Maya: Signups: target 500, we got 420.\nOllie: Good news first, the banner worked."
    text = f"{head}\n{line}\nOllie: Agreed."
    assert lessons in messages(read_transcript(text) or [])


def test_a_sentence_with_a_comma_that_heads_nothing_is_no_list_head() -> None:
    text = """Maya: Signups: target 500, we got 420.
Ollie: Good news first, the banner worked.
Maya: Actually, we did fine. Thanks all.
Ollie: Agreed."""
    assert not any(s.startswith("Actually:") for s in messages(read_transcript(text) or []))


THANKS_EN = """Maya: Signups: target 500, we got 420.
Ollie: Good news first, the banner worked.
Maya: Actions. Priti, can you write the rules by next Friday?
Priti: Thanks, I'll write the rules by next Friday.
Maya: And the rota, I'll do that by May 10. Thanks Ollie for the numbers, and Bernard, thanks for sitting in.
Ollie: Cheers."""

THANKS_ZH = """王强：签约目标50单，实际42单。
小李：亮点是新模板，多亏新模板，签约快了。
王强：行动：小李负责改合同模板，4月15日前。
王强：我负责排班表，5月10日前。谢谢小赵整理的数据，也感谢老周过来旁听。
小李：好。"""


def test_thanks_to_people_are_no_fact_en() -> None:
    said = messages(read_transcript(THANKS_EN) or [])
    assert not any("Bernard" in s or "Ollie" in s or "Cheers" in s for s in said)
    assert any("rota" in s and "May 10" in s for s in said)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thanks to the new banner, signups from referrals doubled",  # says why: a fact
        "Thanks, I'll write the rules by next Friday",  # an answer
        "多亏新模板，签约快了",
        "谢谢，我来改，4月15日前",
    ],
)
def test_thanks_that_say_why_or_answer_are_no_room_talk(sentence: str) -> None:
    assert not is_room_talk(sentence)


def test_thanks_to_people_are_no_fact_zh() -> None:
    said = messages(read_transcript(THANKS_ZH) or [])
    assert not any("小赵" in s or "老周" in s for s in said)
    assert any("排班表" in s and "5月10日前" in s for s in said)


def test_a_task_the_chair_takes_on_themself_joins_the_actions_zh() -> None:
    text = """邓海峰：签约目标50单，实际42单。
小李：先说好的，新模板好用。
邓海峰：行动。合同模板，小李你牵头？
小李：可以，下周五前。
邓海峰：补给站布点模型我自己来，年底前。小陆今天记录辛苦了。
小陆：不辛苦。"""
    said = messages(read_transcript(text) or [])
    actions = next(s for s in said if s.startswith("行动"))
    assert "邓海峰" in actions and "布点模型" in actions and "年底前" in actions
    assert not any("小陆" in s for s in said)


def test_a_task_the_chair_takes_on_themself_joins_the_actions_en() -> None:
    text = """Maya: Signups: target 500, we got 420.
Ollie: Good news first, the banner worked.
Maya: Actions. Ollie, the banner copy?
Ollie: Sure, by next Friday.
Maya: The stand model I'll do myself, by the end of the year. Thanks Stan for taking notes.
Stan: No worries."""
    said = messages(read_transcript(text) or [])
    actions = next(s for s in said if s.startswith("Actions"))
    assert "Maya" in actions and "stand model" in actions
    assert not any("Stan" in s for s in said)


@pytest.mark.parametrize(
    "sentence", ["夜班护士太辛苦了", "The night nurses are worn out, thanks for asking about it"]
)
def test_a_finding_about_hard_work_is_no_room_talk(sentence: str) -> None:
    assert not is_room_talk(sentence)


# ---- the meeting moves on: another matter, a KPI of its own, the next steps ---------------------------

MOVES_ON = {
    "zh": """下面是我们周会的记录：
张敏：这个月新签客户目标40家，实际签了31家。
张敏：为什么华南这么差？
李强：表面上是线索少，再往下看是市场活动一场都没办，根本原因是华南市场岗空缺了两个月，我估计占六成。
王芳：另外回款还行，目标800万，实到820万。
张敏：好的。那下一步，华南市场岗月底前必须招到人，李强你负责。
王芳：我来把线索分配规则改一下，下周五前。
张敏：行，就这样，散会。""",
    "en": """Notes from Tuesday's ops sync:
Dana: Signups target was 500, we got 430.
Dana: Why is mobile so weak?
Omar: Checkout times out on slow networks; underneath, nobody owns mobile speed. That's the root, maybe 60%.
Lee: Separately, support tickets were fine, target 300, actual 280.
Dana: Next steps: Omar owns mobile performance from now, first fixes by June 15.
Lee: I'll set up a weekly funnel review, starting next Monday.
Dana: Great, thanks all.""",
}


@pytest.mark.parametrize(
    ("lang", "ladder_ends", "kpi", "actions"),
    [
        (
            "zh",
            "占六成。",
            "另外回款还行，目标800万，实到820万。",
            "行动：华南市场岗月底前必须招到人，李强你负责；把线索分配规则改一下，下周五前，王芳负责",
        ),
        (
            "en",
            "maybe 60%.",
            "Separately, support tickets were fine, target 300, actual 280.",
            "Actions: Omar owns mobile performance from now, first fixes by June 15; "
            "Lee will set up a weekly funnel review, starting next Monday.",
        ),
    ],
)
def test_another_matter_ends_the_ladder_and_the_next_steps_are_the_actions(
    lang: str, ladder_ends: str, kpi: str, actions: str
) -> None:
    said = messages(read_transcript(MOVES_ON[lang]) or [])
    ladder = next(m for m in said if m.startswith(("挖", "Dig into")))
    assert ladder.endswith(ladder_ends)  # the KPI said after it is no rung of it
    assert kpi in said
    assert said[-1] == actions  # both tasks, the second one taken by its speaker


def test_the_asker_answering_their_own_why_stays_on_the_ladder() -> None:
    text = """会议记录：
罗敏：投诉和返洗说一下。
苏晴：返洗大部分是羽绒服和真丝，洗完有异味，顾客拿回来重洗。
周海：为什么有异味？羽绒服没烘透就打包了。为什么没烘透？夜班为了赶回店，烘干时间压短了。根本原因是排产没有按面料分类，占八成。
苏晴：还有投诉，有一部分是顾客衣服上原来就有的污渍。"""
    said = messages(read_transcript(text) or [])
    (ladder,) = [m for m in said if m.startswith("挖有异味：")]
    assert "烘干时间压短了" in ladder and "按面料分类" in ladder


@pytest.mark.parametrize(
    ("text", "highlight"),
    [
        (
            "[09:07] 鲁建军：先说做得好的。\n[09:07] 欧阳婷：防火检查超了，主要是我们跟街道网格员一起走。\n"
            "[09:09] 鲁建军：不足呢？\n[09:09] 付强：出动慢，5分钟到场率也没到。",
            "网格员",
        ),
        (
            "Fiona: Good things first.\nTamsin: Lost kids - the wristband scheme.\n"
            "Callum: And the jet ski crew.\nFiona: And the bad?\nCallum: Flags late, patrol hours short.",
            "wristband scheme",
        ),
    ],
)
def test_the_answers_after_good_things_first_are_the_highlights(text: str, highlight: str) -> None:
    said = messages(read_transcript(text) or [])
    assert any(highlight in m and opens(m) is not None and opens(m)[0] == "highlights" for m in said)


_ASKED_BY_NAME = {
    "en": (
        "Leona: Late load-ins?\n"
        "Carla: Venues give us later access than booked. We never confirm access times.\n"
        "Leona: Damage?\nWes: Cases dropped off the tail lift. New drivers, no training on the lift.",
        ("Late load-ins", "the damage bill"),
        [
            "Late load-ins: Venues give us later access than booked, we never confirm access times",
            "the damage bill: Cases dropped off the tail lift, new drivers, no training on the lift",
        ],
    ),
    "zh": (
        "周磊：损耗呢？\n孙悦：试灌报废太多。换线没有标准。\n周磊：次日达？\n小刘：晚上分拣人手不够。",
        ("损耗超标", "次日达没完成"),
        ["损耗超标：试灌报废太多，换线没有标准", "次日达没完成：晚上分拣人手不够"],
    ),
}


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_bare_question_naming_a_finding_asks_its_causes(language: str) -> None:
    text, findings, said = _ASKED_BY_NAME[language]
    spoken = read_transcript(text)
    assert spoken is not None
    assert messages(spoken, None, findings) == said


def test_a_bare_question_naming_no_finding_is_small_talk() -> None:
    text = "Pippa: Sandwiches?\nLeona: Please.\nPippa: Coffee?\nLeona: Yes, black."
    spoken = read_transcript(text)
    assert spoken is not None
    assert messages(spoken, None, ("Late load-ins",)) == []
