"""The rest of a gap said with its share beside the main cause ("The other big piece, about 25%, is …",
"剩下的回款是…，占两成吧") is a chain of its own whose root holds no hedge words; a share corrected in
the same message as another weighed cause ("Actually no, make that 60%. The other big chunk is …")
corrects the first and files the second; zh and en."""

from __future__ import annotations

import pytest

from tests.engines.rules.helpers import Coaching
from tests.engines.rules.test_finding_causes import AFTER_DRILL


@pytest.mark.parametrize(
    ("language", "text", "root", "share"),
    [
        (
            "zh",
            "不足：回款慢。回款慢往下挖：现象是账期超90天的多，表面是客户拖款，根子上是合同没约定付款节点，"
            "占七成。剩下的回款是两家客户破产了，占两成吧。",
            "两家客户破产了",
            0.2,
        ),
        (
            "en",
            "Went badly: late invoices. Digging into late invoices: the symptom is invoices out after "
            "30 days, the surface cause is manual billing, the root cause is no billing owner. I'd say 60%. "
            "The other big piece, about 25%, is the bank's slow payment runs.",
            "the bank's slow payment runs",
            0.25,
        ),
    ],
)
def test_the_rest_weighed_beside_a_ladder_is_a_chain_of_its_own(
    language: str, text: str, root: str, share: float
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*AFTER_DRILL[language][:4])
    result = coach.say(text)
    rest = result.review.cause_chains[-1]
    assert (rest.root_cause, rest.share, rest.is_main) == (root, share, False)


@pytest.mark.parametrize(
    ("language", "text", "root"),
    [
        ("zh", "不对，应该是六成。另外两成五是银行放款慢，大概。", "银行放款慢"),
        (
            "en",
            "Actually no, make that 60%. The other big chunk is slow invoicing by the bank, maybe 25%.",
            "slow invoicing by the bank",
        ),
    ],
)
def test_a_share_corrected_beside_another_weighed_cause_corrects_and_files_both(
    language: str, text: str, root: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*AFTER_DRILL[language])
    assert coach.step == "more_causes"
    result = coach.say(text)
    chains = [(c.root_cause, c.share, c.is_main) for c in result.review.cause_chains]
    assert chains[0][1:] == (0.6, True)
    assert chains[1] == (root, 0.25, False)
