"""What an action says, read from its words alone: its owner, its due date, and the clauses of the work.

"冷链车加装温控记录仪，后勤老宋负责，7月底前", "Route alerts by service, Tom, by end of next month.",
"Tariq builds a forecast by July 31": the owner and the date come out, what is left is what to do.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from functools import cache

from coach.domain.critique import normalize
from coach.domain.parsing import ANY_DAY, DateMention, find_dates, find_owner, has_date, labelled_words
from coach.domain.parsing.owner_person import owner_person
from coach.domain.reading import cues, edit_cues
from coach.domain.reading.people import in_full
from coach.engines.rules.text import has_words

# a comma inside a number ("1,200 meters") splits nothing
_CLAUSE_SPLIT = re.compile(r"\s*(?:[，;；。\n]|(?<!\d),|,(?!\d{3}(?!\d)))\s*|\s+-\s+|(?<=[A-Za-z0-9)])\.\s+")
_NAME = r"[^\s，,;；。:：、—–]"
# "owner: Mei Lin", "owner Nadia Khan in network engineering", "Owen from procurement": the whole name and
# the team after it
# (up to three words, an acronym among them: "from the dispensary tech team", "from pharmacy IT")
_EN_TEAM = r"\s+(?:in|from)\s+(?:the\s+)?(?-i:(?:[a-z]+|[A-Z]{2,5})(?: (?:[a-z]+|[A-Z]{2,5})){0,2})"
# a name's word may carry an apostrophe ("O'Neill", "D'Souza")
_EN_NAME_WORD = r"[A-Z][a-z]*(?:['’][A-Z])?[a-z]+"
_EN_FULL_NAME = rf"(?-i:{_EN_NAME_WORD}(?: {_EN_NAME_WORD})?)"
_EN_OWNER_BIT = (
    rf"\b(?:owner|who)\s*[:：]?\s*{_EN_FULL_NAME}(?:{_EN_TEAM})?(?=\s*(?:$|[,;.，；。]))"
    rf"|(?:^|(?<=,))\s*{_EN_FULL_NAME}{_EN_TEAM}(?=\s*(?:$|[,;.]))"
)


@cache
def _owner_bits() -> re.Pattern[str]:
    """An owner said by a label or a verb; "…负责" closes its clause (the glued labels are the language files'
    `owner_label_glued`, the verbs after a name their `owner_lead_verbs`)."""
    return re.compile(
        rf"@\s*{_NAME}+|(?:{cues.owner_label_glued()})\s*{_NAME}+|{_EN_OWNER_BIT}|\b(owner|who)\s*[:：]\s*{_NAME}+"
        rf"|由\s*{_NAME}{{1,6}}\s*(来)?负责|{_NAME}{{1,6}}\s*(来)?(负责|{cues.owner_lead_verbs()})(?=$|[，,;；。\s])"
        rf"|\bowned by\s+\S+|\b\S+\s+owns( it)?\b|\bassigned to\s+\S+",
        re.I,
    )


# What is left of a clause once the owner and the date are taken out of it.
LEFTOVER = re.compile(
    r"^(之前|以前|前|完成|出|交|截止|为止|负责|负责人|来负责|牵头|主持|自己(?:来|做|盯|跟)|开始|起|出机制|执行|明年|今年"
    r"|before|by|due|deadline|until|from|starting|starting from|owner|owns it|is the owner"
    r"|and|too|as well|also|again|that'?s me|that is me|就是我(?:自己)?|还有|吧"
    r"|(?:——|—|--)?\s*(?:算了|不对|等等|这个|那个)"  # "…10月底前——算了，这个负责人写杨帆": taken back
    # the work done said after its date: "下周五前拿出来", "12月15日前考完"
    r"|拿出来|出来|考完|做完|弄完|搞定|交上来|到位|装好|落地)$|"
    r"^(截止|deadline|due)\s*[:：]?\s*$",
    re.I,
)
_MODAL = re.compile(r"^(?:will|shall|is going to|are going to|'ll)\s+", re.I)  # left where the owner was
# left where a date was, also as a clause of its own ("…, Kwame, before the 15th" → "before")
_DANGLING = re.compile(r"(?:^|\s+)(?:by|before|until|due|from|starting)[\s.。]*$", re.I)
# A name that does the action: "Tariq builds a forecast…", "Grace signs the contract by July 31"
# (the verb takes an object, so "Route alerts by service" stays an imperative with no owner)
_EN_SUBJECT = re.compile(
    r"^([A-Z][a-z]{1,15})\s+[a-z]{2,}s\s+(?:a|an|the|two|three|four|five|\d+|our|their|his|her|new|[A-Z]\w*)\b"
)
_SELF_NAMED = re.compile(
    r"(?:^|[，,；;。]\s*)(?:我是|我叫)\s*([\u4e00-\u9fff]{2,3})(?=$|[，,；;。\s])"
    r"|(?i:(?:^|[,;.]\s*)i'?m ([A-Z][a-z]{1,15})(?=$|[,;.\s]))"
    r"|(?:^|[,;.]\s*)(?:(?i:and)\s+)?([A-Z][a-z]{1,15}),\s*(?i:that'?s me|that is me)\b"
    r"|(?:^|[，,；;。]\s*)(?:还有)?([\u4e00-\u9fff]{2,3})[，,]\s*就是我(?:自己)?(?=$|[，,；;。])"
    # "…，我自己，丁慧，…", "…，我来，陈立平，…", "…, me, Leona Fisk, …": the speaker, who names themself
    r"|(?:^|[，,；;。]\s*)(?:我自己|我本人|我)(?:来|负责)?[，,]\s*([\u4e00-\u9fff]{2,3})(?=$|[，,；;。])"
    r"|(?:^|[,;]\s*)(?i:me|myself),\s*([A-Z][a-z]{1,15}(?: [A-Z][a-z]{1,15})?)(?=$|[,;.])"
)
# an owner set off by a dash after the work, with their team or role before the name ("——黄斌，"), or
# between two dashes ("小蔡——蔡文涛——")
_DASH_OWNER = re.compile(r"(?:——|—|–|--)\s*([^\s，,；;。—–-]{2,14})\s*(?=$|[，,；;。]|——|—)")
# A bare English name given as its own clause: "improve X, Tom, next Friday".
_BARE_NAME = re.compile(r"^[A-Z][a-z]{1,15}( [A-Z][a-z]{1,15})?$")


@cache
def _lead_verb_owner() -> re.Pattern[str]:
    """A name before a verb that makes them the owner, which find_owner does not read: "孙倩主持", and a name
    that does it themselves: "郭蕾自己来"."""
    return re.compile(
        rf"(?:^|[，,;；。\s])([\u4e00-\u9fff]{{2,3}})(?:(?:来)?(?:{cues.owner_lead_verbs()})"
        rf"|(?:{cues.alternatives('owner_self_verbs')})(?=$|[，,;；。\s]))"
    )


# "The sand store roof gets fixed: Pete Lawson from maintenance": the work, a colon, then who does it
_AFTER_COLON = re.compile(r"^(?P<work>.+?)\s*[:：]\s*(?P<who>[^:：]+)$")
_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,3}")
_NOT_NAMES = frozenset(
    {"yes", "no", "ok", "okay", "done", "none", "nothing", "skip", "next", "also", "and", "then", "so"}
    | {"but", "thanks", "sure", "fine", "good", "great", "today", "tomorrow", "weekly", "daily", "monthly"}
    | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    | {"january", "february", "march", "april", "may", "june", "july", "august", "september"}
    | {"october", "november", "december"}
    | {"why", "because", "root", "cause", "main", "share", "correction", "sorry", "actually", "other", "rest"}
)


@cache
def _owner_role_lead() -> re.Pattern[str]:
    return re.compile(rf"^(?:{cues.alternatives('owner_role_lead')})")


@cache
def _again() -> re.Pattern[str]:
    """ "Maya too", "Dev Patel again": a name said once more, the word after it no part of it."""
    return re.compile(rf"\s+(?:{cues.alternatives('said_again')})$", re.I)


def owner_in(text: str) -> str | None:
    """The owner named: "@张伟", "负责人：陈静", "owner: Priya", or a bare name clause (", Tom,")."""
    if (match := _EN_SUBJECT.match(text.strip())) and match.group(1).lower() not in _NOT_NAMES:
        return match.group(1)
    if who := _dash_field_owner(text):
        return who
    if (match := _DASH_OWNER.search(text)) and (name := bare_name(match.group(1))):
        return name  # "派单系统加入路程计算——信息中心黄斌，11月30日前"
    if (match := _SELF_NAMED.search(text)) and not has_date(named := next(n for n in match.groups() if n)):
        # "三家客户我亲自上门，我是周强，1月底前": the speaker takes it; "我来，月底前" names no one
        return named
    who = find_owner(text)
    if who and not has_date(who):
        return _without_title(text, who)
    if glued := _glued_or_lead_verb_owner(text):
        return glued
    if (labelled := labelled_words(text, 4, 10)) and (name := bare_name(labelled["value"])):
        return name  # "负责人：设备部老周": the person with their team before the name
    clauses = [_HESITATION.sub("", c.strip()) for c in _CLAUSE_SPLIT.split(text)]
    for number, clause in enumerate(clauses):
        if number and (still := _STILL.fullmatch(clause)):
            return still.group(1)  # "…，还是鲁建国，月底前": the owner named before, again
        if named := _named_after_colon(clause):
            return named[1]
        if number and (name := _team_and_name(clause)):
            return name  # after the work: "水帘年度检修计划，设备组孙亮，…"
    described = _DESCRIBED_OWNER.search(text)
    if described and (name := owner_person(described["who"])) and name[:1].isupper():
        return name  # "… - our mechanic Alfie, next Friday"
    for clause in clauses[1:]:
        clause = _again().sub("", clause)
        clause = re.sub(rf"{_EN_TEAM}$", "", clause)  # "Owen from procurement"
        clause = _owner_role_lead().sub("", clause)  # "warehouse lead Joe"
        if _BARE_NAME.match(clause) and not set(clause.lower().split()) & _NOT_NAMES:
            return clause
    return None


# "contract register - dev - feb 27": the work, who, and when, set apart by dashes; who may be in lower case
_DASH_FIELDS = re.compile(
    r"^(?P<work>.+?)\s+[-–—]\s+(?P<who>[^-–—\d,;，；]{2,30}?)\s+[-–—]\s+(?P<when>[^-–—]+)$"
)


def _dash_field_owner(text: str) -> str | None:
    """The middle of three dash-set fields when the last is a date and the middle one to three words."""
    fields = _DASH_FIELDS.match(text.strip(" .。"))
    if fields is None or not has_date(fields.group("when")):
        return None
    who = _owner_role_lead().sub("", fields.group("who").strip())
    words = who.split()
    if not 1 <= len(words) <= 3 or set(w.lower() for w in words) & _NOT_NAMES or has_date(who):
        return None
    return None if _dash_aside().search(who) else who


@cache
def _dash_aside() -> re.Pattern[str]:
    """Words of a remark set off by dashes, no owner: "the price list — really important — by Friday"."""
    return re.compile(rf"\b(?:{cues.alternatives('dash_aside')})\b", re.I)


# words said while thinking of a name: "这个呃……生产部欧阳帆"
_HESITATION = re.compile(r"^(?:这个|那个|呃+|嗯+|啊|就是|[…]+|\.{2,})+\s*")
_STILL = re.compile(r"还是([\u4e00-\u9fff]{2,3})")


def _name_after(text: str, role: str) -> str | None:
    """The name set off by a space after a role or team ("法务 郑好")."""
    at = text.find(role)
    if at < 0:
        return None
    said = re.match(r"\s+([\u4e00-\u9fff]{2,3})(?![\u4e00-\u9fff])", text[at + len(role) :])
    return said.group(1) if said else None


def _glued_or_lead_verb_owner(text: str) -> str | None:
    """Owners find_owner does not read: a name glued to its label ("负责人刘洋"), or before a verb that
    makes them the owner ("孙倩主持"); the first said wins."""
    labelled = labelled_words(text, 2, 3)
    lead = _lead_verb_owner().search(text)
    if labelled and (not lead or labelled.start() <= lead.start()):
        return _without_title(text, labelled["value"])
    return _without_title(text, lead.group(1)) if lead else None


def _named_after_colon(clause: str) -> tuple[str, str] | None:
    """(the work, the person) of a clause that ends on a person after a colon, their team dropped:
    "…move back in: Pete Lawson from maintenance" → Pete Lawson. The work before the colon must be said
    in words (three at least), so a field label ("What: Dashboards") names nobody."""
    said = _AFTER_COLON.match(clause)
    if not said or len(said.group("work").split()) < 3:
        return None
    name = re.sub(rf"{_EN_TEAM}$", "", _again().sub("", said.group("who").strip()))
    if not _BARE_NAME.match(name) or set(name.lower().split()) & _NOT_NAMES:
        return None
    return said.group("work"), name


def _team_and_name(clause: str) -> str | None:
    """A clause that is a team or role and a name, nothing else: "设备组孙亮", "采购的钱进" → the name;
    "各店店长执行" names no one."""
    name = bare_name(clause)
    if not name or name == clause or not _HAN_NAME.fullmatch(name) or LEFTOVER.match(name):
        return None
    return name


def _without_title(text: str, who: str) -> str:
    """ "副校长孙涛负责" read as 长孙涛: the end of a title is no part of the name that follows it;
    "负责人：法务 郑好" read as 法务: a team alone is no name when a name follows it."""
    if cues.role_prefix().fullmatch(who) and (named := _name_after(text, who)):
        return named
    at = text.find(who)
    if at < 0 or not re.fullmatch(r"[\u4e00-\u9fff]{2,3}", who):
        return who
    window = re.split(r"[，,；;。、:：\s]", text[max(0, at - 6) : at + len(who)])[-1]
    bare = bare_name(window)
    return bare if bare and who.endswith(bare) else who


def bare_name(words: str) -> str | None:
    """'信息中心黄斌' → '黄斌', '安检班长马强' → '马强', 'Priya' → 'Priya'; None when no name is left."""
    name = cues.role_prefix().sub("", words).strip()
    if cues.not_a_name().match(name):
        return None
    if re.fullmatch(r"[\u4e00-\u9fff]{2,3}", name) or _BARE_NAME.match(name):
        return name
    return None


@cache
def owner_me() -> re.Pattern[str]:
    """The owner said as the one talking ("…，我自己来，…", "…, me, next Friday"): no part of the work."""
    return re.compile(cues.alternatives("owner_me"), re.I)


def work_clauses(text: str, mention: DateMention | None) -> list[str]:
    who = owner_in(text)
    if who:  # the owner's team or title goes with them: "设备科科长鲁建国负责", "人事部的温小雅牵头"
        text = re.sub(rf"(?:{cues.alternatives('role_words')})+(?={re.escape(who)})", "", text)
    text = _owner_described(text, who)
    rest = owner_me().sub("，", _owner_bits().sub(" ", text))
    rest = _DASH_OWNER.sub(lambda m: "，" if bare_name(m.group(1)) else m.group(0), rest)
    if mention is not None:
        # every date named goes, with its 前/之前: "1月15日前出方案" is the action 出方案
        others = (
            m.text
            for m in find_dates(text, ANY_DAY)
            if not m.recurring and not _BARE_WEEKDAY.fullmatch(m.text.strip()) and not _a_term(text, m.text)
        )  # "the Saturday booking window": a weekday alone names a thing, it is no second date
        for named in sorted(
            {mention.text, *others}, key=lambda d: (-len(d), d)
        ):  # longest first, same every run
            rest = _without(rest, named)
        rest = _spent_date_label().sub(" ", rest)  # "时间：4月30日前（母亲节前）" went with its date
    clauses = [
        _without_owner(_HESITATION.sub("", _BULLET.sub("", c.strip())), who)
        for c in _CLAUSE_SPLIT.split(rest)
    ]
    clauses = [_MODAL.sub("", _DANGLING.sub("", c)) for c in _without_taken_back(clauses)]
    return [
        c
        for c in clauses
        if has_words(c)
        and not LEFTOVER.match(normalize(c))
        and c not in (who, f"and {who}", f"还有{who}", f"还是{who}")
    ]


# after the work's dash, a person said with who they are: "- our mechanic Alfie", "- the planner Dan Whitlock"
_DETERMINER = r"(?:[Tt]he|[Oo]ur|[Mm]y|[Hh]is|[Hh]er|[Tt]heir)"
_DESCRIBED_OWNER = re.compile(rf"\s[-–—]\s+(?P<who>{_DETERMINER}\s[^,，;；.]{{1,40}})")
# "the work - who, by when": a spaced dash sets the work apart from its owner and date
_WORK_DASH = re.compile(r"^(?P<work>.+?)\s+[-–—]\s+(?P<rest>.+)$")
# words that say who someone is: "the night supervisor", "our mechanic", "Priya in the lab", "maintenance"
_WHO_THEY_ARE = re.compile(rf"{_DETERMINER}\b|[A-Z]|[a-z]+\s*[,，]$")


def _owner_described(text: str, who: str | None) -> str:
    """ "Viscosity check - the night supervisor, Gary, by Monday" → "Viscosity check - Gary, by Monday":
    after the dash, the clauses before the owner's name say who they are (a title, a team, where they
    work), not how the work is done."""
    split = _WORK_DASH.match(text)
    if who is None or split is None:
        return text
    rest = split["rest"]
    at = rest.find(who)
    before = rest[:at]
    if at <= 0 or not re.search(r"[,，]\s*$", before) or has_date(before):
        return text
    if not _WHO_THEY_ARE.match(before.strip()):
        return text  # "write it with Dennis, Gary": a verb first says how
    return f"{split['work']} - {rest[at:]}"


_CELL_BAR = re.compile(r"\s*[｜|]\s*")
# a first name, then the full name it begins: "Grace, Grace Lee"
_FIRST_THEN_FULL = re.compile(r"\b(?P<first>[A-Z][a-z]{1,15}),\s*(?=(?P=first) [A-Z][a-z]{1,15}\b)")


def plain_item(text: str, lang: str) -> str:
    """An item as plain clauses: a table row's cells as clauses ("包材变更审批流程｜质量部冯岚｜10月底前"),
    and a person called by a familiar name and then their full name ("活动组小陶，陶可", "Grace, Grace Lee")
    named once, by the full name."""
    text = _CELL_BAR.sub("，" if lang == "zh" else ", ", text)
    return _FIRST_THEN_FULL.sub("", _familiar_then_full().sub("", text))


@cache
def _familiar_then_full() -> re.Pattern[str]:
    """ "小陶，陶可": a familiar name (小 + the surname), then the full name with that surname."""
    familiar = cues.alternatives("name_familiar_prefix")
    return re.compile(
        rf"(?:{familiar})(?P<surname>[\u4e00-\u9fff])\s*[，,]\s*"
        rf"(?=(?P=surname)[\u4e00-\u9fff]{{1,2}}(?:$|[，,；;。\s]))"
    )


def _without_taken_back(clauses: list[str]) -> list[str]:
    """The clauses without what the speaker took back ("春节前……算了，写2月10日前", "the pilot, no wait,
    make it the full rollout"): the words before the retraction in its clause, or the clause before when it
    opens the clause, and the verb that dictates the new words ("写", "make it")."""
    kept: list[str] = []
    redictate = False
    for clause in clauses:
        if redictate:
            clause = _redictated().sub("", clause)
        said = edit_cues.taken_back().search(clause)
        redictate = said is not None
        if said is None:
            kept.append(clause)
            continue
        if not has_words(clause[: said.start()]) and kept:
            kept.pop()  # "…，春节前，算了，…": the clause before is taken back
        after = _redictated().sub("", clause[said.end() :])
        redictate = not has_words(after)
        kept.append(after)
    return kept


@cache
def _redictated() -> re.Pattern[str]:
    """The verb that dictates the new words after a retraction ("写", "改成", "make it")."""
    return re.compile(rf"^\s*(?:{cues.alternatives('taken_back_then')})\s*", re.I)


# a time limit counted from an event is a term of the work, no deadline: "尾款婚礼后7天内付清", "refunds
# within 7 days of the return"; a date that qualifies a thing names it ("4月的交接清单", "April's invoices")
_TERM = re.compile(r"(?:后|之后|以后)\s*$")
_TERM_AFTER = re.compile(r"^\s*(?:(?i:of|after|from)\s+(?!now\b|today\b)|的|['’]s\b)")


def _a_term(text: str, date_text: str) -> bool:
    at = text.find(date_text)
    if at < 0:
        return False
    return bool(_TERM.search(text[:at]) or _TERM_AFTER.match(text[at + len(date_text) :]))


_BULLET = re.compile(r"^[-*•·]\s+")


@cache
def _spent_date_label() -> re.Pattern[str]:
    """A date's label left once its date is taken ("时间： （母亲节前）", "due:  (before the peak)"), with the
    remark on the date in brackets: nothing of the work."""
    label = cues.alternatives("edit_field_when")
    return re.compile(
        rf"(?:{label})\s*[:：]\s*(?:[（(][^）)]{{0,30}}[）)])?\s*(?=$|[，,;；。\n]|\s-\s)", re.I
    )


_BARE_WEEKDAY = re.compile(
    r"(?i:mon|tues|wednes|thurs|fri|satur|sun)day|(?i:week-?end)|(?:周|星期|礼拜)[一二三四五六日天]|周末"
)
# "9月1日起执行": from the day on; "一季度内": a window is due at its end
_DUE_MARK = re.compile(r"\s*(?:之前|以前|前|为止|起|(?:之内|以内|内)(?![\u4e00-\u9fff]))?")


def _without(text: str, words: str) -> str:
    """The text without the words (a date), nor the 前/之前 right after them."""
    start = text.find(words)
    while words and start >= 0:
        end = _DUE_MARK.match(text, start + len(words))
        text = f"{text[:start]} {text[end.end() if end else start + len(words) :]}"
        start = text.find(words)
    return text


_TAKES_ON = re.compile(r"^(?:来|去)?(?:负责|牵头|主导|跟进一下)(?=[\u4e00-\u9fff]{2})")


def _without_owner(clause: str, who: str | None) -> str:
    """A clause without the owner heading or closing it ("张伟1月15日前出方案" → "出方案")."""
    if not who or clause == who:
        return clause
    if (named := _named_after_colon(clause)) and named[1] == who:
        return named[0]
    if _team_and_name(clause) == who or _owner_role_lead().sub("", clause) == who:
        return ""  # "设备组孙亮", "warehouse lead Joe": the owner said with their team
    if in_full(cues.role_prefix().sub("", clause).strip(), {who}) == who:
        return ""  # "设备员老包——包志强": the familiar name with the title, before the full one
    for name in (f"@{who}", who):
        if clause.startswith(name):
            # "李娜负责跟进两个大客户的回款": the words that hand it to them go with the name
            return _TAKES_ON.sub("", clause[len(name) :].strip(), count=1)
        if clause.endswith(f" {name}"):
            return clause[: -len(name)].strip()
    return clause


# a period rather than a day: "下季度…6月30日前" is due on the day, inside the period
_PERIOD = re.compile(r"季度|Q\d|上半年|下半年|年底|年末|(?i:quarter|half|year)", re.I)


def deadline(text: str, today: dt.date) -> DateMention | None:
    """When an action is due: the last date named that is no recurrence ("每周一") and not past;
    a day beats a period named with it, and a month-day already past this year is next year's."""
    mentions = []
    for mention in find_dates(text, today):
        start = text.find(mention.text)
        before = text[max(0, start - 6) : start].lower()
        if re.search(r"(每|每个|every|each)\s*$", before):
            continue
        mentions.append(_next_year_if_past(mention, today))
    ahead = [m for m in mentions if m.date >= today]
    days = [m for m in ahead if not _PERIOD.search(m.text)]
    chosen = days or ahead or mentions
    return chosen[-1] if chosen else None


def _next_year_if_past(mention: DateMention, today: dt.date) -> DateMention:
    """ "1月15日前" said in April is due next January: a due date is never behind the review."""
    if mention.absolute or mention.date >= today or not mention.deadline or _PERIOD.search(mention.text):
        return mention
    try:
        return dataclasses.replace(mention, date=mention.date.replace(year=today.year + 1))
    except ValueError:  # 2月29日
        return mention
