"""A meeting transcript read end to end: the talk turns from causes to lessons when someone asks what was
learned, an owner called by name takes the task that follows, and a share said of "this reason" weighs it."""

from __future__ import annotations

from tests.notes.extracting import extract, texts, words

EN = """Support team retro
Attendees: Priya, Tom, Wei, Sam

Priya: And the weekend cover?
Sam: Two people for the whole Saturday, so tickets piled up until Monday.
Priya: Why was it so thin?
Sam: We never replaced Anna after she left in January.
Tom: I'd say that explains most of the slow responses, maybe 70%.
Priya: What do we take from this?
Tom: Keep the chatbot for password resets. And we need to stop leaving vacancies open for months.
Priya: Agreed. Wei, refresh the macro library by next Friday.
Wei: OK.
"""
ZH = """客服组复盘
参会：刘洋、陈静、王磊、小赵

刘洋：周末值班呢？
王磊：周末人太少，周六全天就两个人，工单一直堆到周一。
刘洋：为什么这么少？
王磊：安娜1月份走了以后一直没补人，招聘申请还卡在财务那边。
小赵：我觉得响应慢七成是这个原因。
刘洋：这次我们学到什么？
小赵：智能客服处理改密码要继续。岗位空着几个月不补的情况要停止。
刘洋：同意。王磊，周五前去财务那边催一下招聘申请。
王磊：好。
"""


def test_asking_what_was_learned_turns_the_talk_from_causes_to_lessons() -> None:
    for note, lesson in ((EN, "Keep the chatbot"), (ZH, "智能客服")):
        doc = extract(note, name="note.txt")
        assert lesson in texts(doc.lessons)
        assert not any(lesson in words(chain) for chain in doc.cause_chains)


def test_a_reason_told_after_a_word_with_yihou_is_a_cause_not_a_lesson() -> None:
    doc = extract(ZH, name="note.txt")
    assert "安娜" not in texts(doc.lessons)
    assert any("没补人" in words(chain) for chain in doc.cause_chains)


def test_a_share_said_of_this_reason_makes_the_cause_before_it_the_main_one() -> None:
    main = [chain for chain in extract(ZH, name="note.txt").cause_chains if chain.is_main]
    assert len(main) == 1 and "没补人" in words(main[0]) and main[0].share == 0.7


def test_an_owner_called_by_name_takes_the_task_with_its_deadline_and_the_name_leaves_its_words() -> None:
    for note, what, who in ((EN, "refresh the macro library", "Wei"), (ZH, "周五前去财务那边", "王磊")):
        action = next(a for a in extract(note, name="note.txt").actions if what in a.what)
        assert action.who == who and action.when is not None
        assert not action.what.startswith(who)


def test_tickets_piling_up_is_a_shortfall() -> None:
    assert "piled up" in texts(extract(EN, name="note.txt").shortfalls)
    assert "堆到周一" in texts(extract(ZH, name="note.txt").shortfalls)


VTT = """WEBVTT

00:00:25.000 --> 00:00:33.000
<v Grace>What about activation?

00:00:34.000 --> 00:00:45.000
<v Dan>The connect step broke on Safari for three days and nobody noticed.

00:00:46.000 --> 00:00:55.000
<v Mia>We had no monitoring on the connect flow. Honestly that's the big one, I'd put it at two thirds.

00:01:23.000 --> 00:01:26.000
<v Grace>Great, thanks all. Bye!
"""


def test_a_statement_weighed_right_after_it_is_told_is_the_main_cause() -> None:
    doc = extract(VTT, name="n.vtt")
    (main,) = [chain for chain in doc.cause_chains if chain.is_main]
    assert "monitoring on the connect flow" in words(main)
    assert main.share is not None and abs(main.share - 2 / 3) < 0.01


def test_a_breakage_nobody_noticed_is_a_shortfall_and_a_closing_thanks_is_no_highlight() -> None:
    doc = extract(VTT, name="n.vtt")
    assert "nobody noticed" in texts(doc.shortfalls)
    assert not doc.highlights


OWNERS = """周会复盘
参会：张伟、李娜、王强

王强：谢谢李娜。另外监控告警要补上，负责人待定。
张伟：王强，你把压测脚本整理一下，周五前。
王强：好。
"""


def test_a_task_given_to_you_by_name_is_that_person_s_and_its_deadline_is_no_owner() -> None:
    action = next(a for a in extract(OWNERS, name="n.txt").actions if "压测脚本" in a.what)
    assert action.who == "王强" and action.when is not None
    assert not action.what.startswith("王强")


def test_a_task_said_with_its_owner_still_open_is_an_action_without_owner() -> None:
    action = next(a for a in extract(OWNERS, name="n.txt").actions if "监控告警" in a.what)
    assert action.who is None


def test_asking_what_was_promised_and_not_done_turns_the_talk_from_causes_to_shortfalls() -> None:
    note = (
        "Crew retro\nAttendees: Nadia, Ben\n\n"
        "Nadia: Why were there so many crew delays?\n"
        "Ben: Mostly crews going illegal on duty hours after a late inbound.\n"
        "Nadia: Anything we said we'd do and didn't?\n"
        "Ben: The winter standby pool. We agreed to add six standby crew and it never got approved.\n"
    )
    doc = extract(note, name="n.txt")
    assert "standby crew" in texts(doc.shortfalls)
    assert not any("standby" in words(chain) for chain in doc.cause_chains)


def test_a_bare_name_said_before_a_shortfall_in_one_turn_is_what_it_is_about() -> None:
    for note, name in (
        (
            "Retro\nAttendees: Nadia, Ben\n\nNadia: Anything we said we'd do and didn't?\n"
            "Ben: The winter standby pool. We agreed to add six standby crew and it never got approved.\n",
            "The winter standby pool",
        ),
        (
            "复盘\n参会：老周、小林\n\n老周：有没有该做没做的？\n小林：冬季备勤。十月就说要加六个人，一直没批下来。\n",
            "冬季备勤",
        ),
    ):
        (shortfall,) = extract(note, name="n.txt").shortfalls
        assert shortfall.text.startswith(name)
