"""Which kind a finding is and a chain said in one message, read by the cue words of the language files
(shortfall_label, highlight_label, finding_negative, finding_positive, main_cause, share_words,
share_tail)."""

from __future__ import annotations

import pytest

from coach.domain.retrospective import CauseChain
from coach.engines.rules.chain_filing import file_shares
from coach.engines.rules.chain_rest import read_rest
from coach.engines.rules.chains import finding_kind, read_chain
from coach.engines.rules.share import parse_shares
from coach.engines.rules.text import has_words


@pytest.mark.parametrize(
    ("text", "asked", "kind", "body"),
    [
        ("没做好的是续费率，客户流失严重", "highlights", "shortfalls", "续费率，客户流失严重"),
        (
            "The shortfall was renewals: we lost two big accounts",
            "highlights",
            "shortfalls",
            "renewals: we lost two big accounts",
        ),
        ("亮点是新客户增长", "shortfalls", "highlights", "新客户增长"),
        ("What went well: onboarding time", "shortfalls", "highlights", "onboarding time"),
        # no label: words that disagree with the step make the kind unsure
        ("续费率下滑了", "highlights", None, "续费率下滑了"),
        ("Renewals slipped", "highlights", None, "Renewals slipped"),
        ("新客户数增长了三成", "shortfalls", None, "新客户数增长了三成"),
        ("Signups grew 20%", "shortfalls", None, "Signups grew 20%"),
        ("续费率下滑了", "shortfalls", "shortfalls", "续费率下滑了"),
        ("Signups grew 20%", "highlights", "highlights", "Signups grew 20%"),
    ],
)
def test_finding_kind_by_label_or_by_its_words(text: str, asked: str, kind: str | None, body: str) -> None:
    assert finding_kind(text, asked) == (kind, body)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "root", "share"),
    [
        (
            "续费率没完成，表面上是客户觉得用不上，往下看是新客户上手慢，"
            "根子上是我们没有客户成功经理做上线陪跑，这个大概占七成原因。",
            "我们没有客户成功经理做上线陪跑",  # the share said after it is no part of the root
            0.7,
        ),
        (
            "Renewals missed. On the surface, clients said they didn't use it; "
            "deeper down, onboarding is slow; "
            "the root cause is that we have no customer success manager, about 70% of it.",
            "we have no customer success manager",
            0.7,
        ),
    ],
)
def test_a_chain_in_one_message_marks_its_main_cause_and_share(text: str, root: str, share: float) -> None:
    parts = read_chain(text)
    assert parts is not None
    assert (parts.root, parts.main) == (root, True)
    assert parts.share == pytest.approx(share)


@pytest.mark.parametrize(
    ("root", "answer", "current", "rest"),
    [
        (
            "check-out is 1 person on weekends, nobody has time",
            "weekend staffing ~60% of the claims. rest is the insurer being slow, 40%",
            0.6,
            "insurer",
        ),
        (
            "老板一直把配送当成本，不当成产品的一部分",
            "配送当成本那条我算了下大概八成五；剩下一成半是那天下了场雨",
            0.85,
            "下了场雨",
        ),
    ],
)
def test_a_share_naming_the_asked_chain_short_goes_on_it(
    root: str, answer: str, current: float, rest: str
) -> None:
    chains = [CauseChain(phenomenon="x", root_cause=root)]
    filed = file_shares(chains, 0, parse_shares(answer))
    assert filed is not None
    assert chains[0].share == pytest.approx(current)
    assert any(rest in (c.root_cause or "") for c in filed)


@pytest.mark.parametrize(
    ("text", "root", "share"),
    [
        # a number inside the cause is no share: only "占…七成" is
        (
            "客诉多。表面上是夜班一个护士带三个房间；说白了根子在夜班人手是按入住率60%的时候定的，"
            "这个我估计占客诉的七成。",
            "夜班人手是按入住率60%的时候定的",
            0.7,
        ),
        (
            "Queues. On the surface, 3 lanes shut early; "
            "the root cause is a roster built on the 2019 pattern, ~70%",
            "a roster built on the 2019 pattern",
            0.7,
        ),
    ],
)
def test_a_number_inside_the_root_stays_and_the_share_goes(text: str, root: str, share: float) -> None:
    parts = read_chain(text)
    assert parts is not None
    assert (parts.root, parts.main) == (root, True)
    assert parts.share == pytest.approx(share)


