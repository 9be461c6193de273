"""Actions from note items: what, who (owner or the speaker who volunteers), when (resolved)."""

from __future__ import annotations

import datetime as dt
import re

from coach.domain.parsing.owner_person import owner_person
from coach.domain.reading.action_kind import cued_kind
from coach.domain.retrospective import ActionItem
from coach.notes.segment import Item
from coach.notes.vocabulary import grouped, listed
from coach.notes.wordlists import phrases

_DATE_HINT = re.compile(
    r"\d{1,2}\s*月\s*\d{1,2}\s*[日号]|\d{1,2}月底|月底|"
    r"月初|月中|年底|周[一二三四五六日天]|下周|本周|这周|下个月|这个月|"
    r"明天|今天|后天|[一二两三四五六七八九十\d]+\s*(?:天|周|个月)内|Q[1-4]|[一二三四]季度|\d{4}-\d{2}-\d{2}|"
    r"\b(?:by|before|until|due)\b|\bnext (?:week|month|mon|"
    r"tue|wed|thu|fri)|\bend of\b|\btomorrow\b|\btoday\b|"
    r"\b(?:mon|tues|wednes|thurs|fri)day\b|\bwithin \w+ (?:days|weeks)\b",
    re.I,
)
_SELF = re.compile(
    # "发给我" / "send me the report" ask someone else for the work; taking it makes the speaker its owner
    r"(?:^|[，,。；;])\s*我(?!们)|我来|我先|我自己|我负责|我这边|我去|我定|我做|交给我|我认领|包在我|"
    r"\bI'll\b|\bI will\b|\bI can\b|\b(?:assign|give|leave)\s+(?:it|that|this)\s+(?:to|with)\s+me\b|"
    r"\bI'm on\b|\blet me\b",
    re.I,
)
# the names of a table's columns for an action's parts are per-language data (`action_field`)
OWNER_FIELDS = grouped("action_field")["owner"]
_WHEN_FIELDS = grouped("action_field")["when"]
_WHAT_FIELDS = grouped("action_field")["what"]
_OWNER_PATTERNS = (
    re.compile(r"负责人\s*[:：]\s*([\u4e00-\u9fffA-Za-z]{1,12})"),
    re.compile(r"(?:让|由|请)([\u4e00-\u9fff]{2,3}|[A-Z][a-z]+)(?:来)?(?:牵头|负责|跟进)"),
    re.compile(
        r"(?:^|[，,\s—-])@?([\u4e00-\u9fff]{2,3}|[\u4e00-\u9fff]?[A-Z][a-zA-Z]+)\s*(?:负责|牵头|跟进|来做)"
    ),
    re.compile(r"@([\u4e00-\u9fffA-Za-z]{1,12})"),
    # "检票的事情交给小周，…", "Hand the gate queue to Zhou, …": the work is handed to the one named
    re.compile(r"交给([\u4e00-\u9fff]{2,3})(?=[，,。；;来去负做吧]|$)"),
    re.compile(
        r"\b(?i:hand|give|leave)\s+(?:it|that|this|the\s+\w+(?:\s+\w+)?)\s+(?:to|with)\s+([A-Z][a-z]+)\b"
    ),
    # "— Fern, by Friday", "让仓库的老樊——樊建国——来做": the name after a dash, also set off by a second one
    re.compile(r"(?:——|--|—)\s*([\u4e00-\u9fff]{2,3}|[A-Z][a-z]+)(?=[，,\s（(]|[向找和跟与]|——|—|$)"),
    re.compile(r"[，,]\s*([\u4e00-\u9fff]{2,3}|[A-Z][a-z]+)\s*[，,]\s*"),
)
# words that stand where an owner's name would and name no one: per-language data (`not_a_name`)
_NOT_NAMES = frozenset(listed("not_a_name"))


# the time itself, without the words that only lead to one ("by", "due"): "by store and day" names none
_TIME_NAMED = re.compile(_DATE_HINT.pattern.replace(r"\b(?:by|before|until|due)\b|", ""), re.I)


def mentions_date(text: str) -> bool:
    """True when the text names a deadline or a time frame."""
    return _DATE_HINT.search(text) is not None


def names_time(text: str) -> bool:
    """True when the text names a day or a time frame itself ("December 18", "月底", "next Friday"), not
    only a word that could lead to one ("shard by time window", "by store and day")."""
    from coach.domain.parsing import find_dates

    if _TIME_NAMED.search(text):
        return True
    return any(not d.recurring for d in find_dates(text, dt.date.today()))


def _field(fields: dict[str, str], names: tuple[str, ...]) -> str | None:
    for key, value in fields.items():
        if any(name in key.lower() for name in names) and value.strip():
            return value.strip()
    return None


# "防虫网换新，先挂着，7月底前": a word ending in an aspect or mood particle says how things stand, no name
_SAYS_HOW = re.compile(r"[\u4e00-\u9fff][着了过吧呢吗]$")


