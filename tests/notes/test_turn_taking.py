"""A turn that only hands over or takes the floor (zh, en) — "志刚你先说。", "我补充一下。", "Marek, you
go first.", "Let me add to that." — is no cause, even right after a why-question; the causes after it are."""

from __future__ import annotations

import pytest

from coach.notes.prose import only_passes_the_floor
from tests.notes.extracting import chains, words

ZH = (
    "[00:01:41] 晏伟：开胶为什么这么多？志刚你先说。\n"
    "[00:01:49] 鲍志刚：表面上看是胶水涂得不匀，一压就开。\n"
    "[00:01:57] 晏伟：为什么刷不匀？\n"
    "[00:02:05] 钟雪：我补充一下。刷不匀是因为胶水变稠了，车间里三十五六度。\n"
)
EN = (
    "[00:01:41] Helen: Why is downtime so high? Marek, you go first.\n"
    "[00:01:49] Marek: On the surface it's jams on truck tyres with heavy steel belts.\n"
    "[00:01:57] Helen: Why do they jam?\n"
    "[00:02:05] Joy: Let me add to that. They jam because the blades are blunt.\n"
)


@pytest.mark.parametrize(
    ("note", "floor"), [(ZH, "你先说"), (ZH, "我补充"), (EN, "go first"), (EN, "add to that")]
)
def test_handing_over_the_floor_is_no_cause(note: str, floor: str) -> None:
    assert not any(floor in words(chain) for chain in chains(note))


@pytest.mark.parametrize(("note", "cause"), [(ZH, "胶水变稠"), (EN, "blades are blunt")])
def test_the_cause_told_after_it_is_kept(note: str, cause: str) -> None:
    assert any(cause in words(chain) for chain in chains(note))


@pytest.mark.parametrize(
    "text", ["我补充一下，刷不匀是因为胶水变稠了。", "Go ahead with the rollout by Friday."]
)
def test_a_turn_that_says_more_is_not_only_taking_the_floor(text: str) -> None:
    assert not only_passes_the_floor(text)
