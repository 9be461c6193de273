"""Why-ladders told as questions the speaker answers ("为什么赶？因为…", "Why? Because …"), with no root word:
the answer to the last why asked is the root; a cause said "beside" ("这也是一部分", "that's part of it
too") is another cause, not a deeper rung; findings said before the ladder and after it ("另外…") stay
findings; zh and en."""

from __future__ import annotations

import pytest

from coach.engines.rules.chains import read_chain
from tests.engines.rules.helpers import TO_ANALYSIS_ZH, Coaching

TO_ANALYSIS_EN = (
    "Revenue target 1.2M, actual 960k; new clients target 50, actual 62",
    "that's all",
    "Revenue",
)


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("回款慢，销售催款太晚。为什么晚？因为提成按签单算，不按回款算。", "提成按签单算"),
        (
            "Collections were slow, reps chased late. "
            "Why late? Because commission pays on signing, not cash.",
            "commission",
        ),
    ],
)
def test_the_answer_to_the_last_why_asked_is_the_root(text: str, root: str) -> None:
    parts = read_chain(text, topic="回款")
    assert parts is not None and parts.root is not None
    assert parts.root.startswith(root)  # the cause word "因为 / because" is not part of the root
    assert any("催款太晚" in s or "chased late" in s for s in parts.surface)


@pytest.mark.parametrize(
    "text",
    ["why: never activated. half never invited a teammate", "为什么：没激活。一半人没邀请同事"],
)
def test_why_as_a_label_is_no_question_answered(text: str) -> None:
    # one level said: the drill-down asks on, it does not guess a root
    assert read_chain(text, least=2) is None


@pytest.mark.parametrize(
    ("text", "beside"),
    [
        ("漏单多。为什么？因为提成只看单量。新人没培训就上岗了，这也是一部分。", "新人没培训就上岗了"),
        (
            "Orders were missed. Why? Because pay counts volume only. "
            "New hires started untrained, that's part of it too.",
            "New hires started untrained",
        ),
    ],
)
def test_a_cause_said_beside_is_another_cause_not_a_deeper_rung(text: str, beside: str) -> None:
    parts = read_chain(text)
    assert parts is not None and parts.root is not None
    assert "提成" in parts.root or "pay counts" in parts.root
    assert parts.beside == [beside]


