"""The role of each number in a KPI's words, and a KPI name's own words: the part of the goal reader
(`coach.domain.reading.goals`) that both its readings, of a list and of a statement, share.

A number's role (target, result, baseline, rate, gap) is read from the words around it: a target cue
before it ("目标", "against") or after it ("a 5 day target"), a result cue ("实际", "降到", "we hit"), a
baseline ("从A降到B", "去年"), a rate ("达成率102%"), or from the syntax between two numbers ("18 out of
25", "45 / 60").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from coach.domain.parsing.numbers import Quantity, parse_quantities
from coach.domain.reading import cues
from coach.domain.reading.kpi_counts import counts_the_kpis

# ---- the words that give a number its role, for both readings ------------------------------------

TARGET_WORDS = (
    r"目标值?|计划|预计|预期|期望|原定|原计划|本来|定了|定的|定为|定在|预算|指标|考核线|控制线|上限|要求|承诺|KPI|OKR"
    r"|(?i:\b(?:targets?|targeted|goals?|plan(?:ned)?|budget(?:ed)?|expected|expectation|forecast(?:ed)?"
    r"|quota|aim(?:ed)?|objective|commit(?:ted|ment)?|wanted|hoped|against|out\s+of|instead\s+of|versus|tgt"
    r"|limit|cap|ceiling"
    r"|allow(?:ed)?\s+(?:ourselves|us|them|for)|allowed)\b|\bvs\b\.?)"
)
RESULT_WORDS = (
    r"实际上?|实测|最终|最后|结果|(?:只|仅)?(?:完成了?|做到了?|达到了?|达成了?|实现了?)|只有|仅有?|用了|花了|到岗|落地|拿到"
    r"|(?:提升|提高|增长|增加|上升|涨|降低|下降|降|减少|缩短|压缩|压|跌|掉)(?:到|至)"
    r"|(?i:\b(?:actual(?:ly)?|averaged(?:\s+out\s+at)?|came\s+in(?:\s+at)?|landed(?:\s+at)?|ended(?:\s+up)?(?:\s+at)?|finished(?:\s+at)?"
    r"|closed(?:\s+at)?|hit|reached|achieved|delivered|got|did|was|were|is\s+at|are\s+at|stands?\s+at|act"
    r"|(?:rose|grew|fell|dropped|went\s+(?:up|down)|improved|increased|decreased|cut|reduced)\s+to)\b)"
)
BASELINE_WORDS = (
    r"从|由|去年|上季度?|上个?月|上期|同期|同比|环比|基线"
    r"|(?i:\b(?:from|baseline|last\s+(?:year|quarter|month)|previously)\b)"
)
# a floor or a ceiling said right before a target: "target under 5%", "目标不超过15件"
BOUND_WORDS = (
    r"控制在|压到|压在|不超过|不高于|不低于|不少于|小于|大于|至少|最多|[≤≥<>]"
    r"|(?i:\b(?:at\s+least|at\s+most|max(?:imum)?|under|below|above|within|no\s+more\s+than|up\s+to))"
)
BOUND_BEFORE = re.compile(rf"(?:{BOUND_WORDS})\s*$")
# the words before a KPI's name that are not part of it: "另外", "我们的", "as for", "overall"
FILLER_WORDS = (
    # 对/好 glued to the next word start a name ("好评率", "对账及时率"); alone ("好，回款…") they are filler
    r"嗯|哦|噢|啊|(?:对|好)(?![\u4e00-\u9fff])|那|然后|另外|还有个|还有一个|还有|以及|再就是|最后|其次|首先|第[一二三四五]个?|一个是|一是|二是|三是"
    r"|总体看|总的来看|总体|整体|先看数|但是|但|其中|而且|关于|我们(?:自己)?(?:的)?|这次的?|本次的?"
    r"|这个?(?:月|季度?|版本?)的?|本(?:月|季度?|周)的?|今年的?|上个?月的?"
    r"|(?i:(?:oh|ah|um|and|also|then|plus|so|but|overall|we|our|i|the|a|an|it|this|that|on|for|as\s+for"
    r"|finally)(?![-\w])"
    # an ordinal heads a list only before a comma or a colon: "first pass yield" is a KPI's name
    r"|(?:first|second|third)(?=\s*[,:]))"
)
# a target word right after a number names it ("a 5 day target", "1,500 target", "60%的目标"),
# unless a number of its own follows ("85%, target 90%")
TARGET_AFTER = re.compile(
    r"\s*(?:的)?(?:目标|计划|预算|(?i:(?:[a-z ]{0,12}\b)?(?:target|goal|plan|budget|quota|tgt)\b))"
    r"(?!\s*(?:是|为|值|of|was|is)?\s*[:：]?\s*[\d$¥￥≤≥<>])"
)


# ---- the role of each number, for both readings -------------------------------------------------

# said right before a number (no number between): a result, a baseline, a target's verb, a rate
RESULT_BEFORE = re.compile(
    rf"({RESULT_WORDS}|只|仅|做了|到了|变成|现在是?|上线后|出来是?|交付了?|平均(?:是|为|下来)?"
    r"|(?i:results?|resulted|took|only|just|to|now|made|managed|had|saw|was at|passed))[^，,；;。\d]{0,8}$"
)
_BASELINE_BEFORE = re.compile(rf"({BASELINE_WORDS})[^，,；;。\d]{{0,6}}$")
# a result word right after a target word says the target: "目标是完成1.2亿", "the goal was 95%"
_TARGET_VERB_BEFORE = re.compile(
    rf"(?:{TARGET_WORDS})\s*(?:(?:是|为)?要?(?:完成|达成|达到|做到|实现)|(?i:was|is|were|are))\s*$"
)
_RATE = re.compile(
    r"(达成率|完成率|达标率|(?:计划|目标|预期)的|(?i:attainment|of (?:the )?(?:target|goal|plan|quota)))"
)
# the rate names the number only when nothing stands between them ("达成率102%", not "完成率：目标95%")
_RATE_RIGHT_BEFORE = re.compile(_RATE.pattern + r"\s*(?:是|为|了)?\s*[:：]?\s*$")
CUE = re.compile(rf"(?P<target>{TARGET_WORDS})|(?P<result>{RESULT_WORDS})|(?P<baseline>{BASELINE_WORDS})")
# rates and counts named with a cue word (完成率, 达成率, 预算额) are names: the word cues nothing
_NOT_A_CUE = re.compile(r"[率度量数额]")
# a copula after a target word belongs to the target: "target was 40" is no result
_TARGET_COPULA = re.compile(rf"(?:{TARGET_WORDS})\s*(?:是|为|(?i:was|is|were|are)\b)")
_OUT_OF = re.compile(r"^\s*(?:out\s+of|of)(?:\s+the)?\s*$|^\s*(?:中的?|之中)\s*$", re.I)
_PAIR_BETWEEN = re.compile(r"^\s*(?:/|／|vs\.?|versus|对比|对)\s*$", re.I)
# "Trees planted: 1,200 → 1,310": what was planned, then what came
_ARROW_BETWEEN = re.compile(r"^\s*→\s*$")  # "->" once spelled
_ARROW = re.compile(r"->|=>|⇒|⟶")


def arrows_spelled(text: str) -> str:
    """ "1,200 -> 1,310" with one arrow character, so that ">" is not read as a bound; the text keeps its
    length, so that positions in it stay those of the text as said."""
    return _ARROW.sub(lambda m: "→".ljust(len(m.group(0))), text)


_BOUND_SUFFIX = re.compile(r"\s*(?:以内|之内|以下|以上|左右|内)")
# "比目标长了5天", "5 points below target": a gap to the target, not the target itself
_GAP_BEFORE = re.compile(
    r"(?:比|较|离|距离?)(?:目标|计划|预期|预算)值?(?:还)?(?:多|少|高|低|长|短|快|慢|超|差|超出|落后)了?(?:出|了)?\s*$"
    r"|(?:超出|超过|低于|高于|落后于?)(?:目标|计划|预期|预算)值?\s*$"
)
_GAP_AFTER = re.compile(
    r"\s*(?:\S{0,8}\s+)?(?i:(?:above|below|over|under|short\s+of|ahead\s+of|behind)\s+(?:the\s+|our\s+)?"
    r"(?:target|goal|plan|budget))"
)


@dataclass
class Number:
    quantity: Quantity
    start: int
    end: int  # past a bound said after it: "3%以内"
    role: str | None = None  # target, result, baseline, rate, gap; None when nothing says
    cue_end: int = 0  # where the words naming the role end (a comparator lies after them)


# a score on a scale: "4.5/5", "7.5/10"; the scale is no number of the KPI
_SCALE = re.compile(r"\s?[/／]\s?(5|10)(?![\d.])")


def numbers_of(text: str) -> list[Number]:
    found: list[Number] = []
    pos = 0
    scale_number = ""  # the number of a scale just read ("5" in "4.5/5"), no value of the KPI
    for q in parse_quantities(text):
        if scale_number and q.text == scale_number:
            scale_number = ""
            continue
        start = text.find(q.text, pos)
        if start < 0:
            continue
        end = start + len(q.text)
        if counts_the_kpis(text, start, end):
            pos = end
            continue
        scale = _SCALE.match(text, end)
        if scale and not float(q.value).is_integer() and q.value <= int(scale.group(1)):
            end, scale_number = scale.end(), scale.group(1)
        suffix = _BOUND_SUFFIX.match(text, end)
        found.append(Number(q, start, suffix.end() if suffix else end, cue_end=start))
        pos = end
    return found


def role_cues(text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    """Role cues in text[start:end], without the names (完成率) and the copulas of a target (目标是)."""
    end = len(text) if end is None else end
    copulas = [m.span() for m in _TARGET_COPULA.finditer(text, start, end)]
    return [
        m
        for m in CUE.finditer(text, start, end)
        if not _NOT_A_CUE.match(text, m.end())
        and not (m.group("result") and any(a < m.start() and m.end() <= b for a, b in copulas))
    ]


def roles(text: str) -> list[Number]:
    """Each number of `text` with its role. What decides, first to last: a gap to the target said around
    it; a baseline (从, last year), a rate (达成率102%) or a target's verb (目标是完成, goal was) right
    before it; the last cue word since the number before; the syntax between two numbers ("18 out of
    25", "45 / 60"); a target word after it or a bound (控制在50万以内, at most 5); a result word near it."""
    text = arrows_spelled(text)
    numbers = numbers_of(text)
    previous_end = 0
    for i in range(len(numbers)):
        previous_end = _read_role(text, numbers, i, previous_end)
    return numbers


def _read_role(text: str, numbers: list[Number], i: int, previous_end: int) -> int:
    """Set numbers[i].role; returns where the words about the next number start."""
    n = numbers[i]
    window, near = text[previous_end : n.start], text[max(0, n.start - 14) : n.start]
    after = text[n.end : n.end + 16].strip()
    if _GAP_BEFORE.search(window) or _GAP_AFTER.match(text, n.end):
        n.role = "gap"
    elif _BASELINE_BEFORE.search(near) and not TARGET_AFTER.match(text, n.end):
        # "pickers who came back from last year: 60% target": a target word after the number outweighs
        # a baseline word in the name before it
        n.role = "baseline"
    elif _RATE_RIGHT_BEFORE.search(near) or (_RATE.match(after) and n.quantity.unit == "%"):
        n.role = "rate" if n.quantity.unit == "%" else None
        return n.end
    elif _TARGET_VERB_BEFORE.search(near):
        n.role = "target"
    elif cues := [m for m in role_cues(window) if not m.group("baseline")]:  # a baseline is said right before
        last = cues[-1]
        n.role = "target" if last.group("target") else "result"
        n.cue_end = previous_end + last.end()
    elif i > 0 and _OUT_OF.match(window):
        n.role = "target"
        if numbers[i - 1].role in (None, "target"):
            numbers[i - 1].role = "result"  # "18 of the 22 planned": a target word in the name cued nothing
    elif i > 0 and _ARROW_BETWEEN.match(window) and numbers[i - 1].role is None:
        # with a target said after it the arrow goes from where it was ("80% → 88%, target 90%")
        later_target = any(m.group("target") for m in role_cues(text, n.end))
        numbers[i - 1].role, n.role = ("baseline" if later_target else "target"), "result"
    elif i > 0 and len(numbers) == 2 and _PAIR_BETWEEN.match(window) and numbers[i - 1].role is None:
        numbers[i - 1].role, n.role = "result", "target"
    if n.role is None:
        named_after = TARGET_AFTER.match(text, n.end)
        # a bound is a target beside another number: "penalty below 92%" alone states no KPI
        bound = len(numbers) > 1 and (BOUND_BEFORE.search(window) or text[n.start : n.end].endswith(_BOUNDS))
        if named_after or bound:
            n.role = "target"
            return named_after.end() if named_after else n.end  # "25% target, 27% actual"
        if RESULT_BEFORE.search(near):
            n.role = "result"
    return n.end


_BOUNDS = ("以内", "之内", "以下", "以上")


# ---- the words of a KPI's name, for both readings ------------------------------------------------

_NAME_TRIM = re.compile(rf"^(?:(?:{FILLER_WORDS}|(?i:kpi\s*\d*))[\s，,、：:]*)+")
# the words after a KPI's name that are not part of it: "满意度还行", "ROI 拉胯", "回款这块"
_NAME_TAIL = re.compile(
    r"(?:还行|还可以|还好|拉胯|不错|不太行|一般|挺好|很好|原来|原本|本来|的|是|为|出了|有|共|一共|了|我们|这块|这一块|方面"
    r"|(?i:\s+(?:is|was|are|were|we|came|of)))+\s*$"
)


@cache
def _bound_tail() -> re.Pattern[str]:
    """Words that end a KPI's head and belong to its numbers: "控制在", "从" (the language files' lists)."""
    return re.compile(rf"(?:{cues.alternatives('kpi_name_bound_tail')})$", re.I)


@cache
def _threshold_head() -> re.Pattern[str]:
    return re.compile(rf"(?:{cues.alternatives('kpi_threshold_head')})", re.I)


# a head that only says the target was said or set ("we said", "我们定的"): it names no KPI
SAYING_ONLY = re.compile(
    r"(?:(?i:we|i|they)\s+)?(?i:said|say|says|aim(?:ed)?|want(?:ed)?|promised?|agreed|planned|hoped|set)"
    r"|(?:我们|我)?(?:说|定|要求|承诺)(?:了|的|好的?)?"
)


def threshold_only(head: str) -> bool:
    """A head that says only the target's threshold or period ("max", "每月不超过", "a month"): no name."""
    return bool(_threshold_head().fullmatch(head.strip()))


def name_words(head: str) -> str:
    """A KPI's name without the words around it: "另外我们的回款这块" → "回款", "Q1 revenue came in"."""
    head = _NAME_TRIM.sub("", head.strip(" ，,。.:：-—~").rstrip(" ¥￥$€£"))  # "CAC should be under $3.20"
    head = _NAME_TAIL.sub("", head.strip(" ，,。.:：-—~"))
    head = _bound_tail().sub("", head)  # "退货率控制在5%以内", "复购率从18%提到了23%"
    head = re.sub(r"(?:只|仅|实际|结果|最终)?(?:做到|完成|达成|实现|达到)?了?$", "", head)
    head = re.sub(
        r"(?i)^(?:we|i|they|our team)\s+|\s+(?:hit|came in|came"
        r"|ended up|ended|landed|closed|finished|took|got|reached"
        r"|was|were|is|at|in|from|of|to|only|just|should be|must be|needs to be|has to be"
        r"|ran|ran at|stood at|averaged|averaged out at)"
        r"(?:\s+(?:at|in|up|to))?$",
        "",
        head.strip(),
    )
    return clip_name(
        head.strip(" ，,。.:：-—~").rstrip(" ¥￥$€£").strip(" ，,。.:：-—~")
    )  # "spend per head £4.10"


_NAME_CHARS = 40
_LATIN_NAME_CHARS = 60  # English words are longer: "Average time to resolve a password or MFA lockout"


def clip_name(name: str) -> str:
    """A KPI's name cut to a readable length; an English name is cut after a whole word, not inside one."""
    if len(name) <= _NAME_CHARS:
        return name
    if not name.isascii():
        return name[:_NAME_CHARS]
    if len(name) <= _LATIN_NAME_CHARS:
        return name
    cut = name[: _LATIN_NAME_CHARS + 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,.:;-")


def has_numbers(text: str) -> bool:
    """Whether the text holds a number: a KPI answer the reader could not place is asked about again."""
    return bool(parse_quantities(text))
