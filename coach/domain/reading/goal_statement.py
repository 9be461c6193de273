"""The goal reader's reading of a statement (`Context.statement`, `Context.finding` in
`coach.domain.reading.goals`): a sentence of a note.

Only numbers whose roles the words say make a KPI: a target marker introduces it ("目标90%，实际92%"), prose
sets a target in one clause and its result in the next ("Our target for X is 60 minutes; recovery took
268 minutes"), and a sentence the target words do not introduce names a metric and two of its numbers in
any order ("续约率从 80% 提升到 88%（目标 90%）"), one KPI per run of clauses about one metric.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from coach.domain.reading.goal_list import CLAUSES
from coach.domain.reading.goal_roles import (
    BOUND_WORDS,
    CUE,
    RESULT_WORDS,
    SAYING_ONLY,
    TARGET_AFTER,
    TARGET_WORDS,
    Number,
    clip_name,
    has_numbers,
    name_words,
    numbers_of,
    role_cues,
    roles,
)
from coach.domain.reading.prose_goals import prose_goal
from coach.domain.reading.vocabulary import fragments

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


_SUBJECT_ONLY = re.compile(r"^\s*(?:我们|咱们|我|(?i:we|i|they|our\s+team))\s*$")


def _clean_name(name: str) -> str:
    name = re.sub(r"^\[[\d:]+\]\s*|\s*\.{2,}\s*$", "", name).strip(" ：:，,、；;-—.")
    # "Against our targets: time to detect" — the name is what follows the lead-in
    # "Delays from crew availability: we allow ourselves 40" — a subject alone after the colon names nothing
    parts = [
        part
        for part in re.split(r"[:：]", name)
        if part.strip() and not _SUBJECT_ONLY.match(part) and not SAYING_ONLY.fullmatch(name_words(part))
    ]
    # "游客投诉：控制在": a bound alone after the colon names nothing, the words before it do
    named = [part for part in parts if _COMPARATOR_ANYWHERE.sub("", part.strip()).strip()]
    name = (named or parts or [name])[-1].strip()
    return name_words(name).strip("的")


def _topic_name(sentence: str | None) -> str:
    """The subject of a sentence ("On-call ack was fine though." → "On-call ack"), or "" when it has none."""
    if not sentence:
        return ""
    end = _TOPIC_END.search(sentence)
    head = sentence[: end.start()] if end else sentence
    name = _clean_name(head)
    return name if 2 <= len(name) <= 30 and not has_numbers(name) else ""


@cache
def _definition() -> re.Pattern[str]:
    return re.compile(rf"^\s*(?:{'|'.join(fragments('definition_lead'))})", re.I)


def _defined_name(before: str) -> str | None:
    """ "救生险情，就是需要救生员下水施救的，目标…", "Rooms ready, meaning cleaned, keys cut: target …": the
    name is said before the words that define it."""
    clauses = [c for c in _CLAUSE.split(before) if c.strip()]
    defined = [k for k, clause in enumerate(clauses) if _definition().match(clause)]
    return clauses[defined[-1] - 1] if defined and defined[-1] > 0 else None


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
    name = _clean_name(_defined_name(before) or _CLAUSE.split(before)[-1]) if before.strip() else ""
    if not name:
        previous = [c for c in _CLAUSE.split(before)[:-1] if c.strip()]
        if previous and not _MARKER_TARGET.search(previous[-1]) and not _tells_result(previous[-1]):
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
        name=clip_name(name), target_text=target_text.strip(), result_text=result_text.strip(), evidence=""
    )


def _tells_result(clause: str) -> bool:
    """A result word with a number after it ("实际89%"); with none it is part of a name ("护理记录及时完成率",
    "Parcels delivered intact")."""
    found = _MARKER_RESULT.search(clause)
    return found is not None and has_numbers(clause[found.start() :])


def _marker_goals(sentence: str, topic: str | None) -> list[_Said]:
    """Goals introduced by a target marker ("目标90%，实际92%", "target 3M, actual 3.4M")."""
    found: list[_Said] = []
    markers = [
        m
        for m in _MARKER_TARGET.finditer(sentence)
        if has_numbers(sentence[m.end() : m.end() + 16])
        and not _counts_the_goals(sentence, m)
        and not _labels_the_goals(sentence, m)
    ]
    starts = [m.start() for m in markers]
    previous_end = 0
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(sentence)
        region = sentence[start:end]
        # the next goal's name sits in this region's last clause: cut it off
        if i + 1 < len(starts):
            # a semicolon ends this goal, whatever numbers the next name holds ("；报告3个工作日内出具率")
            semicolon = max((m.start() for m in re.finditer(r"[；;]", region)), default=-1)
            cut = max((m.start() for m in _CLAUSE.finditer(region)), default=-1)
            if semicolon > 0:
                end = start + semicolon
                region = region[:semicolon]
            elif cut > 0 and not has_numbers(region[cut:]):
                end = start + cut
                region = region[:cut]
        before = sentence[previous_end:start]
        goal = _goal_in(region, before, topic)
        if goal is not None:
            evidence = sentence[previous_end:end].strip(" ，,。")
            found.append(_Said(goal.name, goal.target_text, goal.result_text, evidence))
        previous_end = end
    return found


# "四个指标：GMV目标…", "Three targets: revenue target …": a count of the goals, then the list of them
_GOAL_COUNT = re.compile(
    r"(?:[一二三四五六七八九十两几\d]+\s*[个项条]|(?i:\b(?:two|three|four|five|six|seven|several|\d+)\s+))$"
)


def _counts_the_goals(sentence: str, marker: re.Match[str]) -> bool:
    """Whether the target word only counts the goals listed after a colon: no target of its own."""
    opens_list = marker.group(0).rstrip().endswith(":") or re.match(r"\s*[:：]", sentence[marker.end() :])
    return bool(opens_list) and _GOAL_COUNT.search(sentence[: marker.start()]) is not None


def _labels_the_goals(sentence: str, marker: re.Match[str]) -> bool:
    """Whether another target word comes before the first number after this one: the later one marks the
    target ("原定目标800万"), this one heads the goals ("考核指标：平均候检时间目标40分钟以内")."""
    after = sentence[marker.end() :]
    number = _NUMBER.search(after)
    return number is not None and _MARKER_TARGET.search(after[: number.start()]) is not None


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


def _promised_goal(text: str, told_after: str | None = None) -> _Said | None:
    """A target promised in prose ("we hold ourselves to 99.5%; it was 91.2%"), see prose_goals."""
    found = prose_goal(text, told_after)
    if found is None:
        return None
    return _Said(name=found.name, target_text=found.target, result_text=found.result, evidence=found.evidence)


def _prose_goals(text: str) -> list[_Said]:
    """Goals of sentences that state a target in one clause and its result in the next (";" or ", and")."""
    promised = _promised_goal(text)
    if promised is not None:
        return [promised]
    parts = re.split(r"\s*;\s*|,\s+(?:and|but)\s+|,\s+(?=we\b)", text.strip(), maxsplit=1)
    if len(parts) != 2:
        return []
    goal = _prose_goal(parts[0], parts[1])
    return [goal] if goal else []


def names_a_target(text: str) -> bool:
    """Whether the text holds a target word ("目标：…", "SLA is …", "should take under …")."""
    return _MARKER_TARGET.search(text) is not None


def read_statement(text: str, topic: str | None = None, general: bool = True) -> list[_Said]:
    """Every goal stated in `text` (a line may state several: "目标90%，实际92%。一次解决率目标70%…").

    `topic` is the sentence before the text, the goal's name when its own sentence has none
    ("On-call ack was fine. Target is 5 minutes, I acked in 3"). Sentences the target-marker reader
    finds nothing in go to the general reader (the roles of the numbers in the sentence), unless
    `general` is False (under a 不足/亮点 heading "46%, way below the 60% target" is a finding).
    """
    found: list[_Said] = []
    if topic and has_numbers(text):
        # "Our target for X is 60 minutes;" | "recovery took 268 minutes": the clause before set the target
        joined = _prose_goal(topic, text) or _promised_goal(topic, text)
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


@cache
def _clause_lead() -> re.Pattern[str]:
    return re.compile(rf"^\s*(?:{'|'.join(fragments('clause_lead'))})\s*", re.I)


@cache
def _concession() -> re.Pattern[str]:
    return re.compile(rf"^\s*(?:{'|'.join(fragments('concession_lead'))})(?![A-Za-z])", re.I)


def _last_clause(head: str) -> str:
    """ "picking kept going at full speed, and the picking rate for the week averaged 142 …": a clause joined
    on with "and", "而且" names the metric; the clauses before it tell something else."""
    clauses = [c for c in _CLAUSE.split(head) if c.strip()]
    if len(clauses) >= 2 and _concession().match(clauses[0]):
        # "Despite the disruption, orders dispatched on the promised day held at …": what is conceded first
        # names no KPI
        head = head[head.index(clauses[0]) + len(clauses[0]) :].lstrip("，, ")
        clauses = clauses[1:]
    if len(clauses) < 2:
        return head
    defined = _defined_name(head)
    if defined is not None:
        return (
            defined  # "Rooms ready, meaning cleaned and keys cut, 82% …": the name is before its definition
        )
    joined = _clause_lead().match(clauses[-1])
    if joined is None:
        return head  # "日间手术台次，年初给中心定的是…": a clause with no joining word tells more of the name
    last = clauses[-1][joined.end() :]
    return last if _sentence_name(last) else head


def _tail(sentence: str, n: Number) -> str:
    m = _NAME_AFTER.match(sentence, n.end)
    if not m:
        return ""
    words = m.group(1).strip()
    cue_word = CUE.fullmatch(words) or (TARGET_AFTER.match(words) and len(words.split()) == 1)
    return "" if cue_word else words


def _general_goal(sentence: str, topic: str | None) -> _Said | None:
    numbers = roles(sentence)
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
    head_end = min([first.start, *[m.start() for m in role_cues(sentence, 0, first.start)][:1]])
    name = _sentence_name(_last_clause(sentence[:head_end]))
    if not name and target is first:
        cue = next(iter(role_cues(sentence, 0, target.start)), None)
        lead = sentence[cue.end() : target.start] if cue else ""
        name = _sentence_name(lead) or (cue.group(0) if cue and _TARGET_NOUN.match(cue.group(0)) else "")
    tail = next((t for n in numbers if (t := _tail(sentence, n))), "")
    if tail and (not name or len(name) <= 3 or re.search(r"(?i)(?:ed|hit|got|did)$", name)):
        name = f"{name} {tail}".strip()
    if not name:
        name = _topic_name(topic)
    if not name or clip_name(name) != name:
        return None
    target_text = sentence[target.cue_end : target.end].strip(" ：:，,")
    bound = _BOUND_CUE.search(sentence[: target.start])
    if bound is not None and bound.end() >= target.cue_end:
        # "Paint redo rate: max 4%": the bound that made the number a target says which way is better
        target_text = sentence[bound.start() : target.end].strip()
    result_text = sentence[result.start : result.end].strip()
    return _Said(
        name=name, target_text=target_text, result_text=result_text, evidence=sentence.strip(" ，,。")
    )


_BOUND_CUE = re.compile(rf"(?:{BOUND_WORDS})[\s:：]*$")


def _general_goals(sentence: str, topic: str | None) -> list[_Said]:
    """Goals of a sentence the marker reader found none in: one per run of clauses about one metric."""
    sentence = sentence.strip()
    if not CUE.search(sentence) and not re.search(r"/|／|\bout of\b|\bvs\b", sentence, re.I):
        return []
    found: list[_Said] = []
    clauses = [c for c in CLAUSES.split(sentence) if c.strip()]
    group: list[str] = []
    for clause in clauses:
        numbers = numbers_of(clause)
        head = clause[: numbers[0].start] if numbers else clause
        names_a_metric = bool(_sentence_name(CUE.sub("", head)))
        if group and names_a_metric and len(numbers_of("，".join(group))) >= 2:
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
