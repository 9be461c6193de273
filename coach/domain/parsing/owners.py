"""Who owns an action: @李娜, 负责人：老王, 王磊负责, 由张三牵头, 交给小刘, owner: Bob, assigned to Bob.

Chinese has no spaces, so a name before a verb (这件事王磊负责) is found by its shape:
a common surname with one or two given characters, 老/小 + surname, a surname with a
title (王总, 李经理), or a department (产品部, 运营团队). Pronouns and collectives
(我, 大家, 团队, we, everyone) are not owners.
"""

from __future__ import annotations

import re
from functools import cache

from coach.domain.reading.cues import acknowledge, alternatives, not_addressed, owner_label, owner_label_glued
from coach.domain.reading.vocabulary import keyed_fragments

# The words that make a name or stand where one could are the language files' `owner_names` table
# (coach/domain/reading/words/), every language merged; the sets are looked up word by word, in no order.
_OWNER_NAMES = keyed_fragments("owner_names")


def _chars(key: str) -> frozenset[str]:
    """A list of characters, each on its own (`surnames`, …)."""
    return frozenset("".join(_OWNER_NAMES[key]))


_SURNAMES = _chars("surnames")
_COMPOUND_SURNAMES = frozenset(_OWNER_NAMES["compound_surnames"])
_TITLES = tuple(_OWNER_NAMES["titles"])
_NOT_IN_NAMES = _chars("not_in_given_names")
_PRONOUNS = frozenset(_OWNER_NAMES["pronouns"])
_NOT_PEOPLE = frozenset(_OWNER_NAMES["not_people"])
_COLLECTIVE = tuple(_OWNER_NAMES["collective"])
_NOUN_ENDINGS = tuple(_OWNER_NAMES["noun_endings"])
# the one-character verbs count only when no longer verb fits, since they also occur in given names (建, 定)
_TASK_VERBS = tuple(_OWNER_NAMES["task_verbs"])
_TASK_VERBS_SHORT = tuple(sorted(_chars("task_verbs_short")))


# a role said before the name ("仓储经理吴昊", "副校长孙涛", "IT孟凡"): the name is what follows it; the
# roles are the table's `roles_before_name`, a team's capitals ("IT") are no word of any language
_ROLE_BEFORE_NAME = re.compile(
    rf"(?:{'|'.join(_OWNER_NAMES['roles_before_name'])}|[A-Z]{{2,4}})(?P<name>[\u4e00-\u9fff]{{2,4}})$"
)

_HAN = r"[\u4e00-\u9fff]"
_CLAUSE_BREAK = re.compile(r"[\s，,。.;；:：!！?？、()（）\[\]【】@\"'“”]")
_ASCII_ROLE = re.compile(r"[A-Z]{2,4}(?=[\u4e00-\u9fff])")  # IT孟凡, HR李娜: a Chinese name after a team
_CN_STOP = re.compile(
    r"负责|牵头|跟进|主导|处理|完成|落实|推进|对接|协助|配合|统筹|把关|盯|来|去|和|与|及|跟|等|做|会|将|要|把"
    r"|今天|明天|后天|下周|本周|这周|周[一二三四五六日天末]|月底|年底|[\s，,。;；、)）]"
)
_DEPARTMENT = re.compile(rf"{_HAN}{{1,4}}(?:部门|小组|团队|中心|部|组|科|室)|[A-Z]{{2,5}}")
_EN_NAME = re.compile(r"[A-Z][A-Za-zÀ-ÖØ-öø-ÿ'’.-]*(?:\s+[A-Z][A-Za-zÀ-ÖØ-öø-ÿ'’.-]*){0,2}")
# a role said before the name ("warehouse manager Wu Hao", "IT lead Sam"): the name is what follows it
_EN_ROLE_WORDS = (
    r"(?:(?:[a-z]+|[A-Z]{2,4})\s+){0,2}?(?:lead|manager|engineer|director|head|analyst|admin|coordinator|officer"
    r"|specialist|supervisor|architect)\s+(?=[A-Z][a-z])"
)
_EN_ROLE = re.compile(f"^{_EN_ROLE_WORDS}")
_HANDLE = re.compile(r"[A-Za-z][\w.-]*")