@pytest.mark.parametrize(
    ("text", "root"),
    [
        (
            "Missed scans: patients not at CT on time -> porters pulled to A&E -> "
            "root cause: the dispatch rules were never updated. ~70%.",
            "the dispatch rules were never updated",
        ),
        ("漏检：病人没按时到CT -> 护工被抽去急诊 -> 根因：派单规则一直没改。占七成。", "派单规则一直没改"),
    ],
)
def test_a_chain_written_with_arrows_keeps_its_root_and_share(text: str, root: str) -> None:
    """Read as the answer to the drill-down's question (one rung named is enough)."""
    parts = read_chain(text, least=1)
    assert parts is not None
    assert (parts.root, parts.main, parts.share) == (root, True, pytest.approx(0.7))


@pytest.mark.parametrize(
    ("text", "root", "share"),
    [
        # "Root." said alone, after the rung it names (terse notes)
        ("为什么排队？早上关了3条通道。排班按2019年的模式排的。根因。七成。", "排班按2019年的模式排的", 0.7),
        (
            "Why queues? 3 lanes shut early. Roster built on the 2019 pattern. Root. ~70%.",
            "Roster built on",
            0.7,
        ),
        # "Root: …" said before its words still labels them; a time keeps its colon
        ("why? 3 lanes shut early. Root: staff start at 06:00.", "staff start at 06:00", None),
    ],
)
def test_root_said_alone_names_the_rung_before_and_never_files_a_root_without_words(
    text: str, root: str, share: float | None
) -> None:
    parts = read_chain(text, topic="queues")
    assert parts is not None and parts.root is not None and parts.root.startswith(root)
    assert parts.share == share and has_words(parts.root)


@pytest.mark.parametrize("text", ["Root. ~70%.", "根因。七成。", "Why: ~. Root."])
def test_a_root_word_with_nothing_before_it_makes_no_chain(text: str) -> None:
    assert read_chain(text, topic="queues", least=1) is None


@pytest.mark.parametrize(
    ("text", "root", "share"),
    [
        # a percentage that measures something inside a cause is no share of the gap
        (
            "为什么不规范？因为我们内部质检只抽5%。再往下，根子是验收标准没有书面对齐，大概占八成。",
            "验收标准没有书面对齐",
            0.8,
        ),
        (
            "Why? Prices rose 12% in March. Root cause: nobody reviews supplier contracts, about 60%.",
            "nobody reviews supplier contracts",
            0.6,
        ),
        ("为什么不规范？因为我们内部质检只抽5%。根子是验收标准没有书面对齐。", "验收标准没有书面对齐", None),
    ],
)
def test_a_percentage_measuring_something_in_a_cause_is_no_share(
    text: str, root: str, share: float | None
) -> None:
    chain = read_chain(text)
    assert chain is not None and root in (chain.root or "")
    assert chain.share == share


@pytest.mark.parametrize(
    ("text", "phenomenon", "root"),
    [
        # the finding named first, then that its root is known: the chain opens there
        ("说到返工我其实已经知道根子了：质检标准我们跟档案馆从来没有书面对齐过。", "返工", "质检标准"),
        (
            "I already know the root of the rework: the acceptance standard was never written down.",
            "rework",
            "acceptance standard",
        ),
    ],
)
def test_a_root_said_to_be_known_opens_its_chain(text: str, phenomenon: str, root: str) -> None:
    chain = read_chain(text, least=1)
    assert chain is not None and phenomenon in (chain.phenomenon or "") and root in (chain.root or "")


