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


OPEN_SHARE = {
    "zh": (
        "挖回款：现象是账期超90天的多，表面是客户拖款，根子上是合同没约定付款节点",
        "不知道",
        "经验：合同要约定付款节点，新增，组织",
    ),
    "en": (
        "Dig churn: the symptom is cancellations in month 2, surface cause is slow onboarding, "
        "root cause is no onboarding owner.",
        "not sure",
        "Lessons: start an onboarding owner, organization.",
    ),
}


@pytest.mark.parametrize(
    ("language", "text", "rest"),
    [
        (
            "zh",
            "刚才回款那个，合同没约定付款节点这条大概占六成。剩下四成是两家客户破产了。",
            "两家客户破产了",
        ),
        (
            "en",
            "On churn, the onboarding owner thing is about 60%. The rest is a competitor's price cut.",
            "a competitor's price cut",
        ),
    ],
)
def test_a_share_remembered_during_the_lessons_goes_on_its_chain(language: str, text: str, rest: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*AFTER_DRILL[language][:5], *OPEN_SHARE[language])
    assert coach.stage == "lessons"
    result = coach.say(text)
    chains = [(c.root_cause, c.share, c.is_main) for c in result.review.cause_chains]
    assert chains[0][1:] == (0.6, True)
    assert (rest, 0.4, False) in chains
    assert len(result.review.lessons) == 1  # no lesson edited by it
