"""How many KPIs follow ("指标四个：", "Four numbers:") is no KPI's number: the number reader passes over
the count, and the goal reader blanks it, with its lead-in, at the head of a sentence."""

from __future__ import annotations

import re

import pytest

from coach.domain.parsing.numbers import parse_quantities
from coach.domain.reading.kpi_counts import (
    CountWords,
    blank_kpi_counts,
    counts_the_kpis,
)


def counts(text: str) -> list[str]:
    """The numbers in `text` that count the KPIs."""
    found, pos = [], 0
    for quantity in parse_quantities(text):
        start = text.find(quantity.text, pos)
        pos = start + len(quantity.text)
        if counts_the_kpis(text, start, pos):
            found.append(quantity.text)
    return found


# ---- the number reader: a count in either order, anywhere -------------------------------------------


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("指标四个：回款率目标95%，实际92%", "四个"),  # the count after its noun
        ("三项指标：回款、毛利、库存", "三项"),  # before it
        ("指标有3项：回款率、毛利率、周转天数", "3项"),
        ("指标一共4个：回款率、毛利率、周转、库存", "4个"),
        ("指标就三个：次日达率目标95%，实际88.6%", "三个"),  # "only three": 就 links them too
        ("指标就是两个：回款率、毛利率", "两个"),
        ("KPI 3个：NPS、留存、转化", "3个"),
        ("先看数，三个数字：营收、毛利、库存", "三个"),
        ("指标4：回款率、毛利率、周转、库存", "4"),  # without 个
        ("Four numbers: revenue 1.2m vs 1.5m", "Four"),
        ("We set 3 KPIs: NPS 40 against 45", "3"),
        ("the 2 metrics: churn 3% vs 2%", "2"),
    ],
)
def test_a_number_that_counts_the_kpis_is_no_kpis_number(text: str, count: str) -> None:
    assert counts(text) == [count]


@pytest.mark.parametrize(
    "text",
    [
        "目标3个：实际签了2个",  # a target of three, not three targets
        "回款率目标95%，实际92%",
        "50% metrics: on track",  # a share counts nothing
        "3.5 KPIs: a typo",
        "我们签了3个客户：A、B、C",  # no KPIs counted
        "Revenue: 1.2m against 1.5m",
    ],
)
def test_other_numbers_count_no_kpis(text: str) -> None:
    assert counts(text) == []


# ---- the goal reader: a count and its lead-in, blanked at the head of a sentence --------------------


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("这个季度我们给自己定了两个目标：回款率95%，实际92%", "回款率95%，实际92%"),
        ("指标四个：回款率、毛利率", "回款率、毛利率"),
        ("指标就三个：次日达率目标95%，实际88.6%", "次日达率目标95%，实际88.6%"),
        ("目标只有两个：回款率95%，实际92%", "回款率95%，实际92%"),
        ("目标3个：签约、回款、续费", "签约、回款、续费"),  # at a sentence's head 目标 counts
        ("先说结论。我们定了三项指标：回款、毛利", "先说结论。 回款、毛利"),
        ("We set 3 KPIs: NPS 40 vs 45", "NPS 40 vs 45"),
        ("This quarter we had 2 goals: churn under 3%", "churn under 3%"),
    ],
)
def test_a_count_at_a_sentences_head_is_blanked_with_its_lead_in(text: str, left: str) -> None:
    blanked = blank_kpi_counts(text)
    assert len(blanked) == len(text)  # spans read from it still point into the text as said
    assert re.sub(r"\s+", " ", blanked).strip() == left


@pytest.mark.parametrize(
    "text",
    [
        "指标4：回款率、毛利率",  # after 指标 a count needs its 个/项
        "三个数字：营收、毛利、库存",  # 数字 is no noun of a leading count
        "Four numbers: revenue 1.2m vs 1.5m",  # a count in words is left to the number reader
        "KPI 3个：NPS、留存、转化",
        "指标一共4个：回款率、毛利率、周转、库存",  # nor is 一共 a link before it
        # more than thirty characters lead up to the count: no lead-in, it is read as said
        "回顾一下这一个季度里面我们团队在华东和华南两个大区一共给自己定下来的三个目标：回款",
        "回款率目标95%，实际92%",
    ],
)
def test_other_counts_are_left_to_the_number_reader(text: str) -> None:
    assert blank_kpi_counts(text) == text


# ---- the two readers' words: one shape, the differences named ---------------------------------------


def test_a_count_after_its_noun_needs_a_unit_only_when_the_words_say_so() -> None:
    loose = CountWords(nouns_after="指标", nouns_before="指标", links="有", unit_needed=False)
    strict = CountWords(nouns_after="指标", nouns_before="指标", links="有", unit_needed=True)
    assert re.fullmatch(loose.noun_before() + r"\d" + loose.unit_after(), "指标有4：")
    assert not re.fullmatch(strict.noun_before() + r"\d" + strict.unit_after(), "指标有4：")
    assert re.fullmatch(strict.noun_before() + r"\d" + strict.unit_after(), "指标有4个：")
