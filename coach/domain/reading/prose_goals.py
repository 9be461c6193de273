"""A target promised in a sentence of prose, its result told after it (incident reports, written reviews).

"For slot booking we hold ourselves to a success rate of 99.5%; on November 7 it was 91.2%.",
"Our standard is that 98% of results reach the record within 60 minutes. On 6 October the figure was 74%.",
"Average wait at check-in: we aim for under 15 minutes, it was 38.",
"退货率我们要求控制在3%以内。实际做到了2.1%。"

The promise is said with a commitment phrase (the `prose_target` words of each language's data file); the
number after it is the target, with the bound said before it ("below 0.2%" is a ceiling). The result is the
first later number of the same kind: a share for a share, a span of time for a span of time; a bare number
only right after a result word ("it was 38"), so a date or a head count told beside the promise is no result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from coach.domain.parsing.numbers import Quantity, parse_quantities
from coach.domain.reading.vocabulary import fragments

_TIME_UNITS = {"h", "min", "s", "ms", "days", "小时", "分钟", "天", "秒", "周"}
_BOUND = (
    r"(?:(?:within|under|below|above|over|less\s+than|more\s+than|no\s+more\s+than|at\s+most|at\s+least"
    r"|控制在|压到|不超过|不高于|不低于|不少于|小于|大于|至少|最多|[≤≥<>])\s*)"
)
_BOUND_AFTER = r"(?:以内|之内|以下|以上|内)?"
# the separator after the target that ends the promise: what follows may tell the result ("40,000" is one
# number)
_CLAUSE_END = re.compile(
    r"[;；。，:：]|,(?!\d{3})|\.(?!\d)|\s(?:and|but)\s+(?=(?:we|it|this|that|they)\b)", re.I
)


@cache
def _clause_end() -> re.Pattern[str]:
    """Where the promise's clause ends; "… and sold 44,500": "and" before a result word ends it too."""
    results = "|".join(fragments("prose_result"))
    return re.compile(rf"{_CLAUSE_END.pattern}|\s(?:and|but)\s+(?=(?:{results}))", re.I)


_VERSION = re.compile(r"\d\.\d+\.\d")  # "4.2.0" names a build, not a result
# "For critical results we commit to …", "对于退货率，我们要求…": the lead names what the promise is about
_NAMED_IN_PROMISE = re.compile(
    r"(?:our|the)\s+((?:[\w-]+\s+){1,2}?)(?:target|standard|objective|goal|slo|sla)\s+(?:is|was)\b", re.I
)
_SUBJECT_LEAD = re.compile(r"^(?:for|对于|关于)\s*(.+)$", re.I)
_NAME_LEAD = re.compile(r"^(?:(?:to|that|a|an|the|keep|for|on|in)\s+)+|^(?:的是|是|为|把|将|让)", re.I)


@cache
def _promise() -> re.Pattern[str]:
    return re.compile(rf"(?:{'|'.join(fragments('prose_target'))})\s*", re.I)


@cache
def _subject_promise() -> re.Pattern[str]:
    return re.compile(rf"(?:{'|'.join(fragments('prose_target_of_subject'))})\s*", re.I)


@cache
def _ceiling() -> re.Pattern[str]:
    return re.compile(rf"(?:{'|'.join(fragments('prose_ceiling'))})", re.I)


@cache
def _result_cue() -> re.Pattern[str]:
    return re.compile(rf"(?:{'|'.join(fragments('prose_result'))})[^\d;；。]{{0,12}}$", re.I)


@dataclass(frozen=True)
class ProseGoal:
    """A promised target and the result told after it, as written."""

    name: str
    target: str
    result: str
    evidence: str


@dataclass(frozen=True)
class _Promise:
    name: str
    target: str
    unit: str | None
    end: int  # where the promise's clause ends in the text


def _quantities(text: str) -> list[tuple[int, Quantity]]:
    """Each number with where it stands; the numbers of a build ("4.2.0") are none."""
    found, at = [], 0
    builds = [m.span() for m in _VERSION.finditer(text)]
    for q in parse_quantities(text):
        start = text.find(q.text, at)
        if start < 0:
            continue
        at = start + len(q.text)
        if not any(b0 <= start < b1 for b0, b1 in builds):
            found.append((start, q))
    return found


# "patient complaints a month", "受伤需要急救的，每月": how often is said with the limit, it is no name
_PERIOD_TAIL = re.compile(
    r"(?:[，,]?\s*(?:(?:a|per|each|every)\s+(?:day|week|month|quarter|year|shift|night)|每(?:天|日|周|月|季度?|年|班|晚)))+$"
    r"|(?<=[\u4e00-\u9fff])的$",
    re.I,
)


# "restoring the system after a failure is", "故障恢复的标准是": the copula that led to the target is no name
_COPULA_TAIL = re.compile(r"\s+(?:is|was)$|的(?:标准|要求)(?:是|为)$", re.I)
# "…within 60 seconds, and our standard for that is 100%": the standard points back to the clause before
_POINTS_BACK = re.compile(r"^(?:that|this|it|这|这个|这一条)$", re.I)
_JOINER_TAIL = re.compile(r"[,，]?\s*(?:and|but|而且|并且)$", re.I)


def _tidy(words: str) -> str:
    words = re.sub(r"[（(][^（()）]*[)）]", "", words)  # "室温达标率（18℃以上算达标）": the aside is no name
    words = _COPULA_TAIL.sub("", words.strip(" ,，.;；:："))
    name = _NAME_LEAD.sub("", re.sub(r"\s+", " ", words).strip(" ,，.;；:：")).strip()
    tidy = _PERIOD_TAIL.sub("", _PERIOD_TAIL.sub("", name).strip(" ,，")).strip(" ,，")  # "…的，每月"
    return tidy or name