def test_a_share_of_the_finding_and_an_amount_in_a_cause_leave_the_roots_share_to_the_estimate() -> None:
    """How much of the finding the phenomenon is ("占次品的大头") and how much of something a cause counts
    ("堵了一半") are no share of the gap; the estimate said after the root in its own sentence is."""
    text = (
        "现象是釉面针孔和变形，占次品的大头。表面原因是窑温波动大。为什么波动？烧嘴有三个堵了一半。"
        "说到底是我们没有把保养窗口锁进排产计划。我估计占七成五。"
    )
    chain = read_chain(text)
    assert chain is not None
    assert (chain.root, chain.share, chain.others) == ("我们没有把保养窗口锁进排产计划", 0.75, [])


@pytest.mark.parametrize(
    ("text", "root", "share"),
    [
        ("剩下的是新进的泥料含水不稳，一成半吧。", "新进的泥料含水不稳", 0.15),
        ("The rest is the new clay batches, about 15%.", "the new clay batches", 0.15),
    ],
)
def test_the_rest_said_with_a_share_in_tenths_and_a_half(text: str, root: str, share: float) -> None:
    rest = read_rest(text)
    assert rest is not None and (rest.root, rest.share) == (root, share)


@pytest.mark.parametrize(
    ("text", "root"),
    [
        (
            "Why so late? The course dates are set by the county. We've never booked our own assessor."
            " That's the bottom of it.",
            "We've never booked our own assessor",
        ),
        (
            "为什么这么晚？考核日期是县里定的。我们从来没自己请过考官。这就是问题的根子。",
            "我们从来没自己请过考官",
        ),
    ],
)
def test_a_sentence_saying_the_one_before_is_the_bottom_of_it_makes_that_one_the_root(
    text: str, root: str
) -> None:
    chain = read_chain(text)
    assert chain is not None and chain.root == root


# a ladder said as a numbered list: the numbers are no rungs ("1. 现象：…\n2. 表因：…")
@pytest.mark.parametrize(
    ("text", "phenomenon", "surface", "root"),
    [
        (
            "1. 现象：糙米裂纹多\n2. 表因：稻谷水分太低\n3. 根因：烘干参数没有按品种定标准\n4. 占比：六成",
            "糙米裂纹多",
            ["稻谷水分太低"],
            "烘干参数没有按品种定标准",
        ),
        (
            "1. Symptom: cracked grains\n2. Surface cause: the paddy is too dry\n"
            "3. Root: no dryer settings per variety\n4. Share: 60%",
            "cracked grains",
            ["the paddy is too dry"],
            "no dryer settings per variety",
        ),
    ],
)
def test_a_numbered_ladder_keeps_its_numbers_out_of_the_rungs(
    text: str, phenomenon: str, surface: list[str], root: str
) -> None:
    parts = read_chain(text)
    assert parts is not None
    assert (parts.phenomenon, parts.surface, parts.root, parts.share) == (phenomenon, surface, root, 0.6)


# "我觉得这是根上的" / "I think that's at the root" names the rung said before it as the root, whoever says
# it; a level something reached ("阳性率到了两成多", "positives reached 20%") is no share of the gap
@pytest.mark.parametrize(
    ("text", "root", "share"),
    [
        (
            "体细胞为什么这么高？隐性乳房炎多，阳性率到了两成多。为什么乳房炎多？药浴浓度配低了。"
            "为什么没人发现？消毒液怎么配一直是口头交代，没有配比卡。我觉得这是根上的。我看一半吧。",
            "消毒液怎么配一直是口头交代，没有配比卡",
            0.5,
        ),
        (
            "Why is the cell count so high? Hidden mastitis, positives reached 20%. Why so much mastitis? "
            "The dip was mixed too weak. Why did nobody notice? The mix was only ever told by word of mouth, "
            "no mixing card. I think that's at the root. I'd say half.",
            "The mix was only ever told by word of mouth, no mixing card",
            0.5,
        ),
    ],
)
def test_a_root_named_after_it_and_a_level_reached_is_no_share(text: str, root: str, share: float) -> None:
    parts = read_chain(text)
    assert parts is not None
    assert (parts.root, parts.share) == (root, share)
