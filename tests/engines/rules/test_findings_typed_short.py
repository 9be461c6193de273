"""Findings, causes and shares typed short or said in one breath: "~3/4 of it", "rest = storm power cut,
2 nights", "F&B low bc kiosks dont upsell", "cancellations, admissions, F&B. never did the training",
"…since dec. also the tuesday deal…", "新客多，…，还有客服响应快，…". zh and en."""

from __future__ import annotations

import pytest

from coach.domain.reading.finding_cause import read_said_cause
from coach.domain.reading.finding_list import listed_findings
from coach.domain.reading.people import read_reflections
from coach.engines.rules.chain_rest import read_rest
from coach.engines.rules.chains import read_chain
from coach.engines.rules.share import has_share, parse_share
from coach.engines.rules.text import split_findings
from tests.engines.rules.helpers import Coaching


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


@pytest.mark.parametrize(
    ("text", "phenomenon", "root", "share"),
    [
        (
            "不过说真的，纠纷多的根子我心里有数：检测师是按台计件的，一天要验二十多台，根本验不细，这个大概占纠纷的六成",
            "纠纷多",
            "检测师是按台计件的，一天要验二十多台，根本验不细",
            0.6,
        ),
        (
            "honestly the root cause of the rejects, i know it: we picked by calendar,"
            " never checked sugar. 70% of it",
            "rejects",
            "we picked by calendar, never checked sugar",
            0.7,
        ),
    ],
)
def test_a_clause_that_names_a_finding_s_root_opens_its_chain(
    text: str, phenomenon: str, root: str, share: float
) -> None:
    chain = read_chain(text)
    assert chain is not None and (chain.phenomenon, chain.root, chain.share) == (phenomenon, root, share)


def test_a_restated_root_with_a_remark_is_no_new_chain() -> None:
    assert read_chain("别再问为什么了，根子就是摸底，已经说到底了。") is None


def test_a_softened_how_it_went_ends_a_finding_s_name() -> None:
    assert listed_findings("退课多，报名没到，满意度差一点") == ["退课多", "报名没到", "满意度差一点"]


@pytest.mark.parametrize(
    ("text", "shortfalls"),
    [
        (
            "What went well: revenue. What didn't: reprints, late jobs, waste."
            " And the thing we said we'd do and didn't was the colour calibration every Monday;"
            " it happened maybe twice.",
            [
                "reprints",
                "late jobs",
                "waste",
                "the colour calibration every Monday. it happened maybe twice",
            ],
        ),
    ],
)
def test_what_didn_t_and_the_thing_we_said_we_d_do_are_shortfalls(text: str, shortfalls: list[str]) -> None:
    coach = Coaching(language="en")
    coach.script("revenue target 380k, actual 412k; reprints max 1.5%, actual 3.1%", "reprints", text)
    assert [f.text for f in coach.last.review.shortfalls] == shortfalls
    assert [f.text for f in coach.last.review.highlights] == ["revenue"]


def test_findings_enumerated_each_with_how_it_went_are_each_a_finding() -> None:
    assert listed_findings("纠纷多、成交率低、过户慢") == ["纠纷多", "成交率低", "过户慢"]
    assert listed_findings("拖车、客梯车出库晚") == ["拖车、客梯车出库晚"]  # one how for both: one finding


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("我的反思（我是场长焦志远）：最触动的是买家来哭。发现自己：太看重上拍量。", "焦志远"),
        (
            "my reflection (I'm Dana, ops lead): moved most by the night shift. found I lean on gut calls.",
            "Dana",
        ),
    ],
)
def test_my_reflection_with_the_speaker_in_brackets_names_them(text: str, person: str) -> None:
    assert [said.person for said in read_reflections(text)] == [person]


