"""An owner called by a short name or a title (zh, en) is the one person the note names in full: "Fern" is
"Fern Whitley" of the attendees, "龚场长" and "老柴" are 龚卫东 and 柴文静; a short name that fits two people,
or none, stays as written."""

from __future__ import annotations

import pytest

from coach.notes.people import full_name
from tests.notes.extracting import extract

EN = (
    "# Q2 review\n\n## Attendees\n\n"
    "Claire Ashdown (chair), Fern Whitley (head groom), Dr Ruth Baines (vet).\n\n"
    "## Actions\n\n- Arena maintenance schedule — Fern, by next Friday.\n"
    "- Buy our own arena leveller — Claire to get three quotes by the end of August.\n"
)
ZH = (
    "# 春季造林复盘\n\n参会：场长龚卫东，营林科科长柴文静\n\n## 行动\n\n"
    "- 和周边三个村谈长期用工协议，由龚场长亲自负责，9月30日前。\n"
    "- 苗木调度表交给老柴，下周五前拿出方案。\n"
)


@pytest.mark.parametrize(
    ("note", "what", "who"),
    [
        (EN, "Arena maintenance", "Fern Whitley"),
        (EN, "arena leveller", "Claire Ashdown"),
        (ZH, "用工协议", "龚卫东"),
        (ZH, "调度表", "柴文静"),
    ],
)
def test_a_short_name_is_the_person_named_in_full(note: str, what: str, who: str) -> None:
    action = next(a for a in extract(note).actions if what in a.what)
    assert action.who == who


@pytest.mark.parametrize(
    ("owner", "people", "who"),
    [
        ("Dr Baines", ["Ruth Baines", "Claire Ashdown"], "Ruth Baines"),
        ("Sam", ["Sam Oduya", "Sam Reid"], "Sam"),
        ("Mike", ["Claire Ashdown"], "Mike"),
        ("王经理", ["王磊", "王芳"], "王经理"),
        ("小周", ["李娜"], "小周"),
    ],
)
def test_only_a_short_name_that_fits_one_person_is_resolved(owner: str, people: list[str], who: str) -> None:
    assert full_name(owner, people) == who
