"""`coach eval --suite coach`: replay scripted coaching dialogues through an engine and score the result.

Each dialogue of evals/coach/dialogues.jsonl is played turn by turn (opening, then every user
message) with no open actions and no past lessons; the Retrospective the engine holds at the end
is scored against the dialogue's gold (see evals/coach/README.md).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from coach.domain.retrospective import Retrospective
from coach.engines.base import CoachEngine, TurnContext, TurnResult, run_turn
from coach.evaluation.facts import FactCounts, fact_rows, score_facts
from coach.evaluation.matching import contains_all, gold_values, match, norm
from coach.evaluation.tables import check_rows, field_rows, rate
from coach.settings import Settings

EVAL_DIR = Path(__file__).resolve().parents[2] / "evals" / "coach"
DIALOGUES = EVAL_DIR / "dialogues.jsonl"
STYLES = EVAL_DIR / "styles.jsonl"
FIELDS = ("goals", "main cause", "lessons", "actions")
CHECKS = (
    "goal values",
    "goal verdict",
    "main share ±0.1",
    "lesson dimension",
    "lesson action",
    "lesson typing (both)",
    "action owner exact",
    "action date exact",
)
SHARE_TOLERANCE = 0.1


def load_dialogues(path: Path = DIALOGUES) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _value(enum: Any) -> str | None:
    return None if enum is None else str(getattr(enum, "value", enum))


@dataclass
class Tally:
    """Counts behind the printed rates."""

    gold: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    found: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    matched: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    checks: dict[str, list[bool]] = field(default_factory=lambda: {name: [] for name in CHECKS})
    misses: list[str] = field(default_factory=list)

    def check(self, name: str, ok: bool) -> None:
        self.checks.setdefault(name, []).append(ok)

    def count(self, kind: str, gold: int, found: int, matched: int) -> None:
        self.gold[kind] += gold
        self.found[kind] += found
        self.matched[kind] += matched


@dataclass
class DialogueScore:
    """One dialogue's matches, for the per-dialogue line."""

    goals: tuple[int, int] = (0, 0)
    main: bool = False
    lessons: tuple[int, int] = (0, 0)
    actions: tuple[int, int] = (0, 0)


def score_review(doc: Retrospective, gold: dict[str, Any], tally: Tally, name: str = "") -> DialogueScore:
    """Add one finished review's counts to the tally and return its own."""
    score = DialogueScore()

    # goals: keywords in the name first, then in the evidence (the user's own words)
    gold_goals = gold.get("goals", [])
    pairs = match(
        gold_goals, doc.goals, lambda g: g["name_keywords"], [lambda x: x.name, lambda x: x.evidence or ""]
    )
    tally.count("goals", len(gold_goals), len(doc.goals), len(pairs))
    score.goals = (len(pairs), len(gold_goals))
    for g, goal in pairs:
        target, result = gold_values(g)
        values_ok = _close(goal.target_value, target) and _close(goal.result_value, result)
        tally.check("goal values", values_ok)
        tally.check("goal verdict", _value(goal.verdict) == g["verdict"])
        if not values_ok:
            tally.misses.append(
                f"{name} goal {g['name_keywords']} values {goal.target_value}→{goal.result_value}"
                f" (gold {g['target_value']}→{g['result_value']})"
            )
    _note_misses(tally, name, "goal", gold_goals, pairs, "name_keywords")

    # main cause: an is_main chain whose root cause holds the keywords
    mains = [c for c in doc.cause_chains if c.is_main]
    keys = gold.get("main_root_keywords") or []
    main = next((c for c in mains if c.root_cause and contains_all(norm(c.root_cause), keys)), None)
    tally.count("main cause", 1 if keys else 0, len(mains), 1 if main and keys else 0)
    score.main = main is not None
    if main is not None:
        ok = main.share is not None and abs(main.share - float(gold["main_share"])) <= SHARE_TOLERANCE + 1e-9
        tally.check("main share ±0.1", ok)
    elif keys:
        roots = [c.root_cause for c in mains]
        tally.misses.append(f"{name} main cause {keys} not found (main roots: {roots})")

    # lessons: keywords in the lesson text
    gold_lessons = gold.get("lessons", [])
    lesson_pairs = match(gold_lessons, doc.lessons, lambda g: g["keywords"], [lambda x: x.text])
    tally.count("lessons", len(gold_lessons), len(doc.lessons), len(lesson_pairs))
    score.lessons = (len(lesson_pairs), len(gold_lessons))
    for g, lesson in lesson_pairs:
        dim_ok = _value(lesson.dimension) == g["dimension"]
        act_ok = _value(lesson.action) == g["action"]
        tally.check("lesson dimension", dim_ok)
        tally.check("lesson action", act_ok)
        tally.check("lesson typing (both)", dim_ok and act_ok)
    _note_misses(tally, name, "lesson", gold_lessons, lesson_pairs, "keywords")

    # actions: keywords in WHAT + HOW
    gold_actions = gold.get("actions", [])
    action_pairs = match(
        gold_actions,
        doc.actions,
        lambda g: g["keywords"],
        [lambda x: " ".join(filter(None, (x.what, x.how)))],
    )
    tally.count("actions", len(gold_actions), len(doc.actions), len(action_pairs))
    score.actions = (len(action_pairs), len(gold_actions))
    for g, action in action_pairs:
        tally.check("action owner exact", (action.who or None) == g["who"])
        tally.check("action date exact", (action.when.isoformat() if action.when else None) == g["when"])
    _note_misses(tally, name, "action", gold_actions, action_pairs, "keywords")
    return score