# the owner's words after a label (the labels are the language files' `owner_label`): a role may come
# before an English name ("owner: IT lead Sam")
_LABEL_VALUE = (
    rf"\s*@?(?P<value>(?:{_EN_ROLE_WORDS})?[^\s，,。;；、)）\]】]+(?:\s+[A-Z][A-Za-zÀ-ÖØ-öø-ÿ'’.-]*){{0,2}})"
)


@cache
def _label() -> re.Pattern[str]:
    return re.compile(rf"(?:{owner_label()}){_LABEL_VALUE}")


@cache
def _glued_label(shortest: int, longest: int) -> re.Pattern[str]:
    return re.compile(
        rf"(?:{owner_label_glued()})\s*(?P<value>{_HAN}{{{shortest},{longest}}})(?=$|[，,;；。\s])"
    )


def labelled_words(text: str, shortest: int, longest: int) -> re.Match[str] | None:
    """The first Chinese words said after an owner's label, glued to it or not, that run to the end of their
    clause and are `shortest` to `longest` characters long (group `value`): "负责人刘洋，…" → 刘洋,
    "负责人：设备部老周" → 设备部老周. Unlike find_owner's label reading, the words are not yet read as a
    name: the caller takes the name out of them."""
    return _glued_label(shortest, longest).search(text)


_MENTION = re.compile(r"@(?P<value>[^\s@，,。;；:：、()（）!！?？]+)")
_CN_PREPOSITION = re.compile(
    rf"(?:由(?!于|此)|交给|交由|分配给|指派给|安排给|转给|给到|请|让)(?P<value>{_HAN}{{2,8}}|[A-Z]\w*)"
)
_EN_PREPOSITION = re.compile(
    r"(?i:\b(?:assigned\s+to|assign\s+to|handed\s+(?:over\s+)?to|owned\s+by|led\s+by|driven\s+by|handled\s+by"
    rf"|delegated\s+to|given\s+to|organi[sz]ed\s+by|run\s+by|coordinated\s+by)\s+)(?P<value>@[\w.-]+|(?:{_EN_ROLE_WORDS})?[A-Za-z][A-Za-zÀ-ÖØ-öø-ÿ'’.-]*(?:\s+[A-Z][A-Za-zÀ-ÖØ-öø-ÿ'’.-]*){{0,2}})"
)
_CN_VERB = re.compile(
    r"(?:来|去|会|将|要|继续|主要|亲自)?"
    r"(?:负责(?!人)|牵头|主导|跟进|主抓|落实|推进|对接|统筹|把关|盯|处理|组织|整理|安排|起草|协调"
    r"|(?:是|当|做|担任)(?:负责人|owner|牵头人))"
)
_EN_SUBJECT = re.compile(
    r"\b(?P<value>[A-Z][A-Za-zÀ-ÖØ-öø-ÿ'’-]*(?:(?:\s+|\s*(?:,|&|\band\b)\s*)[A-Z][A-Za-zÀ-ÖØ-öø-ÿ'’-]*){0,3})\s+"
    r"(?:will|to|owns|leads|drives|takes|handles|is\s+(?:responsible|in\s+charge|on\s+it|owning|leading|driving)"
    r"|is\s+going\s+to|(?:'|’)ll)\b"
)
_JOINERS = re.compile(r"和|与|及|跟|、|/")


def _is_pronoun(name: str) -> bool:
    """我, 大家, we, everyone: not a named owner."""
    return name.lower() in _PRONOUNS


def _given_ok(given: str) -> bool:
    """Given-name characters: Chinese, and none of the function words around names."""
    return all("\u4e00" <= c <= "\u9fff" and c not in _NOT_IN_NAMES for c in given)


