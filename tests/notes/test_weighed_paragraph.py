"""A paragraph under "What went wrong" that gives a reason and ends by weighing what it told ("we put this at
around 80% of the outage", "我们估计这占了八成") tells one cause step by step (zh, en): a cause chain, no
shortfalls; without the weighing the paragraph's statements stay shortfalls."""

from __future__ import annotations

import pytest

from tests.notes.extracting import extract, texts, words

WEIGHED_EN = (
    "# Outage review\n\n## What went wrong\n\n"
    "The backup never took over because the switch had been left in manual mode after a visit. "
    "Nobody noticed because there is no post-maintenance checklist for the site. "
    "Going by the log, we put this at around 80% of the outage.\n"
)
WEIGHED_ZH = (
    "# 停机复盘\n\n## 做得不好的\n\n"
    "备用服务器没有接管，因为切换开关在上次维护后一直是手动模式。"
    "两个月没人发现，是因为维护后没有检查清单。我们估计这占了八成的停机时间。\n"
)


@pytest.mark.parametrize(
    ("note", "root"), [(WEIGHED_EN, "no post-maintenance checklist"), (WEIGHED_ZH, "没有检查清单")]
)
def test_a_paragraph_weighed_against_the_problem_is_one_cause(note: str, root: str) -> None:
    doc = extract(note)
    assert not doc.shortfalls
    assert [c.is_main for c in doc.cause_chains if root in words(c)] == [True]


@pytest.mark.parametrize(
    ("note", "shortfall"),
    [
        (WEIGHED_EN.replace(" Going by the log, we put this at around 80% of the outage.", ""), "backup"),
        (WEIGHED_ZH.replace("我们估计这占了八成的停机时间。", ""), "备用服务器"),
    ],
)
def test_without_the_weighing_the_paragraph_stays_shortfalls(note: str, shortfall: str) -> None:
    assert shortfall in texts(extract(note).shortfalls)


@pytest.mark.parametrize(
    ("note", "finding", "seen", "root"),
    [
        (
            "# Checkout outage\n\n## What went wrong\n\n"
            "Detection was slow: the alert fired 19 minutes after the latency rose. "
            "The connection pool was exhausted because a batch job shared it with checkout. "
            "Underneath that, nobody reviews which jobs share a pool when a new job ships. "
            "We think that explains about 80% of the impact.\n",
            "Detection was slow",
            "connection pool was exhausted",
            "nobody reviews",
        ),
        (
            "# 下单故障复盘\n\n## 做得不好的\n\n"
            "发现太慢：延迟升高19分钟后告警才响。"
            "连接池被占满，是因为一个批处理任务和下单共用了它。"
            "再往下看，新任务上线时没人审查哪些任务共用连接池。我们估计这占了八成的影响。\n",
            "发现太慢",
            "连接池被占满",
            "没人审查",
        ),
    ],
)
def test_a_finding_told_before_a_cause_of_its_own_stays_a_shortfall(
    note: str, finding: str, seen: str, root: str
) -> None:
    doc = extract(note)
    assert finding in texts(doc.shortfalls)
    assert len(doc.cause_chains) == 1
    chain = doc.cause_chains[0]
    assert seen in chain.phenomenon and finding not in words(chain)
    assert chain.root_cause is not None and root in chain.root_cause and chain.is_main
