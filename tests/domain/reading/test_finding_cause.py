"""A finding named again with its cause, said on its own, is read as (the finding's words, the cause);
a rung of a ladder, a head that only points, or an aside are not; zh and en."""

from __future__ import annotations

import pytest

from coach.domain.reading.finding_cause import SaidCause, read_said_cause, read_same_story


@pytest.mark.parametrize(
    ("sentence", "head", "cause"),
    [
        ("工单慢是因为外包运维按单结算，远的点没人愿意去。", "工单慢", "外包运维按单结算，远的点没人愿意去"),
        ("返工多主要是包装车间受潮。", "返工多", "包装车间受潮"),
        ("宕机那个是云厂商机房故障，外部的，不用挖了。", "宕机", "云厂商机房故障"),
        (
            "Quotes were slow because one estimator does all of them.",
            "Quotes",
            "one estimator does all of them",
        ),
        (
            "Late deliveries: rush jobs accepted without checking capacity.",
            "Late deliveries",
            "rush jobs accepted without checking capacity",
        ),
        (
            "Visits: the reduced hours, a council decision, not ours.",
            "Visits",
            "the reduced hours, a council decision",
        ),
        (
            "Late filings were mostly clients sending papers in the last week.",
            "Late filings",
            "clients sending papers in the last week",
        ),
    ],
)
def test_a_finding_and_its_cause_are_told_apart(sentence: str, head: str, cause: str) -> None:
    said = read_said_cause(sentence)
    assert said is not None
    assert (said.head, said.cause) == (head, cause)


@pytest.mark.parametrize(
    "sentence",
    [
        "根因是没有专人负责",
        "这个是因为天气",
        "会做得更好的是面试前一天电话辅导",
        "The rest is coach hire costs going up",
        "It was because of the rain",
        "Root cause: the comp plan pays on bookings",
        "Missed scans: patients not at CT on time -> porters pulled to A&E",
        "Why? Parts arrived late",
    ],
)
def test_rungs_pointers_and_labels_are_no_finding_with_its_cause(sentence: str) -> None:
    assert read_said_cause(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "head", "cause"),
    [
        (
            "energy - the compressor leak in bay 3 that nobody logged.",
            "energy",
            "the compressor leak in bay 3",
        ),
        (
            "Late jobs and the chipper are the same story - the old Timberwolf, no service since January.",
            "Late jobs and the chipper",
            "the old Timberwolf",
        ),
        (
            "Same-day fits: skip the why on that one, it's the supplier cancelling their afternoon run.",
            "Same-day fits",
            "the supplier cancelling",
        ),
        (
            "开场晚和等火化久其实是一回事连着的：2号炉11月检修了9天，只剩一台炉。",
            "开场晚和等火化久",
            "2号炉11月检修了9天",
        ),
    ],
)
def test_a_cause_linked_by_a_dash_or_said_to_be_one_story_and_a_skipped_why(
    sentence: str, head: str, cause: str
) -> None:
    said = read_said_cause(sentence)
    assert said is not None and said.head == head and cause in said.cause
    assert "skip" not in said.cause and "一回事" not in said.cause


@pytest.mark.parametrize(
    ("sentence", "head"),
    [
        ("backlog is the same story", "backlog"),
        ("Refunds are basically the same thing.", "Refunds"),
        ("损耗也是这个原因", "损耗"),
        ("退货同理", "退货"),
    ],
)
def test_a_finding_said_to_share_the_chain_just_told(sentence: str, head: str) -> None:
    assert read_same_story(sentence) == head


@pytest.mark.parametrize(
    "sentence",
    [
        "it is the same story",
        "这个也一样",
        "the same story, things run till they break",
        "backlog went up because of staffing",
    ],
)
def test_a_pointer_or_a_cause_names_no_finding_sharing_the_chain(sentence: str) -> None:
    assert read_same_story(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "head", "cause"),
    [
        (
            "损耗高我就不展开了，顺口说一句，主要是换线试灌报废太多，每次换线要试灌两百支。",
            "损耗高",
            "换线试灌报废太多，每次换线要试灌两百支",
        ),
        (
            "Quotes were slow, I won't go into it, because one estimator does all of them.",
            "Quotes were slow",
            "one estimator does all of them",
        ),
    ],
)
def test_a_finding_only_mentioned_still_gives_its_cause(sentence: str, head: str, cause: str) -> None:
    assert read_said_cause(sentence) == SaidCause(head=head, cause=cause)
