"""The clause suite: the rules' role for a lone clause, the scores, team-grouped folds, the hybrid."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from coach.evaluation import clauses
from coach.evaluation.clause_roles import ROLES, ClauseModel, FeatureSpec


def test_rules_read_a_root_cause_and_a_plain_cause_in_both_languages() -> None:
    roles = clauses.rules_only(
        [
            "根子上是我们没有客户成功经理做上线陪跑，这个大概占七成原因。",
            "The root cause was that nobody owned the runbook.",
            "因为人手不够，排班排不过来",
            "It slipped because the vendor shipped late.",
        ]
    )
    assert roles == ["root_cause", "root_cause", "cause", "cause"]


def test_rules_leave_a_clause_without_cues_open() -> None:
    assert clauses.cue_roles(["老周，10月底", "Priya, by the 20th"]) == [None, None]
    assert clauses.rules_only(["老周，10月底"]) == ["other"]


def test_meta_comes_before_every_other_reading() -> None:
    assert clauses.rules_only(["不用挖了", "skip it"]) == ["meta", "meta"]
    assert clauses.rules_only(["原因是人手不够", "Because nobody owned it."]) != ["meta", "meta"]


def test_a_heading_label_decides_the_lone_clause() -> None:
    assert clauses.rules_only(["不足：续费率没达标", "What went badly: detection took 22 minutes."]) == [
        "shortfall",
        "shortfall",
    ]


def test_scores_per_role_and_macro_over_roles_present() -> None:
    gold = ["cause", "cause", "action", "meta"]
    predicted = ["cause", "action", "action", "other"]
    scores = clauses.score(gold, predicted)
    assert scores.precision["cause"] == 1.0 and scores.recall["cause"] == 0.5
    assert scores.precision["action"] == 0.5 and scores.recall["action"] == 1.0
    assert scores.f1["meta"] == 0.0 and scores.predicted["other"] == 1
    # three roles in gold: cause 2/3, action 2/3, meta 0
    assert np.isclose(scores.macro_f1, (2 / 3 + 2 / 3 + 0) / 3)


def test_folds_never_split_a_team() -> None:
    rows = [{"team": f"t{i % 6:02d}", "text": str(i), "role": "other"} for i in range(30)]
    parts = clauses.folds(rows, k=4)
    assert sorted(i for part in parts for i in part) == list(range(30))
    teams = [{rows[i]["team"] for i in part} for part in parts]
    for a in range(4):
        for b in range(a + 1, 4):
            assert not teams[a] & teams[b]


class _Always(ClauseModel):
    """A stand-in model that reads every clause as one role."""

    def __init__(self, role: str) -> None:
        super().__init__(FeatureSpec(dim=8), np.zeros((8, len(ROLES))), np.zeros(len(ROLES)))
        object.__setattr__(self, "_role", role)

    def predict(self, texts: Sequence[str], vectors: np.ndarray | None = None) -> list[tuple[str, float]]:
        return [(self._role, 1.0) for _ in texts]  # type: ignore[attr-defined]


def test_hybrid_keeps_the_cues_and_asks_the_model_only_where_they_are_open() -> None:
    read = clauses.hybrid(_Always("action"))
    assert read(
        ["因为人手不够", "Because the vendor shipped late.", "老周，10月底", "Priya, by the 20th"]
    ) == [
        "cause",
        "cause",
        "action",
        "action",
    ]


def test_hybrid_files_only_the_roles_it_is_allowed() -> None:
    read = clauses.hybrid(_Always("goal"), roles=("action",))
    assert read(["老周，10月底", "Priya, by the 20th"]) == ["other", "other"]