def find_who(text: str, speaker: str | None) -> str | None:
    """The owner the item names; the speaker when they volunteer ("我来", "I'll")."""
    try:
        from coach.domain.parsing import find_owner

        owner = find_owner(text)
    except ImportError:
        owner = None
    if owner:
        return owner
    for pattern in _OWNER_PATTERNS:
        for m in pattern.finditer(text):
            name = m.group(1).strip()
            said_how = "我" in name or _SAYS_HOW.search(name) is not None
            if name not in _NOT_NAMES and not said_how and not mentions_date(name):
                return name
    if speaker and _SELF.search(text):
        return speaker
    return None


def _says_unassigned(text: str) -> bool:
    from coach.notes.wordlists import phrases

    return phrases("unassigned").search(text) is not None


def assigns_task(text: str, review_date: dt.date | None) -> bool:
    """ "Ruth Ames owns a register of bank communications, by 15 September", "…，负责人待定": a sentence that
    gives the work a named owner and a deadline, or says its owner is still to be decided, is a task, even
    under a heading of lessons; a lesson is a way of working and has neither."""
    from coach.domain.parsing import find_dates

    if _says_unassigned(text):
        return True
    owner = find_who(text, None)
    if owner is None:
        return False
    dates = find_dates(text, review_date or dt.date.today())
    return any(not d.recurring for d in dates)


def _marked_deadline(text: str, review_date: dt.date | None) -> bool:
    """Whether the text's deadline is marked as one ("by May 15", "下周五前"), not a period it only names."""
    from coach.domain.parsing import find_deadline

    mention = find_deadline(text, review_date)
    return mention is not None and mention.deadline


def find_when(text: str, review_date: dt.date | None) -> tuple[dt.date | None, str | None]:
    """(date, the words naming it): the deadline, resolved against the review date.

    Recurrences (每周一) and past dates are no deadlines; without a review date only a date written
    with its year (2026年6月30日) is resolved.
    """
    from coach.domain.parsing import find_dates, find_deadline

    mention = find_deadline(text, review_date)
    if mention is not None:
        return mention.date, mention.text
    # unresolved (no review date, or already past): keep the words that name the time
    named = [d for d in find_dates(text, review_date or dt.date.today()) if not d.recurring]
    if named:
        return None, named[-1].text
    m = _DATE_HINT.search(text)
    return None, m.group(0) if m else None


_LEADING_NAME = re.compile(
    r"^@?(?P<name>[^\s:：，,]{1,12}(?:\s[A-Z][a-z]+)?)\s*(?:[（(][^（()）]{0,16}[)）])?\s*[:：]"
)


def _leading_name(text: str) -> str | None:
    """ "Raj: RFP for a new vendor", "李娜（CS）：整理话术库": a name heading an action owns it; so does a
    name that calls its owner ("王强，你把压测脚本整理一下", "Leo, please tidy up …")."""
    from coach.domain.parsing.owners import person_name

    m = _LEADING_NAME.match(text) or _ADDRESSED.match(text)
    return person_name(m["name"]) if m else None


# "Emergency contact card fixed to the studio desk: Nia Roberts, by 31 March.", "检查清单：龚磊，4月10日前"
_TRAILING_OWNER = re.compile(
    r"[:：]\s*(?P<name>[A-Z][a-z]+(?:\s[A-Z][a-z'’-]+)?|[\u4e00-\u9fff]{2,3})\s*[,，]\s*(?P<rest>[^:：]+?)[\s.。;；]*$"
)


def _trailing_owner(text: str) -> str | None:
    """ "<the work>: <who>, <when>": the name after the colon owns the work when only its deadline follows."""
    from coach.domain.parsing.owners import person_name

    m = _TRAILING_OWNER.search(text)
    if m is None or names_time(m["name"]) or not _only_deadline(m["rest"]):
        return None
    return person_name(m["name"])


def _only_deadline(words: str) -> bool:
    """ "by 10 April", "next Friday", "4月10日前": a deadline and nothing else."""
    from coach.domain.parsing import find_dates

    named = [d for d in find_dates(words, dt.date.today()) if not d.recurring]
    if not named:
        return False
    rest = re.sub(
        r"(?i)\b(?:by|before|due|no later than)\b|之前|以前|前|[\W\d_]",
        " ",
        words.replace(named[0].text, " "),
    )
    return not rest.split()


_ADDRESSED = re.compile(
    r"^(?P<name>[\u4e00-\u9fff]{2,4}|[A-Z][a-z]+)\s*[，,]\s*(?:你|请|麻烦|(?i:please|can you|could you)\b)"
)


_UNASSIGNED = re.compile(
    r"^(?:待定|未定|暂定|没定|待分配|无|暂无|-+|—+|/|tbd|tba|n/?a|none|nobody|\?+)$", re.I
)


