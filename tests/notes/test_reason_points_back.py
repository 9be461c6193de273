"""A finding whose reason only points back to the one told before it (zh, en): "Tonnes short because of
it.", "产量也少了，就是因为这个。" is one more finding, not a cause chain of its own."""

from __future__ import annotations

import pytest

from tests.notes.extracting import extract, texts, words

ZH = "[00:00:05] 晏伟：做得不好的地方？\n[00:00:13] 葛丽：停机时间超了一倍。产量也少了，就是因为这个。\n"
EN = (
    "[00:00:05] Helen: What went wrong?\n"
    "[00:00:13] Marek: Downtime was twice the allowance. Tonnes short because of it.\n"
)


@pytest.mark.parametrize(("note", "finding"), [(ZH, "产量也少了"), (EN, "Tonnes short")])
def test_a_finding_that_points_back_for_its_reason_is_a_finding(note: str, finding: str) -> None:
    doc = extract(note, name="note.txt")
    assert finding in texts(doc.shortfalls)
    assert not any(finding in words(chain) for chain in doc.cause_chains)


@pytest.mark.parametrize(
    "note",
    [
        "[00:00:05] 晏伟：做得不好的地方？\n[00:00:13] 葛丽：产量少了，因为二号线停了一周。\n",
        "[00:00:05] Helen: What went wrong?\n[00:00:13] Marek: Tonnes short because of the jams.\n",
    ],
)
def test_a_reason_in_its_own_words_is_still_a_cause(note: str) -> None:
    assert extract(note, name="note.txt").cause_chains
