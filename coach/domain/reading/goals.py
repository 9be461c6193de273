"""The goal reader: the KPIs a text states, as typed facts (name, target, result, direction, span; the
Goal a fact makes carries the values, unit, gap and verdict).

One reader for chat turns and note sentences. A KPI is a name plus numbers in a target/result structure;
each number's role is read, the same way whatever the text, from the words around it (a target cue before
it, "目标", "against", or after it, "a 5 day target"; a result cue, "实际", "降到", "we hit"; a baseline,
"从A降到B", "去年", that is neither; a rate, "达成率102%") or from the syntax ("18 out of 25", "45 / 60",
"85%（目标90%）"). How clauses group into KPIs depends on what the text answers:

- `Context.answer`: the coach asked for the goals. A message can list several KPIs separated by commas only
  ("GMV目标3000万，实际3350万，新客目标5万…"): a clause with a name and a target cue opens a KPI, a clause
  with only a result continues it; a name said alone is a goal still to quantify; two bare numbers are the
  target then the result, the order of the question. A message read so finds nothing is read as a statement.
- `Context.statement`: a sentence of a note. Only numbers whose roles the words say make a KPI, one per run
  of clauses about one metric; prose sets a target in one clause and its result in the next ("Our target
  for X is 60 minutes; recovery took 268 minutes").
- `Context.finding`: a line under a 亮点/不足 heading: only a KPI introduced by a target word
  ("目标X，实际Y"); "46%, way below the 60% target" there is a finding.

`split_target_result` reads the answer to "目标多少，实际多少？" about a goal already named. The numbers
themselves are `coach.domain.parsing.numbers`'; values, gaps and verdicts `coach.domain.parsing.goals`'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from coach.domain.critique import is_chitchat, is_unquantifiable, normalize
from coach.domain.parsing.goals import TOLERANCE, build_goal, find_tolerance, lower_better_for
from coach.domain.parsing.numbers import Quantity, parse_quantities
from coach.domain.reading import cues
from coach.domain.retrospective import Goal


class Context(StrEnum):
    """What a text answers, which decides how loosely its numbers are read as a KPI (see the module doc)."""

    answer = "answer"
    statement = "statement"
    finding = "finding"


@dataclass(frozen=True)
class GoalFact:
    """A KPI as a text states it: its name, the target and result as written, and where it was said."""

    name: str
    target: str | None
    result: str | None
    evidence: str
    span: tuple[int, int]

    def goal(self) -> Goal:
        """The Goal with its values, unit, gap and verdict."""
        goal = build_goal(self.name, self.target, self.result, said=self.evidence)
        return goal.model_copy(update={"evidence": self.evidence or None})

    @property
    def lower_is_better(self) -> bool:
        """The KPI's direction: a ceiling in the target, cue words in the name, a duration."""
        return lower_better_for(self.name, self.goal().unit, self.target)


def read_goals(text: str, topic: str | None = None, context: Context = Context.statement) -> list[GoalFact]:
    """Every KPI `text` states. `topic` is the sentence before it, the KPI's name when its own has none
    ("On-call ack was fine. Target is 5 minutes, I acked in 3")."""
    if context is Context.answer:
        listed = _read_list(text)
        if listed:
            return [_fact(text, goal.name, goal.target, goal.result, goal.evidence or "") for goal in listed]
    said = _read_statement(text, topic, general=context is not Context.finding)
    # a KPI's name has two characters at least: "我们组8个人，团建预算2000" names no KPI "组"
    named = [g for g in said if _NAME_WORDS.search(g.name)]
    return [_fact(text, g.name, g.target_text, g.result_text, g.evidence) for g in named]


def goals_in(text: str, topic: str | None = None, context: Context = Context.statement) -> list[Goal]:
    """The Goals of `text` with values and verdicts; a goal whose numbers do not parse is dropped,
    a goal named without any (a KPI still to quantify) is kept."""
    goals = []
    for fact in read_goals(text, topic, context):
        goal = fact.goal()
        named_only = fact.target is None and fact.result is None
        if named_only or goal.target_value is not None or goal.result_value is not None:
            goals.append(goal)
    return goals


def answer_goals(text: str) -> list[Goal]:
    """The Goals of a chat message answering the coach's question about the goals."""
    return goals_in(text, context=Context.answer)


