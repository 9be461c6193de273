"""Goal arithmetic: which way is better, the gap and the verdict (the reader is `coach.domain.reading.goals`).

Verdict rule. gap_value = result - target (for a % unit that is already percentage points);
gap_ratio = (result - target) / target (None when the target is 0). The effective ratio is the
gap over |target|, its sign flipped when lower is better (costs, durations, defects), so that
positive always means "better than planned":

    effective >= +0.05          exceeded
    0 <= effective < +0.05      met (the target is reached)
    -0.20 <= effective < 0      missed (a result short of its target is never met)
    effective < -0.20           far_missed

A tolerance counts only where the user set one ("±2%", "上下浮动2%"): a result within it of the
target, either side, is met. When the target is 0 there is no ratio: a better-than-target gap
is exceeded, no gap is met and a worse one is missed.

Direction. Cue words in the goal name decide (成本, 故障, latency: lower is better; 成本节约,
缺陷修复率, uptime: higher is better). With no cue, a duration (计划两周，实际三周) is
better short. Durations in different units (两周 vs 19天, 2小时 vs 90分钟) are compared in the finer
of the two, so that what was said stays whole (target_value, result_value and unit are then given in it:
14 and 19 天); other differing units give no gap and no verdict.
"""

from __future__ import annotations

import re

from coach.domain.parsing.numbers import DURATION_SECONDS, Quantity, parse_quantity
from coach.domain.reading import cues
from coach.domain.retrospective import Goal, Verdict

EXCEEDED_AT = 0.05
MISSED_FROM = -0.20

_LOWER_CUES = re.compile(
    r"成本|费用|开支|支出|花费|时长|耗时|用时|工时|周期|故障|宕机|停机|缺陷|漏洞|流失|离职|投诉|延迟|延时|时延"
    r"|响应时间|处理时间|等待|排队|退货|退款|不良|差错|错误|报错|失败率|返工|返修|逾期|超期|延期|拖期|损耗|库存天数"
    r"|崩溃|闪退|卡顿|事故|破损|损坏|报废|积压|欠款|坏账|跳出率|弃单|缺货|误差|偏差|漏检|客诉|预算"
    r"|中断|漏损|损失|折扣|位次|名次"  # a rank ("平均位次前3万名") is better the smaller it is
    r"|(?i:energy\s+(?:use|used|per|consumption|cost)|consumption|kwh\s+per|interruption|non-revenue|\blosse?s?\b|discount|\brank(?:ing)?\b|\bcac\b|\bcpa\b|\bcpc\b|\bcpl\b|churn|attrition|turnover|cost|spend|expense|budget|latency|delay|downtime|outage|mttr|mttd|lead\s*time"
    r"|cycle\s*time|time\s+to|defect|incident|complaint|error|bug|failure|returns|refund|backlog|crash"
    r"|damage|scrap|rework|bounce\s+rate|abandon|overdue|slippage|variance|escalation|p\d{2}\b)",
)
# a "lower" cue inside these phrases names something where more is better (成本节约, 缺陷修复率)
_HIGHER_CUES = re.compile(
    r"节约|节省|节降|降本|省下|修复率|解决率|关闭率|处理率|拦截率|无故障|零故障|连续|活跃|留存"
    r"|在线时长|观看时长|学习时长|使用时长|停留时长|播放时长"
    r"|无崩溃|零缺陷|零事故|(?i:saving|saved|fix\s+rate|resolution\s+rate|closure\s+rate|uptime|availability|-free\b)",
)
_DURATION_UNITS = frozenset({*DURATION_SECONDS, "月", "months"})
_SECONDS = DURATION_SECONDS  # so that "2小时" can be compared with "90分钟", "两周" with "10天"

# a target written as a floor or a ceiling says which way is better, whatever the goal's name;
# the plain floors are read first so that "控制在95%以上" is a floor and "no more than" a ceiling
_FLOOR = re.compile(
    r"[≥＞>]|>=|以上|不低于|不少于|不小于|至少|最少|最低|(?i:\bat\s+least\b|\bminimum\b|\bor\s+(?:more|higher|above)\b)"
)
_CEILING = re.compile(
    r"[≤<＜]|<=|不超过|不高于|不多于|不大于|低于|少于|小于|最多|最高|以内|之内|以下|控制在|压到|压在|降到|降至"
    r"|(?i:\b(?:at\s+most|under|below|less\s+than|fewer\s+than|no\s+more\s+than|max(?:imum)?|within|up\s+to"
    r"|or\s+(?:less|fewer|lower|below))\b)"
)
_WEAK_FLOOR = re.compile(r"高于|超过|(?i:\b(?:over|above|more\s+than)\b)")


