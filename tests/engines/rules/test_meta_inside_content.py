"""Talk about the review inside content is never filed: "…, but that's external, skip it",
"为什么？", "后面几个问题没想好，跳过吧", "她旁听"; and a share said as one wins over a fraction said in
passing; zh and en."""

from __future__ import annotations

import pytest

from coach.domain.reading.blocks import strip_filler
from coach.domain.reading.meta import is_meta_remark, without_meta
from coach.engines.rules.action_words import owner_in
from coach.engines.rules.chains import read_chain
from coach.engines.rules.share import parse_share, parse_shares
from tests.engines.rules.helpers import TO_ANALYSIS_ZH, TO_LESSONS_ZH, Coaching
from tests.engines.rules.test_precision import TO_ANALYSIS_EN


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "site 10, Bristol, still not live, but that's external, not ours, skip it",
            "site 10, Bristol, still not live",
        ),
        ("finance approval queue, ~25%. not digging.", "finance approval queue, ~25%."),
        ("客户预算年底冻结，这个是外部的，不用挖了", "客户预算年底冻结"),
        ("托班报名少，这块先跳过吧", "托班报名少"),
        # words that point back to what was said add nothing to it
        ("breakdowns old fleet, no winter tyres, see above", "breakdowns old fleet, no winter tyres"),
        ("picking order set by the calendar. I already said that one.", "picking order set by the calendar."),
        ("车辆老旧，没换冬季胎，见上", "车辆老旧，没换冬季胎"),
        # how long a thing has been talked about is no part of it, in a clause or in brackets
        ("包装跌落测试（说了好几年）", "包装跌落测试"),
        ("包装跌落测试，说了好几年了", "包装跌落测试"),
        ("the drop test (we've been saying it for years)", "the drop test"),
        # whose the cause is, and a drill-down refused, said after it
        ("客户自己仓库堆太高，那是他们的事", "客户自己仓库堆太高"),
        ("lots of sweep, that's theirs, don't bother digging it", "lots of sweep"),
        ("no training on the lift. I won't go further than that.", "no training on the lift."),
        # the words that point back to a cause said before add nothing
        ("刚才说了，就是保养窗口没锁进排产", "就是保养窗口没锁进排产"),
        ("交期差也是这个带的", ""),
    ],
)
def test_meta_clauses_are_taken_out_of_the_content(text: str, kept: str) -> None:
    assert without_meta(text) == kept


@pytest.mark.parametrize(
    "text",
    [
        "价格只有我们一半",
        "we skipped the standup twice",
        "跳过了复核环节",
        "包装跌落测试（单瓦楞）",  # an aside in brackets that is content stays
        "see the dashboard above the fold",
        "their invoices were missing PO numbers",
        "他们的排班没跟着调",
    ],
)
def test_content_that_only_shares_a_word_with_meta_talk_is_kept(text: str) -> None:
    assert not is_meta_remark(text) and without_meta(text) == text


@pytest.mark.parametrize(
    ("language", "opening", "findings", "kept", "meta"),
    [
        (
            "zh",
            TO_ANALYSIS_ZH,
            "不足：回款慢；二号仓没上线，这个是外部的，不用挖了。",
            "二号仓没上线",
            "不用挖",
        ),
        (
            "en",
            TO_ANALYSIS_EN,
            "Bad: slow collections; site 10 still not live, but that's external, skip it.",
            "site 10 still not live",
            "skip it",
        ),
    ],
)
def test_a_finding_is_filed_without_the_remark_about_it(
    language: str, opening: tuple[str, ...], findings: str, kept: str, meta: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening, "没有" if language == "zh" else "none")
    review = coach.say(findings).review
    texts = [f.text for f in review.shortfalls]
    assert kept in texts
    assert not any(meta in t for t in texts)


@pytest.mark.parametrize(
    "text",
    [
        "现象是家长参观了不报名；为什么？参观时看不到孩子一天怎么过；根子是没有固定的参观动线。",
        "The symptom is churn at renewal. Why? Users never see value. Root cause: no onboarding owner.",
    ],
)
def test_a_why_the_speaker_asks_themself_is_no_rung_of_the_ladder(text: str) -> None:
    parts = read_chain(text)
    assert parts is not None
    assert not any(s.strip(" ？?").lower() in ("为什么", "why") for s in parts.surface)


@pytest.mark.parametrize(
    ("text", "root"),
    [
        (
            "现象是家长参观了不报名；为什么？参观时看不到孩子一天怎么过；根子是没有固定的参观动线，前面说过了，占七成。",
            "没有固定的参观动线",
        ),
        (
            "The symptom is churn at renewal. Why? Users never see value. Why: no onboarding owner. "
            "I already said that one, it's the root cause, about 75%.",
            "no onboarding owner",
        ),
    ],
)
def test_words_pointing_back_to_the_root_are_no_rung_of_the_ladder(text: str, root: str) -> None:
    parts = read_chain(text)
    assert parts is not None and root in (parts.root or "")
    assert not any("前面说过" in s or "already said" in s for s in [*parts.surface, parts.root or ""])


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("托班少是因为周边新开了普惠托育，价格只有我们一半，大概占四分之一", 0.25),
        ("rivals sell at half our price, that accounts for a third of it", 1 / 3),
        ("大概七成是没有陪跑，另外三成是价格", 0.7),
    ],
)
def test_a_share_said_as_one_wins_over_a_fraction_said_in_passing(text: str, share: float) -> None:
    assert parse_share(text) == pytest.approx(share, abs=1e-3)


