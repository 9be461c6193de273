"""Findings as a new user tells them: a highlight's reason after "，主要是" / ", mostly thanks to" is its
cause (never asked again); two findings joined by "and" / "和" are two; a ladder whose top sentence says
the finding and its first cause ("X slipped because Y; underneath that, …") keeps both; a finding said to
share the chain just told ("X is the same story") is never drilled as a new phenomenon; a filler where a
pick is asked ("嗯") gets the question again; zh and en."""

from __future__ import annotations

import pytest

from tests.engines.rules.helpers import Coaching

GOAL = {"zh": ("新客户数目标100个，实际120个", "没有了"), "en": ("CSAT target 90, actual 93", "that's all")}


def _at_highlights(language: str) -> Coaching:
    coach = Coaching(language)
    coach.script(*GOAL[language])
    if coach.step != "highlights":
        coach.say("新客户数" if language == "zh" else "CSAT")
    return coach


@pytest.mark.parametrize(
    ("language", "text", "highlight", "cause"),
    [
        ("zh", "亮点：新客户数超额，主要是老客户转介绍", "新客户数超额", "老客户转介绍"),
        ("zh", "亮点：新客户数超额，靠的是老客户转介绍", "新客户数超额", "老客户转介绍"),
        (
            "en",
            "Good: CSAT beat target, mostly thanks to the new macros Priya wrote",
            "CSAT beat target",
            "the new macros Priya wrote",
        ),
    ],
)
def test_a_highlights_reason_after_a_comma_is_its_cause(
    language: str, text: str, highlight: str, cause: str
) -> None:
    coach = _at_highlights(language)
    coach.say(text)
    found = coach.last.review.highlights
    assert [(h.text, h.causes) for h in found] == [(highlight, [cause])]
    assert coach.step != "highlight_why"  # the why was given: not asked again


_SHORTFALLS = {
    "zh": ("亮点：新客户数超额，因为老客户转介绍", "没有了"),
    "en": ("Good: CSAT beat target, because of the new macros", "none"),
}


@pytest.mark.parametrize(
    ("language", "text", "shortfalls"),
    [
        ("en", "Bad: first response and backlog", ["first response", "backlog"]),
        ("zh", "不好的：次日达没完成和损耗超标", ["次日达没完成", "损耗超标"]),
    ],
)
def test_two_findings_joined_by_and_are_two_shortfalls(
    language: str, text: str, shortfalls: list[str]
) -> None:
    coach = _at_highlights(language)
    coach.script(*_SHORTFALLS[language], text)
    assert [f.text for f in coach.last.review.shortfalls] == shortfalls


def test_and_inside_a_clause_keeps_one_shortfall() -> None:
    coach = _at_highlights("en")
    coach.script(*_SHORTFALLS["en"], "Bad: returns and exchanges took too long")
    assert [f.text for f in coach.last.review.shortfalls] == ["returns and exchanges took too long"]


_LADDER = {
    "zh": (
        "不好的：次日达没完成和损耗超标",
        "没有了",
        "没有",
        "次日达没完成主要是晚上分拣跟不上，表面看是人不够，往下挖是排班按白天单量做的，"
        "根子上是没人负责产能规划，我估计占六成",
    ),
    "en": (
        "Bad: first response and backlog",
        "none",
        "none",
        "first response slipped because mornings are understaffed; underneath that, the rota was built "
        "before we took on the EU customers; root cause is nobody owns capacity planning. I'd say 70% of it.",
    ),
}
_TOLD = {
    "zh": ("次日达没完成", "晚上分拣跟不上 → 人不够 → 排班按白天单量做的", "没人负责产能规划"),
    "en": (
        "first response slipped",
        "mornings are understaffed → the rota was built before we took on the EU customers",
        "nobody owns capacity planning",
    ),
}


def _after_ladder(language: str) -> Coaching:
    coach = _at_highlights(language)
    coach.script(_SHORTFALLS[language][0], _SHORTFALLS[language][1], *_LADDER[language])
    return coach


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_ladder_topped_by_the_finding_and_its_first_cause_keeps_both(language: str) -> None:
    chains = _after_ladder(language).last.review.cause_chains
    assert [(c.phenomenon, c.surface_cause, c.root_cause) for c in chains] == [_TOLD[language]]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("zh", "损耗也是这个原因"),
        ("zh", "损耗同理"),
        ("en", "backlog is the same story"),
        ("en", "The backlog is the same thing, really."),
    ],
)
def test_a_finding_said_to_share_the_chain_is_not_drilled_anew(language: str, text: str) -> None:
    coach = _after_ladder(language)
    coach.say(text)
    assert len(coach.last.review.cause_chains) == 1  # no chain rooted in "这个原因" / "the same story"
    assert "为什么" not in coach.last.reply and "why" not in coach.last.reply.lower()
    assert ("同一条因果链" if language == "zh" else "shares the cause chain") in coach.last.reply


_TWO_TO_PICK = {
    "zh": (
        "亮点：新客户数超额，因为老客户转介绍",
        "没有了",
        "不好的：次日达没完成和损耗超标",
        "没有了",
        "没有",
        "没有",
    ),
    "en": (
        "Good: CSAT beat target, because of the new macros",
        "none",
        "Bad: first response and backlog",
        "none",
        "none",
        "none",
    ),
}


