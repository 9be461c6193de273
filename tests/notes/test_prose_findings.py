"""Shortfalls and lessons said in plain prose, with no heading: the words people use for what went badly and
for a takeaway (zh, en)."""

from __future__ import annotations

import pytest

from tests.notes.extracting import extract, texts

SHORTFALLS = [
    ("这个月最大的问题是交付延期，三个项目都晚了两周以上。", "交付延期"),
    ("客户投诉比上月多了一倍，主要集中在物流环节。", "客户投诉"),
    ("说实话，新人带教这块我们做得很差。", "新人带教"),
    ("招聘进度落后，12个岗位只到岗了5个。", "招聘进度"),
    ("有一个遗憾是会员活动没来得及做。", "会员活动"),
    ("The biggest problem this month was the release slipping by three weeks.", "release slipping"),
    ("Customer complaints doubled, mostly about late deliveries.", "complaints doubled"),
    ("Onboarding was a mess: new hires waited a week for laptops.", "Onboarding"),
    ("Support response times got worse through the month.", "response times"),
    ("Unfortunately the partner integration is still not live.", "partner integration"),
]


@pytest.mark.parametrize(("sentence", "finding"), SHORTFALLS)
def test_what_went_badly_said_in_plain_words_is_a_shortfall(sentence: str, finding: str) -> None:
    assert finding in texts(extract(f"Notes\n\n{sentence}\n", name="note.txt").shortfalls)


@pytest.mark.parametrize(
    "sentence",
    [
        "投诉比上月少了一半，大家辛苦了。",
        "去年这个时候投诉很多，今年好多了。",  # it ends on going better
        "为了防止宕机，我们加了两台备机。",  # a precaution, not an outage
        "Complaints went down after we added the FAQ.",
        "To restore service, engineers manually increased the connection pool.",
    ],
)
def test_less_of_a_bad_thing_a_precaution_or_a_fix_is_no_shortfall(sentence: str) -> None:
    assert not extract(f"Notes\n\n{sentence}\n", name="note.txt").shortfalls


@pytest.mark.parametrize(
    "sentence",
    [
        "这次最大的收获是，需求一定要在开发前冻结。",
        "这个做法值得推广到其他门店。",
        "上线前一天改需求的做法要停掉。",
        "这次让我们意识到，备件库存不能只看平均值。",
        "The big takeaway is that we need a load test before every campaign.",
        "This is worth repeating at every store opening.",
        "If we did it again, we'd staff the night shift from day one.",
        "Our takeaway: monitoring has to cover weekends too.",
    ],
)
def test_a_takeaway_said_in_plain_words_is_a_lesson(sentence: str) -> None:
    assert extract(f"Notes\n\n{sentence}\n", name="note.txt").lessons


def test_work_promised_in_the_passive_is_an_action() -> None:
    note = "Post-incident review\n\nThe payment runbook will be rewritten by the SRE team by 15 July.\n"
    assert "runbook" in texts(extract(note, name="note.txt").actions)


@pytest.mark.parametrize(
    ("note", "finding"),
    [
        ("复盘纪要\n\n问题也很明显。新人的成单率很低，入职半年的6个人只有1个出了单。\n", "成单率"),
        (
            "Review notes\n\nOn the downside, onboarding calls ran long and two customers churned.\n",
            "onboarding",
        ),
    ],
)
def test_a_paragraph_opened_with_there_were_problems_tells_shortfalls(note: str, finding: str) -> None:
    assert finding in texts(extract(note, name="note.txt").shortfalls)


@pytest.mark.parametrize(
    "note",
    [
        "复盘纪要\n\n下一步：行业沙龙下半年继续，孙倩负责，时间待定。\n",
        "Review notes\n\nNext steps: we will run the partner summit again in Q3, owned by Ana, date TBD.\n",
    ],
)
def test_a_task_whose_date_is_still_to_be_set_has_no_date(note: str) -> None:
    (action,) = extract(note, name="note.txt").actions
    assert action.when is None


@pytest.mark.parametrize(
    "sentence",
    [
        "归根到底是绩效考核只看签约不看回款。",
        "究其原因，是培训体系缺失，新人上岗前只培训了半天。",
        "追根溯源，是配置变更没有走评审。",
        "The delay came down to a missing sign-off step in procurement.",
        "What caused it was a config change that skipped review.",
        "It boils down to having no owner for the vendor relationship.",
        "Behind all of this is a hiring freeze that left us two people short.",
    ],
)
def test_a_cause_said_in_other_words_is_a_cause(sentence: str) -> None:
    assert extract(f"Notes\n\n{sentence}\n", name="note.txt").cause_chains


@pytest.mark.parametrize(
    ("note", "main"),
    [
        (
            "Review\n\nRoot causes. Most of the slip came from scope changes mid-sprint.\n",
            "scope",
        ),
        ("Review\n\nCauses. The single biggest driver was the pricing change in March.\n", "pricing change"),
    ],
)
def test_most_of_the_gap_or_the_biggest_driver_marks_the_main_cause(note: str, main: str) -> None:
    chains = extract(note, name="note.txt").cause_chains
    assert [main in (c.root_cause or c.surface_cause or c.phenomenon or "") for c in chains if c.is_main] == [
        True
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "To recover, engineers cleared the tickets that had stacked up overnight.",
        "临时处理：先把积压的工单按时间顺序清掉，客服加了两个班。",
    ],
)
def test_how_the_team_recovered_is_no_shortfall(sentence: str) -> None:
    assert not extract(f"Notes\n\n{sentence}\n", name="note.txt").shortfalls


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("张伟下周五前把压测报告发出来。", "张伟"),
        ("王强负责更新话术库，6月10日前。", "王强"),
        ("Omar to draft a minimum-spend policy by July 15.", "Omar"),
    ],
)
def test_a_person_with_work_and_a_deadline_said_in_plain_prose_is_an_action(sentence: str, who: str) -> None:
    (action,) = extract(f"Notes\n\n{sentence}\n", name="note.txt").actions
    assert action.who == who and action.when is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "王强在上个月底之前一直在外地出差。",
        "By Friday night, Priya had the dashboard back up.",
        "李娜负责的大客户上周流失了。",
    ],
)
def test_a_day_of_the_story_beside_a_name_is_no_action(sentence: str) -> None:
    assert not extract(f"Notes\n\n{sentence}\n", name="note.txt").actions