@pytest.mark.parametrize(
    ("language", "opening", "text", "findings", "root", "share"),
    [
        (
            "zh",
            TO_ANALYSIS_ZH,
            "不足：回款慢，月底应收堆着。销售说是月底才催。为什么月底才催？因为提成按签单算，回款跟他们没关系。"
            "我看占七成。另外新客户数没做起来，渠道没铺开。",
            ("回款慢", "新客户数"),
            "提成按签单算",
            0.7,
        ),
        (
            "en",
            TO_ANALYSIS_EN,
            "Bad: collections were slow, receivables piled up at month end. Reps only chased at month end. "
            "Why so late? Because commission pays on signing, cash is not their problem. I'd say 70%. "
            "Separately, new clients stalled because the channel never launched.",
            ("collections were slow", "new clients"),
            "commission pays on signing",
            0.7,
        ),
    ],
)
def test_findings_then_a_ladder_then_another_finding_each_filed_where_it_belongs(
    language: str, opening: tuple[str, ...], text: str, findings: tuple[str, str], root: str, share: float
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    review = coach.say(text).review
    shortfalls = [f.text for f in review.shortfalls]
    assert any(findings[0] in s for s in shortfalls) and any(findings[1] in s for s in shortfalls)
    assert not any(s.startswith(("因为", "Because", "为什么", "Why")) for s in shortfalls)
    main = [c for c in review.cause_chains if c.is_main]
    assert len(main) == 1 and main[0].root_cause is not None and main[0].root_cause.startswith(root)
    assert main[0].share == pytest.approx(share)


@pytest.mark.parametrize(
    ("language", "opening", "text", "named", "count"),
    [
        (
            "en",
            TO_ANALYSIS_EN,
            "Bad: refunds; the portal was due live by May; it's still not switched on. "
            "Refunds mostly came from double charges in the old billing run.",
            "refunds",
            2,
        ),
        (
            "zh",
            TO_ANALYSIS_ZH,
            "不足：退款多；门户说好5月上线；这个到现在还没上。退款多主要是老计费系统重复扣款。",
            "退款多",
            2,
        ),
    ],
)
def test_a_remark_or_a_finding_named_again_goes_with_the_finding_said_before(
    language: str, opening: tuple[str, ...], text: str, named: str, count: int
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    shortfalls = coach.say(text).review.shortfalls
    assert len(shortfalls) == count  # "it's still not switched on" is no finding of its own
    first = next(f for f in shortfalls if f.text == named)
    assert any("double charges" in c or "重复扣款" in c for c in first.causes)


@pytest.mark.parametrize(
    "text",
    [
        "errors: keyed by hand. why? sites send 9 layouts. bottom of it: nobody owns the inputs. ~70%",
        "差错：手工录入。为什么？各站点格式不一。说到底：没人管输入。大概七成",
    ],
)
def test_bottom_of_it_marks_the_root(text: str) -> None:
    parts = read_chain(text)
    assert parts is not None and parts.root is not None
    assert "nobody owns" in parts.root or "没人管" in parts.root
    assert parts.share == pytest.approx(0.7)


@pytest.mark.parametrize(
    ("text", "root"),
    [
        (
            "送晚了。为什么？因为没签保底运力。再往下就是老板（就是我）一直把配送当成本。",
            "老板一直把配送当成本",
        ),
        (
            "Late deliveries. Why? No courier capacity booked. "
            "Why? Because the owner (that's me) treats delivery as a cost.",
            "the owner treats delivery as a cost",
        ),
    ],
)
def test_the_speaker_pointing_at_themselves_is_no_part_of_the_root(text: str, root: str) -> None:
    parts = read_chain(text)
    assert parts is not None and parts.root == root


# One rule ends a ladder that names no root: the speaker went down from what they had said, by a why they
# asked themselves or by a rung word, and where they stopped is the root.
@pytest.mark.parametrize(
    ("text", "topic", "root"),
    [
        ("漏单多。为什么？因为提成只看单量。", "", "提成只看单量"),
        ("Orders were missed. Why? Because pay counts volume only.", "", "pay counts volume only"),
        ("现象：客户流失。表面上是价格高。往下看是销售不懂产品。", "", "销售不懂产品"),
        ("The symptom: churn. On the surface, price. Underneath, reps don't know the product.", "", "reps"),
        ("Why so late? Because commission pays on signing.", "collections slow", "commission pays"),
        ("为什么这么晚？因为提成按签单算。", "回款慢", "提成按签单算"),
    ],
)
def test_a_ladder_gone_down_from_what_was_said_ends_on_its_root(text: str, topic: str, root: str) -> None:
    parts = read_chain(text, topic=topic)
    assert parts is not None and parts.root is not None and parts.root.startswith(root)


@pytest.mark.parametrize(
    "text",
    [
        # a plain list of causes goes down nowhere
        "原因：价格高；渠道少；新人多",
        "Causes: price too high; few channels; many new hires",
        "- 价格高\n- 渠道少\n- 新人多",
        # a transcript: one asks why, another answers; the answer is one level, the drill-down asks on
        "Anna: why did checkout fail? Ben: not sure yet, we're checking the logs.",
        "张伟：为什么结账失败？李娜：还不清楚，在查日志。",
        # prose that talks about why, or asks a why of its own words to make a point
        "We looked at why the release slipped. The vendor delivered late, testing started in the last week.",
        "我们讨论了为什么发布延期。供应商交付晚了，测试最后一周才开始。",
        "Why does this matter? Because outages cost us customers.",
        "为什么这很重要？因为故障会让我们失去客户。",
    ],
)
def test_a_list_a_transcript_or_prose_with_why_makes_no_root(text: str) -> None:
    assert read_chain(text) is None
    assert read_chain(text, least=1) is None
