"""A reason told under "问题" / "What went wrong" and called external in the same statement ("…主要是物流
延误带来的，属于外部因素，这次不展开", "…mostly due to courier delays, an external factor") is a cause of the
finding it names, not a shortfall of its own."""

from __future__ import annotations

import pytest

from tests.notes.extracting import extract


@pytest.mark.parametrize(
    ("note", "seen", "reason"),
    [
        (
            "# 客服季度复盘纪要\n\n## 三、问题\n\n投诉多主要是物流延误带来的，属于外部因素，这次不展开。\n",
            "投诉多",
            "物流延误",
        ),
        (
            "# Support quarter review\n\n## What went wrong\n\n"
            "Complaints were up, mostly due to courier delays, "
            "which is an external factor we won't dig into.\n",
            "Complaints were up",
            "courier delays",
        ),
    ],
)
def test_a_reason_called_external_is_a_cause_not_a_shortfall(note: str, seen: str, reason: str) -> None:
    doc = extract(note)
    assert not doc.shortfalls
    assert len(doc.cause_chains) == 1
    chain = doc.cause_chains[0]
    assert chain.phenomenon == seen
    assert chain.surface_cause is not None and chain.surface_cause.startswith(reason)
    assert not chain.is_main


@pytest.mark.parametrize(
    "note",
    [
        "# 复盘\n\n## 三、问题\n\n投诉多，客户反映物流慢。\n",
        "# Review\n\n## What went wrong\n\nComplaints were up; customers said the couriers were slow.\n",
    ],
)
def test_a_finding_with_no_reason_called_external_stays_a_shortfall(note: str) -> None:
    doc = extract(note)
    assert doc.shortfalls and not doc.cause_chains


@pytest.mark.parametrize(
    ("note", "reason"),
    [
        ("# 复盘\n\n## 原因\n\n投诉多主要是物流延误带来的，属于外部因素，这次不展开。\n", "物流延误"),
        ("# 复盘\n\n## 原因\n\n返工多，主要是来料尺寸不稳引起的，其他都是小头。\n", "来料尺寸不稳"),
        # English says what brought it about before the cause ("caused by …"), so nothing trails it
        ("# Review\n\n## Why\n\nComplaints were up, mostly caused by courier delays.\n", "courier delays"),
    ],
)
def test_what_brought_it_about_ends_the_cause(note: str, reason: str) -> None:
    assert [c.surface_cause for c in extract(note).cause_chains] == [reason]
