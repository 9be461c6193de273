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


# a rest ends where a sentence opens by leaving another finding undug ("气耗就不挖了，…", "Noise I'm not
# drilling, …"): what follows is about that finding, no rung of the rest
@pytest.mark.parametrize(
    ("text", "root", "share"),
    [
        (
            "剩下一成多是新来的操作工不会调机。气耗就不挖了，废瓶回炉多了自然就超。",
            "新来的操作工不会调机",
            0.1,
        ),
        (
            "The rest is the migration weekend, about 20%. Noise I'm not drilling, it's freshers.",
            "the migration weekend",
            0.2,
        ),
    ],
)
def test_a_rest_ends_where_another_finding_is_left_undug(text: str, root: str, share: float) -> None:
    parts = read_rest(text)
    assert parts is not None
    assert (parts.surface, parts.root, parts.share) == ([], root, share)