def bound_words() -> str:
    """The words that make a target a bound ("不超过", "at least"), as one alternation."""
    return f"{_CEILING.pattern}|{_FLOOR.pattern}"


def _bound(target: str | None) -> bool | None:
    """True when the target is a ceiling (≤0.1%, 不超过3天, under 5 minutes), False for a floor, else None."""
    if not target:
        return None
    if _FLOOR.search(target):
        return False
    if _CEILING.search(target):
        return True
    return False if _WEAK_FLOOR.search(target) else None


def lower_is_better(name: str, target: str | None = None) -> bool:
    """Whether a smaller number is better: 成本, 崩溃率, latency; or a target "≤0.1%", "不超过3天"."""
    bound = _bound(target)
    if bound is not None:
        return bound
    return _named_lower(name) is True


def _named_lower(name: str) -> bool | None:
    """The direction the name's words give (True: lower is better), None when they give none."""
    said = cues.direction()
    if said["higher"].search(name) or _HIGHER_CUES.search(name):
        return False
    return True if _LOWER_CUES.search(name) or said["lower"].search(name) else None


def _verdict_for(effective: float) -> Verdict:
    """The verdict for a better-is-positive gap ratio."""
    effective = round(effective, 9)  # 0.1 + 0.05 style float noise must not cross a threshold
    if effective >= EXCEEDED_AT:
        return Verdict.exceeded
    if effective >= 0:
        return Verdict.met
    if effective >= MISSED_FROM:
        return Verdict.missed
    return Verdict.far_missed


def _verdict_for_zero_target(gap: float) -> Verdict:
    """With a target of 0 only the direction of a better-is-positive gap counts."""
    if gap > 0:
        return Verdict.exceeded
    return Verdict.met if gap == 0 else Verdict.missed


def assess(
    target_value: float, result_value: float, lower_better: bool = False, tolerance: float = 0.0
) -> tuple[float, float | None, Verdict]:
    """(gap_value, gap_ratio, verdict) of a result against its target; see the module docstring.

    `tolerance` is the band the user allowed, in the goal's own unit (percentage points for a % KPI).
    """
    gap = result_value - target_value
    direction = -1 if lower_better else 1
    if tolerance > 0 and abs(gap) <= tolerance + 1e-9:
        return gap, (gap / target_value if target_value else None), Verdict.met
    if target_value == 0:
        return gap, None, _verdict_for_zero_target(direction * gap)
    ratio = gap / target_value
    return gap, ratio, _verdict_for(direction * gap / abs(target_value))


# counters of things: "两百人" and "来了186个" count the same people
_COUNTERS = frozenset(
    {"个", "人", "位", "名", "家", "件", "单", "张", "台", "次", "项", "条", "份", "笔", "场"}
)
_GENERIC_COUNTER = "个"


def _comparable(target: Quantity, result: Quantity) -> tuple[float, float, str | None] | None:
    """Both values in one unit (converting durations), or None when the units cannot be compared."""
    if target.unit is None or result.unit is None or target.unit == result.unit:
        return target.value, result.value, target.unit or result.unit
    if _GENERIC_COUNTER in (target.unit, result.unit) and {target.unit, result.unit} <= _COUNTERS:
        unit = result.unit if target.unit == _GENERIC_COUNTER else target.unit
        return target.value, result.value, unit
    if target.unit in _SECONDS and result.unit in _SECONDS:
        unit = min(target.unit, result.unit, key=_SECONDS.__getitem__)
        return (
            target.value * _SECONDS[target.unit] / _SECONDS[unit],
            result.value * _SECONDS[result.unit] / _SECONDS[unit],
            unit,
        )
    return None


def lower_better_for(name: str, unit: str | None, target: str | None = None) -> bool:
    """Whether smaller is better: a bound in the target, then cue words; else a duration is short."""
    known = _known_lower(name, unit, target)
    return known if known is not None else unit in _DURATION_UNITS


def _known_lower(name: str, unit: str | None, target: str | None) -> bool | None:
    """The direction the target's bound or the name's words give, None when they give none."""
    bound = _bound(target)
    if bound is not None:
        return bound
    if unit == "%" and (within := cues.direction()["within"].search(name)):
        # "Reefer plug-in within 30 minutes: 95%": the share that made it in time; but what is counted may
        # be bad ("Callbacks within 30 days of install: %", "7天内返修率"): then it is better low
        # what is counted: in Chinese after the window ("7天内返修率"), in English before it
        after = name[within.end() :]
        rest = after if re.search(r"[\u4e00-\u9fff]{2}", after) else name[: within.start()]
        said = cues.direction()
        return bool(said["counted_bad"].search(rest)) and not said["higher"].search(rest)
    return _named_lower(name)


