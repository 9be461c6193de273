"""A drill-down retold in prose across people: one names what was seen, another's why is reported ("Lena
asked why …", "丽娜问为什么…") and answered, a third takes it further ("Tom picked it up from there: …",
"汤姆接着往下说，…"). It is one chain, from what was seen to the root, not one chain per person."""

from __future__ import annotations

import pytest

from tests.notes.extracting import extract, words

EN = (
    "# Redo review\n\n## Why\n\n"
    "Marek started: most of the redos are colour mismatches on metallic finishes.\n\n"
    "Lena asked why the mix is off. Marek: the sprayers mix from the paper tint cards instead of the spectro "
    "camera.\n\n"
    "Tom picked it up from there: the camera has been faulty since June, because nobody is responsible for "
    "checking the measuring kit. That's the root of it, and Tom reckons it explains about 60% of the redos.\n"
)
ZH = (
    "# 返修复盘\n\n## 原因\n\n"
    "马瑞先说：返修大多是金属漆的颜色对不上。\n\n"
    "丽娜问为什么调色会偏。马瑞：喷漆工又回到按纸质色卡调色，不用分光仪测板面。\n\n"
    "汤姆接着往下说，分光仪从六月起就坏了，因为没人负责检查喷漆车间的测量工具。这是根子，汤姆估计占返修的六成。\n"
)


@pytest.mark.parametrize(
    ("note", "seen", "middle", "root"),
    [
        (EN, "colour mismatches", "paper tint cards", "nobody is responsible"),
        (ZH, "颜色对不上", "纸质色卡", "没人负责"),
    ],
)
def test_a_drill_down_retold_across_people_is_one_main_chain(
    note: str, seen: str, middle: str, root: str
) -> None:
    found = extract(note).cause_chains
    assert len(found) == 1
    chain = found[0]
    assert seen in words(chain) and middle in words(chain)
    assert chain.root_cause is not None and root in chain.root_cause and chain.is_main
