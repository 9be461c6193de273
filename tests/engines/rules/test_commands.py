"""Global commands at any moment, in Chinese and English: back, skip, where are we, summary, finish."""

from __future__ import annotations

from tests.engines.rules.helpers import TO_ANALYSIS_ZH, TO_LESSONS_ZH, Coaching


def test_where_are_we_names_the_step_and_repeats_the_question() -> None:
    coach = Coaching()
    coach.script(*TO_ANALYSIS_ZH)
    result = coach.say("现在到哪了？")
    assert result.stage == "analysis"
    assert "分析根因" in result.reply and "2 个目标" in result.reply and "亮点" in result.reply


def test_show_summary_then_carry_on() -> None:
    coach = Coaching(language="en")
    coach.say("Revenue target 1.2M, actual 960k")
    result = coach.say("show summary")
    assert "Revenue -20%" in result.reply and result.review.summary
    assert result.stage == "review" and "other KPI" in result.reply


def test_go_back_a_step_and_to_a_named_step() -> None:
    coach = Coaching()
    coach.script(*TO_ANALYSIS_ZH)
    back = coach.say("回到上一步")
    assert back.stage == "review" and "回款" in back.reply
    coach.say("没有了")
    coach.say("回款")
    assert coach.stage == "analysis"
    coach.script(*TO_LESSONS_ZH[len(TO_ANALYSIS_ZH) :])
    assert coach.stage == "lessons"
    assert coach.say("回到回顾").stage == "review"
    assert coach.say("back to lessons").stage == "lessons"
    assert "【" in coach.reply  # the lessons are shown again, not proposed twice
    assert len(coach.last.review.lessons) == len({lesson.text for lesson in coach.last.review.lessons})


def test_skip_the_reflection_as_a_whole() -> None:
    coach = Coaching()
    coach.script(*TO_LESSONS_ZH[:-1])
    assert coach.stage == "reflection"
    assert coach.say("跳过").stage == "lessons"


def test_skip_in_review_moves_to_analysis() -> None:
    coach = Coaching(language="en")
    assert coach.say("skip").stage == "analysis"


def test_finish_at_any_moment_summarizes_and_names_what_is_missing() -> None:
    coach = Coaching()
    coach.say("回款目标1.2亿，实际9600万")
    result = coach.say("结束")
    assert result.stage == "done"
    assert "复盘完成" in result.reply and "还缺" in result.reply and "行动" in result.reply
    assert result.review.summary.startswith("目标：回款")


def test_finish_in_english_and_go_back_from_done() -> None:
    coach = Coaching(language="en")
    assert coach.say("finish").stage == "done"
    assert coach.say("go back").stage == "actions"


def test_done_in_followup_means_the_action_is_done_not_finish() -> None:
    from tests.engines.rules.test_followup import _open_actions

    coach = Coaching(language="en", open_actions=_open_actions())
    result = coach.say("done")
    assert result.stage == "followup" and result.action_updates[0].status == "done"


def test_empty_message_repeats_the_question() -> None:
    coach = Coaching()
    result = coach.say("   ")
    assert result.stage == "review" and "没收到" in result.reply and "KPI" in result.reply


def test_the_greeting_names_the_four_steps_of_the_method() -> None:
    assert "回顾评估 → 分析根因（含个人反思）→ 总结提取 → 转化应用" in Coaching().reply
    assert (
        "Review → Root causes (with personal reflection) → Lessons → Actions" in Coaching(language="en").reply
    )


def test_where_are_we_counts_four_steps_with_the_reflection_inside_the_analysis() -> None:
    coach = Coaching()
    assert "第 1/4 步「回顾评估」" in coach.say("到哪了").reply
    coach.script(*TO_LESSONS_ZH[:-1])
    assert coach.stage == "reflection"
    assert "第 2/4 步「分析根因 · 个人反思」" in coach.say("到哪了").reply
    english = Coaching(language="en")
    assert "step 1/4" in english.say("where are we").reply
