"""Reading KPIs out of a review message, engine side: which clauses belong to which KPI, and which number
is the target and which the result.

Principles, not phrasings:
- a KPI is a name plus numbers in a target/result structure; a sentence with a number is not a KPI by itself;
- a message can list several KPIs separated by commas only ("GMV目标3000万，实际3350万，新客目标5万…"):
  a clause with a name and a target cue opens a new KPI, a clause with only a result continues the last one;
- each number is labelled by the words around it: a target cue before it ("目标", "against", "out of") or
  after it ("a 5 day target"), a result cue before it ("实际", "只做到", "降到", "we hit"), a baseline
  ("从A降到B", "from A to B", "去年") that is neither; an attainment rate ("达成率102%") is a result
  relative to the target.
The number reading itself is the shared parser's (`coach.domain.parsing`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from coach.domain.critique import is_chitchat, is_unquantifiable, normalize
from coach.domain.parsing import Quantity, build_goal, find_tolerance, parse_quantities
from coach.domain.parsing.goals import TOLERANCE
from coach.domain.retrospective import Goal

# clause separators: not the comma of "3,000" nor the point of "3.5"
_CLAUSES = re.compile(r"[；;。！？!?\n]+|[，,](?!\d{3}(?!\d))|\.(?!\d)\s*")
_TARGET_BEFORE = re.compile(
    r"(目标值?|计划|预期|预计|期望|原定|原计划|本来|定了|定的|定为|定在|承诺|指标|预算|要求|KPI|OKR|基线?目标"
    r"|(?i:targets?|targeted|goals?|plan(?:ned)?|expected"
    r"|budget(?:ed)?|aim(?:ed)?|wanted|hoped|committed|against|out of"
    r"|instead of|versus|vs\.?))[^，,；;。\d]{0,8}$"
)
_TARGET_AFTER = re.compile(r"^\s*(?:的)?(?:目标|(?i:[a-z ]{0,12}\b(?:target|goal|plan)\b))")
_RESULT_BEFORE = re.compile(
    r"(实际上?|结果|最终|最后|只|仅|完成了?|达成了?|做到了?|实现了?|达到了?|做了|用了|花了|拿到|到了|降到|降至|升到|涨到"
    r"|提升到|提高到|增长到|下降到|跌到|掉到|变成|现在是?|上线后|出来是?|交付了?"
    r"|(?i:actual(?:ly)?|results?|resulted|achieved|delivered"
    r"|reached|got|hit|landed|came in|ended|finished|closed"
    r"|took|did|only|just|to|now|made|managed|had|saw|was at|passed))[^，,；;。\d]{0,8}$"
)
_BASELINE_BEFORE = re.compile(
    r"(从|由|去年|上季度?|上个?月|同比|环比|(?i:from|last (?:year"
    r"|quarter|month)|baseline))[^，,；;。\d]{0,6}$"
)
_RATE = re.compile(
    r"(达成率|完成率|达标率|(?:计划|目标|预期)的|(?i:attainment|of (?:the )?(?:target|goal|plan|quota)))"
)
# the rate names the number only when nothing stands between them ("达成率102%", not "完成率：目标95%")
_RATE_RIGHT_BEFORE = re.compile(_RATE.pattern + r"\s*(?:是|为|了)?\s*[:：]?\s*$")
# a floor or ceiling said right before the target: "target under 5%", "目标不超过15件"
_BOUND_BEFORE = re.compile(
    r"(?:不超过|不高于|不低于|不少于|至少|最多|(?i:\b(?:under|below|at\s+most|at\s+least|no\s+more\s+than|within|up\s+to)))"
    r"\s*$"
)
_TARGET_CUE = re.compile(_TARGET_BEFORE.pattern.replace(r"[^，,；;。\d]{0,8}$", ""))
_NAME_TRIM = re.compile(
    r"^(?:(?:嗯|哦|噢|啊|对|好|那|(?i:oh|ah|um)(?![-\w])|然后|另外|还有个|还有一个|还有|以及|再就是|最后|其次|首先|第[一二三四五]个?|一个是|一是|二是|三是|"
    r"我们(?:的)?|这个?(?:月|季度?|版本?)的?|本(?:月|季度?|周)的?|今年的?|上个?月的?|还有个|还有一个|关于|"
    r"(?i:and|also|then|plus|our|the|on|for|as for|first|second"
    r"|third|finally)(?![-\w])|(?i:kpi\s*\d*))[\s，,、：:]*)+",
)
_BOUND = re.compile(r"^[是为要在]*(?:不超过|不高于|不低于|不少于|至少|最多|控制在|达到|做到|完成|实现)?")
_NAME_TAIL = re.compile(
    r"(?:还行|不错|不太行|一般|挺好|很好|的|是|为|出了|有|共|一共|了|我们|这块|方面|(?i:\s+(?:is|was|are|were|we|came|of)))+\s*$"
)
_KPI_NOUN = re.compile(
    r"率|额|量|数|时长|时间|周期|成本|费用|收入|营收|利润|回款|销售|满意度|NPS|GMV|ROI|SLA|OEE|MTTR|DAU|MAU|分|"
    r"(?i:rate|revenue|sales|cost|count|score|time|days|ratio|margin|pipeline|bookings|nps|uptime|hires)"
)


@dataclass
class _Kpi:
    name: str
    clauses: list[str] = field(default_factory=list)


def _split(text: str) -> list[str]:
    return [c.strip() for c in _CLAUSES.split(text or "") if c and c.strip()]


def _head(clause: str, pending: str | None = None) -> tuple[str, bool]:
    """The KPI's name in a clause: the words before its first number or target cue (after a colon);
    else, in Chinese, the words between the cue and the number ("目标入职30人"); else a name said in the
    clause before ("Month-end close for April. Target was 5 days"); else, in English, the words after
    the numbers ("…against a target of 90% on first-call resolution")."""
    parts = re.split(r"[：:]", clause)
    candidates = [parts[-1], parts[-2]] if len(parts) > 1 else [clause]
    for part in candidates:
        cut = _first_number(part)
        cue = _TARGET_CUE.search(part[:cut])
        head = clean_name(part[: cue.start() if cue else cut])
        if _is_name(head):
            return head, True
        if cue:
            mid = clean_name(_BOUND.sub("", part[cue.end() : cut]))
            if _is_name(mid) and re.fullmatch(r"[\u4e00-\u9fff]{2,12}", mid):
                after = re.match(r"\d[\d.]*\s*[个张条项人件单次台家天]?([\u4e00-\u9fff]{2,8})", part[cut:])
                noun = after.group(1) if after and not _RESULT_BEFORE.search(after.group(1)) else ""
                return (f"{mid}{noun}" if noun and not mid.endswith(noun) else mid), False
    if len(parts) > 1 and re.search(r"\d", parts[-2]) and _TARGET_CUE.search(parts[-1]):
        whole = clean_name(parts[-2])  # "第2周注册数：目标…", "DAU week 1: …": a number inside the name
        if _is_name(whole):
            return whole, True
    if pending:
        return pending, False
    if re.search(r"[A-Za-z]{3}", clause):
        tail = re.split(r"\d[\d.,]*\s*(?:%|[A-Za-z]{1,5}\b)?", clause)[-1]
        tail = re.sub(r"^\s*(?:on|for|in|of|with|at)\s+", "", tail.strip(), flags=re.I)
        if _is_name(clean_name(tail)):
            return clean_name(tail), False
    return "", False


def _first_number(clause: str) -> int:
    number = re.search(r"(?<![A-Za-z])\d|[一二两三四五六七八九十百]+(?:成|万|个|%)", clause)
    return number.start() if number else len(clause)


def clean_name(head: str) -> str:
    head = _NAME_TRIM.sub("", head.strip(" ，,。.:：-—~"))
    head = _NAME_TAIL.sub("", head.strip(" ，,。.:：-—~"))
    head = re.sub(r"(?:只|仅|实际|结果|最终)?(?:做到|完成|达成|实现|达到)?了?$", "", head)
    head = re.sub(
        r"(?i)^(?:we|i|they|our team)\s+|\s+(?:hit|came in|came"
        r"|ended up|ended|landed|closed|finished|took|got|reached"
        r"|was|were|is|at|in|from|of|to|only|just)(?:\s+(?:at|in|up|to))?$",
        "",
        head.strip(),
    )
    return head.strip(" ，,。.:：-—~")[:40]


def _is_name(head: str) -> bool:
    if not re.search(r"[\u4e00-\u9fff]{2}|[A-Za-z]{2}", head) or is_unquantifiable(head):
        return False
    return not re.fullmatch(
        r"(实际|结果|最终|最后|但是?|不过|可是|而|完成|达成|做到|只|仅|上线后|现在|目前|这次|(?i:but|actual(?:ly)?|we|it|and"
        r"|result|in the end|only|just|had|hit|closed|took|got|came"
        r"|landed|reached|ended|finished|made|target|goal|plan))\S{0,2}",
        head,
    )


def _labels(segment: str) -> list[tuple[Quantity, str, int]]:
    """Each number of a segment with its role: target, result, rate, baseline or unknown."""
    out: list[tuple[Quantity, str, int]] = []
    pos = 0
    for q in parse_quantities(segment):
        start = segment.find(q.text, pos)
        if start < 0:
            start = pos
        end = start + len(q.text)
        pos = end
        before, after = segment[max(0, start - 14) : start], segment[end : end + 16]
        if _BASELINE_BEFORE.search(before):
            role = "baseline"
        elif _RATE_RIGHT_BEFORE.search(before) or (_RATE.match(after.strip()) and q.unit == "%"):
            role = "rate" if q.unit == "%" else "unknown"
        elif (
            _TARGET_BEFORE.search(before) and not _RESULT_BEFORE.search(before[-4:])
        ) or _TARGET_AFTER.match(after):
            role = "target"
        elif _RESULT_BEFORE.search(before):
            role = "result"
        else:
            role = "unknown"
        out.append((q, role, start))
    return out


def _fmt(value: float, unit: str | None) -> str:
    number = f"{value:.4f}".rstrip("0").rstrip(".")
    return f"{number}{unit if unit in ('%', 'pp') else ''}"


def _values(segment: str) -> tuple[str | None, str | None]:
    """(target text, result text) of one KPI's words."""
    labelled = _labels(segment)
    target = next((q for q, role, _ in labelled if role == "target"), None)
    result = next((q for q, role, _ in labelled if role == "result"), None)
    bound = ""
    if target is not None:
        start = next(at for q, _, at in labelled if q is target)
        said = _BOUND_BEFORE.search(segment[max(0, start - 16) : start])
        words = said.group(0).strip() if said else ""  # "target under 5%": the ceiling says which way
        bound = words + ("" if re.search(r"[\u4e00-\u9fff]", words) else " ") if words else ""
    rate = next((q for q, role, _ in labelled if role == "rate"), None)
    unknown = [q for q, role, _ in labelled if role == "unknown"]
    if target is None and unknown and (result is not None or len(unknown) >= 2):
        target = unknown.pop(0)
    if result is None and unknown:
        same = [q for q in unknown if target is not None and q.unit == target.unit]
        result = same[0] if same else unknown[0]
        unknown.remove(result)
    if result is None and rate is not None:
        if target is not None:
            return target.text, _fmt(target.value * rate.value / 100, target.unit)
        return "100%", rate.text
    if target is None and result is not None and rate is not None and rate is not result:
        return _fmt(result.value * 100 / rate.value, result.unit) if rate.value else None, result.text
    return (bound + target.text if target else None), (result.text if result else None)


