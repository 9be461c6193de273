"""Findings, causes and shares typed short or said in one breath: "~3/4 of it", "rest = storm power cut,
2 nights", "F&B low bc kiosks dont upsell", "cancellations, admissions, F&B. never did the training",
"…since dec. also the tuesday deal…", "新客多，…，还有客服响应快，…". zh and en."""

from __future__ import annotations

import pytest

from coach.domain.reading.finding_cause import read_said_cause
from coach.domain.reading.finding_list import listed_findings
from coach.engines.rules.chains import read_rest
from coach.engines.rules.share import has_share, parse_share
from coach.engines.rules.text import split_findings


@pytest.mark.parametrize(
    ("text", "share", "said_as_share"),
    [
        ("root cause: contract renewals have no owner. ~3/4 of it", 0.75, True),
        ("about 2/3 of the gap", pytest.approx(2 / 3, abs=1e-3), True),
        ("这个大概占2/3吧", pytest.approx(2 / 3, abs=1e-3), True),
        ("storm power cut at the harbour site, 2 nights", None, False),
        ("人手不够，高峰期只有4条线", None, False),
        ("due 3/4", 0.75, False),  # a date is no share said: only a share the words mark counts as one
    ],
)
def test_a_fraction_is_a_share_and_a_count_with_its_unit_is_none(
    text: str, share: float | None, said_as_share: bool
) -> None:
    assert parse_share(text) == share
    assert has_share(text) is said_as_share


@pytest.mark.parametrize(
    ("text", "root"),
    [
        (
            "rest = storm power cut at the harbour site, 2 nights. external, not digging",
            "storm power cut at the harbour site, 2 nights",
        ),
        ("剩下的是停电，三天", "停电，三天"),
    ],
)
def test_a_count_said_after_a_cause_is_part_of_it(text: str, root: str) -> None:
    rest = read_rest(text)
    assert rest is not None and rest.root == root and not rest.surface


@pytest.mark.parametrize(
    ("sentence", "head", "cause"),
    [
        ("F&B low bc kiosks dont upsell", "F&B low", "kiosks dont upsell"),
        (
            "close slow = approvals wait on 2 directors. not digging",
            "close slow",
            "approvals wait on 2 directors",
        ),
    ],
)
def test_a_cause_typed_short_is_linked_to_its_finding(sentence: str, head: str, cause: str) -> None:
    said = read_said_cause(sentence)
    assert said is not None and (said.head, said.cause) == (head, cause)


def test_terse_names_and_a_thing_never_done_are_each_a_finding() -> None:
    assert listed_findings(
        "cancellations, admissions, F&B. never did the staff upsell training we planned"
    ) == [
        "cancellations",
        "admissions",
        "F&B",
        "the staff upsell training we planned",
    ]


@pytest.mark.parametrize(
    ("text", "findings"),
    [
        (
            "queue, self-serve kiosks at all sites since dec."
            " also the £5 tuesday deal filled the dead midweek slots",
            [
                "queue, self-serve kiosks at all sites since dec",
                "the £5 tuesday deal filled the dead midweek slots",
            ],
        ),
        (
            "新客多，投放换成达人直播了，还有客服响应快，这次加了夜班",
            ["新客多，投放换成达人直播了", "客服响应快，这次加了夜班"],
        ),
        # besides one cause, another: the same finding
        ("NPS低，除了返工，还有客服电话老打不进去", ["NPS低，除了返工，还有客服电话老打不进去"]),
    ],
)
def test_also_and_还有_open_the_next_finding(text: str, findings: list[str]) -> None:
    assert split_findings(text) == findings
