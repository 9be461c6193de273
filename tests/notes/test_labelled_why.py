"""A drill-down labelled level by level (zh, en) is one chain: "What we see:" is its phenomenon, and "Why:"
after "Surface cause:" answers why of the level above, one level down in the same chain, not a chain of its
own."""

from __future__ import annotations

import pytest

from tests.notes.extracting import chains, words

EN = (
    "# Q2 review\n\n## Causes\n\n"
    "- What we see: most of the lame days are soft-tissue strains.\n"
    "- Surface cause: the outdoor arena surface is deep and uneven.\n"
    "- Why: it isn't harrowed often enough since the contractor left.\n"
    "- Root cause: there is no arena maintenance schedule. This explains roughly 65% of the lame days.\n"
)
ZH = (
    "# 二季度复盘\n\n## 原因分析\n\n"
    "- 现象：跛行天数大多是软组织拉伤。\n"
    "- 表因：室外场地的沙面又深又不平。\n"
    "- 为什么：承包商三月走了以后没人耙地。\n"
    "- 根因：没有场地维护计划，也没人负责场地，估计占七成。\n"
)


@pytest.mark.parametrize(
    ("note", "seen", "why", "root"),
    [(EN, "soft-tissue", "harrowed", "maintenance schedule"), (ZH, "软组织", "没人耙地", "维护计划")],
)
def test_a_labelled_drill_down_is_one_chain(note: str, seen: str, why: str, root: str) -> None:
    found = chains(note)
    assert len(found) == 1
    chain = found[0]
    assert (
        seen in chain.phenomenon and why in (chain.surface_cause or "") and root in (chain.root_cause or "")
    )
    assert chain.is_main and chain.share == pytest.approx(0.65 if note is EN else 0.7)


def test_why_with_nothing_above_it_is_the_surface_cause() -> None:
    found = chains("# Review\n\n## Causes\n\n- Why: the lift was broken for a week.\n")
    assert len(found) == 1 and "lift" in words(found[0])
