"""The clause-role model: hashed character n-grams, a softmax over the ten roles, weights saved and loaded."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from coach.evaluation.clause_roles import ROLES, ClauseModel, FeatureSpec, featurize, normalized
from coach.evaluation.clause_training import TrainSpec, fit

TEXTS = [
    "根因是没有负责人",
    "根本原因是流程缺失",
    "张三负责，周五前完成",
    "李四牵头，月底前给方案",
    "Alice will own the migration by Friday",
    "Bob will fix the alert routing by May 5",
    "The root cause was that nobody owned the runbook",
    "Underneath it all, nobody owned the process",
]
LABELS = ["root_cause", "root_cause", "action", "action", "action", "action", "root_cause", "root_cause"]
SMALL = FeatureSpec(dim=1 << 12)
QUICK = TrainSpec(steps=120)


def test_normalized_folds_width_and_case() -> None:
    assert normalized("ＭＴＴＲ  Target") == " mttr target "
    assert normalized("根因：缺人") == " 根因:缺人 "


def test_features_are_unit_rows_with_fixed_buckets() -> None:
    x = featurize(["根因是缺人", "Root cause: no owner"], SMALL)
    assert x.n_rows == 2
    for r in range(2):
        vals = x.vals[x.indptr[r] : x.indptr[r + 1]]
        assert np.isclose(np.linalg.norm(vals), 1.0)
    # the same text gives the same buckets in any process: crc32, not the salted str hash
    again = featurize(["根因是缺人"], SMALL)
    assert list(again.cols) == list(x.cols[: x.indptr[1]])


def test_model_learns_tasks_from_causes_in_both_languages() -> None:
    model = fit(TEXTS, LABELS, SMALL, QUICK)
    predicted = [
        role for role, _ in model.predict(["王五负责，下周五前完成", "Carol will own the rollback by June 1"])
    ]
    assert predicted == ["action", "action"]
    predicted = [
        role for role, _ in model.predict(["根因是没有人管", "The root cause was that nobody owned it"])
    ]
    assert predicted == ["root_cause", "root_cause"]


def test_probabilities_sum_to_one_over_every_role() -> None:
    model = fit(TEXTS, LABELS, SMALL, QUICK)
    probs = model.probabilities(["随便说一句", "just a sentence"])
    assert probs.shape == (2, len(ROLES))
    assert np.allclose(probs.sum(axis=1), 1.0)
    assert model.predict([]) == []


def test_training_is_deterministic() -> None:
    first = fit(TEXTS, LABELS, SMALL, QUICK)
    second = fit(TEXTS, LABELS, SMALL, QUICK)
    assert np.array_equal(first.weights, second.weights)
    assert np.array_equal(first.bias, second.bias)


def test_saved_model_predicts_as_trained(tmp_path: Path) -> None:
    model = fit(TEXTS, LABELS, SMALL, QUICK)
    model.save(tmp_path / "m.npz")
    loaded = ClauseModel.load(tmp_path / "m.npz")
    assert loaded.spec == SMALL
    assert loaded.roles == ROLES
    texts = ["根因是缺人", "Dana will own it by Monday"]
    assert [r for r, _ in loaded.predict(texts)] == [r for r, _ in model.predict(texts)]
