"""Where a why-ladder told by asking why ends: at a sentence headed by another finding ("Visits: …",
"损耗——…"); a ladder told by its labels ("Phenomenon: …. Surface: …") is one whole; a promised share
("share in a sec", "占比等下说") and "别让我挖了" are talk, no rung; zh and en."""

from __future__ import annotations

import pytest

from coach.domain.reading.meta import is_meta_remark
from coach.engines.rules.chains import ladder_end


@pytest.mark.parametrize(
    ("sentences", "end"),
    [
        (
            ["Returns pile up.", "Why?", "No shelving role since the restructure.", "Visits: reduced hours."],
            3,
        ),
        (["送晚了。", "为什么？", "没签保底运力。", "损耗——玫瑰囤多了。"], 3),
        (["Phenomenon: write-offs at pre-bill.", "Surface: vague entries.", "Root: no standard."], 3),
        (["现象：退款多。", "表因：重复扣款。", "根因：计费没人管。"], 3),
    ],
)
def test_a_ladder_asked_by_why_ends_at_another_finding_named(sentences: list[str], end: int) -> None:
    assert ladder_end(sentences, 0) == end


@pytest.mark.parametrize(
    ("sentences", "end"),
    [
        (["客诉：盒子压扁 → 外箱单瓦楞 → 根因：包材变更没审批，占八成", "2.", "发货不准时：临时加单"], 1),
        (
            [
                "Complaints: crushed boxes → single-wall cartons → root: no sign-off, 80%",
                "2.",
                "Late: rush orders",
            ],
            1,
        ),
        # a ladder whose rungs are numbered goes on
        (["1.", "现象：退款多。", "2.", "表因：重复扣款。", "3.", "根因：计费没人管。"], 6),
    ],
)
def test_the_next_numbered_item_headed_by_another_finding_ends_the_ladder(
    sentences: list[str], end: int
) -> None:
    assert ladder_end(sentences, 0) == end


@pytest.mark.parametrize(
    ("clause", "meta"),
    [
        ("share in a sec", True),
        ("I'll give the share later", True),
        ("占比等下说", True),
        ("别让我挖了", True),
        ("the share of repeat callers rose", False),
        ("占比最高的是退款", False),
    ],
)
def test_a_promised_share_and_a_refusal_to_dig_are_talk(clause: str, meta: bool) -> None:
    assert is_meta_remark(clause) is meta


@pytest.mark.parametrize(
    ("sentences", "earlier", "end"),
    [
        # the answer to a why opens on a word of a finding listed before ("a parts pre-order"): still the rung
        (
            ["Boats sat half done.", "Why?", "Parts arrived late.", "Why late?", "We order too late."],
            "late handbacks, a parts pre-order",
            5,
        ),
        (["客诉多。", "为什么？", "夜班人手少。", "为什么少？", "编制没改。"], "客诉，夜班交接单", 5),
    ],
)
def test_the_answer_to_a_why_goes_on_the_ladder(sentences: list[str], earlier: str, end: int) -> None:
    assert ladder_end(sentences, 0, earlier=earlier) == end


@pytest.mark.parametrize(
    ("sentences", "earlier", "end"),
    [
        # a sentence after the answer that opens on an earlier finding still ends the ladder
        (["Returns pile up.", "Why?", "No shelving role.", "Callbacks are mostly weekends."], "callbacks", 3),
        (["退款多。", "为什么？", "计费没人管。", "投诉主要在周末。"], "投诉", 3),
    ],
)
def test_a_finding_named_after_the_answer_still_ends_the_ladder(
    sentences: list[str], earlier: str, end: int
) -> None:
    assert ladder_end(sentences, 0, earlier=earlier) == end
