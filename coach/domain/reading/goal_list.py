"""The goal reader's reading of a list of KPIs (`Context.answer` in `coach.domain.reading.goals`).

The coach asked for the goals. A message can list several KPIs separated by commas only
("GMV目标3000万，实际3350万，新客目标5万…"): a clause with a name and a target cue opens a KPI, a clause
with only a result continues it; a name said alone is a goal still to quantify; two bare numbers are the
target then the result, the order of the question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from coach.domain.critique import is_chitchat, is_unquantifiable, normalize
from coach.domain.parsing.goals import TOLERANCE, build_goal, find_tolerance
from coach.domain.parsing.numbers import parse_quantities
from coach.domain.reading import cues
from coach.domain.reading.goal_roles import (
    BOUND_BEFORE,
    BOUND_WORDS,
    RESULT_BEFORE,
    RESULT_WORDS,
    SAYING_ONLY,
    TARGET_WORDS,
    arrows_spelled,
    name_words,
    roles,
    threshold_only,
)
from coach.domain.retrospective import Goal

# ---- reading a list of KPIs (Context.answer) ------------------------------------------------------

# clause separators: not the comma of "3,000" nor the point of "3.5"
CLAUSES = re.compile(r"[；;。！？!?\n]+|[，,](?!\d{3}(?!\d))|\.(?!\d)\s*")
_TARGET_CUE = re.compile(TARGET_WORDS)
# the words that name a list of KPIs ("Goals: …", "Q3 numbers: on-time …")
_LIST_WORDS = r"goals|targets|kpis?|metrics|numbers"
# "Goals: quote conversion 38% vs a 45% target": the word heading the list cues no target of the first KPI
_LIST_HEAD = re.compile(rf"^\s*(?:(?i:{_LIST_WORDS}|the\s+numbers)|指标)\s*[:：]\s*(?=\S)", re.M)
# "resident complaints, max 80, had 92": a bound before the number says the target, as a target word does
_BOUND_LED = re.compile(rf"\s*(?:{BOUND_WORDS})\s*[£$€¥]?\d")
_BOUND = re.compile(rf"^[是为要在]*(?:{BOUND_WORDS}|达到|做到|完成|实现)?")
_KPI_NOUN = re.compile(
    r"率|额|量|数|时长|时间|周期|成本|费用|收入|营收|利润|回款|销售|满意度|NPS|GMV|ROI|SLA|OEE|MTTR|DAU|MAU|分|"
    r"(?i:rate|revenue|sales|cost|count|score|time|days|ratio|margin|pipeline|bookings|nps|uptime|hires|level)"
)


@cache
def _restated() -> re.Pattern[str]:
    """Words that open a restatement of the KPI named before ("…, the client audits: target …")."""
    return re.compile(rf"^(?:{cues.alternatives('kpi_restated')})(?![A-Za-z])", re.I)


# the window a KPI counts in ("answered within 20 seconds", "30分钟内到场"): words that define a KPI's name
_WINDOW = re.compile(
    r"(?i:\b(?:within|under|in under|in less than|less than|below)\s+)\d+(?:\.\d+)?\s*[A-Za-z]"
    r"|\d+(?:\.\d+)?\s*(?:秒|分钟|小时|天|日|个工作日)(?:以内|之内|内)"
)


def _restates(head: str) -> bool:
    """Words after a KPI's name that restate it ("the client audits") or define it by its window ("calls
    answered within 20 seconds"), ahead of the colon: the name said first is the KPI's."""
    return bool(_restated().match(head) or _WINDOW.search(head.translate(_SHOW)))


@dataclass
class _Kpi:
    name: str
    clauses: list[str] = field(default_factory=list)


# a list's marker at the start of a line ("1. ", "2) ", "3、"): no value of the KPI before it
_LIST_MARKER = re.compile(r"(?m)^[ \t]*\d{1,2}(?:[.)]\s+|、(?!\d)\s*)")


def _split(text: str) -> list[str]:
    return [c.strip() for c in CLAUSES.split(_LIST_MARKER.sub("", text or "")) if c and c.strip()]


