"""A plainly written 纪要 or set of notes, as a team lead types it after the meeting (zh, en): numbered
items under a section heading are items, a whole drill-down told under the problems is a cause chain with its
rungs, and an action's owner and deadline are not its words."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.notes.extracting import extract, texts

MINUTES_ZH = """# 客服中心11月复盘会 纪要

一、指标
- 20秒接通率：目标85%，实际79%

二、问题
接通率没达标。接通率的问题表面是高峰期人手不够，再往下是排班还按去年的话务曲线，根本原因是没有人每月更新话务预测，郑敏估计这个占了七成。

三、经验
1. 话务预测要每月更新（组织·新增）
2. 知识库要继续维护（业务·继续）

四、行动
- 高峰时段弹性排班方案，郑敏，5月29日前
- 话务预测表，老高负责，6月5日前
"""

MINUTES_EN = """# Support desk retro, April

Lessons
1. Capacity planning needs an owner
2. Keep the macros library going

Actions
- Capacity plan, Dana, by May 29
- Escalation guide, owner: Priya, by June 5
"""


def test_numbered_lines_under_a_section_heading_are_its_items_not_headings() -> None:
    assert texts(extract(MINUTES_ZH).lessons) == "话务预测要每月更新 | 知识库要继续维护"
    assert (
        texts(extract(MINUTES_EN).lessons)
        == "Capacity planning needs an owner | Keep the macros library going"
    )


def test_a_whole_drill_down_told_under_the_problems_is_a_chain_with_its_rungs() -> None:
    doc = extract(MINUTES_ZH)
    (chain,) = doc.cause_chains
    assert chain.surface_cause == "高峰期人手不够 → 排班还按去年的话务曲线"
    assert chain.root_cause == "没有人每月更新话务预测"  # the share said after it is its share, not its words
    assert chain.share == 0.7 and chain.is_main
    assert texts(doc.shortfalls) == "接通率没达标"


@pytest.mark.parametrize(
    ("note", "actions"),
    [
        (
            MINUTES_ZH,
            [
                ("高峰时段弹性排班方案", "郑敏", dt.date(2026, 5, 29)),
                ("话务预测表", "老高", dt.date(2026, 6, 5)),
            ],
        ),
        (
            MINUTES_EN,
            [
                ("Capacity plan", "Dana", dt.date(2026, 5, 29)),
                ("Escalation guide", "Priya", dt.date(2026, 6, 5)),
            ],
        ),
    ],
)
def test_an_actions_owner_and_deadline_have_their_columns_not_its_words(
    note: str, actions: list[tuple[str, str, dt.date]]
) -> None:
    assert [(a.what, a.who, a.when) for a in extract(note).actions] == actions


def test_an_owner_after_a_dash_and_an_owner_to_be_decided_are_no_words_of_the_work() -> None:
    note = (
        "# Incident review\n\n## Action items\n\n"
        "- Split the checkout pool from batch jobs — Maya Chen, by May 29\n"
        "- Add a pool-sharing check to the release checklist, owner TBD\n"
        "\n## 行动\n\n- 故障演练方案，负责人待定，6月内\n"
    )
    assert [(a.what, a.who) for a in extract(note).actions] == [
        ("Split the checkout pool from batch jobs", "Maya Chen"),
        ("Add a pool-sharing check to the release checklist", None),
        ("故障演练方案，6月内", None),
    ]


def test_the_english_summary_counts_in_the_singular_and_the_plural() -> None:
    note = (
        "# Retro\n\n## Goals\n\n- Uptime: target 99.9%, actual 99.5%\n\n"
        "## Actions\n\n- Fix the alert, Leo, by May 29\n"
    )
    summary = extract(note).summary or ""
    assert summary.startswith("1 goal: 0 met or exceeded, 1 missed")
    assert "0 lessons, 1 action." in summary
