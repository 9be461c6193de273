"""Messages that belong to another step are taken there: dictated lessons, action items said early."""

from __future__ import annotations

import datetime as dt

from tests.engines.rules.helpers import TO_ACTIONS_ZH, TO_ANALYSIS_ZH, TO_DRILL_ZH, Coaching


def test_lessons_dictated_during_the_drill_down_replace_the_question_with_the_lessons() -> None:
    coach = Coaching()
    coach.script(*TO_DRILL_ZH)
    result = coach.say("经验说两条：每周回款例会这个做法要继续；客户信用评估要新增，算组织层面")
    assert result.stage == "lessons"
    lessons = result.review.lessons
    assert [(lesson.dimension, lesson.action) for lesson in lessons] == [
        ("organization", "continue"),
        ("organization", "start"),
    ]
    assert "每周回款例会" in lessons[0].text and "经验说两条" not in lessons[0].text
    assert coach.say("确认").stage == "actions"


def test_dictated_lessons_replace_the_coachs_proposals_in_english() -> None:
    coach = Coaching(language="en")
    coach.script("Revenue target 100k, actual 80k", "that's all", "revenue", "none", "skip", "skip")
    coach.say("skip")
    result = coach.say(
        "Keep the weekly pipeline review. Start a partner onboarding checklist, that's organization. "
        "And stop discounting at quarter end, it's a culture thing."
    )
    assert result.stage == "lessons"
    typed = [(lesson.dimension, lesson.action) for lesson in result.review.lessons]
    assert typed[1:] == [("organization", "start"), ("culture", "stop")]
    assert typed[0][1] == "continue"


def test_one_lesson_with_a_type_word_is_not_taken_for_a_list() -> None:
    coach = Coaching()
    coach.script(*TO_DRILL_ZH)
    result = coach.say("因为客户那边预算要继续审批")
    assert result.stage == "analysis" and not result.review.lessons


def test_an_action_with_owner_and_date_said_during_the_analysis_goes_to_the_actions() -> None:
    coach = Coaching()
    coach.script(*TO_ANALYSIS_ZH)
    result = coach.say("建立回款周报，每周一更新逾期清单，负责人：李娜，5月底前")
    assert result.stage == "actions"
    action = result.review.actions[0]
    assert (action.what, action.how, action.who, action.when) == (
        "建立回款周报",
        "每周一更新逾期清单",
        "李娜",
        dt.date(2026, 5, 31),
    )


def test_owner_forms_the_parser_misses_are_read_by_the_coach() -> None:
    coach = Coaching()
    coach.script(*TO_ACTIONS_ZH)
    saved = coach.say("完成渠道返利的对标并调整政策，负责人刘洋，Q2")
    assert saved.review.actions[-1].who == "刘洋"
    coach.say("每月开一次渠道风险会，每人报一个风险，孙倩主持，下周一开始")
    assert coach.last.review.actions[-1].who == "孙倩"


def test_a_bare_english_name_is_the_owner_and_a_date_never_is() -> None:
    coach = Coaching(language="en")
    coach.script("skip", "back to actions")
    refused = coach.say("Be more careful with invoices, Omar")
    assert "too vague" in refused.reply and coach.step == "how"
    coach.say("Rebuild the invoice check as a daily 10-minute script run")
    asked = coach.step
    coach.say("by end of May")
    action = coach.last.review.actions[0]
    assert asked == "when" and action.who == "Omar" and action.when == dt.date(2026, 5, 31)
    assert "careful" not in action.what  # the refused vague words are not kept as the WHAT


def test_the_date_answer_to_who_is_not_taken_as_the_owner() -> None:
    coach = Coaching(language="en")
    coach.script("skip", "back to actions")
    coach.say("Rebuild the invoice check as a daily 10-minute script run")
    coach.say("by end of May")
    assert coach.step == "who" and not coach.last.review.actions
    coach.say("Priya")
    action = coach.last.review.actions[0]
    assert action.who == "Priya" and action.when == dt.date(2026, 5, 31)


def test_no_more_where_an_action_is_asked_ends_the_actions() -> None:
    coach = Coaching()
    coach.script(*TO_ACTIONS_ZH)
    result = coach.say("没有了")
    assert result.stage == "done" and not result.review.actions


def test_an_action_with_its_own_what_keeps_the_users_what() -> None:
    coach = Coaching()
    coach.script(*TO_ACTIONS_ZH)
    saved = coach.say("上线新的CRM报表，培训销售用起来，@王磊，下周五前")
    action = saved.review.actions[0]
    assert action.what == "上线新的CRM报表" and action.how == "培训销售用起来"


def test_drill_down_closers_are_not_deeper_whys_zh() -> None:
    coach = Coaching()
    coach.script(*TO_DRILL_ZH)
    coach.say("因为审批周期变长")
    result = coach.say("是根因")
    assert coach.step == "share" and result.review.cause_chains[-1].root_cause == "审批周期变长"
    coach = Coaching()
    coach.script(*TO_DRILL_ZH, "因为审批周期变长")
    result = coach.say("两成")
    chain = result.review.cause_chains[-1]
    assert (chain.root_cause, chain.share) == ("审批周期变长", 0.2)
    coach = Coaching()
    coach.script(*TO_DRILL_ZH, "因为审批周期变长")
    assert coach.say("没有别的原因了").review.cause_chains[-1].root_cause == "审批周期变长"


def test_drill_down_closers_and_self_confirmed_root_en() -> None:
    coach = Coaching(language="en")
    coach.script("Revenue target 100k, actual 80k", "that's all", "revenue", "none", "none", "none")
    assert coach.step == "drill"
    coach.say("because two big customers paid late")
    result = coach.say("root cause: there is no collections process, I'm sure")
    assert coach.step == "share"
    assert "collections process" in (result.review.cause_chains[-1].root_cause or "")
    assert coach.say("I'd say 70 percent").review.cause_chains[-1].share == 0.7


def test_the_share_question_is_not_asked_forever() -> None:
    coach = Coaching()
    coach.script(*TO_DRILL_ZH, "因为审批周期变长", "根本原因是没有回款跟踪机制", "是")
    coach.say("不好说")
    coach.say("这个真的估不出来")
    assert coach.step != "share"


def test_nothing_more_chitchat_and_a_named_dig_target_in_the_analysis() -> None:
    coach = Coaching()
    coach.script(*TO_ANALYSIS_ZH)
    coach.say("新客户超额，因为渠道推广做得好")
    coach.say("没别的亮点了")
    assert coach.step == "shortfalls" and len(coach.last.review.highlights) == 1
    parked = coach.say("对了，下周团建去哪还没定")
    assert coach.step == "shortfalls" and not parked.review.shortfalls
    result = coach.say("就挖回款这个吧")
    assert coach.step == "drill" and "回款" in result.state["analysis"]["drill"]["phenomenon"]


def test_none_is_nothing_more_in_english_analysis() -> None:
    coach = Coaching(language="en")
    coach.script("Revenue target 100k, actual 80k", "that's all")
    noted = coach.say("revenue")  # a late focus answer, not a highlight
    assert not noted.review.highlights and coach.step == "highlights"
    coach.say("none")
    result = coach.say("nothing else")
    assert not result.review.highlights and not result.review.shortfalls
    assert "lunch" not in str(coach.say("I haven't had lunch yet haha").review.shortfalls)
    coach.say("let's dig into the revenue")
    assert coach.step == "drill"
