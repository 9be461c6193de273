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

The reader is cut in four modules, each read in one sitting: this one (what the rest of the code calls),
`goal_roles` (each number's role and a KPI name's own words, for both readings), `goal_list` (the
reading of `Context.answer`) and `goal_statement` (the reading of `Context.statement` and `finding`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from coach.domain.parsing.goals import build_goal, lower_better_for
from coach.domain.parsing.numbers import parse_quantities
from coach.domain.reading import cues
from coach.domain.reading.goal_list import kpi_values, read_list
from coach.domain.reading.goal_roles import has_numbers, threshold_only
from coach.domain.reading.goal_statement import names_a_target, read_statement
from coach.domain.reading.kpi_counts import blank_kpi_counts
from coach.domain.reading.slips import settle_slips
from coach.domain.retrospective import Goal

__all__ = [
    "Context",
    "GoalFact",
    "answer_goals",
    "goals_in",
    "has_numbers",
    "read_goals",
    "split_target_result",
]


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
    ("On-call ack was fine. Target is 5 minutes, I acked in 3"). A number taken back as it is said counts
    as never said ("实际4百60万——打错了，是460万")."""
    text = _blank_scales(blank_kpi_counts(settle_slips(_blank_context(text))))
    if context is Context.answer:
        listed = read_list(text)
        if listed:
            facts = [_fact(text, goal.name, goal.target, goal.result, goal.evidence or "") for goal in listed]
            return sorted(facts + _stated_beside(text, facts), key=lambda fact: fact.span[0])
    said = read_statement(text, topic, general=context is not Context.finding)
    # a KPI's name has two characters at least: "我们组8个人，团建预算2000" names no KPI "组"
    named = [g for g in said if _NAME_WORDS.search(g.name) and not threshold_only(g.name)]
    return [_fact(text, g.name, g.target_text, g.result_text, g.evidence) for g in named]


@cache
def _scale() -> re.Pattern[str]:
    """ "(post-repair survey, out of 5)", ", out of 5", "（满分5分）": a scale said beside a KPI's name;
    "4 out of 5 stores" is a count, no scale."""
    said = rf"(?<![\d.]\s)(?<![\d.])(?:{cues.alternatives('scale_lead')})\s*\d+(?:\.\d+)?\s*分?"
    return re.compile(rf"[（(][^（()）]*?{said}[^（()）]*[)）]|[,，]?\s*{said}", re.I)


def _blank_scales(text: str) -> str:
    """`text` with the scales a score is given on blanked out (the same length): neither target nor result."""
    return _scale().sub(lambda said: " " * (said.end() - said.start()), text)


def _blank_context(text: str) -> str:
    """`text` with the sentences said to be no KPI blanked out, the same length ("存栏1200头，这个不算指标");
    a remark said as a sentence of its own blanks the one before it ("2 clubs renewed. Not targets.")."""
    remark = cues.words_pattern("not_a_kpi")
    if not remark.search(text):
        return text
    spans = [m.span() for m in _LINE_SENTENCE.finditer(text) if m.group(0).strip()]
    blank: set[int] = set()
    for i, (start, end) in enumerate(spans):
        if remark.search(text[start:end]):
            blank |= {i, i - 1} if i and not has_numbers(text[start:end]) else {i}
    for i in blank:
        start, end = spans[i]
        text = text[:start] + " " * (end - start) + text[end:]
    return text


# a sentence, or a line of a list
_LINE_SENTENCE = re.compile(r"[^。！？!?；;\n]+?(?:[。！？!?；;\n]|(?<=[A-Za-z0-9%)])\.(?=\s+[A-Z(])|$)")
_SENTENCE = re.compile(r"[^。！？!?；;]+?(?:[。！？!?；;]|(?<=[A-Za-z0-9%)])\.(?=\s+[A-Z])|$)")


def _stated_beside(text: str, listed: list[GoalFact]) -> list[GoalFact]:
    """KPIs stated in whole sentences of an answer that the list reading left untouched: in "We aimed for
    500 signups and got 430. Uptime target 99.9%, actual 99.5%." the second is a list, the first prose."""
    found: list[GoalFact] = []
    for said in _SENTENCE.finditer(text):
        sentence = said.group(0).strip()
        overlaps = any(said.start() < fact.span[1] and fact.span[0] < said.end() for fact in listed)
        if overlaps or not has_numbers(sentence):
            continue
        found += [
            _fact(text, g.name, g.target_text, g.result_text, g.evidence)
            for g in read_statement(sentence, None, general=True)
            if _NAME_WORDS.search(g.name) and not threshold_only(g.name) and g.target_text and g.result_text
        ]
    return found


def may_state_goal(text: str) -> bool:
    """Whether `text` could state a KPI at all: it holds a number, or a target word ("目标：提升续约率"
    names a KPI still to quantify). Several times cheaper than `read_goals`, and never False where
    `read_goals` finds a goal in a statement or a finding (an answer may also be a list), so a reader that
    tries many lines asks this first."""
    return has_numbers(text) or names_a_target(text)


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
    return kpi_values(text)


def _bare_quantity(text: str) -> bool:
    quantities = parse_quantities(text)
    return len(quantities) == 1 and quantities[0].text == text.strip()


def _fact(text: str, name: str, target: str | None, result: str | None, evidence: str) -> GoalFact:
    # the evidence is the KPI's clauses joined again: the span runs from its first clause to its last
    clauses = [c for c in re.split(r"[，,；;]\s*", evidence) if c]
    start = text.find(clauses[0]) if clauses else -1
    said = re.sub(r"\s{2,}", " ", evidence)  # a number taken back leaves a blank run
    if start < 0:
        return GoalFact(name, target, result, said, (0, len(text)))
    last = text.find(clauses[-1], start)
    end = last + len(clauses[-1]) if last >= 0 else min(len(text), start + len(evidence))
    return GoalFact(name, target, result, said, (start, end))


_NAME_WORDS = re.compile(r"[\u4e00-\u9fff]{2}|[A-Za-z]{2}")
# a cue-less pair in an answer: "1.2亿/9600万", "95% vs 91%"
_PAIR = re.compile(r"^\s*(?P<a>[^/→]+?)\s*(?:/|→|->|=>|(?i:\bvs\.?(?=\s)))\s*(?P<b>[^/→]+?)\s*$")
