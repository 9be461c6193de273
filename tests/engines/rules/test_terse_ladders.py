"""A ladder headed "Why X:" and stepped down with arrows is one chain; a comma inside a step stays in it
("roster built on 2019 pattern, not flight schedule"); a number inside such a message picks no option
when the coach offers findings to drill; zh and en."""

from __future__ import annotations

import pytest

from tests.engines.rules.helpers import Coaching
from tests.engines.rules.test_finding_causes import AFTER_DRILL, OTHERS

LADDERS = {
    "zh": ("为什么排队：早上关了3条通道 -> 员工6点才上班 -> 排班还按2019年的模式，不是按航班。根因。七成。"),
    "en": (
        "Why queues: 3 lanes shut early -> staff start 06:00 -> roster built on 2019 pattern, "
        "not flight schedule. Root. ~70%."
    ),
}
ROOTS = {"zh": "排班还按2019年的模式，不是按航班", "en": "roster built on 2019 pattern, not flight schedule"}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_why_headed_arrow_ladder_is_one_chain_its_root_whole(language: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*AFTER_DRILL[language][:5], "没有" if language == "zh" else "none")
    result = coach.say(LADDERS[language])
    chain = result.review.cause_chains[-1]
    assert (chain.root_cause, chain.share) == (ROOTS[language], 0.7)


@pytest.mark.parametrize(
    ("language", "text", "root"),
    [
        ("zh", "为什么回款率低：1个大客户延期 -> 预算冻结 -> 合同没有分期条款。根因。", "合同没有分期条款"),
        (
            "en",
            "Why revenue: 1 big deal slipped -> the buyer froze budgets -> we only sell annual plans. Root.",
            "we only sell annual plans",
        ),
    ],
)
def test_a_number_inside_a_long_answer_picks_no_finding_to_drill(language: str, text: str, root: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*AFTER_DRILL[language], OTHERS[language])
    assert coach.step == "choose"
    result = coach.say(text)
    assert result.review.cause_chains[-1].root_cause == root
