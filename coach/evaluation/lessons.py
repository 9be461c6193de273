"""`coach eval --suite lessons`: retrieval quality per query kind and recurring-cluster quality."""

from __future__ import annotations

import json
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from coach.domain.library import LessonRecord
from coach.library import LessonFilters, LessonLibrary
from coach.library.library import SAME_ROOT_CAUSE_COSINE, Mode
from coach.library.recurring import RECURRENCE_Z, best_match
from coach.settings import Settings
from coach.storage.tables import DEFAULT_WORKSPACE

DATA_DIR = Path(__file__).resolve().parents[2] / "evals" / "lessons"
SETS = (("development set", DATA_DIR), ("held-out set", DATA_DIR / "holdout"))
MODES: tuple[Mode, ...] = ("dense", "lexical", "hybrid")
KINDS = ("keyword", "paraphrase", "crosslingual", "filtered", "situation")
COMBINED = ("keyword", "paraphrase", "situation")
K = 5


@dataclass
class EvalSet:
    lessons: list[dict[str, Any]]
    queries: list[dict[str, Any]]


def load_eval_set(data_dir: Path = DATA_DIR) -> EvalSet:
    def read(name: str) -> list[dict[str, Any]]:
        with open(data_dir / name, encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]

    return EvalSet(read("lessons.jsonl"), read("queries.jsonl"))


def open_eval_library(settings: Settings, home: Path, data: EvalSet) -> tuple[LessonLibrary, float]:
    """A library in a fresh COACH_HOME holding the eval lessons; returns it and the import rate."""
    from coach.offline import prepare_offline
    from coach.storage.db import Database

    eval_settings = settings.model_copy(update={"home": home, "database_url": None, "chroma_url": None})
    prepare_offline(home)
    library = LessonLibrary(eval_settings, Database(eval_settings))
    records = [
        LessonRecord.model_validate({k: v for k, v in x.items() if k != "group"}) for x in data.lessons
    ]
    started = time.perf_counter()
    library.add_records(DEFAULT_WORKSPACE, records)
    return library, len(records) / (time.perf_counter() - started)


def retrieval_scores(
    library: LessonLibrary, queries: list[dict[str, Any]]
) -> dict[str, dict[str, list[float]]]:
    """{mode: {kind: [recall@5 per query], kind+'/mrr': [...]}}."""
    scores: dict[str, dict[str, list[float]]] = {mode: defaultdict(list) for mode in MODES}
    for query in queries:
        filters = LessonFilters(**{k: v for k, v in (query.get("filters") or {}).items() if v is not None})
        relevant = set(query["relevant"])
        for mode in MODES:
            ranked = [i for i, _ in library.ranked(DEFAULT_WORKSPACE, query["query"], 50, filters, mode)]
            top = ranked[:K]
            recall = len(relevant & set(top)) / len(relevant) if relevant else 0.0
            rank = next((n for n, i in enumerate(ranked, start=1) if i in relevant), None)
            scores[mode][query["kind"]].append(recall)
            scores[mode][query["kind"] + "/mrr"].append(1.0 / rank if rank else 0.0)
    return scores


