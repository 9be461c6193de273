"""Facts filed wherever they come: findings during the goals, a chain inside the highlights, a drill-down
said whole, several people's reflections in one message, a weighed rest, a root said twice; zh and en."""

from __future__ import annotations

import pytest

from coach.domain.reading.blocks import read_blocks
from coach.engines.rules.filing import _chains
from tests.engines.rules.helpers import TO_ANALYSIS_ZH, Coaching

TO_MORE_GOALS_ZH = ("订单量目标5000单，实际4300单；复购率目标30%，实际34%",)
TO_MORE_GOALS_EN = ("Orders target 5000, actual 4300; repeat rate target 30%, actual 34%",)
TO_ANALYSIS_EN = ("Revenue target 1.2M, actual 960k", "that's all", "Revenue")


@pytest.mark.parametrize(
    ("language", "opening", "text", "highlight", "shortfall"),
    [
        (
            "zh",
            TO_MORE_GOALS_ZH,
            "做得好的是复购，会员日带动的。没做好的是订单量，大促备货不足。",
            "复购",
            "订单量",
        ),
        (
            "en",
            TO_MORE_GOALS_EN,
            "Went well: repeat buyers. Went badly: order volume, stock ran out.",
            "repeat",
            "order",
        ),
    ],
)
def test_findings_said_while_goals_are_collected_are_filed_and_the_coach_moves_on(
    language: str, opening: tuple[str, ...], text: str, highlight: str, shortfall: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    result = coach.say(text)
    assert [g.name for g in result.review.goals] and len(result.review.goals) == 2  # no goal made of them
    assert highlight in result.review.highlights[0].text.lower()
    assert shortfall in result.review.shortfalls[0].text.lower()
    assert coach.stage == "analysis" and coach.step == "shortfalls"  # more shortfalls?, never a why
    assert result.reply.splitlines()[0].startswith(("记下了", "Filed"))


@pytest.mark.parametrize(
    ("language", "opening", "text", "root"),
    [
        (
            "zh",
            TO_ANALYSIS_ZH,
            "亮点是新客户多。不过说到回款，根子其实在合同条款上，没有约定付款节点。",
            "合同条款",
        ),
        (
            "en",
            TO_ANALYSIS_EN,
            "Highlights: new logos. The slow revenue comes down to pricing, that's the root cause.",
            "pricing",
        ),
    ],
)
def test_a_root_cause_said_among_the_highlights_goes_to_the_chains(
    language: str, opening: tuple[str, ...], text: str, root: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    review = coach.say(text).review
    assert len(review.highlights) == 1
    (chain,) = review.cause_chains
    assert root in (chain.root_cause or "")
    assert coach.step == "chain_share"  # its share is asked for once


@pytest.mark.parametrize(
    ("language", "opening", "text", "rest"),
    [
        (
            "zh",
            TO_ANALYSIS_ZH,
            "挖回款：现象是月底收不上来，表面是客户拖，往下是验收慢，根因是合同不写验收期限，占七成。剩下两成是财务对账慢。",
            "财务对账慢",
        ),
        (
            "en",
            TO_ANALYSIS_EN,
            "Dig into revenue: the symptom is late payments, the surface cause is slow sign-off,"
            " the root cause is"
            " no acceptance deadline in contracts, 70%. The rest is slow invoicing, 20%.",
            "slow invoicing",
        ),
    ],
)
def test_a_whole_drill_down_and_its_rest_in_one_message(
    language: str, opening: tuple[str, ...], text: str, rest: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    review = coach.say(text).review
    main, other = review.cause_chains
    assert main.is_main and main.share == pytest.approx(0.7) and main.surface_cause
    assert rest in (other.root_cause or "") and other.share == pytest.approx(0.2) and not other.is_main


def test_a_root_said_again_completes_the_chain_instead_of_repeating_it() -> None:
    coach = Coaching()
    coach.script(*TO_ANALYSIS_ZH, "亮点是新客户多。不过说到回款，根子其实在合同没有约定付款节点。")
    review = coach.say("八成").review
    review = coach.say(
        "挖回款：现象是收不上来，表面是客户拖，根因就是刚才说的：合同没有约定付款节点。"
    ).review
    assert len(review.cause_chains) == 1 and review.cause_chains[0].share == pytest.approx(0.8)


@pytest.mark.parametrize(
    ("language", "text", "people"),
    [
        (
            "zh",
            "反思大家轮流说。我是销售经理林涛，最触动的是丢了老客户；发现自己太看重新单；重来会先做客户分层；下一步每月回访。\n"
            "财务部何静说：最触动是坏账；发现自己催款不坚决；下一步周报里加账龄。",
            ["林涛", "何静"],
        ),
        (
            "en",
            "Reflections, one each. I'm Sara. Most moved: losing our oldest client. "
            "I found I chase new logos. "
            "Next step: quarterly client reviews.\nLeo, our finance lead, says: most moved by the bad debt; "
            "he found he avoids chasing; next he'll add ageing to the weekly report.",
            ["Sara", "Leo"],
        ),
    ],
)
def test_several_people_reflect_in_one_message(language: str, text: str, people: list[str]) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*(TO_ANALYSIS_ZH if language == "zh" else TO_ANALYSIS_EN))
    review = coach.say(text).review
    assert [r.person for r in review.reflections] == people
    assert all(r.most_touched and r.self_discovery and r.next_step for r in review.reflections)
    assert review.reflections[1].do_better is None  # not said, so not filed
    assert not review.highlights and not review.shortfalls and not review.cause_chains
    assert coach.stage == "reflection" and coach.step == "person"


@pytest.mark.parametrize(
    ("language", "skip", "then"),
    [("zh", "反思这次就免了", "lessons"), ("en", "skip the reflections", "lessons")],
)
def test_skipping_the_reflection_is_understood_in_any_stage(language: str, skip: str, then: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*(TO_ANALYSIS_ZH if language == "zh" else TO_ANALYSIS_EN))
    result = coach.say(skip)
    assert coach.stage == then and not result.review.reflections and not result.review.highlights


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("zh", "好的地方：渠道带来了新客户。问题：大客户拖款；审批太慢。"),
        (
            "en",
            "The good parts: partners brought new logos. Problems: big clients paid late; approvals dragged.",
        ),
    ],
)
def test_other_words_for_highlights_and_shortfalls(language: str, text: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*(TO_ANALYSIS_ZH if language == "zh" else TO_ANALYSIS_EN))
    review = coach.say(text).review
    assert len(review.highlights) == 1 and len(review.shortfalls) == 2


