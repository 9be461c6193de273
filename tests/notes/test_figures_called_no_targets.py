"""Figures told first and called no targets after ("Neither is something we set a target for.", "这些都是
背景数字，不是考核指标。") are context, no goals; a goal told against a named target stays one, and a
sentence that calls its own figure no target leaves the ones before it alone."""

from __future__ import annotations

import pytest

from tests.notes.extracting import extract

PROSE_EN = """# Lifeboat station review

{context}

Our launch target is 10 minutes from the pager; this year the average was 12 minutes.
""".format(
    context="Some context first. We launched 64 times this year, against 51 last year, and the open day "
    "raised £9,000. The coxswain was clear that neither is something we set a target for."
)

PROSE_ZH = """# 图书馆年度复盘

先交代一下背景。全年客流预计15万人次，实际来了18万人次。馆长说这些都是背景数字，不是考核指标。

借阅量目标40万册，实际43万册。
"""


@pytest.mark.parametrize(
    ("note", "goal", "context"), [(PROSE_EN, "launch", "launched"), (PROSE_ZH, "借阅量", "客流")]
)
def test_figures_called_no_targets_after_they_are_told_make_no_goal(
    note: str, goal: str, context: str
) -> None:
    names = [g.name for g in extract(note).goals]
    assert any(goal in name for name in names), names
    assert not any(context in name for name in names), names


def test_a_figure_called_no_target_in_its_own_sentence_leaves_the_goals_before_it() -> None:
    note = (
        "# 双11复盘\n\n退货率要求控制在25%以内，实际34%；单场最高在线8.7万人，这是过程数字，不是考核指标。\n"
    )
    assert [g.name for g in extract(note).goals] == ["退货率"]
