"""A remainder belongs to the finding weighed before it, said in the same message or the next; a root said
after a finding's because-chain is that finding's; a finding drilled by a whole chain is not asked about
or offered again. zh and en."""

from __future__ import annotations

import pytest

from tests.engines.rules.helpers import Coaching

OPENING = {
    "zh": ("准时率目标95%，实际86%", "没有了", "没有"),
    "en": ("on-time delivery target 95%, actual 86%", "that's all", "none"),
}
LADDER = {
    "zh": "不足：准时率。车走得晚，因为装车开始得晚，因为拣货单早上6点才出；"
    "根本原因是WMS批处理任务没人管。占八成",
    "en": "misses: on-time. trucks leave late because loading starts late because the pick list drops at 6am;"
    " root cause is the WMS batch job schedule nobody owns. 80%",
}
FINDING = {"zh": "车走得晚", "en": "trucks leave late"}


@pytest.mark.parametrize(
    ("lang", "rest", "root"), [("zh", "剩下的是路上堵车", "路上堵车"), ("en", "rest is traffic", "traffic")]
)
def test_a_remainder_said_next_is_the_rest_of_the_finding_weighed_last(
    lang: str, rest: str, root: str
) -> None:
    coach = Coaching(language=lang)  # type: ignore[arg-type]
    coach.script(*OPENING[lang], LADDER[lang], rest)
    first, second = coach.last.review.cause_chains
    assert FINDING[lang] in first.phenomenon and first.root_cause and first.share == 0.8
    assert (second.phenomenon, second.root_cause, second.share) == (first.phenomenon, root, 0.2)
    assert not any(root in f.text for f in coach.last.review.shortfalls)  # no finding of its own


@pytest.mark.parametrize(
    ("lang", "text", "phenomenon"),
    [
        (
            "zh",
            "不足：准时率。客户投诉送得慢；往下看是排线全靠人工；根本原因是没有排线系统，我估计占七成。剩下三成是天气。",
            "客户投诉送得慢",
        ),
        (
            "en",
            "Misses: CSAT. Customers complained about slow replies; underneath, the routing sends all to"
            " tier 1; the root cause is we never built skills-based routing. I'd say 70% of it."
            " The rest is the holiday spike.",
            "Customers complained about slow replies",
        ),
    ],
)
def test_a_remainder_in_the_same_message_shares_the_ladder_s_phenomenon(
    lang: str, text: str, phenomenon: str
) -> None:
    coach = Coaching(language=lang)  # type: ignore[arg-type]
    coach.script(*OPENING[lang], text)
    chains = coach.last.review.cause_chains
    assert [(c.phenomenon, c.share) for c in chains] == [(phenomenon, 0.7), (phenomenon, 0.3)]


@pytest.mark.parametrize(
    ("lang", "missed", "asked"),
    [
        ("zh", "该做没做的：司机培训一直没做", "司机培训"),
        ("en", "Should have: a driver briefing, never did it", "driver briefing"),
    ],
)
def test_a_finding_drilled_whole_is_not_offered_again(lang: str, missed: str, asked: str) -> None:
    coach = Coaching(language=lang)  # type: ignore[arg-type]
    coach.script(*OPENING[lang], LADDER[lang], missed)
    assert asked in coach.reply and FINDING[lang] not in coach.reply  # straight into the one not drilled


@pytest.mark.parametrize(
    ("lang", "rest", "root"),
    [
        ("zh", "剩下的：三月涨价", "三月涨价"),
        ("en", "The rest: pricing increase in March", "pricing increase in March"),
    ],
)
def test_the_rest_said_with_a_colon_is_the_remainder(lang: str, rest: str, root: str) -> None:
    coach = Coaching(language=lang)  # type: ignore[arg-type]
    coach.script(*OPENING[lang], LADDER[lang], rest)
    assert [(c.root_cause, c.share) for c in coach.last.review.cause_chains][1] == (root, 0.2)
