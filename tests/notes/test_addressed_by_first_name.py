"""A task asked of someone in a transcript (zh, en): the one called by first name ("Marek, …?") is the
speaker named in full ("Marek Nowak: Yes."), and owns it under that name; a word that only goes on to the
next task ("And Stuart, …?", "那钟雪，…？") calls no one; "by tonnage" is no date, so the date the owner
gives next is the deadline."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.notes.extracting import extract

EN = (
    "[00:00:05] Helen Whitford: Actions.\n"
    "[00:00:10] Helen Whitford: Marek, can you put a blade change interval in place, by tonnage?\n"
    "[00:00:15] Marek Nowak: Yes. By next Friday.\n"
    "[00:00:20] Helen Whitford: And Stuart, an on-call electrician rota for nights?\n"
    "[00:00:25] Stuart Boyle: Yep, I'll talk to the contractor, rota in place within two weeks.\n"
)
ZH = (
    "[00:00:05] 晏伟：行动。\n"
    "[00:00:10] 晏伟：葛丽，剥离力抽检恢复每周一次，你来盯？\n"
    "[00:00:15] 葛丽：好，下周一开始。\n"
    "[00:00:20] 晏伟：那钟雪，夏季的烘箱参数表你来出？\n"
    "[00:00:25] 钟雪：可以，下周五前。\n"
)


@pytest.mark.parametrize(
    ("note", "what", "who", "when"),
    [
        (EN, "blade change interval", "Marek Nowak", dt.date(2026, 5, 22)),
        (EN, "electrician rota", "Stuart Boyle", dt.date(2026, 5, 28)),
        (ZH, "烘箱参数表", "钟雪", dt.date(2026, 5, 22)),
    ],
)
def test_the_one_called_owns_the_task_with_the_date_they_give(
    note: str, what: str, who: str, when: dt.date
) -> None:
    action = next(a for a in extract(note, name="note.txt").actions if what in a.what)
    assert (action.who, action.when) == (who, when)


@pytest.mark.parametrize("note", [EN, ZH])
def test_the_answers_are_no_tasks_of_their_own(note: str) -> None:
    assert len(extract(note, name="note.txt").actions) == 2
