"""A drill-down said in prose: "Why: …" opens the next level, a level said in two clauses stays one level,
"the real root is …" / "That's the root" mark the root, "I'd say about two thirds" weighs it, and a chain
about a KPI already named drills that KPI instead of adding a shortfall; zh and en."""

from __future__ import annotations

import pytest

from coach.engines.rules.chains import read_chain
from coach.engines.rules.share import said_as_share

EN = (
    "Truck turnaround, all the way down: trucks wait at the yard blocks. "
    "Why: yard cranes go to vessel work first. "
    "Why: the dispatch rule is still vessel-first all day, nobody revisited it when volumes rose. "
    "That's the root, I'd say about two thirds of the extra turnaround."
)
ZH = (
    "出库慢，一路挖到底：拣货排队。为什么：波次按订单到达顺序排，爆品挤在一起。"
    "为什么：波次规则三年没改过，这是根因，我看占七成。"
)


@pytest.mark.parametrize(("text", "root", "share"), [(EN, "vessel-first", 2 / 3), (ZH, "三年没改", 0.7)])
def test_why_opens_the_next_level_and_the_root_is_weighed(text: str, root: str, share: float) -> None:
    parts = read_chain(text)
    assert parts is not None
    assert parts.root is not None and root in parts.root
    assert parts.share == pytest.approx(share, abs=0.01)
    assert len(parts.surface) == 1  # the first why's answer; "Why" itself is no level
    assert not any("all the way" in s or "挖到底" in s for s in [parts.phenomenon, *parts.surface])


@pytest.mark.parametrize(
    ("text", "root"),
    [
        (
            "The symptom is no-shows. The real root is our reminder sequence: one email 7 days before.",
            "reminder",
        ),
        ("现象是爽约多。真正的根因是提醒只发一次短信。", "提醒"),
    ],
)
def test_the_real_root_is_the_root(text: str, root: str) -> None:
    parts = read_chain(text)
    assert parts is not None and parts.root is not None and root in parts.root


@pytest.mark.parametrize(
    ("clause", "weighs"),
    [
        ("I'd say about two thirds of the extra turnaround", True),
        ("call it a quarter", True),
        ("我看占八成", True),
        ("volumes went up 20% after the rail strike", False),
        ("价格只有我们一半", False),
    ],
)
def test_a_share_given_as_an_estimate_weighs_the_cause(clause: str, weighs: bool) -> None:
    assert said_as_share(clause) is weighs
