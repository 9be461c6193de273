"""Several shortfalls named in one breath are several findings; a finding explained in the same sentence
stays one; zh and en."""

from __future__ import annotations

import pytest

from coach.domain.reading.finding_list import listed_findings


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("退园高，投诉多，满园率没到", ["退园高", "投诉多", "满园率没到"]),
        ("工单关得慢，投诉多", ["工单关得慢", "投诉多"]),
        (
            "一是一志愿率，二是省外位次下滑，三是咨询热线高峰期打不进来",
            ["一志愿率", "省外位次下滑", "咨询热线高峰期打不进来"],
        ),
        ("逃费、排队，还有该做没做的道闸识别率校准，一直拖着", ["逃费", "排队", "道闸识别率校准，一直拖着"]),
        ("late handbacks, slow quotes, the rework", ["late handbacks", "slow quotes", "the rework"]),
        (
            "first response for EU customers, the backlog, and weekend coverage",
            ["first response for EU customers", "the backlog", "weekend coverage"],
        ),
    ],
)
def test_names_said_one_after_another_are_a_finding_each(text: str, items: list[str]) -> None:
    assert listed_findings(text) == items


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("缺货，还有新品陈列慢，到货三天了还在仓库", ["缺货", "新品陈列慢，到货三天了还在仓库"]),
        (
            "the backlog, weekend coverage, we lost two agents in May",
            ["the backlog", "weekend coverage, we lost two agents in May"],
        ),
    ],
)
def test_what_follows_the_names_goes_on_about_the_last_one(text: str, items: list[str]) -> None:
    assert listed_findings(text) == items


@pytest.mark.parametrize(
    "text",
    [
        "投诉多，客户等太久",
        "续费率低，主要是客户用不上",
        "新签差了60万，两个大单被推到了二季度",
        "内推也很少，只占一成",
        "损耗太高，叶菜类报废最多",
        "交付周期长，客户那边反馈慢",
        "拖车、客梯车出库晚",
        "write-offs at billing, partners cut big chunks off pre-bills",
        "referrals from outside hospitals, almost zero",
        "Monday mornings were a disaster, and the card-fraud queue was understaffed all month",
        "churn, customers switched to cheaper rivals",
    ],
)
def test_a_finding_explained_in_the_same_sentence_stays_one(text: str) -> None:
    assert listed_findings(text) == [text]


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("claims slow. utilisation low", ["claims slow", "utilisation low"]),
        (
            "errors, mostly overtime + shift allowances. close too slow",
            ["errors, mostly overtime + shift allowances", "close too slow"],
        ),
        (
            "tutorial drop-off 35% at step 4. crashes on Mali GPUs",
            ["tutorial drop-off 35% at step 4", "crashes on Mali GPUs"],
        ),
    ],
)
def test_terse_english_names_a_finding_in_each_lower_case_sentence(text: str, items: list[str]) -> None:
    assert listed_findings(text) == items


@pytest.mark.parametrize(
    "text",
    [
        "2 outages, 3.5h total. both metastore",
        "churn up. customers moved to rivals after the price rise",
        "回款慢. 客户拖款",
    ],
)
def test_a_terse_sentence_that_explains_stays_with_the_finding(text: str) -> None:
    assert listed_findings(text) == [text]


@pytest.mark.parametrize(
    ("text", "items"),
    [
        # a count said with "the" points at the things it counts
        (
            "the two injuries, late jobs, the chipper breaking down",
            ["the two injuries", "late jobs", "the chipper breaking down"],
        ),
        # two bare things joined by 和 are a finding each
        ("返工和延期", ["返工", "延期"]),
        # what is said of both keeps them one
        ("产品和服务满意度低", ["产品和服务满意度低"]),
        ("two of them were late, the rest fine", ["two of them were late, the rest fine"]),
    ],
)
def test_counted_and_paired_findings(text: str, items: list[str]) -> None:
    assert listed_findings(text) == items


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("first response and backlog", ["first response", "backlog"]),
        ("the churn and late invoices", ["the churn", "late invoices"]),
        ("次日达没完成和损耗超标", ["次日达没完成", "损耗超标"]),
    ],
)
def test_two_names_joined_by_and_are_two_findings(text: str, items: list[str]) -> None:
    assert listed_findings(text) == items


@pytest.mark.parametrize(
    "text",
    [
        "returns and exchanges took too long",
        "our team and the vendor missed the deadline",
        "我们和供应商都没按时交付",
    ],
)
def test_and_inside_one_clause_joins_no_two_findings(text: str) -> None:
    assert listed_findings(text) == [text]


def test_a_run_of_names_each_naming_a_kpi_is_a_finding_each() -> None:
    kpis = ("会员复购率", "客诉", "发型师流失率")
    assert listed_findings("流失、客诉、复购低", kpis) == ["流失", "客诉", "复购低"]


@pytest.mark.parametrize(
    ("text", "kpis"),
    [
        ("拖车、客梯车出库晚", ("出库准时率", "客梯车出库准时率")),  # one KPI named twice: said of both
        ("流失、客诉、复购低", ()),  # no KPIs known: the run stays whole
    ],
)
def test_a_run_naming_no_kpi_each_stays_one_finding(text: str, kpis: tuple[str, ...]) -> None:
    assert listed_findings(text, kpis) == [text]