def split_target_result(text: str) -> tuple[str | None, str | None]:
    """(target, result) as written in an answer to "目标多少，实际多少？" about a goal already named."""
    pair = _PAIR.match(text)
    if pair and all(_bare_quantity(pair.group(side)) for side in ("a", "b")):
        return pair.group("a"), pair.group("b")  # "1.2亿/9600万", "95% vs 91%": the order of the question
    return _values(text)


def _bare_quantity(text: str) -> bool:
    quantities = parse_quantities(text)
    return len(quantities) == 1 and quantities[0].text == text.strip()


def has_numbers(text: str) -> bool:
    """Whether the text holds a number: a KPI answer the reader could not place is asked about again."""
    return bool(parse_quantities(text))


def _fact(text: str, name: str, target: str | None, result: str | None, evidence: str) -> GoalFact:
    # the evidence is the KPI's clauses joined again: the span runs from its first clause to its last
    clauses = [c for c in re.split(r"[，,；;]\s*", evidence) if c]
    start = text.find(clauses[0]) if clauses else -1
    if start < 0:
        return GoalFact(name, target, result, evidence, (0, len(text)))
    last = text.find(clauses[-1], start)
    end = last + len(clauses[-1]) if last >= 0 else min(len(text), start + len(evidence))
    return GoalFact(name, target, result, evidence, (start, end))


_NAME_WORDS = re.compile(r"[\u4e00-\u9fff]{2}|[A-Za-z]{2}")
# a cue-less pair in an answer: "1.2亿/9600万", "95% vs 91%"
_PAIR = re.compile(r"^\s*(?P<a>[^/→]+?)\s*(?:/|→|->|=>|(?i:\bvs\.?(?=\s)))\s*(?P<b>[^/→]+?)\s*$")


# ---- the words that give a number its role, for both readings ------------------------------------

TARGET_WORDS = (
    r"目标值?|计划|预计|预期|期望|原定|原计划|本来|定了|定的|定为|定在|预算|指标|考核线|要求|承诺|KPI|OKR"
    r"|(?i:\b(?:targets?|targeted|goals?|plan(?:ned)?|budget(?:ed)?|expected|expectation|forecast(?:ed)?"
    r"|quota|aim(?:ed)?|objective|commit(?:ted|ment)?|wanted|hoped|against|out\s+of|instead\s+of|versus)\b|\bvs\b\.?)"
)
RESULT_WORDS = (
    r"实际上?|实测|最终|最后|结果|(?:只|仅)?(?:完成了?|做到了?|达到了?|达成了?|实现了?)|只有|仅有?|用了|花了|到岗|落地|拿到"
    r"|(?:提升|提高|增长|增加|上升|涨|降低|下降|降|减少|缩短|压缩|压|跌|掉)(?:到|至)"
    r"|(?i:\b(?:actual(?:ly)?|came\s+in(?:\s+at)?|landed(?:\s+at)?|ended(?:\s+up)?(?:\s+at)?|finished(?:\s+at)?"
    r"|closed(?:\s+at)?|hit|reached|achieved|delivered|got|did|was|were|is\s+at|are\s+at|stands?\s+at"
    r"|(?:rose|grew|fell|dropped|went\s+(?:up|down)|improved|increased|decreased|cut|reduced)\s+to)\b)"
)
BASELINE_WORDS = (
    r"从|由|去年|上季度?|上个?月|上期|同期|同比|环比|基线"
    r"|(?i:\b(?:from|baseline|last\s+(?:year|quarter|month)|previously)\b)"
)
# a floor or a ceiling said right before a target: "target under 5%", "目标不超过15件"
BOUND_WORDS = (
    r"控制在|压到|压在|不超过|不高于|不低于|不少于|小于|大于|至少|最多|[≤≥<>]"
    r"|(?i:\b(?:at\s+least|at\s+most|under|below|above|within|no\s+more\s+than|up\s+to))"
)
_BOUND_BEFORE = re.compile(rf"(?:{BOUND_WORDS})\s*$")
# the words before a KPI's name that are not part of it: "另外", "我们的", "as for", "overall"
FILLER_WORDS = (
    r"嗯|哦|噢|啊|对|好|那|然后|另外|还有个|还有一个|还有|以及|再就是|最后|其次|首先|第[一二三四五]个?|一个是|一是|二是|三是"
    r"|总体看|总的来看|总体|整体|先看数|但是|但|其中|而且|关于|我们(?:自己)?(?:的)?|这次的?|本次的?"
    r"|这个?(?:月|季度?|版本?)的?|本(?:月|季度?|周)的?|今年的?|上个?月的?"
    r"|(?i:(?:oh|ah|um|and|also|then|plus|so|but|overall|we|our|i|the|a|an|it|this|that|on|for|as\s+for"
    r"|first|second|third|finally)(?![-\w]))"
)
# a target word right after a number names it ("a 5 day target", "1,500 target", "60%的目标"),
# unless a number of its own follows ("85%, target 90%")
_TARGET_AFTER = re.compile(
    r"\s*(?:的)?(?:目标|计划|预算|(?i:(?:[a-z ]{0,12}\b)?(?:target|goal|plan|budget|quota)\b))"
    r"(?!\s*(?:是|为|值|of|was|is)?\s*[:：]?\s*[\d$¥￥≤≥<>])"
)