def _owner_cell(cell: str) -> str | None:
    """The owner in a table's owner column: "@小马", "小马（iOS）", "Bob (PM)", "王磊/李娜" → the first name.

    "待定", "TBD", "-" are no one.
    """
    from coach.domain.parsing.owners import find_owner, person_name

    value = re.sub(r"\s*[（(][^）)]*[)）]", "", cell).strip().lstrip("@").strip()
    first = re.split(r"\s*(?:[、,，/&＋+]|\band\b|和|与|及)\s*", value)[0].strip().lstrip("@")
    if not first or _UNASSIGNED.match(first) or first in _NOT_NAMES:
        return None
    return person_name(first) or find_owner(first) or first


def _what(item: Item) -> str:
    from coach.notes.wordlists import table_column

    what = _field(item.fields, _WHAT_FIELDS)
    if what:
        return what
    measure = next(
        (v.strip() for k, v in item.fields.items() if table_column(k) == "measure" and v.strip()), None
    )
    if measure:
        return measure  # "| 问题 | 改进措施 | 负责人 |": the measure is the work
    text = re.sub(r"^(?:行动|下一步|to ?do|action)\s*[:：]\s*", "", item.text, flags=re.I)
    text = re.sub(r"^(?:owner|负责人)\s*[:：]\s*[^\s,，]+\s*(?:--|——|—)\s*", "", text, flags=re.I)
    head = re.split(r"\s*(?:——|--)\s*", text)[0]
    return (head if len(head) >= 4 else text).strip(" ，,。.;；")


def _without_owner_or_deadline(what: str, who: str | None) -> str:
    """The work's words without the clauses after them that only give its owner or its deadline, which
    have their own columns: "弹性排班方案，郑敏，12月20日前" → "弹性排班方案"; "Split the pool — Maya Chen,
    by December 15" → "Split the pool"; "…, owner TBD" → "…"."""
    clauses = re.split(r"([，,；;]\s*|\s+[—–-]{1,2}\s+)", what)
    kept = clauses[:1]
    for mark, clause in zip(clauses[1::2], clauses[2::2], strict=False):
        bare = clause.strip(" 。.")
        owner_only = who is not None and re.fullmatch(
            rf"(?:负责人|(?i:owner))?\s*[:：]?\s*{re.escape(who)}(?:\s+[A-Z][\w'’-]+)?"
            r"\s*(?:负责|牵头|跟进|来做|owns it|to own)?",
            bare,
        )
        unassigned = re.fullmatch(r"(?i:owner|负责人)\s*[:：]?\s*(?P<who>.+)", bare)
        if unassigned and _UNASSIGNED.match(unassigned["who"]):
            continue  # "owner TBD", "负责人：待定": no one, and no words of the work
        if not (owner_only or (bare and _only_deadline(bare))):
            kept += [mark, clause]
    return "".join(kept).strip(" ，,。.;；") or what


def build_action(item: Item, review_date: dt.date | None) -> ActionItem:
    """One action; a table row's columns win over what the text implies."""
    cell = _field(item.fields, OWNER_FIELDS)
    who = item.owner or (_owner_cell(cell) if cell is not None else find_who(item.text, item.speaker))
    if who is not None and names_time(who):
        who = None  # "王强，你把脚本整理一下，周五前": "周五前" is when, not who
    if who is None and item.bullet and item.speaker:
        who = item.speaker  # "- Marco: draft a short-form MSA": the name heading an action bullet owns it
    if who is None:
        who = _leading_name(item.text) or _trailing_owner(item.text)
    if cell is None and not item.owner and _says_unassigned(item.text):
        who = None  # "the owner is to be decided": whatever word follows "owner" names nobody
    when_cell = _field(item.fields, _WHEN_FIELDS)
    when, when_text = find_when(when_cell or item.text, review_date)
    if when_cell is None and phrases("undated").search(item.text):
        when = None  # "行业沙龙下半年继续，时间待定": the period is when it runs; its date is not set
    if item.due and (when is None or not _marked_deadline(when_cell or item.text, review_date)):
        # "the inspection checklist for next year?" — "by next Friday": the date the owner gives is the
        # deadline; a period the task is for is not
        due, due_text = find_when(item.due, review_date)
        if due is not None or when is None:
            when, when_text = due, due_text
    what = _without_owner_or_deadline(_what(item), who)
    addressed = re.match(rf"{re.escape(who)}\s*[,，]\s*(?=\S)", what) if who else None
    if addressed and len(what) - addressed.end() >= 4:
        what = what[addressed.end() :]  # "王磊，周五前去催一下", "Wei, refresh …": the name calls its owner
    return ActionItem(
        what=what,
        when=when,
        when_text=when_text,
        who=owner_person(who) if who and who not in _NOT_NAMES else None,
        kind=cued_kind(what),
        evidence=item.evidence,
    )
