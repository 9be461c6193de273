"""An action settled on the way ("先把一件事定了：…", "this goes straight to an action: …"); zh and en."""

from __future__ import annotations

import pytest

from tests.engines.rules.helpers import TO_DRILL_EN, TO_DRILL_ZH, Coaching


@pytest.mark.parametrize(
    ("language", "text", "owner"),
    [
        (
            "zh",
            "先把一件事定了：渠道返点方案，财务部周婷负责，5月20日前出初稿。数据：回款目标1.2亿，实际9600万。",
            "周婷",
        ),
        (
            "en",
            "One thing first: Priya drafts the channel rebate plan by May 20. "
            "Revenue target 1.2M, actual 960k.",
            "Priya",
        ),
    ],
)
def test_an_action_settled_before_the_goals_is_filed_and_the_goals_are_read(
    language: str, text: str, owner: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    review = coach.say(text).review
    assert [a.who for a in review.actions] == [owner]
    assert [g.name for g in review.goals] == ["回款" if language == "zh" else "Revenue"]


@pytest.mark.parametrize(
    ("language", "text", "owner"),
    [
        (
            "zh",
            "审批慢是因为要三级签字。这个直接做行动：审批改成两级，财务部周婷负责，5月20日前上线。",
            "周婷",
        ),
        (
            "en",
            "Approvals took three sign-offs. "
            "This goes straight to an action: Priya cuts approvals to two levels by May 20.",
            "Priya",
        ),
    ],
)
def test_an_action_settled_during_the_drill_is_filed_and_nothing_else_is_taken_from_it(
    language: str, text: str, owner: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*(TO_DRILL_ZH if language == "zh" else TO_DRILL_EN))
    review = coach.say(text).review
    assert [a.who for a in review.actions] == [owner]
    said = " ".join(f"{c.root_cause} {c.surface_cause}" for c in review.cause_chains)
    assert "5月20日" not in said and "May 20" not in said


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("zh", "先说个事，下周团建我还在排，跟今天没关系。回款目标1.2亿，实际9600万。"),
        ("en", "One thing first: the offsite is still being planned. Revenue target 1.2M, actual 960k."),
    ],
)
def test_a_remark_without_owner_and_date_is_no_action(language: str, text: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    review = coach.say(text).review
    assert not review.actions


@pytest.mark.parametrize(
    ("language", "text", "owner", "kept_out"),
    [
        (
            "zh",
            "先说一句，老柜机换新已经定了，让运维的小蔡——蔡文涛——7月底前把120台老柜机换掉，先记上，别回头忘了。",
            "蔡文涛",
            "忘了",
        ),
        (
            "en",
            "One thing first: Priya drafts the channel rebate plan by May 20, just so it's on there.",
            "Priya",
            "on there",
        ),
    ],
)
def test_an_action_said_first_thing_is_filed_without_the_note_to_keep_it(
    language: str, text: str, owner: str, kept_out: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    review = coach.say(text).review
    assert [a.who for a in review.actions] == [owner]
    action = review.actions[0]
    assert kept_out not in f"{action.what} {action.how}"
    assert review.goals == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("zh", "先说一句，这次数据还没出全，回款目标1.2亿，实际9600万。"),  # no one, no date: no action
        ("en", "One thing first: the data is not all in. Revenue target 1.2M, actual 960k."),
    ],
)
def test_a_remark_said_first_thing_is_no_action(language: str, text: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    review = coach.say(text).review
    assert review.actions == [] and len(review.goals) == 1


@pytest.mark.parametrize(
    ("language", "opening", "text", "owner", "highlight"),
    [
        (
            "zh",
            ("回款目标1.2亿，实际9600万；新客户目标50家，实际62家", "没有了", "回款"),
            "亮点是新客户，主要靠老带新。对了，先记一个行动：老带新奖励方案，王晶负责，4月10日前出。",
            "王晶",
            "新客户",
        ),
        (
            "en",
            ("Revenue target 1.2M, actual 960k; new clients target 50, actual 62", "that's all", "Revenue"),
            "Good: new clients, mostly referrals. Oh, and let's note an action: "
            "the referral bonus plan, Tom, by April 10.",
            "Tom",
            "new clients",
        ),
    ],
)
def test_an_action_noted_inside_a_finding_is_filed_and_the_finding_keeps_its_own_words(
    language: str, opening: tuple[str, ...], text: str, owner: str, highlight: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    review = coach.say(text).review
    assert [a.who for a in review.actions] == [owner]
    assert review.highlights and all(
        "行动" not in f.text and "action" not in f.text for f in review.highlights
    )
    assert review.highlights[0].text.startswith(highlight)


@pytest.mark.parametrize(
    ("language", "opening", "text"),
    [
        (
            "en",
            ("Revenue target 1.2M, actual 960k; new clients target 50, actual 62", "that's all", "Revenue"),
            "Good: we noted an action plan from last year and it worked, new clients came through referrals.",
        ),
        (
            "zh",
            ("回款目标1.2亿，实际9600万；新客户目标50家，实际62家", "没有了", "回款"),
            "亮点是新客户，去年先记下的行动计划落地了，老带新起来了。",
        ),
    ],
)
def test_a_finding_that_mentions_an_action_files_no_action(
    language: str, opening: tuple[str, ...], text: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    assert coach.say(text).review.actions == []
