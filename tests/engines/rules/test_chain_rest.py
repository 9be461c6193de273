"""The rest of a gap's causes said in one message, read by the cue words of the language files (rest,
rest_lead, cause_lead, share_* and remark_after_cause)."""

from __future__ import annotations

import pytest

from coach.engines.rules.chain_rest import read_rest


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("剩下的：大概三成左右是因为原材料涨价，采购已经在改了", "原材料涨价"),
        (
            "The rest: about 30 percent because of the supplier price rise, already being renegotiated",
            "the supplier price rise",
        ),
    ],
)
def test_the_rest_of_a_gap_keeps_only_its_cause(text: str, root: str) -> None:
    """The lead ("剩下的", "The rest"), the share with its words, the "because" and a remark after the cause
    are no part of the cause."""
    parts = read_rest(text)
    assert parts is not None
    assert parts.root == root and parts.surface == []
    assert parts.share == pytest.approx(0.3)


@pytest.mark.parametrize(
    ("text", "phenomenon", "root"),
    [
        ("补正多是另一个原因，因为清单不统一", "补正多", "清单不统一"),
        ("Rework is another cause, because the checklists differ", "Rework", "the checklists differ"),
    ],
)
def test_another_cause_named_splits_the_finding_from_its_cause(text: str, phenomenon: str, root: str) -> None:
    parts = read_rest(text)
    assert parts is not None
    assert (parts.phenomenon, parts.root) == (phenomenon, root)
