"""What a person says is filed once, where it belongs, or said back as not filed; never silently dropped,
never filed as talk. Lists with an incomplete item, owners with their trade, edits in one message,
type labels in brackets, meta answers to "why", a speaker introducing themself; zh and en."""

from __future__ import annotations

import pytest

from coach.engines.rules.action_words import owner_in
from coach.engines.rules.replies import render
from tests.engines.rules.helpers import TO_ACTIONS_ZH, TO_ANALYSIS_ZH, TO_LESSONS_ZH, Coaching
from tests.engines.rules.test_meta_and_edits import TO_ACTIONS_EN

TO_ANALYSIS_EN = (
    "Revenue target 1.2M, actual 960k; new clients target 50, actual 62",
    "that's all",
    "Revenue",
)
TO_LESSONS_EN = TO_ACTIONS_EN[:-1]

# ---- a list of actions: an item that lacks a part is kept as said ----------------------------------


@pytest.mark.parametrize(
    ("language", "opening", "text", "vague", "owners"),
    [
        (
            "zh",
            TO_ACTIONS_ZH,
            "行动：1. 招两名客户成功经理，王磊负责，1月15日前出方案；2. 上线回款看板，李娜负责，下季度末",
            "出方案",
            ["王磊", "李娜"],
        ),
        (
            "en",
            TO_ACTIONS_EN,
            "Actions: 1. Hire two success managers, Nina, by June 30, try harder; "
            "2. Build the collections dashboard, Omar, by May 20",
            "try harder",
            ["Nina", "Omar"],
        ),
    ],
)
def test_an_item_with_a_vague_how_among_several_is_kept_and_named(
    language: str, opening: tuple[str, ...], text: str, vague: str, owners: list[str]
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening, text)
    actions = coach.last.review.actions
    assert [a.who for a in actions] == owners  # the first item is not dropped
    assert actions[0].how == vague  # in the user's own words
    assert f"{vague}" in coach.reply and ("第1条怎么做" in coach.reply or "change 1's how" in coach.reply)
    asked = render("actions_vague", language, how=f"「{vague}」" if language == "zh" else f"“{vague}”")
    assert asked not in coach.reply  # no question about an item that is already filed


def test_an_item_without_a_date_among_several_is_kept_and_says_so() -> None:
    coach = Coaching()
    coach.script(
        *TO_ACTIONS_ZH, "行动：1. 合同加付款节点，法务老黄负责；2. 上线回款看板，财务部周婷负责，5月20日前"
    )
    actions = coach.last.review.actions
    assert [a.who for a in actions] == ["老黄", "周婷"] and actions[0].when is None
    assert "还缺截止日期" in coach.reply


def test_an_action_without_an_owner_never_reads_none() -> None:
    coach = Coaching(language="en")
    coach.script(
        *TO_ACTIONS_EN,
        "Actions: 1. Rewrite the terms by June 30; 2. Build the collections dashboard, Omar, by May 20",
    )
    assert coach.last.review.actions[0].who is None
    assert "None" not in coach.reply


# ---- owners ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("按预订备餐，大厨老魏，5月1日起", "老魏"),  # a trade before the name
        ("志愿者送餐路线，社工小蒋，月底前", "小蒋"),
        ("合同模板加反馈时限条款，负责人：法务 郑好，下周五前", "郑好"),  # the team, a space, the person
        ("合同模板加反馈时限条款，负责人：法务，下周五前", "法务"),  # a team alone stays the owner said
        ("每月损耗公示，我自己，丁慧，下周五前", "丁慧"),  # the speaker, who names themself
        ("开放日每所园办一次，各园园长负责，10月底前——算了，这个负责人写教学部杨帆", "杨帆"),  # taken back
    ],
)
def test_owners_as_people_name_them(text: str, owner: str) -> None:
    assert owner_in(text) == owner


def test_words_taken_back_are_no_part_of_the_action() -> None:
    coach = Coaching()
    coach.script(
        *TO_ACTIONS_ZH, "行动：家长开放日每所园各办一次，各园园长负责，10月底前——算了，这个负责人写教学部杨帆"
    )
    action = coach.last.review.actions[-1]
    assert action.who == "杨帆" and "算了" not in f"{action.what} {action.how}"


