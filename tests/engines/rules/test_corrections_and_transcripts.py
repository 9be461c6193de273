"""Numbers corrected beside their old value, a focus named in other words, terse lesson lists, answers
left out in the reflection, and a meeting transcript pasted into the chat; zh and en."""

from __future__ import annotations

import pytest

from tests.engines.rules.helpers import TO_LESSONS_ZH, Coaching

GOALS_ZH = "客单价目标300元，实际260元；退货率目标5%，实际8%"
GOALS_EN = "Average order target 300, actual 260; return rate target 5%, actual 8%"


@pytest.mark.parametrize(
    ("language", "goals", "fix", "target", "result"),
    [
        ("zh", GOALS_ZH, "哦我记错了，客单价实际是240元，260是上个月的", 300, 240),
        ("zh", GOALS_ZH, "退货率的目标写错了，是4%不是5%", 4, 8),
        ("en", GOALS_EN, "sorry, the return rate target was 4%, not 5", 4, 8),
    ],
)
def test_a_corrected_number_beside_its_old_value_updates_the_goal(
    language: str, goals: str, fix: str, target: float, result: float
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.say(goals)
    review = coach.say(fix).review
    assert len(review.goals) == 2
    assert [(g.target_value, g.result_value) for g in review.goals if g.target_value == target] == [
        (target, result)
    ]


@pytest.mark.parametrize(
    ("language", "goals", "focus", "name"),
    [("zh", GOALS_ZH, "退货最要紧", "退货率"), ("en", GOALS_EN, "Returns matter most", "return rate")],
)
def test_a_focus_in_other_words_is_the_focus_not_a_new_goal(
    language: str, goals: str, focus: str, name: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.say(goals)
    result = coach.say(focus)
    assert len(result.review.goals) == 2 and coach.stage == "analysis"
    assert name in result.reply.lower()


def test_a_terse_english_lesson_list_is_split_at_each_full_stop() -> None:
    coach = Coaching(language="en")
    coach.script("Revenue target 1.2M, actual 960k", "that's all", "Revenue", "skip", "skip", "skip")
    result = coach.say(
        "lessons: keep weekly demos, org. start pairing on hotfixes, people. stop late scope changes, culture"
    )
    lessons = result.review.lessons[-3:]
    assert [(lesson.text, lesson.dimension.value) for lesson in lessons] == [
        ("keep weekly demos", "organization"),  # the type said last types it, no part of its words
        ("start pairing on hotfixes", "people"),
        ("stop late scope changes", "culture"),
    ]


def test_an_answer_left_out_and_the_end_of_the_reflections() -> None:
    coach = Coaching()
    coach.script(*TO_LESSONS_ZH[:-1], "我是陈晨", "最触动的是客户的一句抱怨", "重来那个先跳过")
    reflection = coach.last.review.reflections[0]
    assert reflection.most_touched == "客户的一句抱怨" and reflection.do_better is None
    assert coach.last.state["reflection"]["question"] == 3  # the next step is asked, not "重来" again
    coach.say("下一步每周听一次客服录音")
    coach.say("反思完了")
    assert coach.stage == "lessons"
    assert all(
        "反思完了" not in (getattr(r, k) or "") for r in coach.last.review.reflections for k in ("next_step",)
    )


TRANSCRIPT_ZH = """会议记录：
周敏：大家午饭吃了吗？
小吴：吃过了。
周敏：先看数字，客单价目标300元，实际260元；退货率目标5%，实际8%。
周敏：亮点说一下。
小吴：直播间转化高，主播换了打法。
周敏：不足呢？
小吴：退货多，尺码不准。
周敏：退货为什么多？
小吴：根因是尺码表三年没更新，占七成。
周敏：经验：直播打法继续；尺码表定期更新，新增，算组织。
周敏：行动：小吴负责重做尺码表，5月31日前。
周敏：好，散会。"""

TRANSCRIPT_EN = """Call notes:
Ava: How was everyone's weekend?
Ben: Too short.
Ava: Okay. Average order target 300, actual 260; return rate target 5%, actual 8%.
Ben: What went well: the live-stream sales.
Ava: What went badly: returns, sizes run small.
Ben: The root cause is a size chart nobody updated in three years, 70%.
Ava: Lessons: keep the live streams. Start yearly size-chart reviews.
Ava: Action items.
Ben: I'll redo the size chart by May 31.
Cal: I can't take anything, I'm out next week.
Ava: Great, thanks all."""


@pytest.mark.parametrize(
    ("language", "text", "owner"), [("zh", TRANSCRIPT_ZH, "小吴"), ("en", TRANSCRIPT_EN, "Ben")]
)
def test_a_pasted_transcript_is_taken_line_by_line_without_its_small_talk(
    language: str, text: str, owner: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    review = coach.say(text).review
    assert len(review.goals) == 2 and review.highlights and review.shortfalls
    (chain,) = review.cause_chains
    assert (chain.is_main and "尺码表" in (chain.root_cause or "")) or "size chart" in (
        chain.root_cause or ""
    )
    assert len(review.lessons) == 2
    assert [a.who for a in review.actions] == [owner]
    everything = review.model_dump_json()
    for chatter in ("午饭", "散会", "weekend", "Cal", "thanks all"):
        assert chatter not in everything


MEETING_ZH = """把会议转写整理成复盘：
何静：人齐了吧？小吴你那个腰好点没？
吴磊：好多了。
何静：那开始。困人故障目标每月不超过4起，实际9起；按时保养完成率目标98%，实际99.2%。
吴磊：困人说一下吧。9起里面7起是门机，门打不开。为什么对不上？门机皮带老化。为什么老化了没换？保养没查这一项。再问为什么——清单一直没人管。
何静：好，说经验。保养APP扫码签到要继续，组织上的；副厂件这个要停，业务的。
林晓：我补一条，新人跟着老师傅跟修，要新增，人的层面。
何静：清单那块，我估计八成是清单的问题，剩下两成是乘客扒门，外部的。
何静：行动。保养清单重新修订，吴磊你来？
吴磊：可以，12月20日前出新版。
何静：郑工你有什么补充？
郑国平：没有，我就是来听听。"""

MEETING_EN = """Transcript, can you turn it into the retro?
[09:00] Dana: Morning all. Lucy, how was the half marathon?
[09:00] Lucy: Slow, but I finished.
[09:01] Dana: Right, numbers. Audit pass rate: target 95%, we got 88%.
[09:02] Dana: Sick hours: 600 was the budget, we used 540.
[09:04] Tariq: Mostly washrooms at the hospital sites. Why? The night supervisors cover four sites each.
[09:05] Tariq: And if you keep asking why, we priced them with the office ratio. I'd say three quarters.
[09:07] Dana: We should stop pricing hospital work off the office model, that's organisation.
[09:08] Tariq: And keep the flu jabs, honestly it paid for itself. That's people.
[09:09] Dana: Agreed. OK, actions. Supervisor app, Lucy?
[09:10] Lucy: I'll take it. End of October for both hospitals.
[09:11] Dana: Graham, anything from finance?
[09:11] Graham: No, I'm just here for the numbers."""


@pytest.mark.parametrize(
    ("language", "text", "root", "lessons", "owner", "chatter"),
    [
        (
            "zh",
            MEETING_ZH,
            "清单一直没人管",
            {("扫码签到", "continue"), ("副厂件", "stop"), ("跟修", "start")},
            "吴磊",
            ("腰", "郑国平", "听听"),
        ),
        (
            "en",
            MEETING_EN,
            "office ratio",
            {("office model", "stop"), ("flu jabs", "continue")},
            "Lucy",
            ("marathon", "Graham", "numbers."),
        ),
    ],
)
def test_a_meeting_is_read_sentence_by_sentence_into_chain_lessons_and_actions(
    language: str, text: str, root: str, lessons: set[tuple[str, str]], owner: str, chatter: tuple[str, ...]
) -> None:
    review = Coaching(language=language).say(text).review  # type: ignore[arg-type]
    (main,) = [c for c in review.cause_chains if c.is_main]
    assert root in (main.root_cause or "")
    typed = {
        (words, lesson.action.value)
        for words, _ in lessons
        for lesson in review.lessons
        if words in lesson.text
    }
    assert typed == lessons
    assert [a.who for a in review.actions] == [owner]
    everything = review.model_dump_json()
    assert not any(word in everything for word in chatter)