def _is_cn_person(name: str) -> bool:
    """A Chinese personal name by shape: 王磊, 张晓明, 欧阳娜娜, 老王, 小刘, 阿强, 王总, 李经理."""
    if name[:2] in _COMPOUND_SURNAMES:
        return 3 <= len(name) <= 4 and _given_ok(name[2:])
    if len(name) == 2 and name[0] in "老小":
        return name[1] in _SURNAMES
    if len(name) == 2 and name[0] == "阿":
        return _given_ok(name[1])
    if name[0] not in _SURNAMES:
        return False
    rest = name[1:]
    return rest in _TITLES or (1 <= len(rest) <= 2 and _given_ok(rest))


def _is_department(name: str) -> bool:
    """产品部, 运营团队, 客服中心, SRE; not 我们团队 or 全组."""
    return bool(_DEPARTMENT.fullmatch(name)) and not _is_pronoun(name) and not name.startswith(_COLLECTIVE)


def _is_en_person(name: str) -> bool:
    """Bob, Alice Chen: capitalized words that are not sentence words (This, Deployment)."""
    words = name.split()
    if not words or any(w.lower() in _NOT_PEOPLE for w in words):
        return False
    return not words[0].lower().endswith(_NOUN_ENDINGS)


def _after_role(words: str) -> str | None:
    """The name after a role that ends the words: 仓储经理吴昊 -> 吴昊, IT孟凡 -> 孟凡."""
    match = _ROLE_BEFORE_NAME.search(words)
    return match["name"] if match and _is_cn_person(match["name"]) else None


# a team said after an English name: "Greta from the data team", "Owen in payroll"
_EN_TEAM_AFTER = re.compile(
    r"(?<=[a-z])\s+(?:from\s+(?!now|then|scratch|the\s+(?:start|beginning|outset))(?:the\s+)?[a-z][a-z&\s-]{1,30}"
    r"|(?:in|on|at)\s+(?:the\s+)?[a-z][a-z&\s-]{0,20}\s(?:team|department|dept|group|desk|office|unit|squad))$"
)
# a team said before the person with 的: "数据组的葛敏", "餐饮部的老郭"; the person is the owner
_TEAM_OF = re.compile(rf"^(?:{_DEPARTMENT.pattern})的(?={_HAN})")


def _without_team(value: str) -> str:
    """The value without a team said before the person ("数据组的葛敏" -> "葛敏")."""
    return _TEAM_OF.sub("", value, count=1)


def _cn_value(value: str) -> str | None:
    """The Chinese name at the start of a value: up to the first verb or joiner, if it looks like one."""
    value = _without_team(value)
    stop = _CN_STOP.search(value, 1)
    name = value[: stop.start()] if stop else value
    if _is_pronoun(name):
        return None
    if _is_cn_person(name) or _is_department(name):
        return name
    if after := _after_role(name):
        return after
    # no clear end: the name that leaves a task verb after it (由吴倩整理 -> 吴倩, not 吴倩整),
    # else the longest name-shaped prefix (@李娜明早提交)
    names = [name[:n] for n in (4, 3, 2) if len(name) >= n and _is_cn_person(name[:n])]
    for verbs in (_TASK_VERBS, _TASK_VERBS_SHORT):
        followed = next((n for n in names if name[len(n) :].startswith(verbs)), None)
        if followed:
            return followed
    return names[0] if names else None


def _en_value(value: str, strict: bool) -> str | None:
    """The English name at the start of a value; a lowercase handle only when not strict."""
    value = _EN_ROLE.sub("", value.lstrip("@"), count=1)
    match = _EN_NAME.match(value) if strict else (_EN_NAME.match(value) or _HANDLE.match(value))
    if match is None:
        return None
    name = _before_imperative(match.group(0).rstrip(".'’-"))
    return None if _is_pronoun(name) or name.lower() in _NOT_PEOPLE else name


def _before_imperative(name: str) -> str:
    """The name without the task that follows it (assigned to Sam Review the runbook -> Sam)."""
    words = name.split()
    end = next((i for i, w in enumerate(words) if i and w.lower() in _IMPERATIVES), len(words))
    return " ".join(words[:end])


