"""Asked what went wrong, people name the measures in a word or two ("Touch-ups, obviously. No-shows.",
"退订率也没达标。"): each measure of the note named so is a shortfall, once."""

from __future__ import annotations

import pytest

from tests.notes.extracting import extract, texts

EN = (
    "Maya: No-shows: we said no more than 5% of bookings, we were at 9%.\n"
    "Maya: Revenue: target £62k, actual £58k.\n"
    "Maya: And what didn't go well?\n"
    "Dev: No-shows, obviously. Revenue short. And the reminder texts we promised never went out.\n"
    "Maya: No-shows.\n"
)
ZH = (
    "卓岚：准时取件率目标98%，实际93%。\n"
    "卓岚：退订率，目标不超过5%，实际8%。\n"
    "卓岚：不好的呢？\n"
    "阮小溪：准时取件率没达标。退订率也是。还有质检登记一直没做起来。\n"
)


@pytest.mark.parametrize(("note", "named"), [(EN, ["No-shows", "Revenue"]), (ZH, ["准时取件率", "退订率"])])
def test_a_measure_named_in_a_word_or_two_among_what_went_wrong_is_a_shortfall(
    note: str, named: list[str]
) -> None:
    shortfalls = extract(note, name="note.txt").shortfalls
    assert len(shortfalls) == 3
    told = texts(shortfalls)
    assert all(name in told for name in named)


def test_a_word_that_names_no_measure_is_no_shortfall() -> None:
    note = (
        "Maya: Revenue: target £62k, actual £58k.\n"
        "Maya: And what didn't go well?\n"
        "Dev: Honestly, hard to say.\n"
    )
    assert extract(note, name="note.txt").shortfalls == []
