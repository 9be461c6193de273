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


@pytest.mark.parametrize(
    ("text", "phenomenon", "root", "share"),
    [
        (
            "Late deliveries: vans leave the depot after nine. Why? Because loading only starts at eight. "
            "Why so late? The pickers start at seven and the waves are built by hand. "
            "And if you keep asking why, it comes down to nobody owning the wave plan. Call that about half.",
            "vans leave",
            "nobody owning the wave plan",
            0.5,
        ),
        (
            "why the wrong labels? The printer queue mixes two orders. Why does that happen? "
            "Because both lines share one printer. "
            "Ask why again, and it's that the second printer was never budgeted. I'd say two thirds.",
            "wrong labels",
            "never budgeted",
            2 / 3,
        ),
        (
            "为什么退货多？表面看是尺码不准，顾客买了就退。再往下问，是尺码表三年没更新。"
            "说到底，是没有人负责尺码数据，我看占了六成。",
            "退货多",
            "没有人负责尺码数据",
            0.6,
        ),
    ],
)
def test_a_why_ladder_told_as_a_story_is_a_chain(text: str, phenomenon: str, root: str, share: float) -> None:
    parts = read_chain(text)
    assert parts is not None
    assert phenomenon in parts.phenomenon
    assert parts.root is not None and root in parts.root
    assert parts.share == pytest.approx(share, abs=0.01)
    assert not any(root in level for level in parts.surface)


@pytest.mark.parametrize(
    "text", ["Why it failed is because the vendor was late.", "为什么延期是因为供应商晚了。"]
)
def test_a_why_that_answers_asks_nothing(text: str) -> None:
    assert read_chain(text) is None


@pytest.mark.parametrize(
    ("text", "root", "share"),
    [
        (
            "羽绒服没烘透就打包了。为什么没烘透？夜班为了赶回店，烘干时间压短了。"
            "再往下问，其实是排产没有按面料分类。我觉得返洗差不多八成是这个原因。",
            "没有按面料分类",
            0.8,
        ),
        (
            "Parcels arrive damaged. Why? The vans are loaded in a rush. "
            "Below that, the loading slot was cut to ten minutes. I'd say that's 60% of the damage.",
            "loading slot was cut",
            0.6,
        ),
    ],
)
def test_a_story_of_whys_weighed_at_its_last_level_has_that_level_as_root(
    text: str, root: str, share: float
) -> None:
    parts = read_chain(text)
    assert parts is not None and parts.root is not None and root in parts.root
    assert parts.share == pytest.approx(share)


@pytest.mark.parametrize(
    ("text", "root"),
    [
        (
            "羽绒服没烘透就打包了。为什么没烘透？夜班为了赶回店，烘干时间压短了。再往下问，其实是排产没有按面料分类。",
            "排产没有按面料分类",
        ),
        (
            "Parcels arrive damaged. Why? The vans are loaded in a rush. "
            "Below that, the loading slot was cut.",
            "the loading slot was cut",
        ),
    ],
)
def test_a_story_of_whys_asked_and_answered_ends_on_its_root_with_no_share_yet(text: str, root: str) -> None:
    parts = read_chain(text)
    assert parts is not None and parts.root is not None and root in parts.root
    assert parts.share is None and not parts.main  # the coach asks for the share once


@pytest.mark.parametrize(
    ("text", "phenomenon", "root"),
    [
        (
            "现象：9起里面7起是门机，门打不开。为什么对不上？门机皮带老化了。为什么老化了没换？保养没查这一项。"
            "再问为什么十年没改——清单一直没人管。",
            "9起里面7起是门机，门打不开",
            "清单一直没人管",
        ),
        (
            "Phenomenon: most failures are washrooms, on nights. Why? The checklists are skipped. "
            "Why are they skipped? Nobody checks the work. "
            "Why does nobody check? One supervisor covers four sites.",
            "most failures are washrooms, on nights",
            "One supervisor covers four sites",
        ),
    ],
)
def test_three_whys_down_the_last_answer_is_the_root_and_the_phenomenon_keeps_its_clauses(
    text: str, phenomenon: str, root: str
) -> None:
    parts = read_chain(text)
    assert parts is not None and parts.phenomenon == phenomenon and parts.root == root


@pytest.mark.parametrize(
    ("text", "root"),
    [
        (
            "车开不进去。为什么开不进去？巷子窄，车都是大车。那为什么都是大车？买车没问过一线。",
            "买车没问过一线",
        ),
        (
            "Vans leave late. Why? Loading starts late. Why does it start late? Nobody owns the dock rota.",
            "Nobody owns the dock rota",
        ),
    ],
)
def test_the_answer_to_a_second_why_ends_the_ladder_as_its_root(text: str, root: str) -> None:
    parts = read_chain(text)
    assert parts is not None and parts.root == root


@pytest.mark.parametrize(
    "text",
    [
        "现象：车开不进去。为什么：巷子窄，车都是大车。",
        "Phenomenon: vans leave late. Why: loading starts late.",
    ],
)
def test_one_why_answered_is_a_level_not_a_root(text: str) -> None:
    assert read_chain(text) is None