# ---- several edits in one message ---------------------------------------------------------------------


def test_edits_by_number_and_by_words_and_an_addition_in_one_message_all_land() -> None:
    coach = Coaching()
    coach.script(
        *TO_ACTIONS_ZH,
        "行动：1. 小程序预订教老人用，社工小蒋负责，下周一开始；2. 按预订备餐，大厨老魏，5月1日起；"
        "3. 志愿者送餐路线，社工小蒋，月底前",
        "第2条删掉，老魏说还做不到；送餐路线那条负责人换成志愿者队长程伟；再加一条：蔬菜供应商约谈，丁慧，4月30日前。",
    )
    actions = coach.last.review.actions
    assert [a.who for a in actions] == ["小蒋", "程伟", "丁慧"]
    assert not any("备餐" in f"{a.what} {a.how}" for a in actions)


def test_a_protest_at_a_question_never_asked_answers_the_how_of_the_last_action() -> None:
    coach = Coaching()
    coach.script(
        *TO_ACTIONS_ZH,
        "上线回款看板，财务部周婷负责，5月20日前",
        "再加一条：蔬菜供应商约谈，丁慧，4月30日前",
        "你怎么又问怎么做？约谈就是约谈，把扣款比例定下来。",
    )
    actions = coach.last.review.actions
    assert len(actions) == 2 and actions[1].how == "约谈就是约谈，把扣款比例定下来"


def test_a_protest_at_a_question_never_asked_adds_no_action() -> None:
    coach = Coaching()
    coach.script(*TO_ACTIONS_ZH, "行动：蔬菜供应商约谈，丁慧，4月30日前", "你怎么又问怎么做？约谈就是约谈。")
    actions = coach.last.review.actions
    assert len(actions) == 1 and actions[0].how == "蔬菜供应商约谈"  # "行动：" heads the list, no part of it


# ---- lessons: a type in brackets, an edit that names its lesson ----------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "first"),
    [
        ("zh", "经验：要新增上线陪跑（人）；定价策略要继续（业务）", ("要新增上线陪跑", "people", "start")),
        (
            "en",
            "Lessons: start onboarding coaching (people). Keep the tiered pricing (business).",
            ("start onboarding coaching", "people", "start"),
        ),
    ],
)
def test_a_type_in_brackets_types_the_lesson_and_is_no_part_of_its_words(
    language: str, text: str, first: tuple[str, str, str]
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*(TO_LESSONS_ZH if language == "zh" else TO_LESSONS_EN), text)
    lesson = coach.last.review.lessons[0]
    assert (lesson.text, lesson.dimension.value, lesson.action.value) == first


def test_a_retype_naming_its_lesson_by_one_word_lands_on_that_lesson() -> None:
    coach = Coaching(language="en")
    coach.script(
        *TO_LESSONS_EN,
        "Lessons: Stop filing the DNO application after install (organisation). "
        "Start booking the survey at contract signing (organisation). "
        "Optimise crew torque checks, that's people.",
        "Wait, the survey one isn't organisation, call it business.",
    )
    lessons = coach.last.review.lessons
    assert [lesson.dimension.value for lesson in lessons] == ["organization", "business", "people"]


def test_a_retype_naming_no_lesson_asks_which_rather_than_editing_the_last() -> None:
    coach = Coaching(language="en")
    coach.script(
        *TO_LESSONS_EN,
        "Lessons: Stop filing the DNO application after install (organisation). "
        "Optimise crew torque checks, people.",
        "The invoicing one is business.",
    )
    assert [lesson.dimension.value for lesson in coach.last.review.lessons] == ["organization", "people"]
    assert "1." in coach.reply and "2." in coach.reply  # which one?


# ---- analysis: talk is no cause, an introduction no finding ------------------------------------------


@pytest.mark.parametrize(
    ("language", "opening", "finding", "answer"),
    [
        ("zh", TO_ANALYSIS_ZH, "不足是毛利率没完成，大客户订单流失严重。", "这个是外部的，不用挖了"),
        (
            "en",
            TO_ANALYSIS_EN,
            "Shortfall: gross margin missed, we lost two big accounts.",
            "That's external, no need to dig.",
        ),
    ],
)
def test_an_answer_to_why_that_only_declines_files_no_cause(
    language: str, opening: tuple[str, ...], finding: str, answer: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening, "没有" if language == "zh" else "none", finding, answer)
    shortfall = coach.last.review.shortfalls[-1]
    assert shortfall.causes == []
    assert render("analysis_not_digging", language) in coach.reply