def _value(value: str, strict: bool = False) -> str | None:
    """A name from the text right after a label, @ or preposition."""
    value = value.strip().lstrip("@")
    if not value:
        return None
    if value[0].isascii() and not _ASCII_ROLE.match(value):
        return _en_value(value, strict)
    return _cn_value(value)


def _from_label(text: str) -> str | None:
    """负责人：老王, owner: Bob, Owner - Alice Chen, (负责人 陈晨)."""
    return next((n for m in _label().finditer(text) if (n := _value(m["value"]))), None)


def _from_mention(text: str) -> str | None:
    """@李娜, @bob."""
    return next((n for m in _MENTION.finditer(text) if (n := _value(m["value"]))), None)


# "with Jun Watanabe as owner", "with Ana as the lead", "以周琳为负责人": the owner named beside the task
_EN_WITH_AS = re.compile(
    r"(?i:\bwith\s+)(?P<value>[A-Z][A-Za-zÀ-ÖØ-öø-ÿ'’.-]*(?:\s+[A-Z][A-Za-zÀ-ÖØ-öø-ÿ'’.-]*){0,2})"
    r"\s+(?i:as\s+(?:the\s+)?(?:owner|lead|dri|responsible))\b"
    rf"|以(?P<cn>{_HAN}{{2,4}}?)为(?:负责人|牵头人|责任人)"
)


def _from_preposition(text: str) -> str | None:
    """由张三牵头, 交给小刘, assigned to Bob, led by Alice Chen, with Jun Watanabe as owner."""
    for m in [*_CN_PREPOSITION.finditer(text), *_EN_PREPOSITION.finditer(text), *_EN_WITH_AS.finditer(text)]:
        value = m["value"] or m.groupdict().get("cn") or ""
        name = _value(value, strict=not value.startswith("@"))
        if name:
            return name
    return None


def _name_before(clause: str) -> str | None:
    """The name that ends a clause (这件事王磊 -> 王磊; 产品部 -> 产品部; Bob -> Bob)."""
    if not clause or _is_pronoun(clause):
        return None
    if clause.isascii():
        return clause if _is_en_person(clause) or _is_department(clause) else None
    if _is_department(clause) or (len(clause) <= 4 and _is_cn_person(clause)):
        return clause
    if after := _after_role(clause):
        return after  # 副校长孙涛 -> 孙涛, not 长孙涛
    return next((clause[-n:] for n in (4, 3, 2) if len(clause) >= n and _is_cn_person(clause[-n:])), None)


def _clause_before(text: str, end: int) -> str:
    """The words from the last punctuation or space up to `end`."""
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, end)), default=0)
    return text[start:end]


def _from_cn_verb(text: str) -> str | None:
    """王磊负责, 李娜来跟进, 这件事王总牵头, 王磊和李娜负责 (the first of them)."""
    for m in _CN_VERB.finditer(text):
        parts = _JOINERS.split(_clause_before(text, m.start()))
        name = next((n for part in parts if (n := _name_before(part))), None)
        if name:
            return name
    return None


def _from_en_subject(text: str) -> str | None:
    """Bob will, Alice Chen owns, Bob to follow up; leading sentence words are dropped (Then Bob will)."""
    for m in _EN_SUBJECT.finditer(text):
        for joined in re.split(r"\s*(?:,|&|\band\b)\s*", m["value"]):
            words = joined.split()
            while words and words[0].lower() in _NOT_PEOPLE:
                words.pop(0)
            name = " ".join(words)
            if name and _is_en_person(name):
                return name
    return None


# the person addressed, then "你来" / "你负责": "刀片进厂抽检，沈悦你来", "周报，小马，你跟一下"
_YOU_TAKE = re.compile(
    r"你(?:来|负责|牵头|跟进|跟一下|盯一下|盯着|去跟|去弄|去办)"
    r"|(?i:\byou(?:'ll|’ll|\s+will)?\s+(?:take|own|have|lead|run)\s+(?:it|this|that)\b)"
)


