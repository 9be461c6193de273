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


def goal_texts(text: str, topic: str | None = None) -> list[GoalText]:
    """Every goal stated in `text` (a line may state several: "目标90%，实际92%。一次解决率目标70%…").

    `topic` is the sentence before the text, the goal's name when its own sentence has none
    ("On-call ack was fine. Target is 5 minutes, I acked in 3").
    """
    found: list[GoalText] = []
    for sentence in _SENTENCE.split(text):
        if not sentence or not TARGET.search(sentence):
            topic = sentence or topic
            continue
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
