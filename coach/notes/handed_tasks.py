"""A task handed to someone by name without asking ("老廖，三楼卫生间扶手。" — 老廖: "下周五前装完。"), and
the reply that takes it on by giving a date."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from coach.notes.wordlists import phrases

_REPLY_WORDS, _REPLY_CJK = 6, 10


@cache
def _handed() -> re.Pattern[str]:
    """ "Name, task." with a first name, a Chinese name or a surname with a title ("胡护士长")."""
    titles = phrases("title_after_surname").pattern
    return re.compile(
        rf"^@?(?P<name>[A-Z][a-z]+|[\u4e00-\u9fff](?:{titles})|[\u4e00-\u9fff]{{2,3}})\s*[,，]\s*"
        r"(?P<task>[^,，].{3,}?)[。.!！?？]?$"
    )


def handed_task(text: str) -> tuple[str, str] | None:
    """(name, task) for "老廖，三楼卫生间扶手。", "胡护士长，夜班重新排班，什么时候能出来？",
    "Dan, the deposit rule.": a task named to someone; it is theirs only if they answer with a date."""
    from coach.domain.parsing.owners import person_name
    from coach.notes.people import surname_called

    m = _handed().match(text.strip())
    if m is None:
        return None
    name, task = m["name"], m["task"]
    if not (person_name(name) or surname_called(name)):
        return None
    if phrases("fact_question", anchored=True).match(task) or phrases("tag_question").search(task):
        return None  # "Ellie, are you getting all this?" asks how things are, not for work
    return name, task


def gives_a_date(text: str) -> bool:
    """ "下周五前装完。", "两周内评完。", "By next Friday, done.": a short reply that opens on a deadline;
    a question or a refusal ("下周五前不行") takes nothing on."""
    from coach.domain.parsing import find_dates

    said = text.strip()
    if re.search(r"[?？]|不|没|(?i:\bnot\b|n't|\bcannot\b)", said):
        return False
    named = [d for d in find_dates(said, dt.date.today()) if not d.recurring]
    if not named:
        return False
    start = said.find(named[0].text)
    lead = said[:start]
    if start < 0 or not re.fullmatch(r"\s*(?:(?i:by|before|on)\s+|我)?", lead):
        return False
    rest = said[start + len(named[0].text) :]
    words = re.findall(r"[A-Za-z']+", rest)
    return len(words) <= _REPLY_WORDS and len(re.findall(r"[\u4e00-\u9fff]", rest)) <= _REPLY_CJK