def said_outcome(said: str | None) -> bool | None:
    """How the words around a KPI say it came out: True worse than its target ("没达标", "missed"),
    False better ("超额", "beat"), None when they say neither or both."""
    worse = bool(said) and bool(cues.outcome()["worse"].search(said or ""))
    better = bool(said) and bool(cues.outcome()["better"].search(said or ""))
    return worse if worse != better else None


def _lower_better(name: str, unit: str | None, target: str | None, gap: float, said: str | None) -> bool:
    """The direction: the target or the name first; else how the speaker says the KPI came out,
    read against the numbers ("target 5%, actual 12%, missed": better low); else the default."""
    known = _known_lower(name, unit, target)
    if known is not None:
        return known
    if said and cues.direction()["capped"].search(said):
        return True  # "budgeted at £5,000 and cost £18,200", "上限2000单": a cap is a ceiling
    if said and cues.outcome()["saved"].search(said):
        return True  # "实际0.28，比去年省", "saved compared with last year": less of it is the saving
    worse = said_outcome(said)
    if worse is not None and gap:
        return (gap > 0) == worse
    return unit in _DURATION_UNITS


def _measured(
    name: str,
    target_q: Quantity,
    result_q: Quantity,
    target: str | None = None,
    tolerance: float = 0.0,
    said: str | None = None,
) -> dict[str, object]:
    """Result value, gap and verdict (two durations: both in the finer unit); nothing when units differ."""
    values = _comparable(target_q, result_q)
    if values is None:
        return {}
    target_value, result_value, unit = values
    lower = _lower_better(name, unit, target, result_value - target_value, said)
    gap, ratio, verdict = assess(target_value, result_value, lower, tolerance)
    measured: dict[str, object] = {
        "result_value": result_value,
        "gap_value": round(gap, 6),
        "gap_ratio": None if ratio is None else round(ratio, 4),
        "verdict": verdict,
    }
    if unit in _SECONDS:
        measured.update(target_value=target_value, unit=unit)
    return measured


# a band the user allows around the target: "±2%", "+/- 0.5", "上下浮动2%", "误差2个百分点", "plus or minus 2"
TOLERANCE = re.compile(
    r"(?:±|\+/-|\+-|上下浮动|上下|浮动|误差|容差|(?i:plus\s+or\s+minus|tolerance(?:\s+of)?))\s*"
    r"(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>%|个百分点|百分点|(?i:pp|points?))?"
)


def find_tolerance(text: str) -> re.Match[str] | None:
    """The ± band written in a goal message, if any."""
    return TOLERANCE.search(text or "")


def tolerance_band(match: re.Match[str] | None, target_value: float | None, unit: str | None) -> float:
    """The band in the goal's own unit: points for a % KPI, else a % of the target, else as written."""
    if match is None:
        return 0.0
    value = float(match.group("value"))
    if unit == "%" or match.group("unit") in (None, "个百分点", "百分点") or target_value is None:
        return value
    if match.group("unit") == "%":
        return abs(target_value) * value / 100
    return value


def build_goal(
    name: str, target: str | None, result: str | None, tolerance: float = 0.0, said: str | None = None
) -> Goal:
    """A Goal from a name and the target/result as typed, with the gap and verdict when both are numbers.

    `said` is the text the KPI was stated in: when neither the target nor the name gives the direction,
    words there that say how it came out ("没达标", "missed", "超额") give it.

    `tolerance` is the ± band the user set, in the goal's unit (see `tolerance_band`); a band written
    in the target itself ("25%±2%") counts when none is given.
    """
    target_q = parse_quantity(TOLERANCE.sub("", target)) if target else None
    result_q = parse_quantity(result) if result else None
    if not tolerance and target and target_q:
        tolerance = tolerance_band(find_tolerance(target), target_q.value, target_q.unit)
    fields: dict[str, object] = {
        "target_value": target_q.value if target_q else None,
        "result_value": result_q.value if result_q else None,
        "unit": (target_q and target_q.unit) or (result_q and result_q.unit) or None,
    }
    if target_q and result_q:
        fields.update(_measured(name, target_q, result_q, target, tolerance, said))
    return Goal.model_validate({"name": name, "target": target, "result": result, **fields})
