"""A workaround told among what went wrong and then called one ("这是补救，不算改进", "it's firefighting, it
doesn't fix anything") is how the team coped, no shortfall of its own; the shortfalls around it stay."""

from __future__ import annotations

import pytest

from tests.notes.extracting import extract, texts

PROSE_ZH = """# 三季度复盘

## 存在的问题

投诉率3.1%，超了目标一倍，是最大的问题。

另外要说明，十月那批行李延误后，我们给旅客临时补了餐券、安排了专车，一共花了六万多。这是补救，下次照样会出问题，不算改进。

## 原因分析

行李延误是因为转运商换了仓库。
"""

TALK_EN = """WEBVTT

1
00:00:01.000 --> 00:00:04.000
<v Ann>What went wrong this month?

2
00:00:05.000 --> 00:00:10.000
<v Ben>Late deliveries went up again, we missed the two-day promise on a third of orders.

3
00:00:11.000 --> 00:00:20.000
<v Cal>{cal}

4
00:00:21.000 --> 00:00:25.000
<v Ann>Why were the deliveries late?

5
00:00:26.000 --> 00:00:32.000
<v Ben>Because the courier moved our pickup to the afternoon.
""".format(
    cal="While we're on what went wrong, we put two packers on overtime every Friday to clear the backlog. "
    "That kept the shelves moving, but it's firefighting, it doesn't fix anything."
)


@pytest.mark.parametrize(
    ("note", "name", "kept", "coped"),
    [
        (PROSE_ZH, "note.md", "投诉率", "餐券"),
        (TALK_EN, "note.vtt", "Late deliveries", "overtime"),
    ],
)
def test_a_workaround_called_so_is_no_shortfall(note: str, name: str, kept: str, coped: str) -> None:
    shortfalls = texts(extract(note, name=name).shortfalls)
    assert kept in shortfalls
    assert coped not in shortfalls, shortfalls
