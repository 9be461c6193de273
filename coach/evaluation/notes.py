"""`coach eval --suite notes`: per-field recall/precision of the notes extractor against evals/notes/gold."""

from __future__ import annotations

import json
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from coach.domain.retrospective import Retrospective
from coach.engines.base import NotesExtractor
from coach.evaluation.matching import gold_values
from coach.evaluation.tables import check_rows, field_rows
from coach.settings import Settings

EVAL_DIR = Path(__file__).resolve().parents[2] / "evals" / "notes"
FIELDS = ("goals", "highlights", "shortfalls", "causes", "lessons", "actions")
Pairs = list[tuple[dict[str, Any], Any]]


def _norm(text: str | None) -> str:
    return unicodedata.normalize("NFKC", text or "").casefold()


def _item_text(kind: str, item: Any) -> str:
    """The words a gold item is matched against (per evals/notes/README.md)."""
    if kind == "goals":
        return _norm(item.name)
    if kind in ("highlights", "shortfalls", "lessons"):
        return _norm(item.text)
    if kind == "causes":
        return _norm(" ".join(filter(None, (item.phenomenon, item.surface_cause, item.root_cause))))
    return _norm(" ".join(filter(None, (item.what, item.how))))


def _extracted(doc: Retrospective, kind: str) -> Sequence[Any]:
    return doc.cause_chains if kind == "causes" else getattr(doc, kind)


def match(gold: list[dict[str, Any]], found: Sequence[Any], kind: str) -> Pairs:
    """Greedy one-to-one pairs: each gold item takes the first unused item containing all its keywords."""
    texts = [_item_text(kind, item) for item in found]
    used: set[int] = set()
    pairs = []
    for g in gold:
        keys = [_norm(k) for k in g.get("keywords") or g.get("name_keywords") or []]
        for i, text in enumerate(texts):
            if i not in used and all(k in text for k in keys):
                used.add(i)
                pairs.append((g, found[i]))
                break
    return pairs


@dataclass
class Tally:
    """Counts behind the printed rates."""

    gold: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    found: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    matched: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    checks: dict[str, list[bool]] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def check(self, name: str, ok: bool) -> None:
        self.checks.setdefault(name, []).append(ok)


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= max(abs(b) * 0.005, 1e-6)


def _check_main_cause(gold: list[dict[str, Any]], pairs: Pairs, tally: Tally) -> None:
    """The issue's goal per note: its gold main cause is found and flagged main (≥ 70% of notes)."""
    if any(g["is_main"] for g in gold):
        tally.check("main cause found (per note)", any(g["is_main"] and item.is_main for g, item in pairs))


def score_note(doc: Retrospective, gold: dict[str, Any], tally: Tally, note: str) -> None:
    """Add one note's counts to the tally."""
    tally.check("review date exact", (doc.date.isoformat() if doc.date else None) == gold.get("review_date"))
    tally.check("language", doc.language == gold.get("language"))
    for kind in FIELDS:
        gold_items = gold.get(kind, [])
        found = _extracted(doc, kind)
        pairs = match(gold_items, found, kind)
        tally.gold[kind] += len(gold_items)
        tally.found[kind] += len(found)
        tally.matched[kind] += len(pairs)
        hit = {id(g) for g, _ in pairs}
        tally.misses += [
            f"{note} {kind} missed {g.get('keywords') or g.get('name_keywords')}"
            for g in gold_items
            if id(g) not in hit
        ]
        if kind == "causes":
            _check_main_cause(gold_items, pairs, tally)
        for g, item in pairs:
            if kind == "goals":
                target, result = gold_values(g)
                tally.check(
                    "goal values", _close(item.target_value, target) and _close(item.result_value, result)
                )
                tally.check("goal verdict", (item.verdict.value if item.verdict else None) == g["verdict"])
            elif kind == "causes":
                tally.check("main cause flag", item.is_main == g["is_main"])
            elif kind == "lessons":
                tally.check("lesson dimension", item.dimension.value == g["dimension"])
                tally.check("lesson action", item.action.value == g["action"])
                tally.check(
                    "lesson typing (both)",
                    item.dimension.value == g["dimension"] and item.action.value == g["action"],
                )
            elif kind == "actions":
                tally.check("action owner exact", (item.who or None) == g["who"])
                tally.check("action date exact", (item.when.isoformat() if item.when else None) == g["when"])


