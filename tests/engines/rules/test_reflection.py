"""Reflection: four personal questions per person named."""

from __future__ import annotations

from tests.engines.rules.helpers import TO_LESSONS_ZH, Coaching


def _at_reflection(language: str = "zh") -> Coaching:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*TO_LESSONS_ZH[:-1])
    assert coach.stage == "reflection"
    return coach


def test_two_people_answer_the_four_questions() -> None:
    coach = _at_reflection()
    coach.script("我是李娜", "回款比签单难", "我太乐观", "早点设节点", "每周看账龄表")
    assert "下一位" in coach.reply
    coach.script("下一个：老王", "跳过", "我不爱追问客户", "提前约回款", "每周打两个催款电话")
    result = coach.say("没有了")
    first, second = result.review.reflections
    assert (first.person, first.most_touched, first.next_step) == ("李娜", "回款比签单难", "每周看账龄表")
    assert (second.person, second.most_touched, second.do_better) == ("老王", None, "提前约回款")
    assert result.stage == "lessons" and "2 位" in result.reply


def test_name_and_first_answer_in_one_message() -> None:
    coach = _at_reflection(language="en")
    result = coach.say("I'm Bob, what moved me most was how fast renewals slipped")
    assert result.review.reflections[0].person == "Bob"
    assert (
        result.review.reflections[0].most_touched == "how fast renewals slipped"
    )  # the answer, not the question
    assert "about yourself" in result.reply


def test_talk_about_the_meeting_is_no_answer_and_the_question_is_asked_again() -> None:
    for language, person, talk, answer in (
        ("zh", "我是李娜", "插一句，会议室下午要让出来，我们接着说吧。", "早点设节点"),
        ("en", "I'm Bob", "Sorry, someone's just brought cake in. OK, carry on.", "set milestones early"),
    ):
        coach = _at_reflection(language=language)
        coach.script(
            person, "a" if language == "en" else "回款比签单难", "b" if language == "en" else "我太乐观"
        )
        asked = coach.reply
        result = coach.say(talk)
        assert result.review.reflections[0].do_better is None
        assert result.reply == asked  # the same question again
        assert coach.say(answer).review.reflections[0].do_better == answer


def test_a_remark_in_brackets_before_an_answer_is_no_part_of_it() -> None:
    for language, person, said, answer in (
        ("zh", "我是李娜", "（刚才发早了）下一步每周看账龄表", "每周看账龄表"),
        (
            "en",
            "I'm Bob",
            "(sorry, sent too early) Next step: a weekly ageing review",
            "a weekly ageing review",
        ),
    ):
        coach = _at_reflection(language=language)
        coach.say(person)
        reflection = coach.say(said).review.reflections[0]
        assert reflection.next_step == answer and reflection.most_touched is None


def test_a_blank_answer_is_skipped_and_no_one_left_closes_the_round_in_english() -> None:
    # the words are the language files' `reflection_blank` and `reflection_no_one_left`
    coach = _at_reflection(language="en")
    coach.script("I'm Bob", "pass", "I was too optimistic", "set milestones early", "check ageing weekly")
    result = coach.say("nobody")
    (bob,) = result.review.reflections
    assert (bob.person, bob.most_touched, bob.next_step) == ("Bob", None, "check ageing weekly")
    assert result.stage == "lessons"