# the same words, or "results", "figures", before a colon: "Q3 numbers: on-time …" heads a list, names no KPI
_LIST_LEAD = re.compile(rf"(?i)\b(?:{_LIST_WORDS}|results|figures)\s*$")


def _head(clause: str, pending: str | None = None) -> tuple[str, bool]:
    """The KPI's name in a clause: the words before its first number or target cue (after a colon);
    else, in Chinese, the words between the cue and the number ("目标入职30人"); else a name said in the
    clause before ("Month-end close for April. Target was 5 days"); else, in English, the words after
    the numbers ("…against a target of 90% on first-call resolution")."""
    parts = re.split(r"[：:]", clause)
    if pending and cues.apposition().match(clause.strip()):
        return pending, True  # "On-time visits, meaning within 15 minutes of the slot: target 90%"
    if pending and _KPI_NOUN.search(pending) and len(parts) > 1 and _restates(parts[-2].strip()):
        return pending, True  # "Audit pass rate, the client audits: target 95%": the second words restate
    if (
        len(parts) > 1
        and _TARGET_CUE.search(parts[-1])
        and _NUMBER_NAMES.search(parts[-2])
        and not _LIST_LEAD.search(parts[-2])  # "Q3 numbers: on-time …" heads a list, names no KPI
    ):
        whole = name_words(parts[-2])  # "差评数（3分及以下）：目标…", "Tier 2 tickets: target …"
        if _is_name(whole):
            return whole, True
    candidates = [parts[-1], parts[-2]] if len(parts) > 1 else [clause]
    for part in candidates:
        cut = _first_number(part)
        cue = _TARGET_CUE.search(part[:cut])
        head = name_words(part[: cue.start() if cue else cut])
        if _is_name(head) and not threshold_only(head) and not SAYING_ONLY.fullmatch(head):
            return head, True
        if cue:
            mid = name_words(_BOUND.sub("", part[cue.end() : cut]))
            if _is_name(mid) and re.fullmatch(r"[\u4e00-\u9fff]{2,12}", mid) and not threshold_only(mid):
                after = re.match(r"\d[\d.]*\s*[个张条项人件单次台家天]?([\u4e00-\u9fff]{2,8})", part[cut:])
                noun = after.group(1) if after and not RESULT_BEFORE.search(after.group(1)) else ""
                return (f"{mid}{noun}" if noun and not mid.endswith(noun) else mid), False
    if len(parts) > 1 and re.search(r"\d", parts[-2]) and _TARGET_CUE.search(parts[-1]):
        whole = name_words(parts[-2])  # "第2周注册数：目标…", "DAU week 1: …": a number inside the name
        if _is_name(whole):
            return whole, True
    if pending:
        return pending, False
    if re.search(r"[A-Za-z]{3}", clause):
        tail = re.split(r"\d[\d.,]*\s*(?:%|[A-Za-z]{1,5}\b)?", clause)[-1]
        tail = re.sub(r"^\s*(?:on|for|in|of|with|at)\s+", "", tail.strip(), flags=re.I)
        if _is_name(name_words(tail)):
            return name_words(tail), False
    return "", False


# a number that is part of the name before a colon: in brackets ("（3分及以下）", "(P1)") or before a noun
# ("category 1 calls", "Tier 2 tickets"); a number with its unit there ("营收1200万：") is a value
_NUMBER_NAMES = re.compile(r"[(（][^)）]*\d[^)）]*[)）]|(?<![\d.,])\d+\s+[A-Za-z]{3,}")


def _first_number(clause: str) -> int:
    # the digits of a name token are no value: "P99", "TP99", "Q2"
    number = re.search(r"(?<![A-Za-z\d])\d|[一二两三四五六七八九十百]+(?:成|万|个|%)", clause)
    return number.start() if number else len(clause)


# a comparison with the target ("远低于60%的目标", "way below the 60% target") or a pronoun names no KPI;
# 差 that starts a noun (差评数, 差错率, 差旅费) is a name
_NOT_A_NAME = re.compile(
    r"(?:远|还|也|都)?(?:低于|高于|超过|超出|不到|差(?![评错旅价额])了?|比)\S{0,2}"
    r"|(?i:(?:way\s+|well\s+|far\s+)?(?:below|above|under|over|short\s+of|ahead\s+of|behind)(?:\s+the)?"
    r"|there(?:\s+are|\s+were|\s+is)?|they|this|that|these|those|i|you)"
)