def _note_misses(
    tally: Tally,
    name: str,
    kind: str,
    gold: Sequence[dict[str, Any]],
    pairs: Sequence[tuple[Any, Any]],
    key: str,
) -> None:
    hit = {id(g) for g, _ in pairs}
    tally.misses += [f"{name} {kind} missed {g[key]}" for g in gold if id(g) not in hit]


@dataclass
class Replay:
    """What one dialogue left behind."""

    review: Retrospective
    stage: str
    latencies: list[float]
    errors: list[str]
    fallbacks: int = 0
    reasons: list[str] = field(default_factory=list)  # why each fallback turn fell back


def replay(engine: CoachEngine, dialogue: dict[str, Any]) -> Replay:
    """Play the dialogue through the engine the way the chat service does (state in, state out)."""
    review_date = dt.date.fromisoformat(dialogue["review_date"]) if dialogue.get("review_date") else None
    ctx = TurnContext(session_id=dialogue["id"], language=dialogue["language"], review_date=review_date)
    title = f"{dialogue.get('team') or ''} 复盘".strip()
    review = Retrospective(
        id=dialogue["id"],
        title=title,
        team=dialogue.get("team"),
        date=review_date,
        language=dialogue["language"],
    )
    last: TurnResult = engine.opening(review, ctx)
    latencies: list[float] = []
    errors: list[str] = []
    fallbacks = 0
    reasons: list[str] = []
    for n, text in enumerate(dialogue["turns"], start=1):
        started = time.perf_counter()
        try:
            last = run_turn(engine, dict(last.state), last.review, text, ctx)
            fallbacks += last.fallback
            reasons += [last.fallback_reason or "?"] if last.fallback else []
        except Exception as exc:  # counted, and the session goes on from the last good state
            errors.append(f"{dialogue['id']} turn {n}: {type(exc).__name__}: {exc}")
        latencies.append(time.perf_counter() - started)
    return Replay(last.review, last.stage, latencies, errors, fallbacks, reasons)


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


@dataclass
class Report:
    tally: Tally
    lines: list[str]
    latencies: list[float]
    errors: list[str]
    done: int
    dialogues: int
    seconds: float
    fallbacks: int = 0
    reasons: list[str] = field(default_factory=list)
    facts: FactCounts | None = None  # only for a set whose gold lists every fact (styles.jsonl)


def evaluate(
    engine: CoachEngine,
    dialogues: Sequence[dict[str, Any]],
    concurrency: int = 1,
    complete_gold: bool = False,
) -> Report:
    """Replay every dialogue (`concurrency` at a time: an LLM endpoint serves several) and score it.

    With `complete_gold`, every filed item is also checked against the gold: facts F1 per field
    and the wrong facts (coach/evaluation/facts.py).
    """
    from concurrent.futures import ThreadPoolExecutor

    tally = Tally()
    lines: list[str] = []
    latencies: list[float] = []
    errors: list[str] = []
    done = 0
    fallbacks = 0
    reasons: list[str] = []
    facts = FactCounts() if complete_gold else None
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        results = list(pool.map(lambda d: replay(engine, d), dialogues))
    for dialogue, result in zip(dialogues, results, strict=True):
        score = score_review(result.review, dialogue["gold"], tally, dialogue["id"])
        if facts is not None:
            own = score_facts(result.review, dialogue["gold"])
            own.wrong = [f"{dialogue['id']} {reason}" for reason in own.wrong]
            facts.add(own)
        latencies += result.latencies
        errors += result.errors
        fallbacks += result.fallbacks
        reasons += result.reasons
        done += result.stage == "done"
        lines.append(_dialogue_line(dialogue, result, score))
    seconds = time.perf_counter() - started
    return Report(tally, lines, latencies, errors, done, len(dialogues), seconds, fallbacks, reasons, facts)


def _frac(pair: tuple[int, int]) -> str:
    return f"{pair[0]}/{pair[1]}"


def _dialogue_line(dialogue: dict[str, Any], result: Replay, score: DialogueScore) -> str:
    return (
        f"{dialogue['id']:<22} {dialogue['language']:<4} {len(dialogue['turns']):>5} {result.stage:<10} "
        f"{_frac(score.goals):>6} {'✓' if score.main else '✗':>5} {_frac(score.lessons):>7} "
        f"{_frac(score.actions):>7} {len(result.errors):>6}"
    )


