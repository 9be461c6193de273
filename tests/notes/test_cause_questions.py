"""A question that asks for the cause in other words than "why" (zh, en) — "Marek, what's actually stopping
the shredder?", "开胶到底是什么原因？" — opens the causes: the answer is no further shortfall."""

from __future__ import annotations

import pytest

from tests.notes.extracting import extract, texts

ZH = (
    "[00:01:25] 晏伟：不好的呢？\n"
    "[00:01:33] 葛丽：开胶返修太多，品牌方已经黄牌警告了。\n"
    "[00:01:41] 晏伟：志刚，开胶到底是什么原因？\n"
    "[00:01:49] 鲍志刚：胶水涂得不匀，鞋头那一圈根本没刷到胶，一压就开。\n"
)
EN = (
    "[00:01:31] Helen: And what didn't?\n"
    "[00:01:40] Marek: Downtime was twice the allowance this month.\n"
    "[00:01:55] Helen: Marek, what's actually stopping the shredder?\n"
    "[00:02:04] Marek: The primary shredder jams on truck tyres with heavy steel belts.\n"
)


@pytest.mark.parametrize(("note", "answer"), [(ZH, "胶水涂得不匀"), (EN, "jams on truck tyres")])
def test_the_answer_to_a_cause_question_is_no_shortfall(note: str, answer: str) -> None:
    assert answer not in texts(extract(note, name="note.txt").shortfalls)


@pytest.mark.parametrize(("note", "finding"), [(ZH, "开胶返修太多"), (EN, "Downtime")])
def test_the_finding_before_it_stays(note: str, finding: str) -> None:
    assert finding in texts(extract(note, name="note.txt").shortfalls)