def _is_name(head: str) -> bool:
    if not re.search(r"[\u4e00-\u9fff]{2}|[A-Za-z]{2}", head) or is_unquantifiable(head):
        return False
    if _NOT_A_NAME.fullmatch(head):
        return False
    return not re.fullmatch(
        r"(实际|结果|最终|最后|但是?|不过|可是|而|完成|达成|做到|只|仅|上线后|现在|目前|这次|(?i:but|actual(?:ly)?|we|it|and"
        r"|result|in the end|only|just|had|hit|closed|took|got|came"
        r"|landed|reached|ended|finished|made|target|goal|plan))\S{0,2}",
        head,
    )


def _fmt(value: float, unit: str | None) -> str:
    number = f"{value:.4f}".rstrip("0").rstrip(".")
    return f"{number}{unit if unit in ('%', 'pp') else ''}"


def kpi_values(segment: str) -> tuple[str | None, str | None]:
    """(target text, result text) of one KPI's words."""
    labelled = [(n.quantity, n.role or "unknown", n.start) for n in roles(segment)]
    target_tail = ""  # a bound said after the target: "3%以下", "3% or less"
    target = next((q for q, role, _ in labelled if role == "target"), None)
    result = next((q for q, role, _ in labelled if role == "result"), None)
    bound = ""
    if target is not None:
        start = next(at for q, _, at in labelled if q is target)
        said = BOUND_BEFORE.search(segment[max(0, start - 16) : start])
        words = said.group(0).strip() if said else ""  # "target under 5%": the ceiling says which way
        bound = words + ("" if re.search(r"[\u4e00-\u9fff]", words) else " ") if words else ""
        if not bound and _CEILING_NOUN_BEFORE.search(segment[max(0, start - 16) : start]):
            bound = "≤"  # "claims: 3, limit was 5", "上限是10起": a limit is a ceiling
        if not bound and segment.startswith(target.text, start):  # "目标3%以下", "target 3% or less"
            after = _BOUND_AFTER.match(segment, start + len(target.text))
            target_tail = after.group(0) if after else ""
    rate = next((q for q, role, _ in labelled if role == "rate"), None)
    unknown = [q for q, role, _ in labelled if role == "unknown"]
    if target is None and unknown and (result is not None or len(unknown) >= 2):
        target = unknown.pop(0)
    if result is None and unknown:
        same = [q for q in unknown if target is not None and q.unit == target.unit]
        result = same[0] if same else unknown[0]
        unknown.remove(result)
    if result is None and rate is not None:
        if target is None:
            return "100%", rate.text  # "回款达成率102%"
        if target.unit == "%":
            return target.text, rate.text  # "回款达成率85%（目标90%）": the rate is the KPI
        return target.text, _fmt(target.value * rate.value / 100, target.unit)  # "目标500万，达成率85%"
    if target is None and result is not None and rate is not None and rate is not result:
        return _fmt(result.value * 100 / rate.value, result.unit) if rate.value else None, result.text
    return (bound + target.text + target_tail if target else None), (result.text if result else None)


_CEILING_NOUN_BEFORE = re.compile(
    r"(?:(?i:\b(?:limit|cap|ceiling)\b(?:\s+(?:it|that|this|them))?)|上限|封顶)\s*(?i:was|is|of|at|是|为|[:：])?\s*$"
)
# a ceiling or floor said right after the target's number: "3%以下", "2%以内", "3% or less", "50 or more"
_BOUND_AFTER = re.compile(
    r"\s*(?:(?:或|及)?(?:以下|以内|之内|以上)|(?i:or\s+(?:less|fewer|lower|below|under|more|higher|above)\b))"
)


# any word that gives a number a role: a KPI said with none among KPIs said with them is no KPI
_ANY_CUE = re.compile(
    rf"{TARGET_WORDS}|{RESULT_WORDS}|{BOUND_WORDS}|只|仅|做了|到了|变成|现在|→"
    r"|(?i:\b(?:took|had|saw|made|managed|passed|only|just|now|acked|averaged|scored|recorded)\b)"
)


