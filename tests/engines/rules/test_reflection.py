"""Reflection: four personal questions per person named."""

from __future__ import annotations

import pytest

from tests.engines.rules.helpers import TO_LESSONS_ZH, Coaching
from tests.engines.rules.test_meta_and_edits import TO_ACTIONS_EN


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


def test_a_role_after_the_name_introduces_the_person_and_answers_nothing() -> None:
    for language, said, person in (
        ("zh", "我是王磊，销售总监", "王磊"),
        ("en", "I'm Tom, data manager", "Tom"),
    ):
        coach = _at_reflection(language=language)
        result = coach.say(said)
        (reflection,) = result.review.reflections
        assert reflection.person == person
        assert reflection.most_touched is None  # the role is no answer; the first question is asked
        assert person in result.reply


def test_one_message_answers_several_questions_and_leaves_one_out() -> None:
    for language, person, said, next_step in (
        (
            "zh",
            "我是李娜",
            "最触动的是回款比签单难；发现我太乐观；重来那条我不想说；下一步每周看账龄表。",
            "每周看账龄表",
        ),
        (
            "en",
            "I'm Bob",
            "Most moved: renewals slipping. I found I'm too optimistic. "
            "I'd rather not answer the do-better one. Next step: a weekly ageing review.",
            "a weekly ageing review",
        ),
    ):
        coach = _at_reflection(language=language)
        coach.say(person)
        result = coach.say(said)
        (reflection,) = result.review.reflections
        assert reflection.do_better is None  # left out, not answered with the remark
        assert reflection.next_step is not None and reflection.next_step.rstrip("。.") == next_step
        assert reflection.most_touched and reflection.self_discovery
        assert coach.step == "person"  # the round moves to the next person


def test_an_answer_that_mentions_what_was_not_said_is_an_answer() -> None:
    for language, person, said, do_better in (
        ("zh", "我是李娜", "最触动的是回款；重来会先问清客户没说的需求", "先问清客户没说的需求"),
        ("en", "I'm Bob", "Most moved: renewals. Do better: ask what customers didn't say", "ask what"),
    ):
        coach = _at_reflection(language=language)
        coach.say(person)
        reflection = coach.say(said).review.reflections[0]
        assert reflection.do_better is not None and do_better in reflection.do_better


def test_talk_in_the_room_when_asked_who_is_next_adds_no_one() -> None:
    for language, person, talk in (
        (
            "zh",
            "我是李娜，最触动的是回款比签单难；发现我太乐观",
            "插一句，会议室下午要让出来，我们接着说吧。",
        ),
        (
            "en",
            "I'm Bob. Most moved: renewals. I found I'm too optimistic",
            "Sorry, someone's just brought cake in.",
        ),
    ):
        coach = _at_reflection(language=language)
        coach.say(person)
        asked = coach.say(talk)
        assert len(asked.review.reflections) == 1  # no empty reflection for the remark
        assert asked.review.reflections[0].person in ("李娜", "Bob")


def test_an_unnamed_message_that_answers_what_the_last_person_left_goes_to_them() -> None:
    for language, person, more, next_step in (
        (
            "zh",
            "老周说：最触动的是死了三头；发现自己太信任报表；重来会提前看温度",
            "（老周接着补的）下一步他要把交接单做出来",
            "他要把交接单做出来",
        ),
        (
            "en",
            "Julia Hart: most moved by a retired teacher crying; I found I protect the partners' time; "
            "I'd have pushed the rewrite in autumn",
            "(sorry, sent too early) Next step: I'll rewrite the overseas section",
            "I'll rewrite the overseas section",
        ),
    ):
        coach = _at_reflection(language=language)
        coach.say(person)
        (reflection,) = coach.say(more).review.reflections  # completed, not a second anonymous one
        assert reflection.next_step == next_step
        assert reflection.person in ("老周", "Julia Hart")


def test_an_unnamed_message_that_answers_from_the_start_is_someone_else() -> None:
    for language, person, more in (
        (
            "zh",
            "老周说：最触动的是死了三头；发现自己太信任报表；重来会提前看温度；下一步每天测栏温",
            "最触动的是转群死得多；发现自己不敢提要求",
        ),
        (
            "en",
            "Lucy: most moved by the refunds; I found I hide problems; I'd flag them on day one; "
            "next step, a daily ticketing check.",
            "Most moved: the queues; I found I avoid conflict",
        ),
    ):
        coach = _at_reflection(language=language)
        coach.say(person)
        assert coach.step == "person"  # asked who is next
        first, second = coach.say(more).review.reflections
        assert first.person in ("老周", "Lucy") and second.person is None and second.most_touched


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("zh", "另一个店的店长柏林这次不参与反思，她五一在休产假。"),
        ("en", "Bea from the other branch is not taking part, she's on maternity leave this month."),
        ("en", "Nadia from booking passes, she wasn't on the ship side this month."),
        ("zh", "订票组的娜娜旁听，她这个月不在船上。"),
    ],
)
def test_someone_who_takes_no_part_and_why_is_no_fact_of_the_review(language: str, text: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*(TO_LESSONS_ZH[:-1] if language == "zh" else TO_ACTIONS_EN[:-2]))
    assert coach.stage == "reflection"
    before = coach.last.review
    result = coach.say(text)
    assert (
        result.review.cause_chains == before.cause_chains and result.review.reflections == before.reflections
    )
    assert result.stage == "reflection"


def test_a_person_who_writes_no_reflection_is_filed_as_nobody() -> None:
    for language, first, declined in (
        ("zh", "我是李娜。最触动的是回款比签单难。发现自己太乐观。", "客服的阿敏说她这次不写了，刚来两周。"),
        (
            "en",
            "I'm Bob. Most moved by the renewals. I found I wait too long.",
            "Ben said he's not writing one.",
        ),
    ):
        coach = _at_reflection(language=language)
        coach.script(first, "-", "-")
        result = coach.say(declined)
        assert len(result.review.reflections) == 1, language


def test_the_end_of_the_reflections_said_mid_answers_answers_nothing() -> None:
    coach = _at_reflection(language="en")
    coach.say("I'm Bob")
    result = coach.say("done with reflections")
    assert result.stage == "lessons"
    assert result.review.reflections[0].most_touched is None


def test_thanks_without_a_name_has_no_empty_quote() -> None:
    coach = _at_reflection(language="en")
    coach.script("most moved: the renewals", "I wait too long", "call earlier")
    result = coach.say("weekly ageing review")
    assert result.reply.startswith("Thanks.")


def test_a_reflection_under_a_short_name_is_filed_under_the_action_owners_full_name() -> None:
    coach = Coaching(language="en")
    coach.script(*TO_ACTIONS_EN)
    coach.say("Kofi sent his by text: moved by the biscuits; found out he rushes.")
    coach.say("preflight profile in the RIP, Kofi Mensah, by May 30")
    result = coach.say("that's all, finish")
    assert any(r.person == "Kofi Mensah" for r in result.review.reflections)


def test_a_question_about_a_causes_share_answers_no_reflection_question() -> None:
    for language, person, aside in (
        ("zh", "我是李娜", "对了，回款慢里面审批那块占多少？我看七成。"),
        ("en", "I'm Bob", "Oh, and how much of the churn is the pricing thing? Most of it, I'd say."),
    ):
        coach = _at_reflection(language=language)
        coach.say(person)
        asked = coach.reply
        result = coach.say(aside)
        assert result.review.reflections[0].most_touched is None, language
        assert result.reply == asked
