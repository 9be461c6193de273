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
