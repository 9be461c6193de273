"""A whole meeting pasted before the coach asked for anything, zh and en: every line that states a fact is
filed, also when no question or list opened its part — a finding told by how a KPI the meeting named went
("回款差了两百多万，主要是…", "Collections missed its target, mostly because …"), a lesson the speaker
calls one ("经验就是…，这个新增，组织层面", "the lesson is: …, that's a new org rule"), a task taken with
its date ("我这边跟进…，月底前", "I'll write … by next Friday"); the ladder under a why asked about a
finding has that finding as its phenomenon; "好的就这些" / "OK that's all" ends a list."""

from __future__ import annotations

import pytest

from tests.engines.rules.helpers import Coaching

MEETING = {
    "zh": "把会议记录贴给你：\n张伟：这个月回款目标1200万，实际到了980万。\n"
    "李娜：新签客户目标40家，实际45家。\n"
    "张伟：新签做得好，主要是展会那波线索转化不错。\n"
    "李娜：回款差了两百多万，主要是两个大客户拖款，一个是付款流程变了，一个是项目验收还没过。\n"
    "张伟：为什么验收没过？\n"
    "李娜：实施那边人手不够，上线晚了一个月。根子还是我们签单的时候没评估交付能力，我看占七成。\n"
    "张伟：行，经验就是签大单前要先过交付评审，这个新增，组织层面。\n"
    "李娜：我这边跟进两个大客户的回款，月底前。\n张伟：交付评审流程我来定，下周五前出。",
    "en": "Pasting the call notes:\nTom: Collections target was 1.2 million, we got 980k.\n"
    "Amy: New logos target 40, we signed 45.\n"
    "Tom: New logos went well, mostly thanks to the trade show leads.\n"
    "Amy: Collections missed its target, mostly because two big accounts paid late.\n"
    "Tom: Why did they pay late?\n"
    "Amy: Delivery was short-staffed and went live a month late. The root is we never check delivery "
    "capacity before we sign, I'd say 70 percent.\n"
    "Tom: OK, the lesson is: check delivery capacity before signing big deals, that's a new org rule.\n"
    "Amy: I'll chase the two late accounts by the end of the month.\n"
    "Tom: I'll write the delivery review process by next Friday.",
}
EXPECTED = {
    "zh": {
        "shortfall": "回款差了两百多万",
        "lesson": ("签大单前要先过交付评审", "organization", "start"),
        "actions": [("跟进两个大客户的回款", "李娜"), ("交付评审流程", "张伟")],
        "root": "我们签单的时候没评估交付能力",
    },
    "en": {
        "shortfall": "Collections missed its target",
        "lesson": ("check delivery capacity before signing big deals", "organization", "start"),
        "actions": [("chase the two late accounts", "Amy"), ("write the delivery review process", "Tom")],
        "root": "we never check delivery capacity before we sign",
    },
}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_line_that_states_a_fact_is_filed(language: str) -> None:
    coach = Coaching(language)
    coach.say(MEETING[language])
    review, expected = coach.last.review, EXPECTED[language]
    assert [f.text for f in review.shortfalls] == [expected["shortfall"]]
    [lesson] = review.lessons
    assert (lesson.text, lesson.dimension.value, lesson.action.value) == expected["lesson"]
    assert [(a.what, a.who) for a in review.actions] == expected["actions"]
    [chain] = review.cause_chains
    assert (chain.root_cause, chain.share) == (expected["root"], 0.7)


def test_the_ladder_under_a_why_asked_about_a_finding_has_it_as_its_phenomenon() -> None:
    coach = Coaching("zh")
    coach.say(MEETING["zh"])
    [chain] = coach.last.review.cause_chains
    assert (chain.phenomenon, chain.surface_cause) == ("验收没过", "实施那边人手不够，上线晚了一个月")


@pytest.mark.parametrize(("language", "closing"), [("zh", "好的就这些"), ("en", "OK that's all")])
def test_an_acknowledgement_before_no_more_ends_the_list(language: str, closing: str) -> None:
    coach = Coaching(language)
    coach.say(MEETING[language])
    assert coach.last.stage == "actions"
    coach.say(closing)
    assert coach.last.stage == "done"
    assert len(coach.last.review.actions) == 2
