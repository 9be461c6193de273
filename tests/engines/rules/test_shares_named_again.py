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
