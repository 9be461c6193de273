"""Precision before recall: causes, owners, edits and goals read the way they were meant, never guessed
into the wrong field; zh and en."""

from __future__ import annotations

import pytest

from coach.engines.rules.action_words import owner_in
from coach.engines.rules.stages.review import parse_goals
from coach.engines.rules.text import split_items
from tests.engines.rules.helpers import TO_ANALYSIS_ZH, TO_LESSONS_ZH, Coaching
from tests.engines.rules.test_lists_and_owners import ACTIONS_EN, TO_LESSONS_EN

TO_ANALYSIS_EN = ("Revenue target 1.2M, actual 960k", "that's all", "Revenue")


@pytest.mark.parametrize(
    ("language", "opening", "finding", "rung"),
    [
        ("zh", TO_ANALYSIS_ZH, "不足：回款慢，两家大客户压款。", "表面上是客户压款，其实是发票总被退回。"),
        (
            "en",
            TO_ANALYSIS_EN,
            "Bad: slow collections, two big clients held payment.",
            "On the surface, invoices bounce.",
        ),
    ],
)
def test_a_rung_of_the_ladder_among_the_findings_starts_the_drill_down(
    language: str, opening: tuple[str, ...], finding: str, rung: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening, "没有" if language == "zh" else "none", finding)
    result = coach.say(rung)
    assert len(result.review.shortfalls) == 1  # the rung is no new finding
    assert coach.step == "drill" and not result.review.cause_chains  # its first level; why is asked next


def test_another_cause_said_after_the_drill_down_is_a_chain_not_a_reflection() -> None:
    coach = Coaching()
    coach.script(*TO_LESSONS_ZH[:-1])
    assert coach.stage == "reflection"
    review = coach.say("还有一个是上游供应商停产，这个是外部的，不用挖了。").review
    assert not review.reflections
    assert any("供应商停产" in (c.root_cause or "") and not c.is_main for c in review.cause_chains)


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("流程改造，副校长孙涛负责，10月31日前", "孙涛"),
        ("派单系统加入路程计算——信息中心黄斌，11月30日前", "黄斌"),
        ("Ops rota rewrite, owner Priya, by May 2", "Priya"),
    ],
)
def test_a_title_or_team_before_the_name_is_no_part_of_the_owner(text: str, owner: str) -> None:
    assert owner_in(text) == owner


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("2 outages, 3.5h total. both on the metastore", 1),
        ("drop-off 35% at step 4. crashes on old phones", 1),
        ("1. 排班调整；2. 系统改造", 2),
        ("Actions: 1) forecast, Raj. 2) flex shifts, Bea.", 3),
    ],
)
def test_a_number_opens_an_item_only_where_a_list_would_put_it(text: str, items: int) -> None:
    assert len(split_items(text)) == items


@pytest.mark.parametrize(
    ("language", "edit", "owners"),
    [
        ("en", "Correction: number 1 goes to Omar, and number 2 to Nina.", ["Omar", "Nina"]),
        ("zh", "第1条交给老黄，第2条交给周婷", ["老黄", "周婷"]),
    ],
)
def test_several_edits_in_one_message_each_land_on_their_item(
    language: str, edit: str, owners: list[str]
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*(TO_LESSONS_ZH if language == "zh" else TO_LESSONS_EN))
    coach.say(
        "行动：一是上线回款看板，周婷负责，5月20日前；二是合同加付款节点，老黄负责，6月底前。"
        if language == "zh"
        else ACTIONS_EN
    )
    result = coach.say(edit)
    assert [a.who for a in result.review.actions] == owners


def test_the_value_a_change_names_wins_over_words_in_its_reason() -> None:
    coach = Coaching(language="en")
    coach.script(*TO_LESSONS_EN[:-1], "skip")
    coach.say("lessons: keep weekly demos, org. stop fixed rotas, org")
    result = coach.say("change 2 to optimize, we'll keep the rotas but add flex days")
    assert result.review.lessons[-1].action.value == "optimize"


@pytest.mark.parametrize(
    ("text", "target", "verdict"),
    [
        ("入户检查完成率：目标95%，实际81%", 95.0, "missed"),
        ("Phishing click rate: target under 5%, actual 3.2%", 5.0, "exceeded"),
        ("投诉：目标不超过15件，实际9件", 15.0, "exceeded"),
    ],
)
def test_a_rate_name_or_a_ceiling_before_the_target_reads_right(
    text: str, target: float, verdict: str
) -> None:
    (goal,) = parse_goals(text)
    assert goal.target_value == target and goal.verdict is not None and goal.verdict.value == verdict


