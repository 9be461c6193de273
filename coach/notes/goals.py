"""Goals from a note's sentences: "回款：目标1.2亿，实际9900万", "GMV target 3M, actual 3.4M"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from coach.domain.retrospective import Goal

TARGET = re.compile(
    r"(?:定的)?目标(?:是|为|值|控制在)?|计划(?:入职|是|为)?|承诺(?:的是)?|定的(?:是)?|原计划|预期|"
    r"\btarget(?:ed)?(?: was| is|:)?|\bgoals?(?: was| is|:)?|\bplan(?:ned)?(?: was| is|:)?|"
    r"\baim(?:ed)? (?:for|at)|\bbudget(?:ed)?(?: was|:)?|\bcommit(?:ted)?(?: to)?|\bSLA(?: is| was|:)|"
    r"\bshould (?:be|take)(?= (?:under|below|within|at most|at least|over|above|\d))",
    re.I,
)
RESULT = re.compile(
    r"实际(?:是|为|只有|入职|用了|做到)?|实测|最终(?:做到|"
    r"是)?|做到|完成了?|到岗|签了|现在|这次|平均是|达到了?|"
    r"\bactual(?:ly)?(?: was| is|:)?|\bresult(?:ed)?(?: was| in|:)?|\bcame in(?: at)?|\bachieved|\bdelivered|"
    r"\blanded(?: at)?|\bended(?: at| up at)?|\bwe (?:got|hit|"
    r"did|reached)|\bgot\b|\bhit\b|\breached\b|\bspent\b|\bwas\b",
    re.I,
)
_NUMBER = re.compile(
    r"(?<![A-Za-z\d])[≤≥<>~约]?\s*\d[\d,]*(?:\.\d+)?|[一两二三四五六七八九十百千万]+(?=[个家人天周件%])"
)
_CLAUSE = re.compile(r"，|,(?!\d{3})|\s\|\s|\s+/\s+")
# a full stop ends a sentence; a dot leader ("registrations ...... target 2,000") does not
_SENTENCE = re.compile(r"(?<=[。！？!?])|(?<=[^.]\.)\s+")
_COMPARATOR = re.compile(
    r"(不超过|不高于|不低于|不少于|控制在|小于|大于|至少|最多|at least|at most|under|below|above)$"
)
_DATE_LIKE = re.compile(r"\s*(\d{1,2}\s*月\s*\d{1,2}\s*[日号]|\d{1,2}:\d{2}|20\d{2}[-/.年])")
_FILLER_HEAD = re.compile(
    r"^(?:总体看|总的来看|先看数|但是|但|另外|还有|其中|而且|"
    r"我们(?:自己)?(?:的)?|这次|对|嗯|好|so|and|but|our|the)\s*",
    re.I,
)
_FILLER_TAIL = re.compile(r"(?:这块)?(?:还行|还可以|还好|拉胯|不错|一般|这块|原来|原本|本来)$")
# what the sentence before a bare "Target is 5 minutes" is about: its subject, before the verb
_TOPIC_END = re.compile(
    r"这块|这一块|方面|的话|还行|还可以|不错|[:：，,。.;；]|(?i:\s(?:was|is|were|are|went|looked|looks|came|has|had)\b)"
)


@dataclass(frozen=True)
class GoalText:
    """A goal as the note words it: its name, the target phrase and the result phrase."""

    name: str
    target_text: str
    result_text: str
    evidence: str


def _has_number(text: str) -> bool:
    return _NUMBER.search(text) is not None


def _clean_name(name: str) -> str:
    name = re.sub(r"^\[[\d:]+\]\s*|\s*\.{2,}\s*$", "", name).strip(" ：:，,、-—.")
    # "Against our targets: time to detect" — the name is what follows the lead-in
    name = next((part for part in reversed(re.split(r"[:：]", name)) if part.strip()), name).strip()
    for _ in range(2):
        name = _FILLER_HEAD.sub("", name).strip(" ：:，,")
    return _FILLER_TAIL.sub("", name).strip(" ：:，,的")


def topic_name(sentence: str | None) -> str:
    """The subject of a sentence ("On-call ack was fine though." → "On-call ack"), or "" when it has none."""
    if not sentence:
        return ""
    end = _TOPIC_END.search(sentence)
    head = sentence[: end.start()] if end else sentence
    name = _clean_name(head)
    return name if 2 <= len(name) <= 30 and not _has_number(name) else ""


def _goal_in(region: str, before: str, topic: str | None = None) -> GoalText | None:
    """One goal from `region` (starts at a target marker); `before` is the text preceding it.

    With no name in its own sentence, the goal is what the sentence before was about (`topic`).
    """
    marker = TARGET.match(region)
    if marker is None:
        return None
    clauses = _CLAUSE.split(region)
    target_clause, rest = clauses[0], clauses[1:]
    after_marker = target_clause[marker.end() :]
    number = _NUMBER.search(after_marker)
    if number is None or number.start() > 14:
        return None
    name = _clean_name(_CLAUSE.split(before)[-1]) if before.strip() else ""
    if not name:
        previous = [c for c in _CLAUSE.split(before)[:-1] if c.strip()]
        if previous and not TARGET.search(previous[-1]) and not RESULT.search(previous[-1]):
            name = _clean_name(previous[-1])
    target_text = after_marker
    if not name:
        lead = after_marker[: number.start()].strip()
        comparator = _COMPARATOR.search(lead)
        name = _clean_name(lead[: comparator.start()] if comparator else lead)
        target_text = (comparator.group(0) if comparator else "") + after_marker[number.start() :]
    if not name:
        name = topic_name(topic)
    result_text = None
    for clause in rest:
        found = RESULT.search(clause)
        if found and _has_number(clause[found.end() :]):
            result_text = clause[found.end() :]
            break
    if result_text is None:
        for clause in rest:
            if _has_number(clause):
                result_text = clause
                break
    if result_text is not None:
        result_text = re.split(r"[（(]", result_text)[0].strip(" 。.，,")
    if result_text is None or not name or _DATE_LIKE.match(target_text) or _DATE_LIKE.match(result_text):
        return None
    return GoalText(
        name=name[:40], target_text=target_text.strip(), result_text=result_text.strip(), evidence=""
    )


def _marker_goals(sentence: str, topic: str | None) -> list[GoalText]:
    """Goals introduced by a target marker ("目标90%，实际92%", "target 3M, actual 3.4M")."""
    found: list[GoalText] = []
    markers = [m for m in TARGET.finditer(sentence) if _has_number(sentence[m.end() : m.end() + 16])]
    starts = [m.start() for m in markers]
    previous_end = 0
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(sentence)
        region = sentence[start:end]
        # the next goal's name sits in this region's last clause: cut it off
        if i + 1 < len(starts):
            cut = max((m.start() for m in _CLAUSE.finditer(region)), default=-1)
            if cut > 0 and not _has_number(region[cut:]):
                end = start + cut
                region = region[:cut]
        before = sentence[previous_end:start]
        goal = _goal_in(region, before, topic)
        if goal is not None:
            evidence = sentence[previous_end:end].strip(" ，,。")
            found.append(GoalText(goal.name, goal.target_text, goal.result_text, evidence))
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


def prose_goal(target_clause: str, result_clause: str) -> GoalText | None:
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
    return GoalText(name=name[:60], target_text=target, result_text=result.group(0), evidence=evidence)


def _prose_goals(text: str) -> list[GoalText]:
    """Goals of sentences that state a target in one clause and its result in the next (";" or ", and")."""
    parts = re.split(r"\s*;\s*|,\s+(?:and|but)\s+|,\s+(?=we\b)", text.strip(), maxsplit=1)
    if len(parts) != 2:
        return []
    goal = prose_goal(parts[0], parts[1])
    return [goal] if goal else []


def goal_texts(text: str, topic: str | None = None, general: bool = True) -> list[GoalText]:
    """Every goal stated in `text` (a line may state several: "目标90%，实际92%。一次解决率目标70%…").

    `topic` is the sentence before the text, the goal's name when its own sentence has none
    ("On-call ack was fine. Target is 5 minutes, I acked in 3"). Sentences the target-marker reader
    finds nothing in go to the general reader (the roles of the numbers in the sentence), unless
    `general` is False (under a 不足/亮点 heading "46%, way below the 60% target" is a finding).
    """
    found: list[GoalText] = []
    if topic and _has_number(text):
        # "Our target for X is 60 minutes;" | "recovery took 268 minutes": the clause before set the target
        joined = prose_goal(topic, text)
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
        goals = _marker_goals(sentence, topic) if TARGET.search(sentence) else []
        if not goals and general:
            goals = [g for part in re.split(r"[；;]", sentence) for g in _general_goals(part, topic)]
        found += goals
        topic = sentence
    return found


def build_goals(text: str, topic: str | None = None) -> list[Goal]:
    """Goals with values, gaps and verdicts (computed by the shared parsing module)."""
    from coach.domain.parsing.goals import build_goal

    goals = []
    for goal_text in goal_texts(text, topic):
        goal = build_goal(goal_text.name, goal_text.target_text, goal_text.result_text)
        if goal.target_value is None and goal.result_value is None:
            continue
        goals.append(goal.model_copy(update={"evidence": goal_text.evidence}))
    return goals


# ---- the general reader: roles of the numbers in a sentence -----------------------------------
# A KPI sentence names a metric and gives two of its numbers: the target and the result (and maybe a
# baseline). Each number's role is read from the cue word nearest before it ("目标 90%", "actual 18%",
# "从 45 分钟"), or right after it ("1,500 target"), or from the syntax around it ("18 out of 25",
# "45 / 60", "85%（目标 90%）": the bare number is the result).

_G_TARGET = (
    r"目标值?|计划|预计|预期|期望|原定|原计划|预算|指标|考核线|要求|承诺|定的|KPI|OKR"
    r"|(?i:\b(?:targets?|targeted|goals?|plan(?:ned)?|budget(?:ed)?|expected|expectation|forecast(?:ed)?"
    r"|quota|aim(?:ed)?|objective|commit(?:ted|ment)?)\b)"
)
_G_RESULT = (
    r"实际上?|实测|最终|最后|结果|(?:只|仅)?(?:完成了?|做到了?|达到了?|达成了?|实现了?)|只有|仅有?|用了|花了|到岗|落地|拿到"
    r"|(?:提升|提高|增长|增加|上升|涨|降低|下降|降|减少|缩短|压缩|压|跌|掉)(?:到|至)"
    r"|(?i:\b(?:actual(?:ly)?|came\s+in(?:\s+at)?|landed(?:\s+at)?|ended(?:\s+up)?(?:\s+at)?|finished(?:\s+at)?"
    r"|closed(?:\s+at)?|hit|reached|achieved|delivered|got|did|was|were|is\s+at|are\s+at|stands?\s+at"
    r"|(?:rose|grew|fell|dropped|went\s+(?:up|down)|improved|increased|decreased|cut|reduced)\s+to)\b)"
)
_G_BASELINE = (
    r"从|由|去年|上季度?|上个?月|上期|同期|基线"
    r"|(?i:\b(?:from|baseline|last\s+(?:year|quarter|month)|previously)\b)"
)
_G_CUE = re.compile(rf"(?P<target>{_G_TARGET})|(?P<result>{_G_RESULT})|(?P<baseline>{_G_BASELINE})")
_G_AFTER_TARGET = re.compile(
    r"\s*(?:的)?(?:目标|计划|预算|(?i:target|goal|plan|budget|quota)\b)(?!\s*(?:是|为|值|of|was|is)?\s*[:：]?\s*[\d$¥￥≤≥<>])"
)
_G_OUT_OF = re.compile(r"^\s*(?:out\s+of|of|中的?|之中)\s*$", re.I)
_G_PAIR = re.compile(r"^\s*(?:/|／|vs\.?|versus|对比|对)\s*$", re.I)
_G_CLAUSE = re.compile(r"[，；;。]|,(?!\d{3})")
_G_SUFFIX = re.compile(r"\s*(?:以内|之内|以下|以上|左右|内)")
_G_FILLER_WORDS = re.compile(
    r"^(?:we|our|i|the|a|an|it|this|that|so|and|but|overall|总体|整体|我们的?|这次的?|本次的?|其中|另外|还有)\b\s*",
    re.I,
)
_G_NAME_NOUN = re.compile(r"^(?:预算|budget|KPI|OKR|quota)$", re.I)


@dataclass
class _Number:
    start: int
    end: int
    role: str | None  # target, result, baseline, or None when nothing names it
    cue_end: int  # where the text naming this number's role ends (the comparator lies after it)


def _numbers(sentence: str) -> list[_Number]:
    from coach.domain.parsing.numbers import parse_quantities

    found: list[_Number] = []
    pos = 0
    for q in parse_quantities(sentence):
        start = sentence.find(q.text, pos)
        if start < 0:
            continue
        end = start + len(q.text)
        suffix = _G_SUFFIX.match(sentence, end)
        found.append(_Number(start, suffix.end() if suffix else end, None, start))
        pos = end
    return found


def _cues(text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    """Role cues in text[start:end]; 完成率, 达成率 name a metric and cue nothing."""
    end = len(text) if end is None else end
    return [m for m in _G_CUE.finditer(text, start, end) if not _NOT_A_CUE.match(text, m.end())]


_NOT_A_CUE = re.compile(r"[率度量数额]")
_G_BOUND_BEFORE = re.compile(
    r"(?:控制在|压到|压在|不超过|不高于|不低于|不少于|至少|最多|[≤≥<>]|(?i:\b(?:at\s+least|at\s+most|under|below|within|no\s+more\s+than)))\s*$"
)


# "比目标长了5天", "5 points below target": a gap to the target, not the target itself
_G_GAP_BEFORE = re.compile(
    r"(?:比|较|离|距离?)(?:目标|计划|预期|预算)值?(?:还)?(?:多|少|高|低|长|短|快|慢|超|差|超出|落后)了?(?:出|了)?\s*$"
    r"|(?:超出|超过|低于|高于|落后于?)(?:目标|计划|预期|预算)值?\s*$"
)
_G_GAP_AFTER = re.compile(
    r"\s*(?:\S{0,8}\s+)?(?i:(?:above|below|over|under|short\s+of|ahead\s+of|behind)\s+(?:the\s+|our\s+)?(?:target|goal|plan|budget))"
)


def _read_roles(sentence: str, numbers: list[_Number]) -> None:
    """Each number's role from the nearest cue before it, a target word after it, or the syntax between.

    A number written as a bound (控制在 50 万以内, at most 5) with no cue is the target.
    """
    previous_end = 0
    for i, n in enumerate(numbers):
        window = sentence[previous_end : n.start]
        cues = _cues(window)
        if cues:
            last = cues[-1]
            n.role = next(k for k in ("target", "result", "baseline") if last.group(k) is not None)
            n.cue_end = previous_end + last.end()
        elif i > 0 and _G_OUT_OF.match(window):
            n.role = "target"
            if numbers[i - 1].role is None:
                numbers[i - 1].role = "result"
        elif i > 0 and len(numbers) == 2 and _G_PAIR.match(window) and numbers[i - 1].role is None:
            numbers[i - 1].role, n.role = "result", "target"
        if _G_GAP_BEFORE.search(window) or _G_GAP_AFTER.match(sentence, n.end):
            n.role = "gap"
        if n.role is None and (
            _G_AFTER_TARGET.match(sentence, n.end)
            or _G_BOUND_BEFORE.search(window)
            or sentence[n.start : n.end].endswith(("以内", "之内", "以下", "以上"))
        ):
            n.role = "target"
        previous_end = n.end


def _g_name(text: str) -> str:
    text = re.sub(r"^\s*(?:[-*•·]\s*|\d{1,2}[.、)]\s*)", "", text)
    text = re.sub(r"[（(][^）)]*[)）]", "", text)
    name = _clean_name(text)
    for _ in range(3):
        name = _G_FILLER_WORDS.sub("", name).strip(" ：:，,")
    name = _COMPARATOR_ANYWHERE.sub("", name).strip(" ：:，,的")
    return name


_COMPARATOR_ANYWHERE = re.compile(
    r"(?:控制在|不超过|不高于|不低于|不少于|小于|大于|至少|最多|在|为|是|(?i:\s+(?:at\s+least|at\s+most|under|below|above|of|at)))$"
)
_G_TAIL = re.compile(
    r"\s*([A-Za-z][A-Za-z\- ]{1,30}?|[\u4e00-\u9fff]{2,8})"
    r"(?=$|[，,。；;（(）)/]|\s+(?i:vs|against|versus|out|of|and|but|\()\b|\s*\d)"
)


def _tail(sentence: str, n: _Number) -> str:
    m = _G_TAIL.match(sentence, n.end)
    if not m:
        return ""
    words = m.group(1).strip()
    cue_word = _G_CUE.fullmatch(words) or (_G_AFTER_TARGET.match(words) and len(words.split()) == 1)
    return "" if cue_word else words


def _general_goal(sentence: str, topic: str | None) -> GoalText | None:
    numbers = _numbers(sentence)
    if len(numbers) < 2:
        return None
    _read_roles(sentence, numbers)
    if any(n.role == "gap" for n in numbers):
        return None  # "比目标长了5天" restates a goal's gap; the goal itself is stated elsewhere
    targets = [n for n in numbers if n.role == "target"]
    results = [n for n in numbers if n.role == "result"]
    bare = [n for n in numbers if n.role is None]
    if not targets:
        return None
    target = targets[0]
    result = results[-1] if results else (bare[-1] if len(bare) == 1 else None)
    if result is None:
        return None
    first = min(target, result, key=lambda n: n.start)
    head_end = min([first.start, *[m.start() for m in _cues(sentence, 0, first.start)][:1]])
    name = _g_name(sentence[:head_end])
    if not name and target is first:
        cue = next(iter(_cues(sentence, 0, target.start)), None)
        lead = sentence[cue.end() : target.start] if cue else ""
        name = _g_name(lead) or (cue.group(0) if cue and _G_NAME_NOUN.match(cue.group(0)) else "")
    tail = next((t for n in numbers if (t := _tail(sentence, n))), "")
    if tail and (not name or len(name) <= 3 or re.search(r"(?i)(?:ed|hit|got|did)$", name)):
        name = f"{name} {tail}".strip()
    if not name:
        name = topic_name(topic)
    if not name or len(name) > 40:
        return None
    target_text = sentence[target.cue_end : target.end].strip(" ：:，,")
    result_text = sentence[result.start : result.end].strip()
    return GoalText(
        name=name, target_text=target_text, result_text=result_text, evidence=sentence.strip(" ，,。")
    )


def _general_goals(sentence: str, topic: str | None) -> list[GoalText]:
    """Goals of a sentence the marker reader found none in: one per run of clauses about one metric."""
    sentence = sentence.strip()
    if not _G_CUE.search(sentence) and not re.search(r"/|／|\bout of\b|\bvs\b", sentence, re.I):
        return []
    found: list[GoalText] = []
    clauses = [c for c in _G_CLAUSE.split(sentence) if c.strip()]
    group: list[str] = []
    for clause in clauses:
        numbers = _numbers(clause)
        head = clause[: numbers[0].start] if numbers else clause
        names_a_metric = bool(_g_name(_G_CUE.sub("", head)))
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
