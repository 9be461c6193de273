"""Scoring a review against a *complete* gold: facts F1 per field, and wrong facts.

The styles set (evals/coach/styles.jsonl) lists every fact a correct review holds, so anything
else the coach filed is a wrong fact: an item that matches no gold item, a matched item with a
wrong value, owner, date, type or share, and any item holding a forbidden phrase (meta-talk,
small talk). A missing value is not wrong, only missing: a team pastes the review into its
wiki, and a wrong fact there is worse than a gap.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from coach.domain.retrospective import Retrospective
from coach.evaluation.matching import gold_values, match, norm

FACT_FIELDS = ("goals", "highlights", "shortfalls", "chains", "reflections", "lessons", "actions")
REFLECTION_ANSWERS = ("most_touched", "self_discovery", "do_better", "next_step")


def _value(enum: Any) -> str | None:
    return None if enum is None else str(getattr(enum, "value", enum))


def _same_number(found: float | None, gold: float | None) -> bool:
    if found is None or gold is None:
        return found is None or gold is None  # a missing number is a gap, not a wrong fact
    return math.isclose(found, gold, rel_tol=1e-6, abs_tol=1e-9)


def _filled_differs(found: Any, gold: Any) -> bool:
    """A filled value that disagrees with the gold (an empty one is only missing)."""
    return found not in (None, "") and found != gold


@dataclass
class FactCounts:
    """gold / found / matched per field, and the wrong facts with a reason each."""

    gold: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FACT_FIELDS, 0))
    found: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FACT_FIELDS, 0))
    matched: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FACT_FIELDS, 0))
    wrong: list[str] = field(default_factory=list)
    flagged: set[int] = field(default_factory=set)  # ids of items already counted wrong

    def count(self, kind: str, gold: int, found: int, matched: int) -> None:
        self.gold[kind] += gold
        self.found[kind] += found
        self.matched[kind] += matched

    def add(self, other: FactCounts) -> None:
        for kind in FACT_FIELDS:
            self.count(kind, other.gold[kind], other.found[kind], other.matched[kind])
        self.wrong += other.wrong

    def f1(self, kind: str) -> float:
        g, f, m = self.gold[kind], self.found[kind], self.matched[kind]
        if not g and not f:
            return 1.0
        recall = m / g if g else 0.0
        precision = m / f if f else 0.0
        return 2 * recall * precision / (recall + precision) if recall + precision else 0.0


def _score_items(
    counts: FactCounts,
    kind: str,
    gold: Sequence[dict[str, Any]],
    found: Sequence[Any],
    keys: Callable[[dict[str, Any]], Sequence[str]],
    texts: Sequence[Callable[[Any], str]],
) -> list[tuple[dict[str, Any], Any]]:
    """Match one field, count it, and note every found item that matched nothing as wrong."""
    pairs = match(gold, found, keys, texts)
    counts.count(kind, len(gold), len(found), len(pairs))
    paired = {id(item) for _, item in pairs}
    for item in found:
        if id(item) not in paired:
            counts.wrong.append(f"{kind}: not in gold: {texts[0](item)!r}")
            counts.flagged.add(id(item))
    return pairs


def _finding_text(item: Any) -> str:
    return " ".join([item.text, *item.causes])


def _chain_text(chain: Any) -> str:
    return " ".join(filter(None, (chain.phenomenon, chain.surface_cause, chain.root_cause)))


def _chain_keys(gold: dict[str, Any]) -> Sequence[str]:
    return list(gold.get("root_keywords") or gold.get("phenomenon_keywords") or [])


def _score_goals(doc: Retrospective, gold: dict[str, Any], counts: FactCounts) -> None:
    pairs = _score_items(
        counts,
        "goals",
        gold.get("goals", []),
        doc.goals,
        lambda g: g["name_keywords"],
        [lambda x: x.name, lambda x: x.evidence or ""],
    )
    for g, goal in pairs:
        target, result = gold_values(g)
        values_ok = _same_number(goal.target_value, target) and _same_number(goal.result_value, result)
        if not values_ok:
            counts.wrong.append(f"goals: {goal.name!r} values {goal.target_value}→{goal.result_value}")
        if _filled_differs(_value(goal.verdict), g.get("verdict")):
            counts.wrong.append(f"goals: {goal.name!r} verdict {_value(goal.verdict)} (gold {g['verdict']})")


def _score_chains(doc: Retrospective, gold: dict[str, Any], counts: FactCounts) -> None:
    pairs = _score_items(
        counts,
        "chains",
        gold.get("chains", []),
        doc.cause_chains,
        _chain_keys,
        [lambda c: c.root_cause or "", _chain_text],
    )
    for g, chain in pairs:
        if chain.is_main != bool(g.get("is_main")):
            counts.wrong.append(f"chains: {chain.root_cause!r} is_main={chain.is_main}")
        gold_share = g.get("share")
        if chain.share is not None and gold_share is not None and abs(chain.share - gold_share) > 0.1 + 1e-9:
            counts.wrong.append(f"chains: {chain.root_cause!r} share {chain.share} (gold {gold_share})")


def _score_reflections(doc: Retrospective, gold: dict[str, Any], counts: FactCounts) -> None:
    """Each answer is a fact: matched when its text holds the gold keywords of the same person."""
    gold_answers = [
        (g.get("person"), answer, g[answer])
        for g in gold.get("reflections", [])
        for answer in REFLECTION_ANSWERS
        if g.get(answer)
    ]
    found_answers = [
        (r, answer, getattr(r, answer))
        for r in doc.reflections
        for answer in REFLECTION_ANSWERS
        if getattr(r, answer)
    ]
    used: set[int] = set()
    for person, answer, keywords in gold_answers:
        for i, (found, found_answer, text) in enumerate(found_answers):
            same_person = person is None or found.person is None or norm(person) in norm(found.person)
            if i in used or found_answer != answer or not same_person:
                continue
            if all(norm(k) in norm(text) for k in keywords):
                used.add(i)
                break
    counts.count("reflections", len(gold_answers), len(found_answers), len(used))
    for i, (found, answer, text) in enumerate(found_answers):
        if i not in used:
            counts.wrong.append(f"reflections: {answer} {text!r} not in gold")
            counts.flagged.add(id(found))


def _score_lessons(doc: Retrospective, gold: dict[str, Any], counts: FactCounts) -> None:
    pairs = _score_items(
        counts, "lessons", gold.get("lessons", []), doc.lessons, lambda g: g["keywords"], [lambda x: x.text]
    )
    for g, lesson in pairs:
        typed = (_value(lesson.dimension), _value(lesson.action))
        if typed != (g["dimension"], g["action"]):
            counts.wrong.append(f"lessons: {lesson.text!r} typed {typed[0]}·{typed[1]}")


def _score_actions(doc: Retrospective, gold: dict[str, Any], counts: FactCounts) -> None:
    pairs = _score_items(
        counts,
        "actions",
        gold.get("actions", []),
        doc.actions,
        lambda g: g["keywords"],
        [lambda x: " ".join(filter(None, (x.what, x.how)))],
    )
    for g, action in pairs:
        if _filled_differs(action.who, g.get("who")):
            counts.wrong.append(f"actions: {action.what!r} owner {action.who!r} (gold {g.get('who')!r})")
        when = action.when.isoformat() if action.when else None
        if _filled_differs(when, g.get("when")):
            counts.wrong.append(f"actions: {action.what!r} date {when} (gold {g.get('when')})")


def filed_items(doc: Retrospective) -> list[tuple[Any, str]]:
    """Every item the coach filed, with all of its text."""
    return [
        *((goal, goal.name) for goal in doc.goals),
        *((f, _finding_text(f)) for f in [*doc.highlights, *doc.shortfalls]),
        *((c, _chain_text(c)) for c in doc.cause_chains),
        *(
            (r, " ".join(filter(None, (getattr(r, a) for a in ("person", *REFLECTION_ANSWERS)))))
            for r in doc.reflections
        ),
        *((lesson, lesson.text) for lesson in doc.lessons),
        *((a, " ".join(filter(None, (a.what, a.how, a.who)))) for a in doc.actions),
    ]


def score_facts(doc: Retrospective, gold: dict[str, Any]) -> FactCounts:
    """One finished review against its complete gold."""
    counts = FactCounts()
    _score_goals(doc, gold, counts)
    _score_items(
        counts,
        "highlights",
        gold.get("highlights", []),
        doc.highlights,
        lambda g: g["keywords"],
        [_finding_text],
    )
    _score_items(
        counts,
        "shortfalls",
        gold.get("shortfalls", []),
        doc.shortfalls,
        lambda g: g["keywords"],
        [_finding_text],
    )
    _score_chains(doc, gold, counts)
    _score_reflections(doc, gold, counts)
    _score_lessons(doc, gold, counts)
    _score_actions(doc, gold, counts)
    forbidden = [norm(phrase) for phrase in gold.get("forbidden", [])]
    for item, text in filed_items(doc):
        hits = [phrase for phrase in forbidden if phrase and phrase in norm(text)]
        if hits and id(item) not in counts.flagged:
            counts.wrong.append(f"forbidden {hits} in {text!r}")
    return counts


def fact_rows(counts: FactCounts, dialogues: int) -> list[str]:
    """Per-field F1 lines and the wrong facts per dialogue."""
    lines = [f"{'fact field':<12} {'gold':>5} {'found':>6} {'match':>6} {'F1':>7}"]
    for kind in FACT_FIELDS:
        g, f, m = counts.gold[kind], counts.found[kind], counts.matched[kind]
        lines.append(f"{kind:<12} {g:>5} {f:>6} {m:>6} {counts.f1(kind):>7.1%}")
    per_dialogue = len(counts.wrong) / dialogues if dialogues else 0.0
    wrong = len(counts.wrong)
    lines.append(f"{'wrong facts':<12} {wrong:>5} in {dialogues} dialogues = {per_dialogue:.2f} per dialogue")
    return lines