@pytest.mark.parametrize(
    ("language", "text"),
    [("zh", "老周也在，他今天只旁听。"), ("en", "Dev is here too, but only listening today.")],
)
def test_someone_who_only_listens_gives_no_reflection(language: str, text: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*TO_LESSONS_ZH[:-1]) if language == "zh" else coach.script(
        *TO_LESSONS_EN[:-2], "I'm Sara. Most moved: the churn. I found I wait too long."
    )
    assert coach.stage == "reflection"
    before = len(coach.last.review.reflections)
    result = coach.say(text)
    assert len(result.review.reflections) == before and not result.review.actions


@pytest.mark.parametrize(
    ("language", "opening", "text"),
    [
        ("zh", TO_ANALYSIS_ZH, "为什么？排班按季度定，周一跟平时一样，负责人没变"),
        ("en", TO_ANALYSIS_EN, "Why: shifts are fixed quarterly, and Monday is treated like any other day."),
    ],
)
def test_a_cause_that_mentions_a_day_is_no_action(language: str, opening: tuple[str, ...], text: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(
        *opening, "没有" if language == "zh" else "none", "回款没达成" if language == "zh" else "Bad: revenue"
    )
    result = coach.say(text)
    assert not result.review.actions and coach.stage == "analysis"


@pytest.mark.parametrize(("language", "text"), [("zh", "反思就这些"), ("en", "That's all the reflections.")])
def test_the_end_of_the_reflections_said_later_ends_nothing_else(language: str, text: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(
        *(TO_LESSONS_ZH if language == "zh" else TO_LESSONS_EN), "确认" if language == "zh" else "ok"
    )
    assert coach.stage == "actions"
    coach.say(text)
    assert coach.stage == "actions" and not coach.last.review.actions


@pytest.mark.parametrize(
    ("text", "name", "target", "result"),
    [
        ("Signups week 2: 48k vs 40k target", "Signups week", 40000.0, 48000.0),
        ("第2周注册数：目标4万，实际4.8万", "注册数", 40000.0, 48000.0),
        ("Support cost per 1k users target 120, actual 150", "Support cost per 1k users", 120.0, 150.0),
        ("每100元销售额的退款目标3元，实际2元", "每100元销售额的退款", 3.0, 2.0),
    ],
)
def test_a_number_inside_the_kpi_name_is_no_value(text: str, name: str, target: float, result: float) -> None:
    (goal,) = parse_goals(text)
    assert name in goal.name
    assert (goal.target_value, goal.result_value) == (target, result)


@pytest.mark.parametrize(
    ("language", "goals", "fix", "target"),
    [
        (
            "en",
            "Churn target 3%, actual 4.5%. Expansion target 2M, actual 2.3M.",
            "oops, churn target was 2.5%, not 3",
            2.5,
        ),
        ("zh", "流失率目标3%，实际4.5%；扩容收入目标200万，实际230万", "流失率目标是2.5%不是3%", 2.5),
    ],
)
def test_a_new_number_beside_the_old_one_corrects_the_goal(
    language: str, goals: str, fix: str, target: float
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.say(goals)
    review = coach.say(fix).review
    assert len(review.goals) == 2 and review.goals[0].target_value == target


def test_an_owner_change_in_other_words_after_a_protest() -> None:
    coach = Coaching(language="en")
    coach.script(*TO_LESSONS_EN)
    coach.say(ACTIONS_EN)
    result = coach.say("no wait, number 2 should be owned by Kim")
    assert [a.who for a in result.review.actions] == ["Nina", "Kim"]


def test_a_numbered_list_on_new_lines_keeps_no_numbers_in_its_items() -> None:
    assert split_items("Lessons:\n1. keep demos\n2. start load tests\n3. stop Friday deploys")[1:] == [
        "keep demos",
        "start load tests",
        "stop Friday deploys",
    ]


@pytest.mark.parametrize(
    ("language", "edit", "owners"),
    [
        ("en", "change #1's owner to Priya and drop #2", ["Priya"]),
        ("zh", "第1条负责人改成陈静，再删掉第2条", ["陈静"]),
    ],
)
def test_a_change_and_a_deletion_joined_in_one_message_each_land_on_their_item(
    language: str, edit: str, owners: list[str]
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*(TO_LESSONS_ZH if language == "zh" else TO_LESSONS_EN))
    coach.say(
        "行动：一是上线回款看板，周婷负责，5月20日前；二是合同加付款节点，老黄负责，6月底前。"
        if language == "zh"
        else ACTIONS_EN
    )
    result = coach.say(edit)
    assert [a.who for a in result.review.actions] == owners