def parse_goals(text: str) -> list[Goal]:
    """The KPIs of a message; nothing for chatter or a number without a target/result structure."""
    if is_chitchat(text):
        return []
    if _PER_UNIT.search(text):
        # "Cost per £1 raised", "每万元收入": the number is part of the KPI's name, never its value
        hidden = _PER_UNIT.sub(lambda m: m.group(0).translate(_HIDE), text)
        return [_shown(goal) for goal in parse_goals(hidden)]
    kpis: list[_Kpi] = []
    pending: str | None = None
    for clause in _split(text):
        has_number = bool(parse_quantities(clause))
        cue = bool(_TARGET_CUE.search(clause))
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
        if opens:
            kpis.append(_Kpi(head, [clause]))
        elif kpis and (has_number or is_unquantifiable(clause)):
            kpis[-1].clauses.append(clause)
        elif not has_number and len(clause) <= 40:
            name = clean_name(re.sub(r"(?i)\s*(复盘|review|retro(spective)?)$", "", clause))
            pending = name if _is_name(name) else None
    goals = []
    unquantifiable = is_unquantifiable(text)
    for kpi in kpis:
        segment = "，".join(kpi.clauses)
        said = "，".join([_without_name(kpi.clauses[0], kpi.name), *kpi.clauses[1:]])
        band = find_tolerance(said)  # "上下浮动2%" is the target's band, not a third number
        target, result = _values(TOLERANCE.sub("", said) if band else said)
        if band and target:
            target = f"{target}（{band.group(0).strip()}）"
        if target is None and result is None:
            bare = len(kpis) == 1 and normalize(text) == normalize(kpi.name)  # a KPI named on its own
            if unquantifiable or bare or _named_aside(segment, kpi.name):
                goals.append(Goal(name=kpi.name, evidence=segment))
            continue
        if target is None:
            continue  # a number after some words is not a KPI ("我们组8个人", "评分没掉，两周")
        goal = build_goal(kpi.name, target, result)
        goals.append(goal.model_copy(update={"evidence": segment}))
    return goals


_PER_UNIT = re.compile(r"(?:(?<![A-Za-z])per|每)\s*[£$€¥]?\d+(?:\.\d+)?(?=\s*[A-Za-z\u4e00-\u9fff])", re.I)
_HIDE = str.maketrans("0123456789", "".join(chr(0xE000 + d) for d in range(10)))
_SHOW = str.maketrans("".join(chr(0xE000 + d) for d in range(10)), "0123456789")


def _shown(goal: Goal) -> Goal:
    evidence = (goal.evidence or "").translate(_SHOW) or None
    return goal.model_copy(update={"name": goal.name.translate(_SHOW), "evidence": evidence})


def _without_name(clause: str, name: str) -> str:
    """'DAU week 1: 210k vs 150k' → '210k vs 150k': a number in the name before the colon is no value."""
    head = re.match(r"^([^：:]{1,40})[：:]\s*", clause)
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


def _has_target(kpi: _Kpi) -> bool:
    return _values("，".join(kpi.clauses))[0] is not None


def _complete(kpi: _Kpi) -> bool:
    target, result = _values("，".join(kpi.clauses))
    return target is not None and result is not None


def has_numbers(text: str) -> bool:
    return bool(parse_quantities(text))
