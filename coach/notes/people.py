"""Owners called by a short name or a title ("Fern", "Dr Baines", "龚场长", "老樊") are the person the note
names in full elsewhere ("Fern Whitley", "Ruth Baines", "龚卫东"): on its attendee list, as a speaker or in
its text. Only a short name that fits one person is resolved; otherwise it stays as written."""

from __future__ import annotations

import re
from collections.abc import Iterable

from coach.domain.parsing.owner_person import owner_person
from coach.notes.wordlists import phrases

# "Fern Whitley", "Ruth O'Neill": two or three capitalised words in the note's text
_LATIN_FULL = re.compile(r"(?<![A-Za-z])[A-Z][a-z]+(?: [A-Z][a-z'’-]+){1,2}(?![A-Za-z])")
_HAN_FULL = re.compile(r"[\u4e00-\u9fff]{2,3}")


def known_people(text: str, speakers: Iterable[str | None], participants: Iterable[str]) -> list[str]:
    """The full names a note gives: speakers, attendees (titles dropped) and capitalised names in its text."""
    from coach.domain.parsing.owners import person_name

    named = [s for s in speakers if s]
    named += [p for p in (owner_person(raw) for raw in participants) if p]
    titles = re.compile(rf"^(?:{phrases('title_before_surname').pattern})\s+")
    named += [titles.sub("", m.group(0)) for m in _LATIN_FULL.finditer(text) if person_name(m.group(0))]
    return list(dict.fromkeys(n for n in named if " " in n or _HAN_FULL.fullmatch(n)))


def surname_called(owner: str) -> tuple[str, str] | None:
    """(surname, script) for "龚场长", "老樊", "Dr Baines"; None for any other owner."""
    han = re.fullmatch(
        rf"[老小](?P<s>[\u4e00-\u9fff])|(?P<t>[\u4e00-\u9fff])(?:{phrases('title_after_surname').pattern})",
        owner,
    )
    if han is not None:
        return han["s"] or han["t"], "han"
    latin = re.fullmatch(rf"(?:{phrases('title_before_surname').pattern})\.?\s+(?P<s>[A-Z][a-z'’-]+)", owner)
    return (latin["s"], "latin") if latin is not None else None


def full_name(owner: str | None, people: list[str]) -> str | None:
    """The one person among `people` a short owner ("Fern", "龚场长", "Dr Baines") calls, else the owner."""
    if not owner:
        return owner
    if re.fullmatch(r"[A-Z][a-z'’-]+", owner):
        found = [p for p in people if " " in p and p.split()[0] == owner]
    elif (called := surname_called(owner)) is not None:
        surname, script = called
        if script == "han":
            found = [p for p in people if _HAN_FULL.fullmatch(p) and p[0] == surname and p != owner]
        else:
            found = [p for p in people if " " in p and p.split()[-1] == surname]
    else:
        return owner
    return found[0] if len(found) == 1 else owner
