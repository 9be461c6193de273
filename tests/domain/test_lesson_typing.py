"""Lesson typing: dimension × action from cue words, defaults from where the lesson came from."""

from __future__ import annotations

import pytest

from coach.domain.lesson_typing import ACTION_CUES, DIMENSION_CUES, classify_lesson
from coach.domain.reading.vocabulary import languages, words
from coach.domain.retrospective import Dimension, LessonAction

D, A = Dimension, LessonAction


@pytest.mark.parametrize(
    ("text", "source", "dimension", "action"),
    [
        ("继续保持每周渠道复盘的流程", "highlight", D.organization, A.continue_),
        ("建立回款跟踪机制", "shortfall", D.organization, A.start),
        ("没有回款跟踪机制", "shortfall", D.organization, A.start),
        ("停止互相甩锅的氛围", "other", D.culture, A.stop),
        ("团队坦诚透明，问题早暴露", "highlight", D.culture, A.continue_),
        ("新人带教不足", "shortfall", D.people, A.optimize),
        ("加强销售新人培训", "other", D.people, A.optimize),
        ("招聘两名客户成功经理", "other", D.people, A.optimize),
        ("新增一个大客户渠道", "other", D.business, A.start),
        ("客户续约价格谈判太晚", "shortfall", D.business, A.optimize),
        ("发布前的评审过多", "shortfall", D.organization, A.stop),
        ("Keep the weekly pricing review with customers", "highlight", D.business, A.continue_),
        ("No more blame in incident reviews", "other", D.culture, A.stop),
        ("Introduce an onboarding buddy for new hires", "other", D.people, A.start),
        ("Improve the release process", "other", D.organization, A.optimize),
        ("Customers churned because pricing was unclear", "shortfall", D.business, A.optimize),
        ("Set up clear ownership for invoices", "other", D.organization, A.start),
        ("渠道推广做得好", "highlight", D.business, A.continue_),
    ],
)
def test_classifies_by_cue_words(text: str, source: str, dimension: Dimension, action: LessonAction) -> None:
    typing = classify_lesson(text, source)  # type: ignore[arg-type]
    assert (typing.dimension, typing.action) == (dimension, action)
    assert 0 < typing.confidence <= 1


def test_defaults_follow_the_source_when_no_action_cue() -> None:
    assert classify_lesson("渠道推广", "highlight").action is A.continue_
    assert classify_lesson("渠道推广", "shortfall").action is A.optimize
    assert classify_lesson("缺少大客户渠道", "shortfall").action is A.start


def test_no_cue_at_all_is_business_with_low_confidence() -> None:
    typing = classify_lesson("嗯嗯")
    assert typing.dimension is D.business
    assert typing.confidence < 0.5


def test_more_cues_mean_more_confidence() -> None:
    assert classify_lesson("建立评审流程和分工机制").confidence > classify_lesson("流程").confidence


@pytest.mark.parametrize("text", ["", "🙂🙂", "1234", "x" * 10_000])
def test_never_fails_on_odd_text(text: str) -> None:
    assert classify_lesson(text).dimension in D


# Dimension definitions: 组织 structure/process ownership/roles/mechanisms/tooling/rules; 文化 norms,
# habits, openness, trust, blame; 人 skills, staffing, training, growth; 业务 customers, product, sales.
@pytest.mark.parametrize(
    ("text", "dimension", "action"),
    [
        ("客服联动的预案很好用，继续保持", D.organization, A.continue_),
        ("监控大盘要优化，把饱和度指标加上", D.organization, A.optimize),
        ("新增上线前的价格双人复核", D.organization, A.start),
        ("把新员工参训率纳入主管的考核", D.organization, A.optimize),
        ("优化值班排班，夜里不能只靠一个人", D.organization, A.optimize),
        ("新增关键备件应急采购额度，车间主任可批", D.organization, A.start),
        ("夜班这个事以后要坚持，不能为了省人工再砍掉", D.organization, A.continue_),
        ("工厂和门店的返洗单对账要优化，改成每周对一次", D.organization, A.optimize),
        ("扫码匿名上报继续", D.organization, A.continue_),
        ("Keep the anonymous reporting channel for near misses", D.organization, A.continue_),
        ("Keep the night shift at the central plant", D.organization, A.continue_),
        ("Optimise how the depots reconcile returns with head office", D.organization, A.optimize),
        ("Keep the incident commander role", D.organization, A.continue_),
        ("Improve alerting: alert on p99, not averages", D.organization, A.optimize),
        ("Start a pre-event checklist", D.organization, A.start),
        ("停止用加班硬扛高峰的习惯", D.culture, A.stop),
        ('以前"小改动不走评审"的习惯要停掉', D.culture, A.stop),
        ("停止拍脑袋追加预算", D.culture, A.stop),
        ("Stop the habit of heroic all-nighters", D.culture, A.stop),
        ("关键岗位要有AB角，谁请假都有人接得住", D.people, A.optimize),
        ("讲师至少一半由一线骨干担任", D.people, A.optimize),
        ("Start game days so on-call engineers have practised failovers", D.people, A.start),
        ("Improve the drills for new support agents", D.people, A.optimize),
        ("继续深耕大客户渠道", D.business, A.continue_),
        ("Keep doing community meetups for customers", D.business, A.continue_),
    ],
)
def test_dimension_cues_follow_the_definitions(text: str, dimension: Dimension, action: LessonAction) -> None:
    typing = classify_lesson(text)
    assert (typing.dimension, typing.action) == (dimension, action)


