"""A root said ahead of the question, while the findings are listed ("等候长这个我先把根子说了：…。
这个占等候的七成"), is that finding's cause chain with its share; the phenomenon and surface said later
go on it; the rest told as a list ("一是…，二是…，一半一半") is a chain each, the rest's share split
only when said to be even; a ladder that names a root said ahead in other words takes its place; zh, en."""

from __future__ import annotations

import pytest

from coach.engines.rules.chain_rest import read_rest
from tests.engines.rules.helpers import Coaching

OPENING = {
    "zh": ("检测量目标420，实际455；等候时长目标不超过40分钟，实际58分钟", "没有了", "等候时长"),
    "en": (
        "Inspections target 420, actual 455; waiting time target max 40 minutes, actual 58",
        "that's all",
        "waiting time",
    ),
}
FINDINGS = {
    "zh": "好的：检测量超了。不好的：等候长，重测多。"
    "等候长这个我先把根子说了，不用再问——说到底是排班没跟着预约调。这个占等候的七成。",
    "en": "Good: inspections up. Bad: long waits, retests. "
    "The root cause of the long waits, before you ask: the rota still follows the old arrival pattern. "
    "That's 70% of the waits.",
}
ROOT = {"zh": "排班没跟着预约调", "en": "the rota still follows the old arrival pattern"}
LATER = {
    "zh": "现象就是下午两点到五点排队最长，表面上看是下午只开了两条线。"
    "剩下三成，一是车主随到随检，二是系统偶尔卡顿，一半一半吧。",
    "en": "The symptom is queues from 2 to 5pm, the surface cause is only two lanes open in the afternoon. "
    "The rest, 30%: one is walk-ins ignoring their slot, the other is the booking system freezing, "
    "half and half.",
}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_root_said_among_the_findings_is_their_chain(language: str) -> None:
    coach = Coaching(language)
    coach.script(*OPENING[language])
    review = coach.say(FINDINGS[language]).review
    assert len(review.shortfalls) == 2
    assert [(c.root_cause, c.share) for c in review.cause_chains] == [(ROOT[language], 0.7)]
    assert all("不用再问" not in f.text and "70%" not in f.text for f in review.shortfalls)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_rungs_above_it_and_the_rest_said_later_complete_it(language: str) -> None:
    coach = Coaching(language)
    coach.script(*OPENING[language], FINDINGS[language])
    review = coach.say(LATER[language]).review
    first, *rest = review.cause_chains
    assert first.root_cause == ROOT[language] and first.is_main
    assert ("两条线" if language == "zh" else "two lanes") in (first.surface_cause or "")
    assert ("下午两点" if language == "zh" else "2 to 5pm") in first.phenomenon
    assert [c.share for c in rest] == [0.15, 0.15]
    assert {c.phenomenon for c in rest} == {first.phenomenon}


@pytest.mark.parametrize(
    ("text", "causes"),
    [
        ("剩下三成，一是车主随到随检，二是系统偶尔卡顿。", ["车主随到随检", "系统偶尔卡顿"]),
        (
            "The rest, 30%: one is walk-ins, the other is the booking system freezing.",
            ["walk-ins", "the booking system freezing"],
        ),
    ],
)
def test_a_rest_told_as_a_list_splits_its_share_only_when_said_even(text: str, causes: list[str]) -> None:
    parts = read_rest(text)
    assert parts is not None
    assert [parts.root, *parts.beside] == causes
    assert parts.share is None and not parts.others


@pytest.mark.parametrize(
    ("language", "opening", "ahead", "ladder", "root"),
    [
        (
            "zh",
            ("退款率目标不超过5%，实际12%",),
            "亮点：餐饮收入高。顺便说一下，退款的根因我心里有数：天气退款政策太宽，预报有雨就全额退。",
            "退款挖一下：7月几个周末大面积退订。表因：天气预报说有雨，客人就退。再往下：退款政策是预报有雨全额退，没有阶梯。"
            "这就是根因，占退款的八成。",
            "天气退款政策太宽，预报有雨就全额退",
        ),
        (
            "en",
            ("Rejects target max 2%, actual 6%",),
            "Highlights: tonnage up. "
            "And honestly the root cause of the rejects is that we picked by calendar, "
            "never checked sugar per block.",
            "Rejects drill-down: mouldy bunches at the table. Surface: fruit sat on the vine after the rain. "
            "Root: picking order set by the calendar, not by sugar checks. 75%.",
            "picking order set by the calendar, not by sugar checks",
        ),
    ],
)
def test_a_ladder_on_a_root_said_ahead_takes_its_place(
    language: str, opening: tuple[str, ...], ahead: str, ladder: str, root: str
) -> None:
    coach = Coaching(language)
    coach.script(*opening, ahead)
    assert len(coach.last.review.cause_chains) == 1
    coach.say("不足：退款太多。" if language == "zh" else "Shortfalls: the rejects.")
    review = coach.say(ladder).review
    assert len(review.cause_chains) == 1
    chain = review.cause_chains[0]
    assert chain.share in (0.8, 0.75)
    # a root worded near enough to the one said ahead completes it; one worded otherwise takes its place
    assert chain.root_cause == root
