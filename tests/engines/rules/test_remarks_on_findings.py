"""Words around findings that are no findings: a count heading the list ("不足有两个，一是…", "two things:
first, …"), how the one before went ("…; we skipped it this year", "…；大概七成客户都在用"); a shortfall
filed with its chain keeps the chain's surface cause; zh and en."""

from __future__ import annotations

import pytest

from tests.engines.rules.helpers import TO_ANALYSIS_ZH, Coaching
from tests.engines.rules.test_why_ladders import TO_ANALYSIS_EN


@pytest.mark.parametrize(
    ("language", "opening", "text", "kind", "count", "remark"),
    [
        (
            "zh",
            TO_ANALYSIS_ZH,
            "不足：应该做的是夏季设备预检；今年跳过了。",
            "shortfalls",
            1,
            "跳过",
        ),
        (
            "en",
            TO_ANALYSIS_EN,
            "Went badly: we should have done a summer pre-check on the fleet; we skipped it this year.",
            "shortfalls",
            1,
            "skipped",
        ),
        (
            "zh",
            TO_ANALYSIS_ZH,
            "亮点：上线了自助上传门户，客户不用再寄纸质材料；大概七成客户都在用。",
            "highlights",
            1,
            "七成",
        ),
        (
            "en",
            TO_ANALYSIS_EN,
            "Good: the document portal, clients upload instead of posting paper; "
            "about 70% of clients used it.",
            "highlights",
            1,
            "70%",
        ),
    ],
)
def test_how_the_finding_before_went_is_no_finding_of_its_own(
    language: str, opening: tuple[str, ...], text: str, kind: str, count: int, remark: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    findings = getattr(coach.say(text).review, kind)
    assert len(findings) == count
    assert not any(remark in f.text for f in findings)


@pytest.mark.parametrize(
    ("language", "opening", "text", "name", "surface"),
    [
        (
            "zh",
            TO_ANALYSIS_ZH,
            "不足有两个：一是回款率，表面看是大客户拖款，根子上是合同没有逾期条款，我估计占六成；二是新客户数没做起来。",
            "回款率",
            "大客户拖款",
        ),
        (
            "en",
            TO_ANALYSIS_EN,
            "Went badly: two things, first, collections, on the surface big clients paid late, "
            "the root cause is contracts with no late-payment terms, 60%.",
            "collections",
            "big clients paid late",
        ),
    ],
)
def test_a_count_heading_the_list_is_no_part_of_the_finding_and_the_chain_cause_is_kept(
    language: str, opening: tuple[str, ...], text: str, name: str, surface: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    shortfalls = coach.say(text).review.shortfalls
    first = shortfalls[0]
    assert first.text.startswith(name)
    assert any(surface in cause for cause in first.causes)
