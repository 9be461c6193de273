"""Several findings listed in one sentence, each in a few words that end on how it went (zh, en), are one
shortfall each: "开胶返修太多，准时出货差得远，合格率也没到。"; a finding told with its detail, or a remark on
the one before ("…，是这次最大的不足"), stays one."""

from __future__ import annotations

import pytest

from coach.notes.told_findings import listed_findings
from tests.notes.extracting import extract

ZH = "# 7月复盘\n\n## 不足\n\n- 开胶返修太多，准时出货差得远，合格率也没到。\n"
EN = "# July review\n\n## What went wrong\n\n- Intake was late, payroll ran over, and the audit slipped.\n"


@pytest.mark.parametrize(
    ("note", "findings"),
    [
        (ZH, ["开胶返修太多", "准时出货差得远", "合格率也没到"]),
        (EN, ["Intake was late", "payroll ran over", "the audit slipped"]),
    ],
)
def test_each_finding_listed_is_a_shortfall(note: str, findings: list[str]) -> None:
    assert [s.text for s in extract(note).shortfalls] == findings


@pytest.mark.parametrize(
    "text",
    [
        "成活率没达标，是这次最大的不足。",
        "随访率没上去，有一部分病人出院后电话打不通。",
        "Payroll ran over, that was the worst of it.",
        "Downtime, obviously.",
    ],
)
def test_a_finding_with_its_detail_or_a_remark_is_one(text: str) -> None:
    assert listed_findings(text) is None


@pytest.mark.parametrize(
    ("note", "parts"),
    [
        (
            "# Review\n\n## What went wrong\n\nThe recall was slower than our target and the complaint count "
            "was six times our limit.\n",
            ["recall was slower", "complaint count"],
        ),
        (
            "# 复盘\n\n## 不足\n\n取件准时率比目标低了5个点，而且赔付金额是上限的将近两倍。\n",
            ["取件准时率", "赔付金额"],
        ),
    ],
)
def test_two_measures_each_told_against_its_target_are_two_shortfalls(note: str, parts: list[str]) -> None:
    shortfalls = extract(note).shortfalls
    assert len(shortfalls) == 2
    for part, finding in zip(parts, shortfalls, strict=True):
        assert part in finding.text


def test_one_measure_told_with_its_reason_stays_one_shortfall() -> None:
    note = "# Review\n\n## What went wrong\n\nThe recall was slower than our target and the list was stale.\n"
    assert len(extract(note).shortfalls) == 1