def _from_you_take(text: str) -> str | None:
    """沈悦你来, 小马，你负责, "Sam, you take it": the name said just before "你来" takes the task."""
    for m in _YOU_TAKE.finditer(text):
        clause = _clause_before(text, m.start())
        if not clause:  # "沈悦，你来": the name is the clause before the comma
            before = text[: m.start()].rstrip(" ，,")
            clause = _clause_before(before, len(before)) if len(before) < m.start() else ""
        if name := (person_name(clause) if clause.isascii() else _name_before(clause)):
            return name
    return None


_STRATEGIES = (_from_label, _from_mention, _from_preposition, _from_cn_verb, _from_you_take, _from_en_subject)

# a role or team in brackets right after a name: 张三（PM）, Marco (RevOps)
_ASIDE = re.compile(r"\s*[（(][^（()）]{1,16}[)）]")
_BRACKETED = re.compile(r"[（(\[【]\s*(?P<value>[^（()）\[\]【】]{1,20}?)\s*[)）\]】]")
# a name set off at an edge of the item: "— Bob", "，老罗。", "Tom — run …", ": Marco"
_EDGE_AFTER = re.compile(
    r"(?:——|--|—|–|[:：，,]|\s-)\s*@?(?P<value>[^\s，,。;；:：—–()（）]+(?:\s+[A-Z][a-z]+)?)\s*[。.!！]?$"
)
_EDGE_BEFORE = re.compile(
    r"^(?:(?i:action(?:\s+item)?|todo|to\s*do|行动|待办)\s*[:：]\s*)?@?(?P<value>[^\s—–:：]+(?:\s+[A-Z][a-z]+)?)\s*(?:——|--|—|–)\s*"
)


def person_name(value: str) -> str | None:
    """The value when it is a whole name (王磊, 老罗, Bob, Alice Chen, 产品部), else None."""
    value = value.strip().lstrip("@")
    if not value or _is_pronoun(value):
        return None
    if value.isascii():
        value = _EN_TEAM_AFTER.sub("", value)  # "Greta from the data team"
        words = value.split()
        ok = all(re.fullmatch(r"[A-Z][a-zß-öø-ÿ'’-]+", w) for w in words) and _is_en_person(value)
        return value if ok and len(words) <= 3 else None
    if _is_department(value):
        return value
    person = _without_team(value)
    return person if _is_cn_person(person) else None


def _from_bracket(text: str) -> str | None:
    """补齐测试机型（老罗）, [Bob] fix the alert."""
    return next((n for m in _BRACKETED.finditer(text) if (n := person_name(m["value"]))), None)


def _from_edge(text: str) -> str | None:
    """Rewrite the runbook — Bob; 补齐测试机型，老罗; Tom — run discovery training."""
    for pattern in (_EDGE_BEFORE, _EDGE_AFTER):
        m = pattern.search(text)
        if m and (name := person_name(m["value"])):
            return name
    return None


# imperative verbs open action items ("Fix the alerting", "Update docs"); they are not names
_IMPERATIVES = frozenset(_OWNER_NAMES["imperatives"])
_LEAD_EN = re.compile(
    r"^@?(?P<value>[A-Z][a-zß-öø-ÿ'’-]+(?:\s+[A-Z][a-zß-öø-ÿ'’-]+)?)(?:\s*(?:,|&|and|/)\s*[A-Z][a-zß-öø-ÿ'’-]+)*"
    r"(?:\s*[:：—–]\s*|(?<![A-Za-zß-öø-ÿ])-\s*|\s+-\s*|\s+(?=(?:is|has|can|should|needs|will|to|owns|takes|[a-z]+s)\b))"
)
_INTERJECTIONS = frozenset(
    {
        "also",
        "then",
        "next",
        "now",
        "so",
        "well",
        "oh",
        "hmm",
        "yep",
        "nope",
        "no",
        "first",
        "second",
        "third",
        "last",
        "lastly",
        "plus",
        "anyway",
    }
)
# one name addressed at the head of the item: "Amira, SMS reminders live by July 10"
_LEAD_EN_COMMA = re.compile(
    r"^@?(?P<value>[A-Z][a-zß-öø-ÿ'’-]{1,15}),\s+(?![A-Z][a-zß-öø-ÿ'’-]+\s*(?:,|and\b|&))"
)
# a Chinese name heading the item, set off by a space or a joiner, or followed by a verb or a time
_LEAD_CN = re.compile(
    rf"^@?(?P<value>{_HAN}{{2,4}}?)(?=\s|[、，,:：和与跟/]|[来去把在这下本月明今会要将周于先再]|\d)"
)