@pytest.mark.parametrize(
    ("lang", "opening", "first", "again", "root"),
    [
        (
            "zh",
            ("纠纷目标不超过30起，实际71起", "纠纷"),
            "亮点：上拍量多了。不过说真的，纠纷多的根子我心里有数：检测师是按台计件的，根本验不细，这个大概占纠纷的六成。",
            "挖纠纷吧。现象：泡水车没检出来。表面原因是检测时间太短。为啥这么短，就是上面说的计件，验得越多拿得越多。",
            "检测师是按台计件的，根本验不细",
        ),
    ],
)
def test_a_root_said_as_one_said_before_completes_that_chain(
    lang: str, opening: tuple[str, ...], first: str, again: str, root: str
) -> None:
    coach = Coaching(language=lang)  # type: ignore[arg-type]
    coach.script(*opening, first, again)
    chains = coach.last.review.cause_chains
    assert [c.root_cause for c in chains] == [root]
    assert chains[0].share == 0.6


def test_a_terse_english_retro_files_each_part_where_it_belongs() -> None:
    coach = Coaching(language="en")
    coach.script(
        "installs goal 120k, we got 97k. D7 retention target 22%, actual 18.5%."
        " CAC should be under $3.20, came in at $2.90.",
        "retention is what matters",
        "not good: installs short, D7 retention low.",
        "d7 first. people churn after day 2. surface reason: onboarding is 9 screens long."
        " dig deeper: nobody owns onboarding since Priya left. root cause = no owner for the first-run"
        " experience. I'd put it at 60%",
        "wait, correction: CAC was $2.95 not $2.90",
    )
    review = coach.last.review
    assert [g.name for g in review.goals] == ["installs", "D7 retention", "CAC"]
    assert review.goals[2].result_value == 2.95
    assert [f.text for f in review.shortfalls] == ["installs short", "D7 retention low"]
    (chain,) = review.cause_chains
    assert chain.phenomenon == "people churn after day 2"
    assert chain.root_cause == "no owner for the first-run experience" and chain.share == 0.6
    assert chain.surface_cause is not None and "9 screens" in chain.surface_cause
    assert not review.highlights


def test_a_lower_case_sentence_that_says_it_went_well_is_another_highlight() -> None:
    assert split_findings(
        "CAC came in under because we moved budget onto creators."
        " paywall conv up thanks to the annual discount"
    ) == [
        "CAC came in under because we moved budget onto creators",
        "paywall conv up thanks to the annual discount",
    ]
    # one that points back goes on about the one before
    assert (
        len(split_findings("churn dropped because of the new onboarding. it worked because support called"))
        == 1
    )


@pytest.mark.parametrize(
    ("lang", "rest", "root"),
    [
        ("en", "rest of it is the iOS 17 notification permission change, can't do much about that", "iOS 17"),
        ("zh", "剩下的是苹果改了通知权限，这个没办法", "苹果改了通知权限"),
    ],
)
def test_a_remark_that_nothing_can_be_done_is_no_root(lang: str, rest: str, root: str) -> None:
    parts = read_rest(rest)
    assert parts is not None and parts.root is not None and root in parts.root
    assert "can't" not in parts.root and "没办法" not in parts.root


def test_the_finding_named_to_drill_before_its_ladder_is_not_offered_again() -> None:
    coach = Coaching(language="en")
    coach.script(
        "installs goal 120k, we got 97k. D7 retention target 22%, actual 18.5%.",
        "retention is what matters",
        "not good: installs short, D7 retention low.",
        "d7 first. people churn after day 2. surface reason: onboarding is 9 screens long."
        " root cause = no owner for the first-run experience. I'd put it at 60%",
        "no",
    )
    assert "D7 retention low" not in coach.reply


def test_an_english_list_said_to_have_all_missed_is_each_a_finding() -> None:
    assert listed_findings("on-time, damages, and cost all missed") == ["on-time", "damages", "cost"]


def test_a_pasted_call_files_the_shortfalls_the_cut_short_question_asked_for() -> None:
    coach = Coaching(language="en")
    coach.say(
        "pasting our retro call notes:\nMaria: Q3 numbers: on-time delivery target 96%, we hit 91%."
        " cost per drop target £2.10, actual £2.25.\nMaria: what went well?\nTom: the new sort belt.\n"
        "Maria: and badly?\nPriya: on-time and cost all missed.\n"
    )
    review = coach.last.review
    assert [g.name for g in review.goals] == ["on-time delivery", "cost per drop"]
    assert [f.text for f in review.shortfalls] == ["on-time", "cost"]
    assert [f.text for f in review.highlights] == ["the new sort belt"]
