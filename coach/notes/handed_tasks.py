"""A task handed to someone by name without asking ("老廖，三楼卫生间扶手。" — 老廖: "下周五前装完。"), and
the reply that takes it on by giving a date."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import TypeVar

from coach.notes.segment import Item
from coach.notes.wordlists import phrases

K = TypeVar("K", bound=str)

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


_NAMED_WORDS, _NAMED_CJK = 5, 10


def _names_only(text: str) -> bool:
    """ "And the buggy paths.", "还有扶手。": a few words that name a thing and say nothing of it."""
    from coach.notes.actions import mentions_date

    short = (
        len(re.findall(r"[A-Za-z']+", text)) <= _NAMED_WORDS
        and len(re.findall(r"[\u4e00-\u9fff]", text)) <= _NAMED_CJK
    )
    return short and not mentions_date(text) and not re.search(r"[?？]", text)


def named_then_handed(items: list[Item], kinds: list[K], other: K, action: K) -> list[K]:
    """ "And the buggy paths. Callum, finish them with the contractor by 30 June.": in one turn, the thing
    named first is what the task handed next speaks of ("them", "这个"); one task, not two."""
    from coach.notes.actions import find_who

    kinds = list(kinds)
    for i in range(len(items) - 1):
        named, task = items[i], items[i + 1]
        if kinds[i] != action or kinds[i + 1] != action or named.speaker is None or named.owner:
            continue
        same_turn = task.speaker == named.speaker and task.line == named.line
        points_back = phrases("back_reference").search(task.text) is not None
        owned = task.owner or find_who(task.text, task.speaker)
        if same_turn and points_back and owned and _names_only(named.text):
            task.owner = owned  # the name calling its owner no longer leads the task's words
            task.text = f"{named.text.rstrip(' .。')}: {task.text}"
            task.evidence = f"{named.evidence} {task.evidence}"
            kinds[i] = other
    return kinds


def ownerless_talk(items: list[Item], kinds: list[K], other: K, action: K) -> list[K]:
    """In talk, a sentence under the actions that names no owner and no date, and does not say that
    either is still open ("Get two in stock.", "小吴记一下。"), is no task: a task left without an owner
    is said to be one ("…, no owner yet", "先挂着，不定时间")."""
    from coach.notes.actions import find_who, mentions_date, names_time

    kinds = list(kinds)
    for i, item in enumerate(items):
        if kinds[i] != action or item.speaker is None or item.fields or item.owner or item.due:
            continue
        dated = mentions_date(item.text) or names_time(item.text)
        if dated or find_who(item.text, item.speaker):
            continue
        said_open = f"{phrases('unassigned').pattern}|{phrases('undated').pattern}"
        told = [item.text]
        after = items[i + 1] if i + 1 < len(items) else None
        if after is not None and after.line == item.line and phrases("back_reference").search(after.text):
            told.append(after.text)  # "…settings checklist. We'll work out who owns that later."
        if not any(re.search(said_open, text, re.I) for text in told):
            kinds[i] = other
    return kinds