@pytest.mark.parametrize(
    ("language", "opening", "intro", "name"),
    [
        ("zh", TO_ANALYSIS_ZH, "我是王磊，销售总监", "王磊"),
        ("en", TO_ANALYSIS_EN, "I'm Wang Lei, sales director", "Wang Lei"),
    ],
)
def test_a_speaker_introducing_themself_is_no_finding(
    language: str, opening: tuple[str, ...], intro: str, name: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(
        *opening, "没有" if language == "zh" else "none", "没有" if language == "zh" else "none", intro
    )
    review = coach.last.review
    assert not any(name in f.text for f in [*review.highlights, *review.shortfalls])
    assert render("analysis_person_later", language, name=name) in coach.reply


# ---- "none" under a heading is no finding; an undo says all it took back -------------------------------


@pytest.mark.parametrize(
    ("language", "opening", "text"),
    [
        ("zh", ("回款目标1.2亿，实际9600万",), "亮点：没有"),
        ("en", ("on-time delivery target 95, actual 88",), "wins: none really"),
        ("en", ("on-time delivery target 95, actual 88", "that's all"), "Wins: nothing this time."),
    ],
)
def test_a_heading_with_none_under_it_files_nothing(
    language: str, opening: tuple[str, ...], text: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening, text)
    assert coach.last.review.highlights == []


def test_misses_head_the_shortfalls() -> None:
    coach = Coaching(language="en")
    coach.script(
        "on-time delivery target 95, actual 88", "that's all", "none", "misses: the trucks left late"
    )
    assert [f.text for f in coach.last.review.shortfalls] == ["the trucks left late"]


def test_an_undo_of_a_turn_that_filed_two_actions_names_both() -> None:
    coach = Coaching(language="en")
    coach.script(
        *TO_ACTIONS_EN, "Sam owns the batch schedule by Friday; Priya runs the daily ops call from Monday"
    )
    assert len(coach.last.review.actions) == 2
    coach.say("undo")
    assert coach.last.review.actions == []
    undone = coach.reply.splitlines()[0]
    assert undone.count("“") == 2 and "daily ops call" in undone  # both, not only the last one


# ---- "done" at "who's next?", a share said twice, reflections and lessons said tersely -------------------


@pytest.mark.parametrize(
    ("language", "person", "done"),
    [
        ("zh", "我是张敏。最触动的是客户流失；发现自己看数据太少；重来会每周看数据；下一步建周报。", "完成"),
        (
            "en",
            "I'm Maria. Most moved by a churn video; learned I assume; I'd test first; next step: calls.",
            "done",
        ),
    ],
)
def test_done_when_asked_who_is_next_ends_the_reflections_not_the_review(
    language: str, person: str, done: str
) -> None:
    opening = TO_ANALYSIS_ZH if language == "zh" else TO_ANALYSIS_EN
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening, "没有" if language == "zh" else "none", "没有" if language == "zh" else "none")
    coach.script("跳过" if language == "zh" else "skip", person)
    assert coach.stage == "reflection"
    coach.say(done)
    assert coach.stage == "lessons"  # the method goes on: lessons and actions are still to come


def test_a_share_said_again_exactly_replaces_the_word_for_it() -> None:
    coach = Coaching(language="en")
    coach.script(
        *TO_ANALYSIS_EN,
        "none",
        "bad: people don't finish setup; why? the wizard has 9 steps; why? we never ran usability tests."
        " thats the root, most of it, say 75%",
    )
    (chain,) = coach.last.review.cause_chains
    assert chain.share == 0.75  # "most of it" alone would be 0.7


def test_a_terse_reflection_reads_each_answer_without_its_label() -> None:
    coach = Coaching(language="en")
    coach.script(*TO_ANALYSIS_EN, "none", "none", "skip")
    coach.say(
        "I'm Maria. Moved most by a churned user's video. Learned I assume too much."
        " Would do: test with 5 users first."
    )
    (reflection,) = coach.last.review.reflections
    assert reflection.most_touched == "a churned user's video"
    assert reflection.do_better == "test with 5 users first"


