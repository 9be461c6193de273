"""The shipped clause-role model is rebuilt from the committed corpus, offline, to the same weights."""

from __future__ import annotations

import numpy as np
import pytest

from coach.evaluation.clause_roles import ARTIFACT, ClauseModel
from coach.evaluation.clause_training import CORPUS, read_corpus, train_shipped


@pytest.mark.skipif(not ARTIFACT.exists(), reason="no model shipped")
def test_retraining_on_the_committed_corpus_gives_the_committed_model() -> None:
    # tests/conftest.py refuses every network connection: training needs none
    shipped = ClauseModel.load()
    rebuilt = train_shipped()
    assert rebuilt.spec == shipped.spec
    assert rebuilt.roles == shipped.roles
    assert np.allclose(rebuilt.weights, shipped.weights, atol=1e-5)
    assert np.allclose(rebuilt.bias, shipped.bias, atol=1e-5)
    texts = [row["text"] for row in read_corpus(CORPUS / "train.jsonl")]
    assert [r for r, _ in rebuilt.predict(texts)] == [r for r, _ in shipped.predict(texts)]


def test_corpus_rows_carry_text_role_and_team() -> None:
    rows = read_corpus(CORPUS / "train.jsonl")
    assert rows and all({"text", "role", "team", "lang"} <= set(row) for row in rows)
    assert {row["lang"] for row in rows} == {"zh", "en"}