# ---- the role of each number, for both readings -------------------------------------------------

# said right before a number (no number between): a result, a baseline, a target's verb, a rate
_RESULT_BEFORE = re.compile(
    rf"({RESULT_WORDS}|只|仅|做了|到了|变成|现在是?|上线后|出来是?|交付了?"
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
_CUE = re.compile(rf"(?P<target>{TARGET_WORDS})|(?P<result>{RESULT_WORDS})|(?P<baseline>{BASELINE_WORDS})")
# rates and counts named with a cue word (完成率, 达成率, 预算额) are names: the word cues nothing
_NOT_A_CUE = re.compile(r"[率度量数额]")
# a copula after a target word belongs to the target: "target was 40" is no result
_TARGET_COPULA = re.compile(rf"(?:{TARGET_WORDS})\s*(?:是|为|(?i:was|is|were|are)\b)")
_OUT_OF = re.compile(r"^\s*(?:out\s+of|of|中的?|之中)\s*$", re.I)
_PAIR_BETWEEN = re.compile(r"^\s*(?:/|／|vs\.?|versus|对比|对)\s*$", re.I)
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
class _Number:
    quantity: Quantity
    start: int
    end: int  # past a bound said after it: "3%以内"
    role: str | None = None  # target, result, baseline, rate, gap; None when nothing says
    cue_end: int = 0  # where the words naming the role end (a comparator lies after them)


def _numbers(text: str) -> list[_Number]:
    found: list[_Number] = []
    pos = 0
    for q in parse_quantities(text):
        start = text.find(q.text, pos)
        if start < 0:
            continue
        end = start + len(q.text)
        suffix = _BOUND_SUFFIX.match(text, end)
        found.append(_Number(q, start, suffix.end() if suffix else end, cue_end=start))
        pos = end
    return found


def _cues(text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    """Role cues in text[start:end], without the names (完成率) and the copulas of a target (目标是)."""
    end = len(text) if end is None else end
    copulas = [m.span() for m in _TARGET_COPULA.finditer(text, start, end)]
    return [
        m
        for m in _CUE.finditer(text, start, end)
        if not _NOT_A_CUE.match(text, m.end())
        and not (m.group("result") and any(a < m.start() and m.end() <= b for a, b in copulas))
    ]


def _roles(text: str) -> list[_Number]:
    """Each number of `text` with its role. What decides, first to last: a gap to the target said around
    it; a baseline (从, last year), a rate (达成率102%) or a target's verb (目标是完成, goal was) right
    before it; the last cue word since the number before; the syntax between two numbers ("18 out of
    25", "45 / 60"); a target word after it or a bound (控制在50万以内, at most 5); a result word near it."""
    numbers = _numbers(text)
    previous_end = 0
    for i in range(len(numbers)):
        previous_end = _read_role(text, numbers, i, previous_end)
    return numbers


def _read_role(text: str, numbers: list[_Number], i: int, previous_end: int) -> int:
    """Set numbers[i].role; returns where the words about the next number start."""
    n = numbers[i]
    window, near = text[previous_end : n.start], text[max(0, n.start - 14) : n.start]
    after = text[n.end : n.end + 16].strip()
    if _GAP_BEFORE.search(window) or _GAP_AFTER.match(text, n.end):
        n.role = "gap"
    elif _BASELINE_BEFORE.search(near):
        n.role = "baseline"
    elif _RATE_RIGHT_BEFORE.search(near) or (_RATE.match(after) and n.quantity.unit == "%"):
        n.role = "rate" if n.quantity.unit == "%" else None
        return n.end
    elif _TARGET_VERB_BEFORE.search(near):
        n.role = "target"
    elif cues := [m for m in _cues(window) if not m.group("baseline")]:  # a baseline is said right before
        last = cues[-1]
        n.role = "target" if last.group("target") else "result"
        n.cue_end = previous_end + last.end()
    elif i > 0 and _OUT_OF.match(window):
        n.role = "target"
        if numbers[i - 1].role is None:
            numbers[i - 1].role = "result"
    elif i > 0 and len(numbers) == 2 and _PAIR_BETWEEN.match(window) and numbers[i - 1].role is None:
        numbers[i - 1].role, n.role = "result", "target"
    if n.role is None:
        named_after = _TARGET_AFTER.match(text, n.end)
        # a bound is a target beside another number: "penalty below 92%" alone states no KPI
        bound = len(numbers) > 1 and (_BOUND_BEFORE.search(window) or text[n.start : n.end].endswith(_BOUNDS))
        if named_after or bound:
            n.role = "target"
            return named_after.end() if named_after else n.end  # "25% target, 27% actual"
        if _RESULT_BEFORE.search(near):
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


def _name_words(head: str) -> str:
    """A KPI's name without the words around it: "另外我们的回款这块" → "回款", "Q1 revenue came in"."""
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


# ---- reading a list of KPIs (Context.answer) ------------------------------------------------------

# clause separators: not the comma of "3,000" nor the point of "3.5"
_CLAUSES = re.compile(r"[；;。！？!?\n]+|[，,](?!\d{3}(?!\d))|\.(?!\d)\s*")
_TARGET_CUE = re.compile(TARGET_WORDS)
_BOUND = re.compile(rf"^[是为要在]*(?:{BOUND_WORDS}|达到|做到|完成|实现)?")
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
    if pending and cues.apposition().match(clause.strip()):
        return pending, True  # "On-time visits, meaning within 15 minutes of the slot: target 90%"
    candidates = [parts[-1], parts[-2]] if len(parts) > 1 else [clause]
    for part in candidates:
        cut = _first_number(part)
        cue = _TARGET_CUE.search(part[:cut])
        head = _name_words(part[: cue.start() if cue else cut])
        if _is_name(head):
            return head, True
        if cue:
            mid = _name_words(_BOUND.sub("", part[cue.end() : cut]))
            if _is_name(mid) and re.fullmatch(r"[\u4e00-\u9fff]{2,12}", mid):
                after = re.match(r"\d[\d.]*\s*[个张条项人件单次台家天]?([\u4e00-\u9fff]{2,8})", part[cut:])
                noun = after.group(1) if after and not _RESULT_BEFORE.search(after.group(1)) else ""
                return (f"{mid}{noun}" if noun and not mid.endswith(noun) else mid), False
    if len(parts) > 1 and re.search(r"\d", parts[-2]) and _TARGET_CUE.search(parts[-1]):
        whole = _name_words(parts[-2])  # "第2周注册数：目标…", "DAU week 1: …": a number inside the name
        if _is_name(whole):
            return whole, True
    if pending:
        return pending, False
    if re.search(r"[A-Za-z]{3}", clause):
        tail = re.split(r"\d[\d.,]*\s*(?:%|[A-Za-z]{1,5}\b)?", clause)[-1]
        tail = re.sub(r"^\s*(?:on|for|in|of|with|at)\s+", "", tail.strip(), flags=re.I)
        if _is_name(_name_words(tail)):
            return _name_words(tail), False
    return "", False


def _first_number(clause: str) -> int:
    # the digits of a name token are no value: "P99", "TP99", "Q2"
    number = re.search(r"(?<![A-Za-z\d])\d|[一二两三四五六七八九十百]+(?:成|万|个|%)", clause)
    return number.start() if number else len(clause)


# a comparison with the target ("远低于60%的目标", "way below the 60% target") or a pronoun names no KPI
_NOT_A_NAME = re.compile(
    r"(?:远|还|也|都)?(?:低于|高于|超过|超出|不到|差了?|比)\S{0,2}"
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


def _values(segment: str) -> tuple[str | None, str | None]:
    """(target text, result text) of one KPI's words."""
    labelled = [(n.quantity, n.role or "unknown", n.start) for n in _roles(segment)]
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
        if target is None:
            return "100%", rate.text  # "回款达成率102%"
        if target.unit == "%":
            return target.text, rate.text  # "回款达成率85%（目标90%）": the rate is the KPI
        return target.text, _fmt(target.value * rate.value / 100, target.unit)  # "目标500万，达成率85%"
    if target is None and result is not None and rate is not None and rate is not result:
        return _fmt(result.value * 100 / rate.value, result.unit) if rate.value else None, result.text
    return (bound + target.text if target else None), (result.text if result else None)


# any word that gives a number a role: a KPI said with none among KPIs said with them is no KPI
_ANY_CUE = re.compile(
    rf"{TARGET_WORDS}|{RESULT_WORDS}|{BOUND_WORDS}|只|仅|做了|到了|变成|现在"
    r"|(?i:\b(?:took|had|saw|made|managed|passed|only|just|now|acked|averaged|scored|recorded)\b)"
)


def _read_list(text: str) -> list[Goal]:
    """The KPIs of a message; nothing for chatter or a number without a target/result structure."""
    if is_chitchat(text):
        return []
    if _PER_UNIT.search(text) or _THRESHOLD_IN_NAME.search(text):
        # "Cost per £1 raised", "每万元收入", "calls answered within 20 seconds: target 80%": the number is
        # part of the KPI's name, never its value
        hidden = _PER_UNIT.sub(lambda m: m.group(0).translate(_HIDE), text)
        hidden = _THRESHOLD_IN_NAME.sub(lambda m: m.group(0).translate(_HIDE), hidden)
        return [_shown(goal) for goal in _read_list(hidden)]
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
            name = _name_words(re.sub(r"(?i)\s*(复盘|review|retro(spective)?)$", "", clause))
            pending = name if _is_name(name) else None
    goals = []
    unquantifiable = is_unquantifiable(text)
    cued = [kpi for kpi in kpis if _ANY_CUE.search("，".join(kpi.clauses))]
    for kpi in kpis:
        segment = "，".join(kpi.clauses)
        if len(cued) >= 2 and kpi not in cued and parse_quantities(segment):
            continue  # "berths 4 to 6" among KPIs said with target/actual: a range, no KPI
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
        goal = build_goal(kpi.name, target, result, said=segment)
        goals.append(goal.model_copy(update={"evidence": segment}))
    return goals


_PER_UNIT = re.compile(r"(?:(?<![A-Za-z])per|每)\s*[£$€¥]?\d+(?:\.\d+)?(?=\s*[A-Za-z\u4e00-\u9fff])", re.I)
# a threshold inside a % KPI's name, its target and result said after it as percentages
_THRESHOLD_IN_NAME = re.compile(
    r"(?:(?i:\b(?:within|under|in under|in less than|less than|below)\s+)\d+(?:\.\d+)?\s*"
    r"(?i:s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|ms)\b"
    r"|\d+(?:\.\d+)?\s*(?:秒|分钟|小时|天|日|个工作日)(?:以内|之内|内))"
    r"(?=[^.;。；]*?(?:[:：]|目标|(?i:\btarget\b|\bgoal\b))[^.;。；]*?\d+(?:\.\d+)?\s*[%％])"
)
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


# ---- reading a statement (Context.statement, Context.finding) ---------------------------------

_MARKER_TARGET = re.compile(
    rf"(?:定的)?(?:{TARGET_WORDS})(?:是|为|值|控制在|入职|的是|(?i:\s+(?:was|is|for|at|to))|:)?"
    r"|\bSLA(?: is| was|:)|\bshould (?:be|take)(?= (?:under|below|within|at most|at least|over|above|\d))",
    re.I,
)
_MARKER_RESULT = re.compile(
    rf"(?:{RESULT_WORDS})(?:是|为|只有|入职|用了|做到|(?i:\s+(?:was|is|in|at))|:)?|签了|现在|这次|平均是|(?i:\bspent\b)"
)
# where the first number after a target marker starts
_NUMBER = re.compile(
    r"(?<![A-Za-z\d])[≤≥<>~约]?\s*\d[\d,]*(?:\.\d+)?|[一两二三四五六七八九十百千万]+(?=[个家人天周件%])"
)
_CLAUSE = re.compile(r"，|,(?!\d{3})|\s\|\s|\s+/\s+")
# a full stop ends a sentence; a dot leader ("registrations ...... target 2,000") does not
_SENTENCE = re.compile(r"(?<=[。！？!?])|(?<=[^.]\.)\s+")
_COMPARATOR = re.compile(rf"(?:{BOUND_WORDS})$")
_DATE_LIKE = re.compile(r"\s*(\d{1,2}\s*月\s*\d{1,2}\s*[日号]|\d{1,2}:\d{2}|20\d{2}[-/.年])")
# what the sentence before a bare "Target is 5 minutes" is about: its subject, before the verb
_TOPIC_END = re.compile(
    r"这块|这一块|方面|的话|还行|还可以|不错|[:：，,。.;；]|(?i:\s(?:was|is|were|are|went|looked|looks|came|has|had)\b)"
)


@dataclass(frozen=True)
class _Said:
    """A goal as a sentence words it: its name, the target phrase and the result phrase."""

    name: str
    target_text: str
    result_text: str
    evidence: str


def _clean_name(name: str) -> str:
    name = re.sub(r"^\[[\d:]+\]\s*|\s*\.{2,}\s*$", "", name).strip(" ：:，,、-—.")
    # "Against our targets: time to detect" — the name is what follows the lead-in
    name = next((part for part in reversed(re.split(r"[:：]", name)) if part.strip()), name).strip()
    return _name_words(name).strip("的")


def _topic_name(sentence: str | None) -> str:
    """The subject of a sentence ("On-call ack was fine though." → "On-call ack"), or "" when it has none."""
    if not sentence:
        return ""
    end = _TOPIC_END.search(sentence)
    head = sentence[: end.start()] if end else sentence
    name = _clean_name(head)
    return name if 2 <= len(name) <= 30 and not has_numbers(name) else ""


def _goal_in(region: str, before: str, topic: str | None = None) -> _Said | None:
    """One goal from `region` (starts at a target marker); `before` is the text preceding it.

    With no name in its own sentence, the goal is what the sentence before was about (`topic`).
    """
    marker = _MARKER_TARGET.match(region)
    if marker is None:
        return None
    clauses = _CLAUSE.split(region)
    target_clause, rest = clauses[0], clauses[1:]
    after_marker = target_clause[marker.end() :]
    number = _NUMBER.search(after_marker)
    if number is None or number.start() > 14:
        return None
    said_before = _CLAUSE.split(before)
    if len(said_before) >= 2 and said_before[-2].strip() and cues.apposition().match(said_before[-1].strip()):
        said_before.pop()  # "On-time visits, meaning within 15 minutes of the slot:": the name comes first
    name = _clean_name(said_before[-1]) if before.strip() else ""
    if not name:
        previous = [c for c in _CLAUSE.split(before)[:-1] if c.strip()]
        if previous and not _MARKER_TARGET.search(previous[-1]) and not _MARKER_RESULT.search(previous[-1]):
            name = _clean_name(previous[-1])
    target_text = after_marker
    if not name:
        lead = after_marker[: number.start()].strip()
        comparator = _COMPARATOR.search(lead)
        name = _clean_name(lead[: comparator.start()] if comparator else lead)
        target_text = (comparator.group(0) if comparator else "") + after_marker[number.start() :]
    if not name:
        name = _topic_name(topic)
    result_text = None
    for clause in rest:
        found = _MARKER_RESULT.search(clause)
        if found and has_numbers(clause[found.end() :]):
            result_text = clause[found.end() :]
            break
    if result_text is None:
        for clause in rest:
            if has_numbers(clause):
                result_text = clause
                break
    if result_text is not None:
        result_text = re.split(r"[（(]", result_text)[0].strip(" 。.，,")
    if result_text is None or not name or _DATE_LIKE.match(target_text) or _DATE_LIKE.match(result_text):
        return None
    return _Said(
        name=name[:40], target_text=target_text.strip(), result_text=result_text.strip(), evidence=""
    )


def _marker_goals(sentence: str, topic: str | None) -> list[_Said]:
    """Goals introduced by a target marker ("目标90%，实际92%", "target 3M, actual 3.4M")."""
    found: list[_Said] = []
    markers = [m for m in _MARKER_TARGET.finditer(sentence) if has_numbers(sentence[m.end() : m.end() + 16])]
    starts = [m.start() for m in markers]
    previous_end = 0
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(sentence)
        region = sentence[start:end]
        # the next goal's name sits in this region's last clause: cut it off
        if i + 1 < len(starts):
            cut = max((m.start() for m in _CLAUSE.finditer(region)), default=-1)
            if cut > 0 and not has_numbers(region[cut:]):
                end = start + cut
                region = region[:cut]
        before = sentence[previous_end:start]
        goal = _goal_in(region, before, topic)
        if goal is not None:
            evidence = sentence[previous_end:end].strip(" ，,。")
            found.append(_Said(goal.name, goal.target_text, goal.result_text, evidence))
        previous_end = end
    return found


# A target stated as a sentence of its own, its result in the next clause (postmortem prose):
# "Our target for restoring full service is 60 minutes; recovery took 268 minutes."
# "We aim to detect a login outage within 10 minutes; this one went unnoticed for 55 minutes."
_QTY = r"\d[\d,]*(?:\.\d+)?\s*(?:%|percent\b|[A-Za-z]+)?"
_PROSE_TARGET = re.compile(
    rf"^(?:(?P<lead>[A-Z][\w\s-]{{1,30}}?):\s*)?(?:our|the)\s+(?P<subject>[\w\s-]*?(?:target|objective|goal|SLO)[\w\s,-]*?)\s+"
    rf"(?:is|was)\s+(?:no more than\s+|under\s+|within\s+|at most\s+|at least\s+)?(?P<target>{_QTY})\s*$",
    re.I,
)
_PROSE_AIM = re.compile(
    rf"^we\s+(?:aim|try|want|commit)\s+to\s+(?P<subject>.+?\bwithin\s+(?P<within>{_QTY}))\s*$", re.I
)
_PERCENT = re.compile(r"\d[\d,]*(?:\.\d+)?\s*%")
_RESULT_QTY = re.compile(r"(?<![A-Za-z\d.])" + _QTY)  # "the p95 was 170 minutes": 170, not the 95 of p95


def _prose_goal(target_clause: str, result_clause: str) -> _Said | None:
    """A goal whose target and result sit in two clauses of prose; None when the first sets no target."""
    target_clause = target_clause.strip().rstrip(" ;；,，.")
    m = _PROSE_TARGET.match(target_clause)
    if m is not None:
        subject = re.sub(
            r"^(?:target|objective|goal)\s+(?:time\s+)?(?:for|to|of)\s+", "", m.group("subject"), flags=re.I
        )
        name, target = f"{m.group('lead') or ''} {subject}".strip(), m.group("target")
    else:
        aim = _PROSE_AIM.match(target_clause)
        if aim is None:
            return None
        percent = _PERCENT.search(aim.group("subject"))
        target = percent.group(0) if percent else aim.group("within")
        name = (
            _PERCENT.sub("", aim.group("subject")).replace(" of ", " ", 1)
            if percent
            else aim.group("subject")
        )
        name = re.sub(r"\s+", " ", name).strip()
    result = _RESULT_QTY.search(result_clause)
    if result is None or _DATE_LIKE.match(result_clause[result.start() :]):
        return None
    evidence = f"{target_clause}; {result_clause.strip()}"
    return _Said(name=name[:60], target_text=target, result_text=result.group(0), evidence=evidence)


def _prose_goals(text: str) -> list[_Said]:
    """Goals of sentences that state a target in one clause and its result in the next (";" or ", and")."""
    parts = re.split(r"\s*;\s*|,\s+(?:and|but)\s+|,\s+(?=we\b)", text.strip(), maxsplit=1)
    if len(parts) != 2:
        return []
    goal = _prose_goal(parts[0], parts[1])
    return [goal] if goal else []


def _read_statement(text: str, topic: str | None = None, general: bool = True) -> list[_Said]:
    """Every goal stated in `text` (a line may state several: "目标90%，实际92%。一次解决率目标70%…").

    `topic` is the sentence before the text, the goal's name when its own sentence has none
    ("On-call ack was fine. Target is 5 minutes, I acked in 3"). Sentences the target-marker reader
    finds nothing in go to the general reader (the roles of the numbers in the sentence), unless
    `general` is False (under a 不足/亮点 heading "46%, way below the 60% target" is a finding).
    """
    found: list[_Said] = []
    if topic and has_numbers(text):
        # "Our target for X is 60 minutes;" | "recovery took 268 minutes": the clause before set the target
        joined = _prose_goal(topic, text)
        if joined is not None:
            return [joined]
    for sentence in _SENTENCE.split(text):
        if not sentence:
            continue
        prose = _prose_goals(sentence)
        if prose:
            found += prose
            topic = sentence
            continue
        goals = _marker_goals(sentence, topic) if _MARKER_TARGET.search(sentence) else []
        if not goals and general:
            goals = [g for part in re.split(r"[；;]", sentence) for g in _general_goals(part, topic)]
        found += goals
        topic = sentence
    return found


# ---- a sentence the target words do not introduce ------------------------------------------------
# A KPI sentence names a metric and gives two of its numbers, the target and the result (and maybe a
# baseline), in any order: "续约率从 80% 提升到 88%（目标 90%）", "MQLs 1,200 vs 1,500 target".

_TARGET_NOUN = re.compile(r"^(?:预算|budget|KPI|OKR|quota)$", re.I)


def _sentence_name(text: str) -> str:
    text = re.sub(r"^\s*(?:[-*•·]\s*|\d{1,2}[.、)]\s*)", "", text)
    text = re.sub(r"[（(][^）)]*[)）]", "", text)
    return _COMPARATOR_ANYWHERE.sub("", _clean_name(text)).strip(" ：:，,的")


_COMPARATOR_ANYWHERE = re.compile(rf"\s*(?:{BOUND_WORDS}|在|为|是|(?i:\s+(?:of|at)))$")
_NAME_AFTER = re.compile(
    r"\s*([A-Za-z][A-Za-z\- ]{1,30}?|[\u4e00-\u9fff]{2,8})"
    r"(?=$|[，,。；;（(）)/]|\s+(?i:vs|against|versus|out|of|and|but|\()\b|\s*\d)"
)


def _tail(sentence: str, n: _Number) -> str:
    m = _NAME_AFTER.match(sentence, n.end)
    if not m:
        return ""
    words = m.group(1).strip()
    cue_word = _CUE.fullmatch(words) or (_TARGET_AFTER.match(words) and len(words.split()) == 1)
    return "" if cue_word else words


def _general_goal(sentence: str, topic: str | None) -> _Said | None:
    numbers = _roles(sentence)
    if len(numbers) < 2:
        return None
    if any(n.role == "gap" for n in numbers):
        return None  # "比目标长了5天" restates a goal's gap; the goal itself is stated elsewhere
    targets = [n for n in numbers if n.role == "target"]
    results = [n for n in numbers if n.role == "result"]
    bare = [n for n in numbers if n.role in (None, "rate")]
    if not targets:
        return None
    target = targets[0]
    result = results[-1] if results else (bare[-1] if len(bare) == 1 else None)
    if result is None:
        return None
    first = min(target, result, key=lambda n: n.start)
    head_end = min([first.start, *[m.start() for m in _cues(sentence, 0, first.start)][:1]])
    name = _sentence_name(sentence[:head_end])
    if not name and target is first:
        cue = next(iter(_cues(sentence, 0, target.start)), None)
        lead = sentence[cue.end() : target.start] if cue else ""
        name = _sentence_name(lead) or (cue.group(0) if cue and _TARGET_NOUN.match(cue.group(0)) else "")
    tail = next((t for n in numbers if (t := _tail(sentence, n))), "")
    if tail and (not name or len(name) <= 3 or re.search(r"(?i)(?:ed|hit|got|did)$", name)):
        name = f"{name} {tail}".strip()
    if not name:
        name = _topic_name(topic)
    if not name or len(name) > 40:
        return None
    target_text = sentence[target.cue_end : target.end].strip(" ：:，,")
    result_text = sentence[result.start : result.end].strip()
    return _Said(
        name=name, target_text=target_text, result_text=result_text, evidence=sentence.strip(" ，,。")
    )


def _general_goals(sentence: str, topic: str | None) -> list[_Said]:
    """Goals of a sentence the marker reader found none in: one per run of clauses about one metric."""
    sentence = sentence.strip()
    if not _CUE.search(sentence) and not re.search(r"/|／|\bout of\b|\bvs\b", sentence, re.I):
        return []
    found: list[_Said] = []
    clauses = [c for c in _CLAUSES.split(sentence) if c.strip()]
    group: list[str] = []
    for clause in clauses:
        numbers = _numbers(clause)
        head = clause[: numbers[0].start] if numbers else clause
        names_a_metric = bool(_sentence_name(_CUE.sub("", head)))
        if group and names_a_metric and len(_numbers("，".join(group))) >= 2:
            goal = _general_goal("，".join(group), topic)
            if goal:
                found.append(goal)
                group = []
        group.append(clause)
    if group:
        goal = _general_goal("，".join(group), topic)
        if goal:
            found.append(goal)
    return found