# "we allow ourselves 40 a month": a period alone is how often, it names nothing
_PERIOD_ONLY = re.compile(
    r"^(?:(?:(?:a|per|each|every)\s+)?(?:day|week|month|quarter|year|shift|night|season)|每(?:天|日|周|月|季度?|年|班|晚))$",
    re.I,
)


def _names_something(words: str) -> bool:
    return re.search(r"[A-Za-z]{3}|[\u4e00-\u9fff]{2}", words) is not None and not _PERIOD_ONLY.match(words)


def _name(body: str, target: str, span_of_time: bool, lead: str) -> str:
    """The body without the target ("98% of results arrive in 60 minutes" → "results arrive in 60 minutes"),
    a time limit kept ("restore service within 2 hours"); the lead before the promise ("Average wait at
    check-in:") when the body names nothing, and in front of it when it names the subject ("For critical
    results we commit to …")."""
    escaped = re.escape(target)
    name = _tidy(re.sub(rf"\s+of\s+{escaped}|{escaped}\s*(?:of\s+|的)|{escaped}", " ", body, count=1))
    lead = lead.strip(" ,，.;；:：")
    subject = _SUBJECT_LEAD.match(lead)
    if not _names_something(name) or _POINTS_BACK.match(name):
        return _tidy(_JOINER_TAIL.sub("", subject.group(1) if subject else lead))[:80]
    if span_of_time:
        name = _tidy(body)
    if subject is not None and len(subject.group(1).split()) <= 5:
        name = f"{subject.group(1)}: {name}"
    elif re.fullmatch(r"[\u4e00-\u9fff]{2,8}", lead):
        name = f"{lead}：{name}"  # "揽收我们允许自己每月漏1次": the lead names what the promise is about
    elif re.fullmatch(r"[A-Za-z][A-Za-z-]*(?: [A-Za-z-]+){0,3}", lead):
        name = f"{lead}: {name}"  # "Walk-in queue, we say 20 minutes max wait": the lead names the subject
    return name[:80]


def promise(text: str) -> _Promise | None:
    """The target a sentence promises ("we aim to restore service within 2 hours"); None when none."""
    m = _promise().search(text)
    subject = None
    if m is None:
        # "Any stoppage that affects the whole site is meant to be fixed within 60 minutes": the subject
        # said before the promise is what it is about
        m = _subject_promise().search(text)
        subject = _tidy(text[: m.start()]) if m is not None else None
        if m is None or not subject or not _names_something(subject) or len(subject.split()) > 10:
            return None
    end_match = _clause_end().search(text, m.end())
    end = end_match.start() if end_match else len(text)
    numbers = [(at, q) for at, q in _quantities(text[m.end() : end])]
    if not numbers:
        return None
    share = next(((at, q) for at, q in numbers if q.unit == "%"), None)
    at, q = share or numbers[0]
    body = text[m.end() : end]
    bound = re.search(rf"{_BOUND}$", body[:at])
    after = re.match(_BOUND_AFTER, body[at + len(q.text) :])
    start = bound.start() if bound else at
    target = body[start : at + len(q.text) + (after.end() if after else 0)].strip()
    span_of_time = q.unit in _TIME_UNITS and bound is not None
    named = _NAMED_IN_PROMISE.match(m.group(0))
    if named is not None and not subject and not body[:start].strip():
        # "Our recall time target is 48 hours from …": with the number right after it, the KPI is named there
        subject = named.group(1).strip()
    name = subject[:80] if subject else _name(body, target, span_of_time, text[: m.start()])
    if bound is None and _ceiling().search(m.group(0)):
        # "we allow ourselves 2 missed collections a month": what is allowed is a ceiling
        target = f"不超过{target}" if re.search(r"[\u4e00-\u9fff]", target) else f"no more than {target}"
    if not name:
        return None
    return _Promise(name=name, target=target, unit=q.unit, end=end)


def _same_kind(target_unit: str | None, result: Quantity) -> bool:
    if target_unit == "%" or result.unit == "%":
        return target_unit == result.unit
    if target_unit in _TIME_UNITS or result.unit in _TIME_UNITS:
        return result.unit in _TIME_UNITS or result.unit is None
    # "planned for 40,000 tickets … and sold 44,500": a count told again without its noun
    return target_unit == result.unit or result.unit is None


def _result(said: _Promise, told: str) -> str | None:
    """The first number of `told` of the target's kind; a bare one only right after a result word."""
    if _promise().search(told):
        return None  # the next clause promises another target
    for at, q in _quantities(told):
        if not _same_kind(said.unit, q):
            continue
        if q.unit is None and not _result_cue().search(told[:at]):
            continue
        return q.text
    return None


def prose_goal(text: str, told_after: str | None = None) -> ProseGoal | None:
    """The goal a sentence promises with its result told later in it; given `told_after` (the next
    sentence), the goal of a promise that tells no result of its own with the result told there.
    None when there is no promise or no result of its kind."""
    said = promise(text)
    if said is None:
        return None
    rest = text[said.end + 1 :]
    if told_after is None:
        result, evidence = _result(said, rest), text.strip()
    elif re.search(r"\d", rest):
        return None  # the promise's own sentence goes on with numbers: the next one is not its result
    else:
        result, evidence = _result(said, told_after), f"{text.strip()} {told_after.strip()}"
    if result is None:
        return None
    return ProseGoal(name=said.name, target=said.target, result=result, evidence=evidence)