def _at_person_answers(language: str) -> Coaching:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*TO_LESSONS_ZH[:-1])
    assert coach.stage == "reflection"
    coach.say(
        "我是黄凯。最触动的是导名单只要改个定时任务"
        if language == "zh"
        else "I'm Kai. What moved me most was the cron job"
    )
    return coach


@pytest.mark.parametrize(
    ("language", "remark"),
    [
        ("zh", "黄凯后面几个问题说还没想好，跳过吧。"),
        ("en", "Kai skipped the rest of the questions."),
        ("zh", "质检的刘姐也在，她今天旁听，不发言。"),
        ("en", "Grace is here too, only listening today."),
    ],
)
def test_a_remark_that_the_rest_is_left_out_answers_nothing(language: str, remark: str) -> None:
    coach = _at_person_answers(language)
    review = coach.say(remark).review
    (kai,) = review.reflections
    assert kai.most_touched and not (kai.self_discovery or kai.do_better or kai.next_step)
    assert coach.step == "person"  # who is next


@pytest.mark.parametrize(
    ("language", "remark"),
    [
        ("zh", "老周也在会上，他旁听，不发言。"),
        ("en", "Hamish, our volunteer coordinator, was in the room but passed on reflections."),
    ],
)
def test_someone_who_only_listened_is_no_reflection(language: str, remark: str) -> None:
    coach = _at_person_answers(language)
    coach.say("下一个" if language == "zh" else "next")
    before = len(coach.last.review.reflections)
    review = coach.say(remark).review
    assert len(review.reflections) <= before
    assert not any(remark[:6] in (getattr(r, q) or "") for r in review.reflections for q in ("most_touched",))


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("就这两条，别再问了", ""),
        ("硬要说应该做没做的，就是备用车的整备", "应该做没做的，就是备用车的整备"),
        ("带教制度，落地，CBCT的事已经和厂家约了季度巡检，不算这次的行动", "带教制度，落地"),
        (
            "Vendor fix for the ticketing, they already scheduled it, not an action for today",
            "Vendor fix for the ticketing",
        ),
        ("The rest is coach hire costs, nothing we can fix, leave it", "The rest is coach hire costs"),
    ],
)
def test_protests_and_take_backs_are_no_content(text: str, kept: str) -> None:
    assert strip_filler(without_meta(text)) == kept


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("Skip-a-month in account settings, owner Tomás, end of March", "Tomás"),
        ("Skip-a-month in account settings. Tomás. end of March", None),  # no guess from a hyphenated word
        ("Sam - follow up with the sponsors by May 2", "Sam"),
    ],
)
def test_an_owner_is_a_name_whole_and_never_a_hyphenated_word(text: str, owner: str | None) -> None:
    assert owner_in(text) == owner


@pytest.mark.parametrize(
    ("clause", "cause"),
    [("这个算一半", ""), ("maybe 10% of the donation shortfall", ""), ("30% of it was pricing", "pricing")],
)
def test_what_a_share_is_of_is_no_cause(clause: str, cause: str) -> None:
    (said,) = parse_shares(clause)
    assert said.cause == cause


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "你怎么又问怎么做？约谈就是约谈，把不新鲜的比例和扣款定下来。",
            "约谈就是约谈，把不新鲜的比例和扣款定下来。",
        ),
        (
            "Why are you asking how again? Just call them and agree the penalties.",
            "Just call them and agree the penalties.",
        ),
    ],
)
def test_a_protest_at_a_question_asked_again_is_taken_out(text: str, kept: str) -> None:
    assert without_meta(text) == kept


@pytest.mark.parametrize(
    "text",
    [
        "还要问一下供应商，把比例定下来",
        "Ask again at the next review, Tom, by Friday",
        "为什么又涨价了？供应商换了。",
    ],
)
def test_asking_as_the_work_or_a_why_is_no_protest(text: str) -> None:
    assert without_meta(text) == text


@pytest.mark.parametrize(
    ("language", "opening", "text", "aside"),
    [
        (
            "zh",
            TO_ANALYSIS_ZH,
            "亮点是新客户多，因为老客户转介绍。回款慢的根因我先说了吧：合同没写付款节点。",
            "根因",
        ),
        (
            "en",
            TO_ANALYSIS_EN,
            "Highlights: more new clients, because of referrals. "
            "By the way, the late payments come from no milestones.",
            "By the way",
        ),
    ],
)
def test_a_sentence_that_turns_aside_is_no_part_of_the_highlights_asked(
    language: str, opening: tuple[str, ...], text: str, aside: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    assert coach.step == "highlights"
    review = coach.say(text).review
    said = [f"{h.text} {' '.join(h.causes)}" for h in review.highlights]
    assert said and not any(aside in s for s in said)
