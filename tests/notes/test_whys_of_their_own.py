"""Two why-questions told one after the other in a paragraph, each with its answer: the second asks about
something the first answer did not say, so its answer is a chain of its own, not a level under the first
("为什么测不准？" right after "瞳高测得不准" is a step down and stays one)."""

from __future__ import annotations

import pytest

from tests.notes.extracting import extract, words

EN = (
    "# Off-shade batches\n\n## Why\n\n"
    "Why was it not caught for a week? The in-line colour check only measures every 10th batch. "
    "Why was the script run against the live database at all? Because changes to the formula database have "
    "no review step. We believe this explains about 75% of the off-shade batches.\n"
)
ZH = (
    "# 色差批次复盘\n\n## 原因\n\n"
    "为什么一周都没发现？在线色差检测只抽查每十批中的一批。"
    "为什么脚本会在正式库上运行？因为配方库的变更没有审核环节。我们估计这占了七成的色差批次。\n"
)


@pytest.mark.parametrize(
    ("note", "first", "second"),
    [(EN, "every 10th batch", "no review step"), (ZH, "每十批中的一批", "没有审核环节")],
)
def test_an_answer_to_a_why_of_its_own_is_a_chain_of_its_own(note: str, first: str, second: str) -> None:
    found = extract(note).cause_chains
    assert [(first in words(c), second in words(c)) for c in found] == [(True, False), (False, True)]
    assert [c.is_main for c in found] == [False, True]


def test_a_why_about_the_cause_just_told_stays_one_chain() -> None:
    note = (
        "# 返工复盘\n\n## 原因\n\n"
        "为什么会晕？配镜时瞳高测得不准。为什么测不准？门店测瞳高还是拿笔在镜片上画点，每个人画的不一样。\n"
    )
    found = extract(note).cause_chains
    assert len(found) == 1 and "画点" in words(found[0])
