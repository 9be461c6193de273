"""A topic asked for in a few words by the one who chairs (zh, en): "不好的呢？", "And what didn't?" after
the highlights open the shortfalls; what is answered there is a shortfall, not a highlight."""

from __future__ import annotations

import pytest

from tests.notes.extracting import extract, texts

ZH = (
    "[00:00:05] 晏伟：先说做得好的。\n"
    "[00:00:13] 鲍志刚：人均日产超了，主要是成型线做了U型线改造。\n"
    "[00:00:21] 晏伟：不好的呢？\n"
    "[00:00:29] 葛丽：开胶返修太多，客户投诉了三次。\n"
)
EN = (
    "[00:00:05] Helen: What went well?\n"
    "[00:00:13] Joy: The new bale contract with the cement works.\n"
    "[00:00:21] Helen: And what didn't?\n"
    "[00:00:29] Marek: Purity under spec, two loads of crumb were sent back.\n"
)


@pytest.mark.parametrize(("note", "finding"), [(ZH, "开胶返修"), (EN, "Purity under spec")])
def test_the_answer_to_the_asked_topic_is_a_shortfall(note: str, finding: str) -> None:
    doc = extract(note, name="note.txt")
    assert finding in texts(doc.shortfalls)
    assert finding not in texts(doc.highlights)


@pytest.mark.parametrize(("note", "finding"), [(ZH, "U型线"), (EN, "bale contract")])
def test_the_answer_before_it_stays_a_highlight(note: str, finding: str) -> None:
    assert finding in texts(extract(note, name="note.txt").highlights)
