"""Lists said in one message, owners named the way people name them, and finishing mid-action; zh and en."""

from __future__ import annotations

import datetime as dt

import pytest

from coach.engines.rules.action_words import owner_in
from tests.engines.rules.helpers import TO_ACTIONS_ZH, TO_LESSONS_ZH, Coaching
from tests.engines.rules.test_meta_and_edits import TO_ACTIONS_EN

TO_LESSONS_EN = TO_ACTIONS_EN[:-1]
ACTIONS_EN = (
    "Actions: Nina builds the collections dashboard by May 20; Omar rewrites the payment terms by June 30."
)


@pytest.mark.parametrize(
    ("language", "opening", "text", "owners"),
    [
        (
            "zh",
            TO_LESSONS_ZH,
            "行动：一是上线回款看板，财务部周婷负责，5月20日前；二是合同加付款节点，法务老黄负责，6月底前。",
            ["周婷", "老黄"],
        ),
        (
            "en",
            TO_LESSONS_EN,
            ACTIONS_EN,
            ["Nina", "Omar"],
        ),
    ],
)
def test_several_actions_said_at_the_lessons_step_are_filed_apart(
    language: str, opening: tuple[str, ...], text: str, owners: list[str]
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    assert coach.stage == "lessons"
    result = coach.say(text)
    assert [a.who for a in result.review.actions] == owners
    assert all(a.when for a in result.review.actions)
    assert coach.stage == "actions" and coach.step == "more"
    assert result.reply.count("还有别的行动吗" if language == "zh" else "Any other action") == 1


@pytest.mark.parametrize(
    ("language", "opening", "text", "whats", "owners"),
    [
        (
            "zh",
            TO_LESSONS_ZH,
            "行动：\n- 回款看板｜财务部周婷｜5月20日前\n- 合同加付款节点｜法务部老黄｜6月底前",
            ["回款看板", "合同加付款节点"],
            ["周婷", "老黄"],
        ),
        (
            "en",
            TO_LESSONS_EN,
            "Actions:\n- collections dashboard | Nina from finance | by May 20\n"
            "- payment terms | Omar | by June 30",
            ["collections dashboard", "payment terms"],
            ["Nina", "Omar"],
        ),
    ],
)
def test_a_table_row_is_an_item_its_cells_the_work_the_owner_and_the_date(
    language: str, opening: tuple[str, ...], text: str, whats: list[str], owners: list[str]
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    actions = coach.say(text).review.actions
    assert [a.who for a in actions] == owners and all(a.when for a in actions)
    for action, what in zip(actions, whats, strict=True):
        said = f"{action.what} {action.how or ''}"
        assert (
            what in said
            and "｜" not in said
            and "|" not in said
            and "部" not in said
            and "finance" not in said
        )


@pytest.mark.parametrize(
    ("language", "opening", "head"), [("zh", TO_LESSONS_ZH, "行动"), ("en", TO_LESSONS_EN, "actions")]
)
def test_the_step_named_alone_moves_on_to_it(language: str, opening: tuple[str, ...], head: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    result = coach.say(head)
    assert coach.stage == "actions" and not result.review.actions


@pytest.mark.parametrize(
    ("language", "opening", "text", "finish"),
    [
        ("zh", TO_ACTIONS_ZH, "回款周报改版", "好，就这些，结束。"),
        ("en", TO_ACTIONS_EN, "rework the weekly cash report", "ok, that's all, wrap up"),
    ],
)
def test_finishing_while_an_action_lacks_a_part_keeps_what_was_said(
    language: str, opening: tuple[str, ...], text: str, finish: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    while coach.step == "item":  # past the walk through the lessons
        coach.say("跳过" if language == "zh" else "skip")
    coach.say(text)
    result = coach.say(finish)
    assert coach.stage == "done"
    assert all(finish not in (a.who or "") + (a.how or "") for a in result.review.actions)


def test_a_speaker_who_names_themself_owns_the_action() -> None:
    coach = Coaching()
    coach.script(*TO_ACTIONS_ZH)
    result = coach.say("两家欠款大户我亲自去谈，我是孙浩，5月10日前")
    assert result.review.actions[-1].who == "孙浩"


def test_an_english_name_doing_the_action_owns_it_but_an_imperative_has_no_owner() -> None:
    coach = Coaching(language="en")
    coach.script(*TO_ACTIONS_EN)
    coach.say("Mia drafts the new invoicing policy by May 15")
    assert coach.last.review.actions[-1].who == "Mia"
    coach.say("Flag invoices by age, Sam, by next Friday")
    assert coach.last.review.actions[-1].who == "Sam"


@pytest.mark.parametrize(
    ("language", "edit", "owner"),
    [
        ("zh", "第1条是何静，不是周婷", "何静"),
        ("en", "that's not what I said. Number 1 is Leo, not Nina.", "Leo"),
    ],
)
def test_a_new_value_beside_the_old_one_edits_that_field(language: str, edit: str, owner: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*(TO_LESSONS_ZH if language == "zh" else TO_LESSONS_EN))
    coach.say(
        "行动：一是上线回款看板，周婷负责，5月20日前；二是合同加付款节点，老黄负责，6月底前。"
        if language == "zh"
        else ACTIONS_EN
    )
    result = coach.say(edit)
    assert result.review.actions[0].who == owner and len(result.review.actions) == 2


@pytest.mark.parametrize(
    ("language", "pending", "add"),
    [
        ("zh", "不是新行动，这个不算", "加一条：逾期超60天升级给总监，老黄负责，5月31日前"),
        (
            "en",
            "no wait, that's not what I said",
            "Add one: escalate invoices past 60 days, owner Omar, by May 31",
        ),
    ],
)
def test_add_one_starts_a_new_action_whatever_was_pending(language: str, pending: str, add: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*(TO_ACTIONS_ZH if language == "zh" else TO_ACTIONS_EN))
    coach.say(pending)
    result = coach.say(add)
    last = result.review.actions[-1]
    assert last.who in ("老黄", "Omar") and last.when == dt.date(2026, 5, 31)
    assert pending not in " ".join(filter(None, (last.what, last.how)))


def test_a_whole_new_action_given_when_asked_who_keeps_the_last_one_without_an_owner() -> None:
    coach = Coaching(language="en")
    coach.script(*TO_ACTIONS_EN)
    coach.say("collections playbook, first 30 days, by Oct 31")
    assert coach.step == "who"
    result = coach.say("ship the dunning emails. Omar. next Friday")
    first, second = result.review.actions[-2:]
    assert first.who is None and "playbook" in (first.what or "")
    assert second.who == "Omar" and "dunning" in (second.what or "")


def test_a_name_with_too_is_the_owner() -> None:
    coach = Coaching(language="en")
    coach.script(*TO_ACTIONS_EN)
    result = coach.say("weekly cash review, Priya too, by Oct 31")
    assert result.review.actions[-1].who == "Priya"


@pytest.mark.parametrize(("language", "text"), [("zh", "好了。结束"), ("en", "done. finish")])
def test_finishing_while_a_lesson_awaits_its_action_ends_the_review(language: str, text: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*(TO_ACTIONS_ZH if language == "zh" else TO_ACTIONS_EN))
    assert coach.step == "item"
    result = coach.say(text)
    assert coach.stage == "done" and not result.review.actions


def test_a_lesson_edit_by_number_in_plain_words_changes_the_type() -> None:
    coach = Coaching()
    coach.script(*TO_LESSONS_ZH[:-1], "跳过", "经验：客户分级要继续（业务）；回款跟踪要新增（组织）")
    result = coach.say("第2条改一下，不是新增，是优化，本来就有跟踪表")
    assert result.review.lessons[1].action.value == "optimize"


@pytest.mark.parametrize(
    ("language", "opening", "text", "dates"),
    [
        (
            "en",
            TO_LESSONS_EN,
            "Actions: teacher preview evening, Kwame, by May 5. Shared inbox for the newsletter, Sunita, "
            "by May 29. Ticketing vendor fix, Lucy, by end of June.",
            ["2026-05-05", "2026-05-29", "2026-06-30"],
        ),
        (
            "zh",
            TO_ACTIONS_ZH,
            "行动：教师开放日，老周，5月5号。订阅名单改共用邮箱，孙婷，5月29号。票务系统修复，小陆，6月底前。",
            ["2026-05-05", "2026-05-29", "2026-06-30"],
        ),
    ],
)
def test_a_day_before_a_full_stop_is_a_date_not_an_item_number(
    language: str, opening: tuple[str, ...], text: str, dates: list[str]
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    review = coach.say(text).review
    assert sorted(a.when.isoformat() for a in review.actions if a.when) == dates


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("Amira, SMS reminders live by July 10", "Amira"),
        ("Finally, ship the dashboard by June 5", None),
        ("Next, ship the dashboard by June 5", None),
        ("Yes, by May 3", None),
    ],
)
def test_the_person_addressed_at_the_head_of_an_item_owns_it(text: str, owner: str | None) -> None:
    assert owner_in(text) == owner


@pytest.mark.parametrize(
    ("language", "opening", "text", "words"),
    [
        (
            "en",
            TO_LESSONS_EN,
            "Actions: Claire changes the Saturday booking window by end of June.",
            "Saturday",
        ),
        ("zh", TO_ACTIONS_ZH, "行动：周六场次改成线上预约，小王负责，6月底前。", "周六"),
    ],
)
def test_a_weekday_that_names_a_thing_stays_in_the_action(
    language: str, opening: tuple[str, ...], text: str, words: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    (action,) = coach.say(text).review.actions
    assert words in f"{action.what} {action.how}"
    assert action.when == dt.date(2026, 6, 30)


@pytest.mark.parametrize(
    ("language", "opening", "text", "people"),
    [
        (
            "en",
            TO_LESSONS_EN,
            "Dev and Amira sent theirs by chat afterwards. Dev: most moved by a donor who came back; learned "
            "he blames donors too fast; next he'll shadow a session. Amira: most moved by the volunteers; "
            "found out she's good at planning.",
            ["Dev", "Amira"],
        ),
        (
            "zh",
            TO_ACTIONS_ZH,
            "补两个人的反思。李娜：最触动的是客户拖款；发现自己太乐观。老王：最触动的是合同条款；下一步每周看账龄。",
            ["李娜", "老王"],
        ),
    ],
)
def test_reflections_sent_in_during_the_actions_are_reflections_not_actions(
    language: str, opening: tuple[str, ...], text: str, people: list[str]
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    before = len(coach.last.review.actions)
    review = coach.say(text).review
    assert len(review.actions) == before
    assert [r.person for r in review.reflections][-2:] == people


@pytest.mark.parametrize(
    ("language", "opening", "text", "what"),
    [
        ("zh", TO_LESSONS_ZH, "行动：管网图纸数字化，孟建军负责，一季度内", "管网图纸数字化"),
        (
            "en",
            TO_LESSONS_EN,
            "Actions: digitise the network maps, Sam owns it, within two weeks",
            "network maps",
        ),
    ],
)
def test_a_due_window_leaves_no_word_behind_as_the_how(
    language: str, opening: tuple[str, ...], text: str, what: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    (action,) = coach.say(text).review.actions
    assert what in (action.what or "") and action.when is not None
    assert "内" not in (action.how or "") and "within" not in (action.how or "")


@pytest.mark.parametrize(
    ("language", "opening", "item", "answer", "owner"),
    [
        ("zh", TO_ACTIONS_ZH, "回款周报改版：每周一发逾期清单，6月30日前", "王磊吧", "王磊"),
        (
            "en",
            TO_ACTIONS_EN,
            "Rework the weekly collections report: send the overdue list every Monday, by June 30",
            "Priya",
            "Priya",
        ),
    ],
)
def test_a_name_given_when_the_owner_is_asked_is_the_owner_without_its_tail(
    language: str, opening: tuple[str, ...], item: str, answer: str, owner: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    coach.say(item)
    assert [a.who for a in coach.say(answer).review.actions] == [owner]


@pytest.mark.parametrize(
    ("language", "opening", "text", "owners"),
    [
        (
            "zh",
            TO_LESSONS_ZH,
            "行动：\n- 上线回款看板，负责人：财务经理周婷，5月20日前\n"
            "- 合同加付款节点，负责人：外包法务老黄，6月底前",
            ["周婷", "老黄"],
        ),
        (
            "en",
            TO_LESSONS_EN,
            "Actions:\n- Collections dashboard, owner: Nina, by May 20\n"
            "- Payment terms rewrite, owner: Omar, by June 30",
            ["Nina", "Omar"],
        ),
    ],
)
def test_actions_listed_with_dashes_are_filed_without_the_dash(
    language: str, opening: tuple[str, ...], text: str, owners: list[str]
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    review = coach.say(text).review
    assert [a.who for a in review.actions] == owners
    assert not any((a.how or "").startswith("-") or (a.what or "").startswith("-") for a in review.actions)
