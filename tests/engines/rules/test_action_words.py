"""What an action says, read from its words alone: the owners the shared parser does not read, whose labels
and verbs are the language files' `owner_label_glued` and `owner_lead_verbs`."""

from __future__ import annotations

import datetime as dt

import pytest

from coach.domain.parsing import find_deadline
from coach.engines.rules.action_words import deadline, owner_in, plain_item, work_clauses


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("负责人刘洋，月底前上线", "刘洋"),  # a glued label
        ("负责人：设备部老周，月底前", "老周"),  # the team before the name goes
        ("王芳牵头，整理流程", "王芳"),  # a verb after the name
        ("孙倩主持周会复盘", "孙倩"),
        ("负责人张伟，王芳牵头", "王芳"),  # find_owner's reading comes first
        ("Route alerts by service, Tom, by end of next month.", "Tom"),
        ("owner: Priya, cut the alert noise", "Priya"),
    ],
)
def test_owner_in(text: str, owner: str) -> None:
    assert owner_in(text) == owner


@pytest.mark.parametrize(
    "text",
    [
        "实行全程负责人制度，9月起执行",  # "负责人制度" is a rule that someone owns the work
        "the owner of the service will change",
    ],
)
def test_no_owner_in(text: str) -> None:
    assert owner_in(text) is None


def test_a_rule_that_someone_owns_the_work_stays_work() -> None:
    assert work_clauses("实行全程负责人制度，9月起执行", None) == ["实行全程负责人制度", "9月起执行"]


def test_the_owner_and_the_lead_verb_leave_the_work() -> None:
    assert work_clauses("王芳牵头，整理流程", None) == ["整理流程"]


def test_a_name_said_again_is_the_owner_without_the_word_after_it() -> None:
    # the words after it are the language files' `said_again`
    assert owner_in("Rebuild the rota, Maya too") == "Maya"
    assert owner_in("Rebuild the rota, Dev Patel again") == "Dev Patel"


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("让运维的小蔡——蔡文涛——7月底前把老柜机换掉", "蔡文涛"),  # the full name set off by dashes
        ("the rota — Maya — by next Friday", "Maya"),
    ],
)
def test_an_owner_set_off_by_dashes_mid_sentence(text: str, owner: str) -> None:
    assert owner_in(text) == owner


@pytest.mark.parametrize(
    "text",
    [
        "价格——这个很关键——要在月底前调整",  # an aside between dashes, no one named
        "the price list — really important — by next Friday",
    ],
)
def test_an_aside_between_dashes_names_no_owner(text: str) -> None:
    assert owner_in(text) is None


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("提成方案改成场数加执行评分，负责人：老板罗建国，下月底前", "罗建国"),  # a role before the name
        ("合同写明尾款付清，负责人：外包法务施雨，下下周五前", "施雨"),  # hired from outside
        ("Business case for powered bed drives. Owner: Linda Frost, March 13.", "Linda Frost"),
    ],
)
def test_an_owner_after_their_role(text: str, owner: str) -> None:
    assert owner_in(text) == owner


def _work(text: str) -> str:
    mention = find_deadline(text, dt.date(2026, 10, 20))
    return " ".join(work_clauses(text, mention))


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("合同写明尾款婚礼后7天内付清，负责人：施雨，11月1日前", "婚礼后7天内付清"),  # a term of the work
        ("Refunds paid within 7 days of the return, owner Kim, by November 1", "within 7 days of the return"),
    ],
)
def test_a_time_limit_counted_from_an_event_stays_in_the_work(text: str, kept: str) -> None:
    assert kept in _work(text)


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("整改方案7天内出，负责人：施雨", "7天"),  # the deadline itself goes
        ("Kim drafts the refund policy within 7 days", "7 days"),
    ],
)
def test_a_time_limit_that_is_the_deadline_leaves_the_work(text: str, gone: str) -> None:
    assert gone not in _work(text)


@pytest.mark.parametrize(
    ("text", "work"),
    [
        ("Timed scan slots get priority in the dispatch app, Kwame, before the 15th", "Timed scan slots"),
        ("派单系统加优先规则，老马，15号前", "派单系统加优先规则"),
    ],
)
def test_the_deadline_word_said_as_its_own_clause_leaves_with_the_date(text: str, work: str) -> None:
    clauses = work_clauses(text, find_deadline(text, dt.date(2026, 2, 4)))
    assert clauses[0].startswith(work)
    assert not any(c.strip(" .") in ("before", "前") for c in clauses)


@pytest.mark.parametrize(
    ("text", "work"),
    [
        # the date's label and the remark on the date go with the date
        (
            "- 和两家配送公司签节前保底运力 负责人：运营部范晓东 时间：4月30日前（母亲节前）",
            "和两家配送公司签节前保底运力",
        ),
        ("Roster review, owner: Nadia Shah, due: 31 July (before the summer peak)", "Roster review"),
        # a label with the work after it is part of the work
        ("缩短等待时间：从30分钟到15分钟，王磊，5月底前", "缩短等待时间：从30分钟到15分钟"),
        ("Cut queue time: from 30 to 15 minutes, Tom, by May 31", "Cut queue time: from 30 to 15 minutes"),
    ],
)
def test_a_dates_label_leaves_the_work_with_its_date(text: str, work: str) -> None:
    assert work_clauses(text, deadline(text, dt.date(2026, 2, 23))) == [work]


