"""Meta-talk and commands never become data: help, "刚说了 …", "这个是外部的", protests, edits, undo."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.engines.rules.helpers import TO_ACTIONS_ZH, TO_DRILL_ZH, TO_LESSONS_ZH, Coaching

TO_ACTIONS_EN = (
    "Revenue target 1.2M, actual 960k",
    "that's all",
    "Revenue",
    "none",
    "Revenue missed because big clients paid late",
    "none",
    "because approvals got slower",
    "the root cause is we had no collections tracking",
    "yes",
    "80%",
    "skip",
    "ok",
)


def _with_one_action(language: str = "zh") -> Coaching:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    if language == "zh":
        coach.script(*TO_ACTIONS_ZH, "每周一对齐回款数据，@李娜 负责，下周五前")
    else:
        coach.script(*TO_ACTIONS_EN, "review overdue invoices every Monday, Priya, by next Friday")
    assert coach.step == "more" and len(coach.last.review.actions) == 1, coach.reply
    return coach


@pytest.mark.parametrize(
    ("language", "text"), [("zh", "/help"), ("zh", "帮助"), ("en", "help"), ("en", "/help")]
)
def test_help_answers_with_help_and_files_nothing(language: str, text: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    result = coach.say(text)
    assert ("四步" in result.reply) if language == "zh" else ("four steps" in result.reply)
    assert result.review.goals == [] and coach.step == "goals"


def test_already_said_files_the_content_without_the_lead() -> None:
    coach = Coaching()
    result = coach.say("刚说了，回款目标1.2亿，实际9600万")
    assert [g.name for g in result.review.goals] == ["回款"]
    assert "刚说了" not in (result.review.goals[0].evidence or "")


def test_already_said_during_the_drill_files_the_cause_without_the_lead() -> None:
    coach = Coaching()
    coach.script(*TO_DRILL_ZH)
    result = coach.say("刚说了，付款条款是验收后90天")
    assert result.state["analysis"]["drill"]["answers"] == ["付款条款是验收后90天"]


def test_already_said_in_english_and_with_nothing_after_it() -> None:
    coach = _with_one_action("en")
    result = coach.say("I already said")
    assert "say it once more" in result.reply and len(result.review.actions) == 1


@pytest.mark.parametrize("text", ["这个是外部的，不用挖了", "客户预算冻结，不可控"])
def test_an_external_cause_gets_the_control_question_not_another_why(text: str) -> None:
    coach = Coaching()
    coach.script(*TO_DRILL_ZH)
    result = coach.say(text)
    assert "可控" in result.reply and "我们能做什么" in result.reply
    assert "为什么" not in result.reply and "不用挖了" not in result.reply
    # what we can do about it is the cause in our control, offered as the root
    after = coach.say("我们没有在签约前锁定付款条款")
    assert coach.step == "confirm_root" and "没有在签约前锁定付款条款" in after.reply


def test_external_twice_closes_the_chain_at_the_outside_cause() -> None:
    coach = Coaching()
    coach.script(*TO_DRILL_ZH)
    coach.say("客户预算冻结，不可控")
    result = coach.say("不可控")
    assert result.review.cause_chains[-1].root_cause == "客户预算冻结（外部）"  # recorded as outside
    assert coach.step == "share"


def test_out_of_our_control_in_english() -> None:
    coach = Coaching(language="en")
    coach.script(*TO_ACTIONS_EN[:7])
    assert coach.step == "drill", coach.reply
    result = coach.say("that's external, out of our control")
    assert "in our control" in result.reply and "What can we do" in result.reply


def test_an_edit_of_a_date_by_number_changes_that_action_only() -> None:
    coach = _with_one_action()
    result = coach.say("第1条的截止日期改成6月30日")
    assert len(result.review.actions) == 1 and result.review.actions[0].when == dt.date(2026, 6, 30)
    assert result.review.actions[0].who == "李娜"


def test_an_edit_in_english() -> None:
    coach = _with_one_action("en")
    coach.say("change 1's date to June 30")
    result = coach.say("change 1's owner to Tom")
    action = result.review.actions[0]
    assert (action.when, action.who) == (dt.date(2026, 6, 30), "Tom")


@pytest.mark.parametrize(("language", "text"), [("zh", "删掉第1条"), ("en", "delete 1")])
def test_delete_by_number_deletes_and_asks_nothing_about_it(language: str, text: str) -> None:
    coach = _with_one_action(language)
    result = coach.say(text)
    assert result.review.actions == []
    assert "负责" not in result.reply and "Who owns" not in result.reply


def test_delete_then_add_in_one_message_does_both() -> None:
    coach = _with_one_action()
    result = coach.say("第1条删掉，加一条：每月做一次大客户回访，张伟负责，5月底前")
    assert [a.who for a in result.review.actions] == ["张伟"]
    assert "大客户回访" in result.review.actions[0].what


def test_a_protest_is_never_an_item_and_the_number_is_asked_about() -> None:
    coach = _with_one_action()
    result = coach.say("不是新行动，我是要改第1条")
    assert len(result.review.actions) == 1 and "第 1 条要改成什么" in result.reply
    after = coach.say("截止日期改成6月30日")
    assert len(after.review.actions) == 1 and after.review.actions[0].when == dt.date(2026, 6, 30)


def test_a_protest_drops_the_draft_being_assembled() -> None:
    coach = _with_one_action()
    coach.say("每月做一次客户回访")
    assert coach.last.state["actions"]["draft"] is not None
    result = coach.say("不是新行动")
    assert result.state["actions"]["draft"] is None and len(result.review.actions) == 1


def test_an_item_that_is_not_there_is_said_so() -> None:
    coach = _with_one_action()
    result = coach.say("删掉第4条")
    assert "没有第 4 条" in result.reply and len(result.review.actions) == 1


@pytest.mark.parametrize(("language", "word"), [("zh", "撤销"), ("en", "undo")])
def test_undo_takes_back_the_last_fact_filed(language: str, word: str) -> None:
    coach = _with_one_action(language)
    coach.say("删掉第1条" if language == "zh" else "delete 1")
    restored = coach.say(word)
    assert len(restored.review.actions) == 1
    before_action = coach.say(word)
    assert before_action.review.actions == []  # the undo before that: the action itself


@pytest.mark.parametrize(
    ("language", "added", "undo"),
    [
        ("zh", "再加一条：每月一次客户回访，张伟负责，5月底前", "撤销，回访并到周会里了"),
        ("en", "Add one: monthly client check-in, Tom, by end of May", "undo that, we'll fold it in"),
    ],
)
def test_undo_with_its_reason_takes_back_exactly_the_action_just_added(
    language: str, added: str, undo: str
) -> None:
    coach = _with_one_action(language)
    before = [a.model_dump() for a in coach.last.review.actions]
    assert len(coach.say(added).review.actions) == 2
    result = coach.say(undo)
    assert [a.model_dump() for a in result.review.actions] == before  # the reason is no new action


@pytest.mark.parametrize(
    ("language", "listed", "undo"),
    [
        (
            "zh",
            "行动：一是上线回款看板，财务部周婷负责，5月20日前；二是销售奖金按回款算，销售部王强负责，6月底前。",
            "撤销，奖金那条不归我们定",
        ),
        (
            "en",
            "Actions: Nina builds the collections dashboard by May 20; "
            "Omar sets a sales bonus on collections by June 30.",
            "Undo that, the bonus isn't ours to decide.",
        ),
    ],
)
def test_undo_whose_reason_names_one_of_the_items_just_filed_takes_back_only_that_one(
    language: str, listed: str, undo: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(
        *(TO_ACTIONS_ZH if language == "zh" else TO_ACTIONS_EN), "跳过" if language == "zh" else "skip"
    )
    assert len(coach.say(listed).review.actions) == 2
    (kept,) = coach.say(undo).review.actions
    assert "bonus" not in kept.what.lower() and "奖金" not in kept.what
    assert coach.say("撤销" if language == "zh" else "undo").review.actions == []  # then the rest of it


@pytest.mark.parametrize(
    ("language", "added", "then"),
    [
        (
            "zh",
            "再加一条：每月一次客户回访，张伟负责，5月底前",
            "撤销，回访已经在办了。还有，不是新行动，我是要改第1条：负责人换成孙丽。",
        ),
        (
            "en",
            "Add one: monthly client check-in, Tom, by end of May",
            "Undo that, the check-ins are already running. Also, change 1's owner to Priya.",
        ),
    ],
)
def test_an_undo_with_its_reason_then_an_edit_does_both(language: str, added: str, then: str) -> None:
    coach = _with_one_action(language)
    coach.say(added)
    (action,) = coach.say(then).review.actions
    assert action.who == ("孙丽" if language == "zh" else "Priya")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # an action to revoke or roll back something is an action
        ("en", "Revert the pricing change, Tom, by Friday"),
        ("zh", "撤销二级审批，张伟负责，5月底前"),
    ],
)
def test_an_action_that_starts_with_undo_words_is_an_action(language: str, text: str) -> None:
    coach = _with_one_action(language)
    assert len(coach.say(text).review.actions) == 2


def test_undo_with_nothing_filed_says_so() -> None:
    result = Coaching().say("撤销")
    assert "没有可以撤销" in result.reply


def test_a_lesson_edit_by_content_lands_on_the_lesson_it_names() -> None:
    coach = Coaching()
    coach.script(*TO_LESSONS_ZH)
    coach.say("加一条：老带新裂变活动效果好")
    coach.say("加一条：报价审批太慢")
    coach.say("第3条属于组织")  # the cursor now sits on the last lesson
    for _ in range(3):
        result = coach.say("要继续做老带新裂变活动")
        lessons = result.review.lessons
        assert lessons[1].action == "continue" and lessons[2].text == "报价审批太慢"


def test_a_lesson_edit_by_content_that_matches_two_asks_which() -> None:
    coach = Coaching()
    coach.script(*TO_LESSONS_ZH)
    coach.say("加一条：客户回访频率太低")
    coach.say("加一条：客户回访记录不全")
    before = [lesson.model_dump() for lesson in coach.last.review.lessons]
    result = coach.say("客户回访要停止")
    assert "哪一条" in result.reply and "2." in result.reply and "3." in result.reply
    assert [lesson.model_dump() for lesson in result.review.lessons] == before


def test_an_owner_set_off_by_commas_beats_a_verb_at_the_start() -> None:
    coach = Coaching(language="en")
    coach.script(*TO_ACTIONS_EN)
    result = coach.say("Route alerts by service, Tom, by end of next month.")
    action = result.review.actions[0]
    assert (action.who, action.when) == ("Tom", dt.date(2026, 5, 31))
    assert action.how == "Route alerts by service"


def test_a_date_with_its_before_marker_is_not_part_of_the_how() -> None:
    coach = Coaching()
    coach.script(*TO_ACTIONS_ZH)
    coach.say("张伟1月15日前出渠道分级方案初稿")
    draft_or_action = coach.last.review.actions or [coach.last.state["actions"]["draft"]]
    item = draft_or_action[0]
    how = item.how if hasattr(item, "how") else item["how"]
    assert how == "出渠道分级方案初稿"


def test_a_day_named_inside_a_period_is_the_deadline() -> None:
    coach = Coaching(review_date=dt.date(2026, 12, 20))
    coach.script(*TO_ACTIONS_ZH)
    result = coach.say("下季度梳理渠道分级，6月30日前，李娜负责")
    assert result.review.actions[0].when == dt.date(2027, 6, 30)


_DICTATED = {
    "zh": "经验：\n1. 预售提前开，继续（业务）\n2. 节前签保底运力，新增（组织）\n3. 凭感觉囤货，停止（文化）",
    "en": "Lessons:\n1. Continue presales early (business)\n2. Start peak courier contracts (organisation)\n"
    "3. Stop stocking by gut feel (culture)",
}


@pytest.mark.parametrize(
    ("language", "edits"),
    [
        (
            "zh",
            "第2条改成文化的，不是组织，这是习惯问题。第3条删掉，再加一条：预售数据接进采购，新增，组织。",
        ),
        ("en", "Change #2 to culture, it's how we behave, not a process. And drop #3."),
    ],
)
def test_edits_in_sentences_of_their_own_each_land_on_the_item_they_name(language: str, edits: str) -> None:
    from tests.engines.rules.test_own_lessons import OPENINGS

    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*OPENINGS[language], _DICTATED[language])
    lessons = coach.say(edits).review.lessons
    assert lessons[0].dimension == "business" and lessons[0].text.startswith(
        ("预售提前开", "Continue presales")
    )
    assert lessons[1].dimension == "culture" and lessons[1].action == "start"  # retyped, words kept
    assert lessons[1].text.startswith(("节前签保底运力", "Start peak courier"))
    assert not any("囤" in lesson.text or "gut feel" in lesson.text for lesson in lessons)  # #3 deleted


@pytest.mark.parametrize(
    ("language", "rewrite", "text"),
    [
        ("zh", "第2条改成：组织例会每周开一次", "组织例会每周开一次"),
    ],
)
def test_a_rewrite_after_change_to_is_still_a_rewrite(language: str, rewrite: str, text: str) -> None:
    from tests.engines.rules.test_own_lessons import OPENINGS

    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*OPENINGS[language], _DICTATED[language])
    lessons = coach.say(rewrite).review.lessons
    assert len(lessons) == 3 and lessons[1].text.startswith(text)


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "Drop #3. It repeats #2, which stays as it is."),
        ("zh", "第3条删掉。它跟第2条重复了，第2条保留。"),
    ],
)
def test_a_sentence_that_only_mentions_another_number_edits_nothing_there(language: str, said: str) -> None:
    from tests.engines.rules.test_own_lessons import OPENINGS

    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*OPENINGS[language], _DICTATED[language])
    lessons = coach.say(said).review.lessons
    assert len(lessons) == 2 and lessons[1].text.startswith(("节前签保底运力", "Start peak courier"))


_TWO_ALIKE = {
    "zh": "经验：1. 应答器按故障数据做状态修，新增，组织；2. 停止一刀切的定期巡检，组织；"
    "3. 晚点广播报原因，继续，业务",
    "en": "Lessons: 1. Start condition-based balise maintenance, organisation; "
    "2. Stop blanket periodic inspections, organisation; "
    "3. Continue delay announcements with reasons, business",
}


@pytest.mark.parametrize(
    ("language", "said", "gone"),
    [
        ("zh", "一刀切那条和状态修那条其实是一回事，把一刀切那条删掉。", "一刀切"),
        (
            "en",
            "The blanket inspections one and the condition-based one are the same, "
            "drop the blanket inspections one.",
            "blanket",
        ),
    ],
)
def test_of_two_lessons_named_the_one_named_where_it_is_deleted_goes(
    language: str, said: str, gone: str
) -> None:
    from tests.engines.rules.test_own_lessons import OPENINGS

    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*OPENINGS[language], _TWO_ALIKE[language])
    lessons = coach.say(said).review.lessons
    assert len(lessons) == 2 and not any(gone in lesson.text for lesson in lessons)


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("zh", "一刀切那条和状态修那条都删掉吧"),
        ("zh", "把一刀切的那条和状态修的那条都删掉"),
        ("en", "Drop the blanket one and the condition-based one."),
        ("en", "Remove the blanket inspections one and the balise one, please"),
    ],
)
def test_a_delete_that_names_two_lessons_by_their_words_takes_out_both(language: str, said: str) -> None:
    from tests.engines.rules.test_own_lessons import OPENINGS

    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*OPENINGS[language], _TWO_ALIKE[language])
    lessons = coach.say(said).review.lessons
    assert [lesson.text[:4] for lesson in lessons] == [_TWO_ALIKE[language].split("3. ")[1][:4]]


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("zh", "把一刀切那条和预算那条都删掉"),
        ("en", "Drop the blanket one and the budget one."),
    ],
)
def test_a_delete_naming_a_lesson_that_is_not_there_asks_and_adds_nothing(language: str, said: str) -> None:
    from tests.engines.rules.test_own_lessons import OPENINGS

    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*OPENINGS[language], _TWO_ALIKE[language])
    lessons = coach.say(said).review.lessons
    assert len(lessons) == 3  # never a guess
    assert not any("budget" in x.text or "预算" in x.text for x in lessons)


@pytest.mark.parametrize(
    ("language", "said", "new"),
    [
        ("en", "Drop the weekly status meeting, it's useless.", "weekly status meeting"),
        ("en", "- drop the weekly status meeting, nobody reads the notes", "weekly status meeting"),
        ("zh", "停掉每周的状态例会，没用。", "状态例会"),
    ],
)
def test_a_stop_lesson_that_names_no_lesson_is_a_new_lesson(language: str, said: str, new: str) -> None:
    from tests.engines.rules.test_own_lessons import OPENINGS

    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*OPENINGS[language], _TWO_ALIKE[language])
    lessons = coach.say(said).review.lessons
    assert len(lessons) == 4 and new in lessons[3].text


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "delete the last one, it belongs in actions."),
        ("zh", "删掉最后一条，那个放到行动里。"),
    ],
)
def test_a_lesson_named_by_its_place_is_deleted_by_place_not_asked_about(language: str, said: str) -> None:
    from tests.engines.rules.test_own_lessons import OPENINGS

    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*OPENINGS[language], _TWO_ALIKE[language])
    lessons = coach.say(said).review.lessons
    last = ("晚点广播", "Continue delay")
    assert len(lessons) == 2 and not any(lesson.text.startswith(last) for lesson in lessons)