def read_list(text: str) -> list[Goal]:
    """The KPIs of a message; nothing for chatter or a number without a target/result structure."""
    if is_chitchat(text):
        return []
    text = _LIST_HEAD.sub("", arrows_spelled(text))
    if (
        _PER_UNIT.search(text)
        or _THRESHOLD_IN_NAME.search(text)
        or _WINDOW_IN_NAME.search(text)
        or _MONTHS_LISTED.search(text)
    ):
        # "Cost per £1 raised", "每万元收入", "calls answered within 20 seconds: target 80%": the number is
        # part of the KPI's name, never its value
        hidden = _PER_UNIT.sub(lambda m: m.group(0).translate(_HIDE), text)
        hidden = _THRESHOLD_IN_NAME.sub(lambda m: m.group(0).translate(_HIDE), hidden)
        hidden = _WINDOW_IN_NAME.sub(lambda m: m.group(0).translate(_HIDE), hidden)
        hidden = _MONTHS_LISTED.sub(lambda m: m.group(0).translate(_HIDE).translate(_HIDE_NUMERALS), hidden)
        return [_shown(goal) for goal in read_list(hidden)]
    kpis: list[_Kpi] = []
    pending: str | None = None
    for clause in _split(text):
        has_number = bool(parse_quantities(clause))
        cue = bool(_TARGET_CUE.search(clause) or _BOUND_LED.match(clause))
        head, strong = _head(clause, pending if cue else None)
        pending = None
        if strong:
            opens = (
                cue
                or (has_number and (not kpis or _complete(kpis[-1])))
                or _named_aside(clause, head)
                or (normalize(text) == normalize(head) and len(head) <= 12)
            )
        else:
            opens = _is_name(head) and ((cue and (not kpis or _has_target(kpis[-1]))) or not kpis)
        if opens and not cue and kpis and _RESULT_LEAD.match(head) and _awaits_result(kpis[-1]):
            opens = False  # "目标每月不超过10条，实际季度月均17条": the result of the KPI before, qualified
        if opens:
            kpis.append(_Kpi(head, [clause]))
        elif kpis and (has_number or is_unquantifiable(clause)):
            kpis[-1].clauses.append(clause)
        elif not has_number and len(clause) <= 40:
            name = name_words(re.sub(r"(?i)\s*(复盘|review|retro(spective)?)$", "", clause))
            pending = name if _is_name(name) else None
    goals = []
    unquantifiable = is_unquantifiable(text)
    cued = [kpi for kpi in kpis if _ANY_CUE.search("，".join(kpi.clauses))]
    for kpi in kpis:
        segment = "，".join(kpi.clauses)
        if len(cued) >= 2 and kpi not in cued and parse_quantities(segment):
            continue  # "berths 4 to 6" among KPIs said with target/actual: a range, no KPI
        said = "，".join([_without_name(kpi.clauses[0], kpi.name), *kpi.clauses[1:]])
        # the name's numerals are no value, wherever the name stands ("指标一口气说：灌装一次合格率目标98%")
        said = said.replace(kpi.name, kpi.name.translate(_HIDE_NUMERALS))
        band = find_tolerance(said)  # "上下浮动2%" is the target's band, not a third number
        target, result = kpi_values(TOLERANCE.sub("", said) if band else said)
        if band and target:
            target = f"{target}（{band.group(0).strip()}）"
        if target is None and result is None:
            bare = len(kpis) == 1 and normalize(text) == normalize(kpi.name)  # a KPI named on its own
            if unquantifiable or bare or _named_aside(segment, kpi.name):
                goals.append(Goal(name=kpi.name, evidence=segment))
            continue
        if target is None:
            continue  # a number after some words is not a KPI ("我们组8个人", "评分没掉，两周")
        goal = build_goal(kpi.name, target, result, said=segment)
        goals.append(goal.model_copy(update={"evidence": segment}))
    return goals