@pytest.mark.parametrize(
    ("text", "work"),
    [
        # a surname with an apostrophe leaves whole with its owner's label and team
        ("Timesheet import. Owner: Sam O'Neill from HRIS, end of June", "Timesheet import"),
        ("Vendor audit, owner: Priya D'Souza, by May 3", "Vendor audit"),
        ("Vendor audit, Priya D'Souza from procurement, by May 3", "Vendor audit"),
        # the Chinese owner's label is read as before
        ("供应商审计，负责人：采购部王磊，5月3日前", "供应商审计"),
    ],
)
def test_an_owner_whose_name_has_an_apostrophe_leaves_the_work(text: str, work: str) -> None:
    assert work_clauses(text, deadline(text, dt.date(2026, 2, 23))) == [work]


def test_an_apostrophe_in_the_work_is_no_name() -> None:
    # a possessive in the work (a terse list line) is no owner
    text = "Fix the courier's fuel surcharge clause, Tom, by May 3"
    work = work_clauses(text, deadline(text, dt.date(2026, 2, 23)))
    assert work == ["Fix the courier's fuel surcharge clause"]


@pytest.mark.parametrize(
    ("text", "work"),
    [
        # the words taken back in their clause, and the verb that dictates the new ones: no part of the work
        ("热力图引导上线，产品经理鲍月，春节前……算了，写2月10日前", ["热力图引导上线"]),
        (
            "Heat-map nudges live, Mei Lin, before the holidays, no wait, make it by Feb 10",
            ["Heat-map nudges live"],
        ),
        # trailing off, then the new words dictated
        ("退改政策加改期选项，负责人祁岚，国庆前……写9月25日前吧", ["退改政策加改期选项"]),
        (
            "Rebooking option in the refund policy, Qi Lan, before the holidays... make it by Sept 25",
            ["Rebooking option in the refund policy"],
        ),
        # a retraction that opens its clause takes back the clause before
        (
            "热力图引导上线，灰度一个城市，不对，全量上线，负责人鲍月，2月10日前",
            ["热力图引导上线", "全量上线"],
        ),
        (
            "Heat-map nudges, pilot in one city, scratch that, full rollout, Mei Lin, by Feb 10",
            ["Heat-map nudges", "full rollout"],
        ),
        # "算了一下" is a sum worked out, no retraction
        ("我算了一下库存，补货两吨，负责人鲍月，2月10日前", ["我算了一下库存", "补货两吨"]),
    ],
)
def test_words_taken_back_mid_item_leave_the_work(text: str, work: list[str]) -> None:
    assert work_clauses(text, deadline(text, dt.date(2026, 1, 16))) == work


@pytest.mark.parametrize(
    ("language", "text", "owner", "work"),
    [
        # a familiar name, then the full name: one person, named by the full name, no part of the work
        ("zh", "雨天室内活动方案，活动组小陶，陶可，两周内", "陶可", ["雨天室内活动方案"]),
        ("zh", "雨天室内活动方案，活动组老陶，陶可，两周内", "陶可", ["雨天室内活动方案"]),
        (
            "en",
            "Rainy-day activity plan, Grace, Grace Lee, within two weeks",
            "Grace Lee",
            ["Rainy-day activity plan"],
        ),
        # two people are two names: the second is no fuller name of the first
        ("zh", "雨天室内活动方案，活动组小陶，李可，两周内", "小陶", ["雨天室内活动方案", "李可"]),
        # a table row's cells are the item's clauses
        ("zh", "包材变更审批流程｜质量部冯岚｜10月底前", "冯岚", ["包材变更审批流程"]),
        ("en", "Drop test | Feng Lan | by Oct 31", "Feng Lan", ["Drop test"]),
    ],
)
def test_an_item_said_plainly_names_each_person_once(
    language: str, text: str, owner: str, work: list[str]
) -> None:
    said = plain_item(text, language)
    assert owner_in(said) == owner
    assert work_clauses(said, deadline(said, dt.date(2026, 9, 2))) == work


@pytest.mark.parametrize(
    ("text", "work"),
    [
        # a day that names the work ("weekend shift", "周末排班") is no date: it stays in the work
        ("the weekend shift rota, Leona, by next Friday", ["the weekend shift rota"]),
        ("周末排班表，负责人张青，下周五前", ["周末排班表"]),
    ],
)
def test_a_day_that_names_the_work_stays_in_it(text: str, work: list[str]) -> None:
    assert work_clauses(text, deadline(text, dt.date(2026, 4, 22))) == work