def test_an_outside_cause_with_its_share_is_filed_without_the_remark() -> None:
    coach = Coaching()
    coach.script(*TO_ANALYSIS_ZH, "挖回款：现象是月底收不上来，根因是合同没写付款节点，占七成。")
    review = coach.say("余下两成是个别客户资金紧张，这个是外部的，不用挖了").review
    other = review.cause_chains[-1]
    assert other.root_cause == "个别客户资金紧张" and other.share == pytest.approx(0.2) and not other.is_main


def test_a_reflection_led_in_by_the_speaker_names_the_speaker() -> None:
    coach = Coaching()
    coach.script(*TO_ANALYSIS_ZH)
    review = coach.say(
        "反思我先说：我是赵磊，印象最深的是客户拖了半年；发现自己不敢催款；接下来每周过一次应收。"
    ).review
    (reflection,) = review.reflections
    assert reflection.person == "赵磊" and reflection.most_touched == "客户拖了半年"


@pytest.mark.parametrize(
    ("language", "opening", "more", "root", "fix"),
    [
        ("zh", TO_ANALYSIS_ZH, "还有账期太长，合同默认90天，两成。", "合同默认90天", "不对，应该是六成"),
        (
            "en",
            TO_ANALYSIS_EN,
            "late invoicing: invoices go out a month late. 20%",
            "invoices go out a month late",
            "sorry, make that 60%",
        ),
        # the old share said again before the new one: the share after the correction counts
        (
            "zh",
            TO_ANALYSIS_ZH,
            "还有账期太长，合同默认90天，两成。",
            "合同默认90天",
            "更正一下，刚才那个两成说少了，应该是六成",
        ),
        (
            "en",
            TO_ANALYSIS_EN,
            "late invoicing: invoices go out a month late. 20%",
            "invoices go out a month late",
            "the 20% was too low, actually 60%",
        ),
    ],
)
def test_another_weighed_cause_is_filed_whole_and_a_share_is_corrected(
    language: str, opening: tuple[str, ...], more: str, root: str, fix: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(
        *opening,
        "挖回款：现象是月底收不上来，根因是合同没写付款节点，占五成。"
        if language == "zh"
        else "Dig into revenue: the symptom is late payments, the root cause is no payment milestones, 50%.",
    )
    assert coach.step == "more_causes"
    review = coach.say(more).review
    assert review.cause_chains[-1].root_cause == root and review.cause_chains[-1].share == pytest.approx(0.2)
    coach.say(fix)
    review = coach.last.review
    assert len(review.cause_chains) == 2 and review.cause_chains[-1].share == pytest.approx(0.6)
    assert review.cause_chains[-1].is_main


@pytest.mark.parametrize(
    ("text", "rest", "share"),
    [
        (
            "Late installs. Why? Worktops late. Ask why again and it's the sequence we inherited, "
            "I'd put 70% on that. The rest is the supplier's lorry breaking down twice.",
            "lorry",
            0.3,
        ),
        (
            "排队长。为什么？补给站按往年摆。根子上是两个组各做各的，占七成。剩下的是志愿者少了。",
            "志愿者",
            0.3,
        ),
        # the rest said to be mainly one cause, a month named in it: the remainder, the month no share
        (
            "排队长。为什么？补给站按往年摆。根子上是两个组各做各的，占七成。剩下的主要是12月下了两周雨。",
            "下了两周雨",
            0.3,
        ),
        (
            "Late installs. Why? Worktops late. Ask why again and it's the sequence we inherited, "
            "I'd put 70% on that. The rest is down to 2 weeks of rain.",
            "rain",
            0.3,
        ),
    ],
)
def test_the_rest_said_after_a_weighed_chain_is_the_remainder(text: str, rest: str, share: float) -> None:
    found = _chains(read_blocks(text), full=False)
    assert len(found) == 2 and rest in found[1].root
    assert found[1].share == pytest.approx(share)


@pytest.mark.parametrize(
    "text",
    [
        "The rest is the supplier's lorry breaking down twice.",  # nothing weighed before: no share to leave
        "剩下的是志愿者少了。",
    ],
)
def test_a_rest_with_nothing_weighed_before_gets_no_share(text: str) -> None:
    assert not any(p.share for p in _chains(read_blocks(text), full=False))


@pytest.mark.parametrize(
    ("language", "opening", "text", "shortfalls"),
    [
        (
            "zh",
            TO_MORE_GOALS_ZH,
            "做得好的是复购。不足：订单量少，退货多，客服响应慢。",
            ["订单量少", "退货多", "客服响应慢"],
        ),
        (
            "en",
            TO_MORE_GOALS_EN,
            "Went well: repeat buyers. Went badly: late orders, slow refunds, the returns.",
            ["late orders", "slow refunds", "the returns"],
        ),
    ],
)
def test_shortfalls_named_in_one_breath_are_filed_one_each(
    language: str, opening: tuple[str, ...], text: str, shortfalls: list[str]
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    result = coach.say(text)
    assert [f.text for f in result.review.shortfalls] == shortfalls


@pytest.mark.parametrize(
    ("language", "opening", "text", "shortfalls"),
    [
        ("zh", TO_ANALYSIS_ZH, "没有亮点", None),
        ("en", TO_ANALYSIS_EN, "none", None),
    ],
)
def test_shortfalls_listed_as_the_answer_to_the_shortfalls_question_are_one_each(
    language: str, opening: tuple[str, ...], text: str, shortfalls: None
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening, text)
    assert coach.step == "shortfalls"
    said = "订单量少，退货多，客服响应慢" if language == "zh" else "late orders, slow refunds, the returns"
    result = coach.say(said)
    assert len(result.review.shortfalls) == 3


@pytest.mark.parametrize(
    ("language", "opening", "text", "shortfalls"),
    [
        ("zh", TO_ANALYSIS_ZH, "不足就是进度，还有整改闭环率没到100%。", ["进度", "整改闭环率没到100%"]),
        ("en", TO_ANALYSIS_EN, "Bad: progress, slow quotes.", ["progress", "slow quotes"]),
    ],
)
def test_a_shortfall_named_like_a_command_is_a_shortfall(
    language: str, opening: tuple[str, ...], text: str, shortfalls: list[str]
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    result = coach.say(text)
    assert [f.text for f in result.review.shortfalls] == shortfalls


@pytest.mark.parametrize(
    ("language", "opening", "rest", "root", "share"),
    [
        (
            "zh",
            TO_ANALYSIS_ZH,
            # another finding's chain said first: the rest names the finding it is the rest of
            "新客户：只有一个销售，CRM还坏了两次。剩下的回款主要是客户资金紧张，这个没办法。",
            "客户资金紧张",
            0.3,
        ),
        (
            "en",
            TO_ANALYSIS_EN,
            "The rest of the late payments is clients short of cash, can't help that.",
            "clients short of cash",
            0.3,
        ),
    ],
)
def test_the_rest_of_a_weighed_finding_named_is_its_remainder_without_the_remark(
    language: str, opening: tuple[str, ...], rest: str, root: str, share: float
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(
        *opening,
        "挖回款：现象是月底回款收不上来，根因是合同没写付款节点，占七成。"
        if language == "zh"
        else "Dig into revenue: the symptom is late payments, the root cause is no payment milestones, 70%.",
    )
    weighed = coach.last.review.cause_chains[-1]
    review = coach.say(rest).review
    other = review.cause_chains[-1]
    assert other.root_cause == root and other.share == pytest.approx(share)
    assert other.phenomenon == weighed.phenomenon
