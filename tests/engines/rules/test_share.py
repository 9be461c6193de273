"""Reading a cause's share of the gap, the way people say it."""

from __future__ import annotations

import pytest

from coach.engines.rules.share import parse_share


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("大概占七成", 0.7),
        ("70%", 0.7),
        ("0.7", 0.7),
        ("about 60 percent", 0.6),
        ("一半", 0.5),
        ("30", 0.3),
        ("百分之八十", 0.8),
        ("三分之二", pytest.approx(2 / 3, abs=1e-3)),
        ("half of it", 0.5),
        (".25", 0.25),
        ("8成", 0.8),
        ("sixty", 0.6),
        ("全部", 1.0),
        ("占比 45％", 0.45),
    ],
)
def test_shares(text: str, share: float) -> None:
    assert parse_share(text) == share


@pytest.mark.parametrize("text", ["不好说", "", "🙂", "250%", "no idea"])
def test_no_share(text: str) -> None:
    assert parse_share(text) is None
