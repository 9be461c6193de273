"""A retro typed the way a call-centre lead talks (zh), with its English twin: findings said of all at once
("接通率、等待时长、满意度都没到"), a root said with 根上, a protest at the next why, a remainder, another
finding's cause pointing back ("跟上面一个原因"), and a finding left undug ("接通率不挖了")."""

from __future__ import annotations

import pytest

from coach.domain.reading.finding_list import listed_findings
from tests.engines.rules.helpers import Coaching

TURNS = {
    "zh": (
        "接通率目标95%，实际88%；平均等待时长控制在30秒以内，实际52秒；满意度目标4.6，实际4.3。",
        "等待时长最要紧",
        "不好的：接通率、等待时长、满意度都没到。",
        "等待时长长，表面上是高峰时段人不够，再往下是排班还是按上个月的话务量排的，"
        "根上就是没有话务预测，排班拍脑袋，这个占七成吧",
        "你怎么又问为什么，我说了根因了",
        "剩下三成是双十一话务量翻倍，外部的",
        "满意度低主要也是等太久，跟上面一个原因",
        "接通率不挖了",
    ),
    "en": (
        "answer rate target 95%, actual 88%; wait time under 30s, actual 52s; CSAT target 4.6, actual 4.3.",
        "wait time is what matters",
        "bad: answer rate, wait time, CSAT all missed.",
        "wait time long: on the surface, not enough people at peak;"
        " underneath that, rosters copy last month's volumes; root cause is no volume forecast. 70%",
        "why are you asking again, I already told you the root cause",
        "the rest is the singles' day spike, external",
        "CSAT low mostly because of the waits, same reason as above",
        "answer rate, not digging into that",
    ),
}


@pytest.mark.parametrize(
    ("text", "findings"),
    [
        ("接通率、等待时长、满意度都没到", ["接通率", "等待时长", "满意度"]),
        ("拖车、客梯车出库晚", ["拖车、客梯车出库晚"]),  # how it went said once, of one thing
    ],
)
def test_how_it_went_said_of_all_makes_each_a_finding(text: str, findings: list[str]) -> None:
    assert listed_findings(text) == findings


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_retro_with_protests_and_pointers_files_only_what_was_said(lang: str) -> None:
    coach = Coaching(language=lang)  # type: ignore[arg-type]
    coach.script(*TURNS[lang])
    chains = coach.last.review.cause_chains
    roots = [c.root_cause or "" for c in chains]
    assert roots[0] in ("没有话务预测，排班拍脑袋", "no volume forecast") and chains[0].share == 0.7
    assert len(chains) == 3
    assert not any(word in root for root in roots for word in ("为什么", "根因了", "上面", "asking", "above"))
    assert "接通率" not in coach.reply and "answer rate" not in coach.reply  # left undug, not offered again
    assert coach.stage in ("analysis", "reflection")