_PER_UNIT = re.compile(
    r"(?:(?<![A-Za-z])per|每)\s*[£$€¥]?\d[\d,]*(?:\.\d+)?(?=\s*[A-Za-z\u4e00-\u9fff])", re.I
)
# a threshold inside a % KPI's name, its target and result said after it as percentages
_THRESHOLD_IN_NAME = re.compile(
    r"(?:(?i:\b(?:within|under|in under|in less than|less than|below)\s+)\d+(?:\.\d+)?\s*"
    r"(?i:s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|ms)\b"
    r"|\d+(?:\.\d+)?\s*(?:秒|分钟|小时|天|日|个工作日)(?:以内|之内|内))"
    r"(?=[^.;。；]*?(?:[:：]|目标|(?i:\btarget\b|\bgoal\b))[^.;。；]*?\d+(?:\.\d+)?\s*[%％])"
)
# a time window that opens a name: "5分钟到场率", "48小时发货率", "5分钟以上晚点"
_WINDOW_IN_NAME = re.compile(
    r"(?:^|(?<=[，,；;。：:\s]))\d+(?:\.\d+)?\s*(?:分钟|小时|天|日|周|个月|秒)(?:以上|以内|之内|内)?(?=[\u4e00-\u9fff]{2})"
)
# the months a review covers, listed ("先过指标，7、8两个月", "3、4月份"): a period, no value
_MONTHS_LISTED = re.compile(r"\d{1,2}(?:\s*[、和]\s*\d{1,2})+\s*(?:[两三四五六]个)?(?:月份?|季度)")
# the digits and the thousands comma ("per 1,000 metres") of a number that is part of a name
_HIDE = str.maketrans("0123456789,", "".join(chr(0xE000 + d) for d in range(11)))
# the Chinese numerals of a name ("一次合格率"), hidden from the value reader; its digits are read as before
_HIDE_NUMERALS = str.maketrans(
    {c: chr(0xE100 + i) for i, c in enumerate("〇零一二两三四五六七八九十百千万亿")}
)
_SHOW_NUMERALS = str.maketrans(
    {chr(0xE100 + i): c for i, c in enumerate("〇零一二两三四五六七八九十百千万亿")}
)
_SHOW = str.maketrans("".join(chr(0xE000 + d) for d in range(11)), "0123456789,")


def _shown(goal: Goal) -> Goal:
    evidence = (goal.evidence or "").translate(_SHOW).translate(_SHOW_NUMERALS) or None
    name = goal.name.translate(_SHOW).translate(_SHOW_NUMERALS)
    return goal.model_copy(update={"name": name, "evidence": evidence})


def _without_name(clause: str, name: str) -> str:
    """'DAU week 1: 210k vs 150k' → '210k vs 150k': a number in the name before the colon is no value."""
    head = re.match(r"^([^：:]{1,60})[：:]\s*", clause)
    if (
        head
        and parse_quantities(head.group(1))
        and normalize(name)
        and normalize(name) in normalize(head.group(1))
    ):
        return clause[head.end() :]
    return clause


def _named_aside(clause: str, name: str) -> bool:
    """A KPI named without numbers, as an addition: "还有个客户满意度", "also NPS"."""
    added = re.match(r"^\s*(?:嗯|哦|噢|对)?[，,\s]*(?:还有|另外|以及|(?i:also|and also|plus|oh and))", clause)
    return bool(added) and _KPI_NOUN.search(name) is not None and len(name) <= 12


# a clause opening on a result word ("实际季度月均17条", "we averaged 74"), said after a target
_RESULT_LEAD = re.compile(rf"^(?:实际上?|结果|最终|(?i:(?:we\s+)?(?:{RESULT_WORDS})))")


def _awaits_result(kpi: _Kpi) -> bool:
    said = "，".join([_without_name(kpi.clauses[0], kpi.name), *kpi.clauses[1:]])
    target, result = kpi_values(said)
    return target is not None and result is None


def _has_target(kpi: _Kpi) -> bool:
    return kpi_values("，".join(kpi.clauses))[0] is not None


def _complete(kpi: _Kpi) -> bool:
    target, result = kpi_values("，".join(kpi.clauses))
    return target is not None and result is not None