def _reason_rows(reasons: list[str], turns: int) -> list[str]:
    """One row per fallback reason (deadline, reply_echo, …), most frequent first."""
    from collections import Counter

    counts = Counter(reasons).most_common()
    return [f"{'  fallback: ' + r:<28} {n:>5} {turns:>5} {rate(n, turns):>7}" for r, n in counts]


def render(report: Report, engine: str) -> str:
    """The printed tables (also the committed baseline)."""
    tally = report.tally
    turns = len(report.latencies)
    lines = [
        f"coach suite · engine={engine} · {report.dialogues} dialogues · {turns} turns"
        f" · {report.seconds:.1f}s",
        "",
        *field_rows(FIELDS, tally.gold, tally.found, tally.matched),
    ]
    lines += ["", *check_rows((name, tally.checks.get(name, [])) for name in CHECKS)]
    if report.facts is not None:
        lines += ["", *fact_rows(report.facts, report.dialogues)]
    ms = [s * 1000 for s in report.latencies]
    mean = sum(ms) / len(ms) if ms else 0.0
    lines += [
        "",
        f"{'turns':<28} {'n':>5} {'of':>5} {'rate':>7}",
        f"{'turns raising an exception':<28} {len(report.errors):>5} {turns:>5} "
        f"{rate(len(report.errors), turns):>7}",
        f"{'turns served by fallback':<28} {report.fallbacks:>5} {turns:>5} "
        f"{rate(report.fallbacks, turns):>7}",
        *_reason_rows(report.reasons, turns),
        f"{'dialogues ending in done':<28} {report.done:>5} {report.dialogues:>5} "
        f"{rate(report.done, report.dialogues):>7}",
        f"{'turn latency mean (ms)':<28} {mean:>19.1f}",
        f"{'turn latency p95 (ms)':<28} {percentile(ms, 95):>19.1f}",
        "",
        f"{'dialogue':<22} {'lang':<4} {'turns':>5} {'stage':<10} {'goals':>6} {'main':>5} {'lessons':>7} "
        f"{'actions':>7} {'errors':>6}",
        *report.lines,
    ]
    return "\n".join(lines)


def make_engine(settings: Settings, engine: Literal["rules", "llm"]) -> CoachEngine:
    """rules: the embedded RulesEngine; llm: the LLM coach (with its per-turn rules fallback)."""
    if engine == "rules":
        from coach.engines.rules import RulesEngine

        rules: CoachEngine = RulesEngine()
        return rules
    from coach.engines.registry import engine_factory

    return engine_factory(settings.model_copy(update={"engine": "llm"}))()


def eval_sets() -> list[tuple[str, Path, bool]]:
    """(label, path, complete gold) of every dialogue set present."""
    sets = [
        ("development set", DIALOGUES, False),
        # written by someone who had not read the coach: eight ways people really type (issue #12)
        ("styles set", STYLES, True),
        # the held-out dialogues were written after the rules coach was tuned, and are never tuned on
        ("held-out set", EVAL_DIR / "holdout" / "dialogues.jsonl", False),
        ("held-out styles set", EVAL_DIR / "holdout" / "styles.jsonl", True),
        # written by a new writer once the last round of tuning had ended, and measured once
        ("held-out styles set, written after tuning", EVAL_DIR / "holdout" / "after-tuning.jsonl", True),
        # a third writer, after the next round of tuning: each round of tuning earns a fresh set
        ("held-out styles set, after tuning round 2", EVAL_DIR / "holdout" / "after-tuning-2.jsonl", True),
        ("held-out styles set, after tuning round 3", EVAL_DIR / "holdout" / "after-tuning-3.jsonl", True),
        ("held-out styles set, after tuning round 4", EVAL_DIR / "holdout" / "after-tuning-4.jsonl", True),
        ("held-out styles set, after tuning round 5", EVAL_DIR / "holdout" / "after-tuning-5.jsonl", True),
        ("held-out styles set, after tuning round 6", EVAL_DIR / "holdout" / "after-tuning-6.jsonl", True),
        ("held-out styles set, after tuning round 7", EVAL_DIR / "holdout" / "after-tuning-7.jsonl", True),
        ("held-out styles set, after tuning round 8", EVAL_DIR / "holdout" / "after-tuning-8.jsonl", True),
    ]
    return [entry for entry in sets if entry[1].exists()]


def run(settings: Settings, engine: Literal["rules", "llm"] = "rules", verbose: bool = False) -> str:
    """Replay every dialogue set present (development, styles, held-out); return the tables."""
    coach_engine = make_engine(settings, engine)
    concurrency = settings.llm_concurrency if engine == "llm" else 1
    tables = []
    for label, path, complete_gold in eval_sets():
        report = evaluate(coach_engine, load_dialogues(path), concurrency, complete_gold)
        table = f"[{label}]\n" + render(report, engine)
        if verbose:
            wrong = report.facts.wrong if report.facts else []
            table += "\n\n" + "\n".join(report.errors + report.tally.misses + wrong)
        tables.append(table)
    return "\n\n".join(tables)
