"""A reason given in a shortfall's own sentence ("It took 26 hours, because the contact list was stale")
that no cause chain tells is a chain of its own; one the causes already tell is not told twice."""

from __future__ import annotations

import pytest

from tests.notes.extracting import extract, words


@pytest.mark.parametrize(
    ("note", "reason"),
    [
        (
            "# Review\n\n## What went wrong\n\nWe broke a promise: recall notices were to reach merchants "
            "within 4 hours. It took 26 hours, because the merchant contact list had not been updated since "
            "the autumn.\n",
            "contact list",
        ),
        (
            "# 复盘\n\n## 不足\n\n缺货率远超目标，因为销量数据没有推送到补货员手机上。\n",
            "没有推送",
        ),
    ],
)
def test_a_reason_told_in_the_shortfall_is_a_chain(note: str, reason: str) -> None:
    chains = extract(note).cause_chains
    assert [reason in words(c) for c in chains] == [True]


def test_a_reason_the_causes_tell_is_not_told_twice() -> None:
    note = (
        "# 复盘\n\n## 不足\n\n缺货率远超目标，因为销量数据没有推送到补货员手机上。\n\n"
        "## 原因\n\n根本原因是销量数据没有推送到补货员手机上。\n"
    )
    chains = extract(note).cause_chains
    assert len(chains) == 1
