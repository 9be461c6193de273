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
