"""Shares corrected once the causes are weighed: each share goes on the chain named just before it, even when
the words before that name another ("跟供应商对了一下，计量泵那个应该是六成"); zh and en."""

from __future__ import annotations

import pytest

from tests.engines.rules.helpers import Coaching
from tests.engines.rules.test_weighed_list import OPENING, WEIGHED

CORRECTED = {
    "zh": "刚才的占比跟供应商对了一下，计量泵那个应该是六成，瓶盖那个降到一成。",
    "en": "Checked with the sawyers about the blades, the scanner one should be 60%, the logs one 10%.",
}
SHARES = {
    "zh": [("计量泵没人定期校准", 0.6), ("没有上岗培训", 0.3), ("瓶盖供应商尺寸不稳", 0.1)],
    "en": [
        ("we stretched the sharpening interval", 0.3),
        ("nobody installed the update", 0.6),
        ("The log quality was poor, lots of sweep", 0.1),
    ],
}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_clause_just_before_a_share_names_its_chain(language: str) -> None:
    coach = Coaching(language)
    coach.script(*OPENING[language], WEIGHED[language])
    review = coach.say(CORRECTED[language]).review
    assert [(c.root_cause, c.share) for c in review.cause_chains] == SHARES[language]
    assert [c.is_main for c in review.cause_chains] == [c[1] == 0.6 for c in SHARES[language]]


# the word that opens a share's clause names its chain, though another chain shares a word ("还是", "still")
OWN_WORDS = {
    "zh": "合格率低。现象是封口漏液多。三个原因。计量泵还是老型号，没人定期校准：大概五成。"
    "夜班新人没有上岗培训：三成。瓶盖尺寸不稳：两成，那是他们的事。",
    "en": "Recovery down. What we see: too many slabs going to the chipper. Three reasons, with shares. "
    "Blades still running blunt, because we stretched the sharpening interval: about 30%. "
    "The scanner cutting to old patterns because nobody installed the update: 50%. "
    "The log quality was poor: 20%, that's theirs.",
}
OPENED = {
    "zh": "瓶盖还是两成，计量泵那个改成六成，培训那条降到两成。",
    "en": "Logs still 20%. Make the scanner one 60%, and the blades 20%.",
}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_word_opening_a_shares_clause_names_its_chain(language: str) -> None:
    coach = Coaching(language)
    coach.script(*OPENING[language], OWN_WORDS[language])
    review = coach.say(OPENED[language]).review
    shares = [c.share for c in review.cause_chains]
    assert shares == ([0.6, 0.2, 0.2] if language == "zh" else [0.2, 0.6, 0.2])


# a share said again for the chain just named ("至少六成，我同意，改成六成") is that chain's share, settled
SETTLED = {
    "zh": "计量泵那块他说至少六成，我同意，改成六成；瓶盖那个改成一成。",
    "en": "The scanner one is at least 60%, I agree, call it 60%; the logs one 10%.",
}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_share_said_again_for_the_chain_just_named_settles_it(language: str) -> None:
    coach = Coaching(language)
    coach.script(*OPENING[language], WEIGHED[language])
    review = coach.say(SETTLED[language]).review
    assert [(c.root_cause, c.share) for c in review.cause_chains] == SHARES[language]