@pytest.mark.parametrize(
    ("language", "filler"),
    [
        ("zh", "嗯"),
        ("zh", "好的"),
        ("zh", "呃……"),
        ("en", "ok"),
        ("en", "yeah"),
        ("en", "uh"),
        ("en", "hmm..."),
    ],
)
def test_a_filler_where_a_pick_is_asked_asks_again(language: str, filler: str) -> None:
    coach = _at_highlights(language)
    coach.script(*_TWO_TO_PICK[language])
    assert coach.step == "choose"
    coach.say(filler)
    assert coach.step == "choose" and not coach.last.review.cause_chains
    assert ("挑哪一个" if language == "zh" else "Which one?") in coach.last.reply


@pytest.mark.parametrize(
    ("language", "pick", "drilled"), [("zh", "2", "损耗超标"), ("en", "backlog", "backlog")]
)
def test_a_pick_after_the_filler_is_taken(language: str, pick: str, drilled: str) -> None:
    coach = _at_highlights(language)
    coach.script(*_TWO_TO_PICK[language], "嗯" if language == "zh" else "ok", pick)
    assert coach.step != "choose"
    assert drilled in coach.last.reply


_ASKED_IN_A_MEETING = {
    "en": (
        "Leona: Late load-ins?\n"
        "Carla: Venues give us later access than booked. We never confirm access times.\n"
        "Leona: Backlog?\nWes: Tickets pile up on Mondays. Nobody triages the weekend queue.",
        [("first response slipped", "nobody owns capacity planning")],
    ),
    "zh": (
        "周磊：损耗呢？\n孙悦：试灌报废太多。换线没有标准。\n周磊：好，下一个。\n小刘：嗯。",
        [("次日达没完成", "没人负责产能规划")],
    ),
}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_meeting_asking_each_finding_by_name_files_its_causes(language: str) -> None:
    coach = _after_ladder(language)
    coach.say("没有" if language == "zh" else "no")
    text, chains = _ASKED_IN_A_MEETING[language]
    coach.say(text)
    filed = [(c.phenomenon, c.root_cause) for c in coach.last.review.cause_chains]
    assert filed[0] == chains[0]
    named = {"zh": ["损耗超标"], "en": ["backlog"]}[language]
    assert [p for p, _ in filed[1:]] == named
    root = filed[-1][1] or ""
    assert ("换线没有标准" in root) if language == "zh" else ("nobody triages the weekend queue" in root)
    assert "为什么" not in coach.last.reply and "why" not in coach.last.reply.lower()


_SAID_ON = {
    "en": (
        "Backlog is mostly the same story, things run till they break. "
        "The Monday queue alone was 300 tickets, nobody triages the weekend. I won't drill that one further.",
        "things run till they break; the Monday queue alone was 300 tickets, nobody triages the weekend",
    ),
    "zh": (
        "损耗超标也是这个原因，换线试灌报废太多。光是面霜线就报废了两吨，换线没有标准。这个不用挖了。",
        "换线试灌报废太多；光是面霜线就报废了两吨，换线没有标准",
    ),
}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_finding_said_like_the_last_with_its_own_cause_keeps_that_cause_and_what_goes_on_about_it(
    language: str,
) -> None:
    coach = _after_ladder(language)
    coach.say("没有" if language == "zh" else "no")
    text, root = _SAID_ON[language]
    coach.say(text)
    chains = coach.last.review.cause_chains
    assert len(chains) == 2 and chains[-1].root_cause == root


_KPI_RUN = {
    "zh": (
        "会员复购率目标60%，实际52%；客诉目标不超过15起，实际26起；发型师流失率目标8%，实际14%",
        "没有了",
        "发型师流失率",
        "亮点：营收超了，因为护理卡卖得好",
        "没有了",
        "不好的：流失、客诉、复购低",
    ),
    "en": (
        "Repeat rate target 60%, actual 52%; complaints max 15, actual 26; "
        "stylist churn target 8%, actual 14%",
        "that's all",
        "stylist churn",
        "Good: revenue beat target, because of the care card",
        "none",
        "Bad: churn, complaints, repeat rate low",
    ),
}


@pytest.mark.parametrize(
    ("language", "shortfalls"),
    [("zh", ["流失", "客诉", "复购低"]), ("en", ["churn", "complaints", "repeat rate low"])],
)
def test_a_run_of_kpi_names_is_a_shortfall_each(language: str, shortfalls: list[str]) -> None:
    coach = Coaching(language)
    coach.script(*_KPI_RUN[language])
    assert [f.text for f in coach.last.review.shortfalls] == shortfalls


_MENTIONED = {
    "zh": ("损耗超标我就不展开了，顺口说一句，主要是换线试灌报废太多。", "换线试灌报废太多"),
    "en": (
        "Backlog, I won't go into it, because nobody triages the weekend queue.",
        "nobody triages the weekend queue",
    ),
}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_finding_only_mentioned_with_its_cause_files_that_cause(language: str) -> None:
    coach = _after_ladder(language)
    coach.say("没有" if language == "zh" else "no")
    text, root = _MENTIONED[language]
    coach.say(text)
    assert [c.root_cause for c in coach.last.review.cause_chains][1:] == [root]
