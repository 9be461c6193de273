"""What went well, told in prose and transcripts: a goal beaten with its reason, plain praise, a spoken
topic."""

from __future__ import annotations

import pytest

from tests.notes.extracting import extract, texts


@pytest.mark.parametrize(
    ("note", "highlight"),
    [
        (
            "Incident review\n\nSales themselves held up: we had planned for 40,000 tickets sold in the "
            "first hour and sold 44,500, largely because the new bot filter turned away scalpers.\n",
            "bot filter",
        ),
        (
            "复盘纪要\n\n新店首月日均杯量目标500杯，实际做到了540杯，得益于开业前两周就建好门店社群。\n",
            "门店社群",
        ),
    ],
)
def test_a_goal_beaten_told_with_why_it_went_well_is_also_a_highlight(note: str, highlight: str) -> None:
    doc = extract(note, name="note.txt")
    assert doc.goals
    assert highlight in texts(doc.highlights)


@pytest.mark.parametrize(
    "note",
    [
        "Incident review\n\nWe had planned for 40,000 tickets sold in the first hour and sold 31,000, "
        "largely because the queue page kept failing.\n",
        "复盘纪要\n\n新店首月日均杯量目标500杯，实际只有410杯，主要是因为证照下来得晚。\n",
    ],
)
def test_a_goal_missed_with_its_reason_is_no_highlight(note: str) -> None:
    assert not extract(note, name="note.txt").highlights


@pytest.mark.parametrize(
    ("note", "highlight", "goal_sentence"),
    [
        (
            "# Incident review\n\n## Summary\n\nWe planned for 40,000 tickets sold in the first hour "
            "and sold 44,500, largely because the new bot filter turned away scalpers.\n\n"
            "## What went well\n\nThe status page kept customers informed throughout.\n",
            "status page",
            "bot filter",
        ),
        (
            "# 复盘纪要\n\n## 概况\n\n新店首月日均杯量目标500杯，实际做到了540杯，"
            "得益于开业前两周就建好门店社群。\n\n"
            "## 做得好的\n\n督导驻店，加盟商的问题当天就能解决。\n",
            "督导驻店",
            "门店社群",
        ),
    ],
)
def test_with_a_part_for_what_went_well_a_goal_beaten_elsewhere_is_no_highlight(
    note: str, highlight: str, goal_sentence: str
) -> None:
    # the author chose the highlights in that part; the goal is still a goal
    doc = extract(note)
    assert doc.goals
    assert highlight in texts(doc.highlights) and goal_sentence not in texts(doc.highlights)


@pytest.mark.parametrize(
    ("note", "highlight"),
    [
        ("复盘纪要\n\n银行流水自动匹配也上线了，应收那边省了不少人工。\n", "银行流水"),
        ("Review notes\n\nThe new FAQ page took a lot of pressure off the phones.\n", "FAQ page"),
    ],
)
def test_plain_praise_in_other_words_is_a_highlight(note: str, highlight: str) -> None:
    assert highlight in texts(extract(note, name="note.txt").highlights)


@pytest.mark.parametrize(
    ("note", "highlight"),
    [
        (
            "Crew retro\n\nBen: Good stuff first. The roster went out on time every week, because we "
            "froze the pairing changes a week earlier than usual.\n",
            "froze the pairing changes",
        ),
        ("门店月会\n\n孙丽：先说好消息。会员日的券核销了八千多张，老客回来了不少。\n", "券核销"),
    ],
)
def test_a_spoken_announcement_of_the_good_news_opens_the_highlights(note: str, highlight: str) -> None:
    found = texts(extract(note, name="note.txt").highlights)
    assert highlight in found
    assert "first" not in found and "好消息" not in found  # the announcement is no highlight itself


@pytest.mark.parametrize(
    "sentence",
    [
        "这次仓库团队做得很到位，一单都没发错。",
        "社群运营立了大功，复购率涨了不少。",
        "预约制效果很明显，高峰期不再拥堵。",
        "The new triage rota really helped; nobody waited more than an hour.",
        "We nailed the migration: zero downtime.",
    ],
)
def test_praise_said_in_everyday_words_is_a_highlight(sentence: str) -> None:
    assert extract(f"Notes\n\n{sentence}\n", name="note.txt").highlights


def test_money_credited_to_customers_is_no_praise() -> None:
    assert not extract(
        "Notes\n\nWe issued a credit to each customer on the list.\n", name="note.txt"
    ).highlights