@pytest.mark.parametrize(
    ("text", "dimension"),
    [
        ("We will keep the dynamic pinning configuration on Android", D.organization),
        ("测试环境要优化，至少两套", D.organization),
        ("Using the hotfix label to skip staged rollouts has to stop", D.organization),
        ("订货要优化，从一刀切配额改成店长按天调量", D.organization),
        ("八点以后才能打折这个老规矩要停掉", D.organization),
        ("The rebalancing plan needs redoing every quarter from fresh data", D.organization),
        ("复盘节奏改成每季度一次", D.organization),
        ("Stop moving the only writer onto launches without re-planning their work", D.organization),
    ],
)
def test_how_work_is_set_up_and_paced_is_organization(text: str, dimension: Dimension) -> None:
    assert classify_lesson(text).dimension is dimension


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("主播不能全靠外面，要新增自有主播的培养", A.start),
        ("Don't wait for the vendor; start a weekly call with them", A.start),
        ("临时加保洁不培训直接上岗的做法要停", A.stop),
        ("出件不拍照这个必须停", A.stop),
        ("Quarterly failover tests become mandatory from now on", A.start),
        ("从现在起上线前都做压测", A.start),
    ],
)
def test_the_action_named_outright_beats_a_negation_in_the_reason(text: str, action: LessonAction) -> None:
    assert classify_lesson(text).action is action


def test_an_obligation_alone_names_no_action() -> None:
    # "must" starts a rule as often as it improves one: the default stays
    assert classify_lesson("The lab has to follow what purchasing buys").action is A.optimize
    assert classify_lesson("实验室必须跟着采购走").action is A.optimize


@pytest.mark.parametrize(
    ("text", "dimension"),
    [
        # where internal notices land, how changes are tested and frozen, who keeps watch, what is on record:
        # the organization's way of working
        ("We will stop sending supplier notices to shared mailboxes", Dimension.organization),
        ("供应商通知不再发到公共邮箱", Dimension.organization),
        ("We will stop running load tests without seat selection", Dimension.organization),
        ("大促前的压测要覆盖下单全链路", Dimension.organization),
        ("keep the early pairing freeze; keep the app", Dimension.organization),
        ("发版前的冻结期要继续", Dimension.organization),
        ("要新增夜间维修值守班", Dimension.organization),
        ("stop accepting machines without an asset record", Dimension.organization),
        # a freezer is no freeze, a customer's email no mailbox rule
        ("keep the freezer promotion in the frozen aisle", Dimension.business),
        ("冷冻柜的促销要继续", Dimension.business),
    ],
)
def test_internal_notices_tests_freezes_and_records_are_organization(text: str, dimension: Dimension) -> None:
    assert classify_lesson(text).dimension is dimension


@pytest.mark.parametrize(
    "text",
    [
        "stop running lamps past rated hrs",
        "设备超过额定寿命还在用的做法要停掉",
        "Stop running a fixed loop",
        "货车按固定路线跑这个停掉",
    ],
)
def test_equipment_past_its_rated_life_and_a_fixed_route_are_how_work_is_organized(text: str) -> None:
    assert classify_lesson(text).dimension == Dimension.organization


def test_a_venues_opening_is_no_openness() -> None:
    assert classify_lesson("初级道开放前双巡检继续").dimension == Dimension.organization


@pytest.mark.parametrize(
    ("table", "keys"),
    [
        ("lesson_dimension", {d.value for d in D}),
        ("lesson_action", {a.value for a in A}),
        ("lesson_named_action", {a.value for a in A}),
        ("lesson_default_action", {"new_rule", "missing", "excess"}),
    ],
)
def test_every_language_file_holds_every_lesson_cue_table_with_the_same_keys(
    table: str, keys: set[str]
) -> None:
    # the cue words are data: adding a language means adding its words file, with every table filled in
    for lang in languages():
        assert set(words(lang)[table]) == keys, (lang, table)


def test_the_cue_words_of_each_language_type_its_own_lessons() -> None:
    assert "氛围" in DIMENSION_CUES[D.culture] and "culture" in DIMENSION_CUES[D.culture]
    assert "停止" in ACTION_CUES[A.stop] and "stop" in ACTION_CUES[A.stop]


@pytest.mark.parametrize(
    "text",
    [
        "导游临时换人前必须有线路交接",
        "Going forward, every new blank gets a cure test and a wash test before it goes live",
        "Any change to the paging system needs a named reviewer before it is approved",
    ],
)
def test_a_gate_a_change_must_pass_from_now_on_is_a_rule_to_start(text: str) -> None:
    assert classify_lesson(text).action == LessonAction.start


@pytest.mark.parametrize(
    "text",
    [
        "停止未经审批就改配置的做法",
        "Stop approving telephony changes nobody has seen",
        "Stop changing blanks without a test run",
    ],
)
def test_how_changes_are_approved_and_tested_is_the_organization(text: str) -> None:
    assert classify_lesson(text).dimension == Dimension.organization