def evaluate(extractor: NotesExtractor, eval_dir: Path = EVAL_DIR) -> tuple[Tally, float]:
    """Run the extractor over every gold note; (tally, seconds); notes rules took over are counted."""
    from coach.notes.reading import read_note

    tally = Tally()
    started = time.perf_counter()
    for gold_path in sorted((eval_dir / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        note_path = eval_dir / gold["file"]
        text = read_note(note_path.name, note_path.read_bytes()).text
        # no file date: a note without its own date must leave relative dates unresolved
        doc = extractor.extract(text, doc_id=note_path.stem, title=note_path.stem, review_date=None)
        outcome = getattr(extractor, "last_outcome", None)
        if outcome is not None:
            tally.check("note served by the llm (no fallback)", outcome.fallback is None)
            if outcome.fallback:
                tally.misses.append(f"{note_path.stem} fallback: {outcome.fallback}")
        score_note(doc, gold, tally, note_path.stem)
    return tally, time.perf_counter() - started


def render(tally: Tally, seconds: float, notes: int, engine: str) -> str:
    """The printed table (also the committed baseline)."""
    lines = [
        f"notes suite · engine={engine} · {notes} notes · {seconds:.1f}s",
        "",
        *field_rows(FIELDS, tally.gold, tally.found, tally.matched),
    ]
    lines += ["", *check_rows(tally.checks.items())]
    return "\n".join(lines)


def run(settings: Settings, engine: Literal["rules", "llm"] = "rules", verbose: bool = False) -> str:
    """Evaluate the notes extractor on the development set and, when present, the held-out set."""
    from coach.notes.extractor import RulesNotesExtractor
    from coach.notes.registry import notes_extractor

    extractor: NotesExtractor = RulesNotesExtractor() if engine == "rules" else notes_extractor(settings)
    tables = []
    # the held-out notes were written after the extractor was tuned, and are never tuned on
    held_out_sets = (
        ("held-out set", EVAL_DIR / "holdout"),
        # written by a new writer once the last round of tuning had ended, and measured once
        ("held-out set, written after tuning", EVAL_DIR / "holdout" / "after-tuning"),
        ("held-out set, written after tuning round 2", EVAL_DIR / "holdout" / "after-tuning-2"),
        ("held-out set, written after tuning round 3", EVAL_DIR / "holdout" / "after-tuning-3"),
        ("held-out set, written after tuning round 4", EVAL_DIR / "holdout" / "after-tuning-4"),
        ("held-out set, written after tuning round 5", EVAL_DIR / "holdout" / "after-tuning-5"),
        ("held-out set, written after tuning round 6", EVAL_DIR / "holdout" / "after-tuning-6"),
        ("held-out set, written after tuning round 7", EVAL_DIR / "holdout" / "after-tuning-7"),
        ("held-out set, written after tuning round 8", EVAL_DIR / "holdout" / "after-tuning-8"),
    )
    for label, eval_dir in (("development set", EVAL_DIR), *held_out_sets):
        if not (eval_dir / "gold").is_dir():
            continue
        tally, seconds = evaluate(extractor, eval_dir)
        notes = len(list((eval_dir / "gold").glob("*.json")))
        table = f"[{label}]\n" + render(tally, seconds, notes, engine)
        if verbose:
            table += "\n\n" + "\n".join(tally.misses)
        tables.append(table)
    return "\n\n".join(tables)
