"""Lessons: proposed, typed, corrected in plain words, confirmed. Actions: WHAT/HOW/WHEN/WHO, no vague HOW."""

from __future__ import annotations

import datetime as dt

from coach.engines.rules.text import ECHO_LIMIT
from tests.engines.rules.helpers import TO_ACTIONS_ZH, TO_LESSONS_ZH, Coaching, hit


def _at_lessons(**kwargs: object) -> Coaching:
    coach = Coaching(**kwargs)  # type: ignore[arg-type]
    coach.script(*TO_LESSONS_ZH)
    assert coach.stage == "lessons"
    return coach


def test_lessons_are_proposed_from_root_causes_with_localized_labels() -> None:
    coach = _at_lessons()
    assert "1. 【组织·新增】没有回款跟踪机制" in coach.reply
    lesson = coach.last.review.lessons[0]
    assert (lesson.dimension, lesson.action, lesson.evidence) == ("organization", "start", "没有回款跟踪机制")
    assert coach.last.state["lessons"]["confidence"][0] > 0


def test_plain_word_corrections_add_and_delete() -> None:
    coach = _at_lessons()
    coach.say("加一条：继续保持每周渠道复盘")
    assert coach.last.review.lessons[1].action == "continue"
    coach.say("第1条属于文化")
    assert coach.last.review.lessons[0].dimension == "culture"
    coach.say("不是新增，是优化")
    assert coach.last.review.lessons[0].action == "optimize"  # "this one" = the one last touched
    coach.say("第2条改成：坚持每周一渠道复盘会")
    assert coach.last.review.lessons[1].text == "坚持每周一渠道复盘会"
    coach.say("删掉第2条")
    assert len(coach.last.review.lessons) == 1
    assert coach.stage == "lessons" and not coach.last.lessons_confirmed


def test_confirm_sets_lessons_confirmed_once_and_moves_to_actions() -> None:
    coach = _at_lessons()
    result = coach.say("确认")
    assert result.lessons_confirmed and result.stage == "actions"
    assert not coach.say("每周一对齐回款台账，@王磊，下周五前").lessons_confirmed


def test_an_unclear_edit_gets_help_not_a_change() -> None:
    coach = _at_lessons()
    before = coach.last.review.lessons
    result = coach.say("嗯？")
    assert "确认" in result.reply and result.review.lessons == before


def test_past_lessons_are_cited_up_to_three() -> None:
    hits = [hit(f"旧经验{i}", 0.5 + i / 10, lesson_id=f"L{i}") for i in range(5)]
    coach = Coaching(lesson_lookup=lambda q, k: hits[:k])
    coach.script(*TO_LESSONS_ZH)
    assert "过去复盘里相关的经验" in coach.reply
    assert 1 <= len(coach.last.sources) <= 3


def test_vague_how_is_refused_then_a_concrete_one_saved_with_owner_and_date() -> None:
    coach = Coaching()
    coach.script(*TO_ACTIONS_ZH)
    refused = coach.say("提高意识，@王磊 负责，下周五前")
    assert "「提高意识」" in refused.reply and not refused.review.actions
    saved = coach.say("每周一15分钟过一遍逾期回款清单")
    action = saved.review.actions[0]
    assert action.who == "王磊" and action.when == dt.date(2026, 5, 8) and action.when_text
    assert action.how == "每周一15分钟过一遍逾期回款清单"
    assert action.what == "没有回款跟踪机制" and action.kind is not None
    assert "提高意识" in (action.evidence or "")


def test_missing_owner_and_date_are_asked_for_one_at_a_time() -> None:
    coach = Coaching()
    coach.script(*TO_ACTIONS_ZH)
    asked_who = coach.say("建立回款跟踪表，每天下午更新")
    assert coach.step == "who" and "谁" in asked_who.reply
    asked_when = coach.say("李娜")
    assert coach.step == "when" and "什么时候" in asked_when.reply
    done = coach.say("5月31日")
    action = done.review.actions[0]
    assert (action.what, action.who, action.when) == ("建立回款跟踪表", "李娜", dt.date(2026, 5, 31))


def test_own_action_items_after_the_lessons_then_done() -> None:
    coach = Coaching(language="en")
    coach.script("skip", "back to actions")
    assert coach.stage == "actions"
    coach.say("Launch a pilot with two partner channels, weekly check-in call, owner: Tom, by end of May")
    action = coach.last.review.actions[0]
    assert action.kind == "opportunity" and action.who == "Tom"
    result = coach.say("no more")
    assert result.stage == "done" and "1 action" in result.reply and "1 actions" not in result.reply


def test_a_lesson_pasted_as_a_wall_of_text_is_said_back_shortened_and_kept_whole() -> None:
    coach = _at_lessons()
    wall = "坚持每周一渠道复盘会并记录结论" * 300
    coach.say(f"加一条：{wall}")
    lessons = coach.last.review.lessons
    kept = [lesson.text for lesson in lessons if lesson.text.startswith("坚持每周一渠道复盘会")]
    assert kept and len(kept[0]) > ECHO_LIMIT  # the lesson keeps more words than the reply shows
    assert len(coach.reply) < 2000 and "…" in coach.reply