def _addressed(word: str) -> bool:
    """A word heading an item before a comma that can be a person: not "Yes", "Okay", "Finally", "Also"."""
    low = word.lower()
    said = low in _IMPERATIVES or low.endswith("ly") or acknowledge().match(low) or not_addressed().match(low)
    return not said


def _from_lead(text: str) -> str | None:
    """张三 下周五前出方案, 小马这周内搞定, 李娜、王磊 月底前, Sam follows up with sponsors."""
    text = text.strip()
    m = _LEAD_EN.match(text)
    if m and m["value"].split()[0].lower() not in _IMPERATIVES and (name := person_name(m["value"])):
        return name
    m = _LEAD_EN_COMMA.match(text)
    if m and _addressed(m["value"]) and (name := person_name(m["value"])):
        return name  # "Amira, SMS reminders live by July 10": the person addressed takes the task
    m = _LEAD_CN.match(text)
    if m and (_is_cn_person(m["value"]) or _is_department(m["value"])) and not _is_pronoun(m["value"]):
        return m["value"]
    return None


# a name standing as a clause of its own inside the item: "Route alerts by service, Tom, by end of May"
_SET_OFF = re.compile(r"[,，;；]\s*@?(?P<value>[^\s,，;；。.]+(?:\s+[A-Z][a-z]+)?)\s*[,，;；]")
# "Weekly returns report, Greta from the data team, first issue by …": a name with its team
_SET_OFF_WITH_TEAM = re.compile(
    r"[,，;；]\s*(?P<value>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?:from|in|on|at)\s+[a-z][a-z&\s-]{1,40}?)\s*[,，;；]"
)


def _from_set_off(text: str) -> str | None:
    """A whole name between commas owns the item; it beats a capitalized first word (which is a verb)."""
    plain = _SAID_AGAIN.sub(r"\g<end>", text)  # "…, Carla as well, …": the name said once more
    found = [*_SET_OFF.finditer(plain), *_SET_OFF_WITH_TEAM.finditer(plain)]
    return next((n for m in found if (n := person_name(m["value"]))), None)


# the words after a name said once more, before the clause ends: "Carla as well", "Dev Patel again"
_SAID_AGAIN = re.compile(rf"(?<=[A-Za-z])\s+(?:{alternatives('said_again')})\s*(?P<end>[,，;；])", re.I)


_SEQUENCE_LEAD = re.compile(
    r"^\s*(?:first|second|third|fourth|fifth|firstly|secondly|thirdly|finally|lastly)\s*[,:，：]?\s+", re.I
)


def find_owner(text: str) -> str | None:
    """The person (or team) named as owner in the text, without @ or label, or None.

    Asides in brackets after a name (张三（PM）跟进, Marco (RevOps) will) are read past; a name standing
    alone in brackets or at an edge of the item (（老罗）, "— Bob", "Tom — run …") owns it too.
    """
    text = _SEQUENCE_LEAD.sub("", text)  # "First, Jon rewrites the script": the place in a list is no name
    found = next((name for find in _STRATEGIES if (name := find(text))), None)
    if found:
        return found
    plain = _ASIDE.sub("", text)
    if plain != text:
        found = next((name for find in _STRATEGIES if (name := find(plain))), None)
    return found or _from_bracket(text) or _from_edge(plain) or _from_set_off(plain) or _from_lead(plain)