def test_a_type_after_a_dash_types_the_lesson_and_leaves_its_words() -> None:
    coach = Coaching(language="en")
    coach.script(*TO_LESSONS_EN, "keep annual plan push - business. start usability testing - org.")
    assert [(lesson.text, lesson.dimension.value) for lesson in coach.last.review.lessons] == [
        ("keep annual plan push", "business"),
        ("start usability testing", "organization"),
    ]


# ---- corrections of a number, a share; a type said as the last clause ---------------------------------


@pytest.mark.parametrize(
    ("language", "goals", "fix", "result"),
    [
        (
            "zh",
            "到店客流目标2万人次，实际1.6万；会员新增目标3000，实际3400",
            "等下，客流实际是1.65万，我看错了",
            16500,
        ),
        (
            "en",
            "Store visits target 20k, actual 16k; new members target 3000, actual 3400",
            "sorry, visits were 16.5k",
            16500,
        ),
    ],
)
def test_a_corrected_count_replaces_the_result_of_the_kpi_it_names(
    language: str, goals: str, fix: str, result: float
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(goals, fix)
    assert coach.last.review.goals[0].result_value == result
    assert coach.last.review.goals[1].result_value == 3400


@pytest.mark.parametrize(
    ("language", "ladder", "fix"),
    [
        (
            "zh",
            "不足：坪效低，表面上是周末没人，往下看是周末没活动，根本原因是市场部周末不排班，占六成",
            "不是六成，是七成",
        ),
        (
            "en",
            "bad: weekend sales low; underneath no events; root cause is marketing has no weekend rota, 60%",
            "not 60%, 70%",
        ),
    ],
)
def test_a_share_corrected_takes_the_new_value_not_the_old(language: str, ladder: str, fix: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(
        *(TO_ANALYSIS_ZH if language == "zh" else TO_ANALYSIS_EN), "没有" if language == "zh" else "none"
    )
    coach.script(ladder, fix)
    assert [c.share for c in coach.last.review.cause_chains] == [0.7]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "zh",
            "经验：扫码送券继续，业务；周末活动排班新增，组织",
            [("扫码送券继续", "business"), ("周末活动排班新增", "organization")],
        ),
        (
            "en",
            "Lessons: keep the buddy shifts, that's people. Start a weekend rota, org.",
            [("keep the buddy shifts", "people"), ("Start a weekend rota", "organization")],
        ),
    ],
)
def test_a_type_said_as_the_last_clause_types_the_lesson_and_leaves_its_words(
    language: str, text: str, expected: list[tuple[str, str]]
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*(TO_LESSONS_ZH if language == "zh" else TO_LESSONS_EN), text)
    assert [(lesson.text, lesson.dimension.value) for lesson in coach.last.review.lessons] == expected


# ---- protests are no data; a list after a remark; an ownerless, dateless draft is said back -------------


@pytest.mark.parametrize(
    ("language", "protest"),
    [("zh", "你怎么又问？我都告诉你根因了"), ("en", "why are you asking again? I told you the root cause")],
)
def test_a_protest_that_the_answer_was_given_files_nothing(language: str, protest: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*(TO_ANALYSIS_ZH if language == "zh" else TO_ANALYSIS_EN), protest)
    review = coach.last.review
    assert review.highlights == [] and review.shortfalls == []


def test_lessons_after_a_remark_on_the_proposals_leave_the_remark_out() -> None:
    coach = Coaching(language="en")
    coach.script(
        *TO_LESSONS_EN, "stop proposing lessons from causes, here are mine: own test infra (org, start)"
    )
    assert [lesson.text for lesson in coach.last.review.lessons] == ["own test infra"]


def test_finishing_with_a_draft_that_names_no_owner_and_no_date_files_no_action() -> None:
    coach = Coaching(language="en")
    coach.script(*TO_ACTIONS_EN, "Raj owns test infra from May 1", "no, the second one is Lin Chen not Lin")
    coach.say("that's all")
    assert [a.who for a in coach.last.review.actions] == ["Raj"]
    assert "no, the second one" in coach.reply  # said back, not silently dropped