def _pairs(labels: dict[str, str]) -> set[tuple[str, str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for lesson_id, label in labels.items():
        groups[label].append(lesson_id)
    return {(a, b) for members in groups.values() for a in members for b in members if a < b}


def pair_scores(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 of a clustering against the gold groups."""
    got, want = _pairs(predicted), _pairs(gold)
    precision = len(got & want) / len(got) if got else 1.0
    recall = len(got & want) / len(want) if want else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def single_link(ids: list[str], links: list[tuple[str, str]]) -> dict[str, str]:
    """Cluster label per id, joining every linked pair (union-find)."""
    parent = {lesson_id: lesson_id for lesson_id in ids}

    def find(item: str) -> str:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for a, b in links:
        parent[find(a)] = find(b)
    return {lesson_id: find(lesson_id) for lesson_id in ids}


def recurrence_sweep(
    library: LessonLibrary, gold: dict[str, str], thresholds: list[float]
) -> list[tuple[float, float, float, float]]:
    """The library's recurrence rule at each threshold, over the stored lessons: (t, P, R, F1)."""
    dense = library.dense
    if dense is None:
        return []
    rows = list(library.store.iter_rows(DEFAULT_WORKSPACE))
    got = dense.collection(DEFAULT_WORKSPACE).get(ids=[row.id for row in rows], include=["embeddings"])
    vector_of = dict(zip(got["ids"], np.asarray(got["embeddings"]), strict=True))
    vectors = np.stack([vector_of[row.id] for row in rows])
    candidates = library.recurrence_candidates(DEFAULT_WORKSPACE, dense, rows, vectors)
    baseline = library.recurrence_baseline(DEFAULT_WORKSPACE, dense)
    if baseline is None:
        return []
    sweep = []
    for t in thresholds:
        links = [
            (row.id, found[0].id)
            for row, neighbours in candidates
            if (found := best_match(row, neighbours, t, baseline)) is not None
        ]
        sweep.append((t, *pair_scores(single_link([row.id for row in rows], links), gold)))
    return sweep


def same_root_cause_matches(library: LessonLibrary, queries: list[dict[str, Any]]) -> dict[str, int]:
    """What `same_as` (the coach's "this root cause came up before") says for each query that has a
    relevant lesson, and for off-topic complaints that have none: right, wrong, none, off-topic."""
    tally = {"right": 0, "wrong": 0, "none": 0, "offtopic": 0}
    for query in queries:
        if query["kind"] == "filtered":
            continue
        hit = library.same_as(DEFAULT_WORKSPACE, query["query"])
        tally["none" if hit is None else "right" if hit.id in query["relevant"] else "wrong"] += 1
    with open(DATA_DIR / "offtopic.jsonl", encoding="utf-8") as fh:
        offtopic = [json.loads(line)["query"] for line in fh if line.strip()]
    tally["offtopic"] = sum(library.same_as(DEFAULT_WORKSPACE, text) is not None for text in offtopic)
    tally["offtopic_of"] = len(offtopic)
    return tally


def _mean(values: list[float]) -> float:
    return float(np.mean(values)) if values else 0.0


def render(scores: dict[str, dict[str, list[float]]]) -> list[str]:
    lines = [f"{'kind':<16}{'n':>4}" + "".join(f"{m + ' R@5':>14}{m + ' MRR':>14}" for m in MODES)]
    for kind in (*KINDS, "combined(k+p+s)", "all"):
        kinds = COMBINED if kind.startswith("combined") else KINDS if kind == "all" else (kind,)
        row = f"{kind:<16}{len([v for k in kinds for v in scores['hybrid'][k]]):>4}"
        for mode in MODES:
            recall = _mean([v for k in kinds for v in scores[mode][k]])
            mrr = _mean([v for k in kinds for v in scores[mode][k + "/mrr"]])
            row += f"{recall:>14.3f}{mrr:>14.3f}"
        lines.append(row)
    return lines


def evaluate(settings: Settings, label: str, data_dir: Path) -> list[str]:
    """Load one eval set into a temporary COACH_HOME and score search and recurrence on it."""
    data = load_eval_set(data_dir)
    with tempfile.TemporaryDirectory(prefix="coach-eval-lessons-") as tmp:
        library, rate = open_eval_library(settings, Path(tmp), data)
        scores = retrieval_scores(library, data.queries)
        gold = {x["id"]: x["group"] or f"solo:{x['id']}" for x in data.lessons}
        predicted = {
            row.id: (row.recurrence_of or row.id) for row in library.store.iter_rows(DEFAULT_WORKSPACE)
        }
        precision, recall, f1 = pair_scores(predicted, gold)
        sweep = recurrence_sweep(library, gold, [1.5 + 0.25 * i for i in range(9)])
        same = same_root_cause_matches(library, data.queries)
    combined = {mode: _mean([v for k in COMBINED for v in scores[mode][k]]) for mode in MODES}
    lines = [
        f"== {label}: {len(data.lessons)} lessons, {len(data.queries)} queries; "
        f"recall@{K} and MRR (first relevant in the top 50)",
        f"import {rate:.1f} lessons/s incl. embedding",
        "",
        *render(scores),
        "",
        f"hybrid vs dense on keyword+paraphrase+situation, recall@5: {combined['hybrid']:.3f} vs "
        f"{combined['dense']:.3f} ({100 * (combined['hybrid'] - combined['dense']):+.1f} points)",
        "",
        f"recurring clusters as linked on import, z >= {RECURRENCE_Z:.2f} (pairwise vs `group`): "
        f"precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f}",
    ]
    lines.append(
        f"'came up before' (same_as, cosine >= {SAME_ROOT_CAUSE_COSINE}) on the unfiltered queries: "
        f"the relevant lesson {same['right']}, another {same['wrong']}, none {same['none']}; "
        f"off-topic complaints matched {same['offtopic']} of {same['offtopic_of']}"
    )
    if sweep:
        lines.append(
            "threshold sweep of the same rule: best neighbour of the same dimension and action, from another "
            "review, by z = (cosine - unrelated mean) / std of its language pair"
        )
        lines.append("     t      P      R     F1")
        lines += [f"  {t:.2f}  {p:.3f}  {r:.3f}  {f:.3f}" for t, p, r, f in sweep]
    return lines


def run(settings: Settings, engine: str = "rules") -> str:
    """Both eval sets; the held-out one was written after tuning and is never tuned on."""
    lines = [f"lessons eval (search does not use the {engine} engine)", ""]
    for label, data_dir in SETS:
        lines += [*evaluate(settings, label, data_dir), ""]
    return "\n".join(lines).rstrip()
