"""The person an action's owner names, or None when the words name no one.

`owners.find_owner` finds the owner words in a sentence and `owners.person_name` tells whether words are a
whole name; this module takes the words a reader put where the owner goes and keeps the person in them.

An owner is a person. Readers of actions take the words where the owner goes; those words may carry a
title, a team or an aside ("Marguerite Doyle (GM)", "the planner Dan Whitlock", "质量部冯岚",
"调度的小韩（韩冬梅）"), or be no name at all when a list was cut in the wrong place
("对了谢谢财务的老蔡帮忙拉的赔付数据", "finish, thanks"). A wrong owner in a review is worse than a missing
one, so what names no one is dropped.
"""

from __future__ import annotations

import re
from functools import cache

from coach.domain.parsing.dates import has_date
from coach.domain.parsing.owners import person_name
from coach.domain.reading import cues
from coach.domain.reading.language import HAN

_BRACKETS = re.compile(r"\s*[（(](?P<inner>[^（()）]*)[)）]")
_SHORT_FORM = re.compile(r"[小老阿][\u4e00-\u9fff]|[\u4e00-\u9fff]|[A-Z][a-z]+")  # "小韩", "Dan"
# a Chinese name: 2–4 characters (小/老/阿 and one); a transliterated one joins its parts with ·; "阿May"
_HAN_NAME = re.compile(
    r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff·]{1,8}|[小老阿][A-Za-z]{2,12}"
)
# a Latin name: capitalised words, "O'Neill", "Ruiz-Garcia", "de" inside; an all-capitals word is a title
_UP, _LOW = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"
_LATIN_PART = rf"[{_UP}](?:[{_LOW}]+|['’][{_UP}][{_LOW}]+)(?:[{_UP}][{_LOW}]+)?(?:-[{_UP}][{_LOW}]+)?"
_LATIN_NAME = re.compile(rf"{_LATIN_PART}(?: (?:de |van |von |da |di |le )?{_LATIN_PART}){{0,2}}")
_LATIN_WORD = re.compile(rf"[{_UP}{_LOW}][{_UP}{_LOW}'’-]*")


@cache
def _not_a_name() -> re.Pattern[str]:
    return re.compile(cues.alternatives("never_in_owner"))


@cache
def _after_title() -> re.Pattern[str]:
    """A title or "的" just before a name of two or three characters at the end."""
    return re.compile(rf"^.*(?:{cues.alternatives('title_before_name')})(?P<name>[\u4e00-\u9fff]{{2,3}})$")


@cache
def _their_side() -> re.Pattern[str]:
    return re.compile(rf"^(?:{cues.alternatives('their_side')})的?")


def owner_person(said: str | None) -> str | None:
    """The person the owner words name; titles, teams and asides around the name are dropped."""
    if said is None:
        return None
    body = _ADDRESSED.sub("", said.strip(" \t，,。.;；:：、-—"))
    if not body or _not_a_name().search(body):
        return None
    if (whole := person_name(body)) is not None:
        return whole  # "王总", "Alice Chen", "产品部": a whole name as it is
    outside = _BRACKETS.sub("", body).strip()
    person = _han_person(outside) if HAN.search(outside) else _latin_person(outside)
    if person is None or _SHORT_FORM.fullmatch(person):
        # "调度的小韩（韩冬梅）": the brackets give the full name of a short one
        return _name_in_brackets(body) or person
    return person


# the person addressed as they are handed the task: "一鸣你牵头" is 一鸣's
_ADDRESSED = re.compile(r"(?<=[\u4e00-\u9fff]{2})你$")


def _name_in_brackets(body: str) -> str | None:
    found = _BRACKETS.search(body)
    if found is None:
        return None
    inner = found["inner"].strip()
    return inner if _HAN_NAME.fullmatch(inner) or _LATIN_NAME.fullmatch(inner) else None


def _han_person(body: str) -> str | None:
    """A Chinese owner: the name left after the titles and teams before it; a team alone stays the owner."""
    if len(body) == 1:
        return body  # "我": who that is, the review's people tell, not the word
    bare = _their_side().sub("", cues.role_prefix().sub("", body)).strip()
    if not bare:
        return body if len(body) <= 6 else None  # "客服中心", "市场部": the team owns it
    if _HAN_NAME.fullmatch(bare):
        return bare
    if titled := _after_title().match(bare):
        return titled["name"]  # "东校区的校区长柏云": the name after the title
    if _LATIN_WORD.match(bare) and not HAN.search(bare):
        return _latin_person(bare)
    return None


def _latin_person(body: str) -> str | None:
    """A Latin-script owner: the one run of capitalised words; typed all in lower case, the words as said."""
    words = _LATIN_WORD.findall(body)
    if not words:
        return None
    runs = [m.group(0) for m in _LATIN_NAME.finditer(body)]
    if len(runs) == 1:
        return runs[0]
    if not runs and len(words) <= 3 and not cues.role_said().fullmatch(body):
        return body  # "hana o'neill", "dev": a terse list types names in lower case
    return None


def full_names_said(text: str) -> list[str]:
    """The people named in full in a message, given name and surname ("Present: Fiona Drummond (chair),
    Callum Reid", "I'm Leon Marsh", "Jordan Mills, my deputy"), so that an owner named by the given name
    alone can be written in full; a date ("Friday October") names no one."""
    found: list[str] = []
    for run in _LATIN_NAME.finditer(text or ""):
        name = run.group(0)
        if " " in name and not has_date(name) and name not in found:
            found.append(name)
    for familiar in _FAMILIAR_THEN_FULL.finditer(text or ""):
        if familiar["full"] not in found:
            found.append(familiar["full"])  # "老金（金海波）", "老彭（彭志强）": the full name in brackets
    return found


# a familiar name (老 / 小 / 阿 and the surname), then the full name with that surname in brackets
_FAMILIAR_THEN_FULL = re.compile(
    r"[老小阿](?P<surname>[\u4e00-\u9fff])[（(](?P<full>(?P=surname)[\u4e00-\u9fff]{1,2})[)）]"
)
