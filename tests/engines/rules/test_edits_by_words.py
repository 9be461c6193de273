"""Action edits that name their action by its words, not its number; several actions a sentence; zh and en."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.engines.rules.helpers import TO_ACTIONS_ZH, Coaching
from tests.engines.rules.test_meta_and_edits import TO_ACTIONS_EN

TWO_ACTIONS = {
    "zh": "行动：一是上线回款看板，财务部周婷负责，5月20日前；二是合同加付款节点，法务老黄负责，6月底前。",
    "en": "Actions: Nina builds the collections dashboard by May 20; "
    "Omar rewrites the payment terms by June 30.",
}


def _two_actions(language: str) -> Coaching:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(
        *(TO_ACTIONS_ZH if language == "zh" else TO_ACTIONS_EN), "跳过" if language == "zh" else "skip"
    )
    coach.say(TWO_ACTIONS[language])
    assert len(coach.last.review.actions) == 2
    return coach


@pytest.mark.parametrize(
    ("language", "text", "index", "who", "when"),
    [
        ("zh", "付款节点那条负责人换成法务主管陈静，日期改成7月15日。", 1, "陈静", dt.date(2026, 7, 15)),
        (
            "zh",
            "回款看板那条负责人改一下，不是周婷，是财务经理孙丽，日期不变。",
            0,
            "孙丽",
            dt.date(2026, 5, 20),
        ),
        ("en", "Sorry, the payment terms go to Priya, not Omar.", 1, "Priya", dt.date(2026, 6, 30)),
        ("en", "The collections dashboard is due May 29, not May 20.", 0, "Nina", dt.date(2026, 5, 29)),
        # the new value said first, then the old one it replaces
        ("zh", "回款看板那条负责人写错了，是孙丽不是周婷。", 0, "孙丽", dt.date(2026, 5, 20)),
        ("en", "Correction: the payment terms are Priya's, not Omar's.", 1, "Priya", dt.date(2026, 6, 30)),
        ("en", "Correction: the payment terms rewrite is Priya's.", 1, "Priya", dt.date(2026, 6, 30)),
        ("en", "And the collections dashboard by May 15 not 20.", 0, "Nina", dt.date(2026, 5, 15)),
        # the item named between the verb that hands it over and its new owner
        ("zh", "把付款节点那条交给陈静。", 1, "陈静", dt.date(2026, 6, 30)),
        (
            "en",
            "Give the payment terms to Priya Lal, the legal lead, not Omar. Same date.",
            1,
            "Priya Lal",
            dt.date(2026, 6, 30),
        ),
        ("en", "Hand the collections dashboard over to Priya.", 0, "Priya", dt.date(2026, 5, 20)),
    ],
)
def test_an_edit_by_words_changes_the_action_it_names_and_files_nothing(
    language: str, text: str, index: int, who: str, when: dt.date
) -> None:
    coach = _two_actions(language)
    other = coach.last.review.actions[1 - index]
    result = coach.say(text)
    assert len(result.review.actions) == 2
    assert (result.review.actions[index].who, result.review.actions[index].when) == (who, when)
    assert result.review.actions[1 - index] == other


@pytest.mark.parametrize(
    ("language", "text"),
    [("zh", "那条负责人换成陈静。"), ("en", "The review goes to Priya, not Omar.")],
)
def test_an_edit_whose_words_name_no_single_action_changes_nothing(language: str, text: str) -> None:
    coach = _two_actions(language)
    before = coach.last.review.actions
    result = coach.say(text)
    assert result.review.actions[:2] == before


@pytest.mark.parametrize(
    ("language", "text", "owners"),
    [
        (
            "zh",
            "行动三项。上线回款看板，周婷，5月20日前。合同加付款节点，老黄，6月底前。每周对账，陈静，下周五前。",
            ["周婷", "老黄", "陈静"],
        ),
        (
            "en",
            "Actions. Collections dashboard, Nina, by May 20. Payment terms rewrite, Omar, June 30. "
            "Weekly reconciliation, Priya, by next Friday.",
            ["Nina", "Omar", "Priya"],
        ),
    ],
)
def test_several_actions_a_sentence_each_are_filed_apart(language: str, text: str, owners: list[str]) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(
        *(TO_ACTIONS_ZH if language == "zh" else TO_ACTIONS_EN), "跳过" if language == "zh" else "skip"
    )
    result = coach.say(text)
    assert [a.who for a in result.review.actions] == owners
    assert all(a.when for a in result.review.actions)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("zh", "上线回款看板，财务部周婷负责，5月20日前。每周一检查一次逾期单。"),
        ("en", "Nina builds the collections dashboard by May 20. It lists every overdue invoice."),
    ],
)
def test_a_second_sentence_without_owner_or_date_stays_part_of_the_action(language: str, text: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(
        *(TO_ACTIONS_ZH if language == "zh" else TO_ACTIONS_EN), "跳过" if language == "zh" else "skip"
    )
    result = coach.say(text)
    assert len(result.review.actions) == 1


@pytest.mark.parametrize(
    ("language", "text", "owners", "dates"),
    [
        (
            "en",
            "Change of owner: the collections dashboard goes to Sophie, Nina is on leave. "
            "And the payment terms date is July 31, not June.",
            ["Sophie", "Omar"],
            [dt.date(2026, 5, 20), dt.date(2026, 7, 31)],
        ),
        (
            "zh",
            "回款看板那条负责人换成孙丽，周婷休假。付款节点那条日期改成7月31日。",
            ["孙丽", "老黄"],
            [dt.date(2026, 5, 20), dt.date(2026, 7, 31)],
        ),
    ],
)
def test_an_owner_and_a_date_changed_in_two_sentences_land_on_their_own_actions(
    language: str, text: str, owners: list[str], dates: list[dt.date]
) -> None:
    coach = _two_actions(language)
    review = coach.say(text).review
    assert [a.who for a in review.actions] == owners
    assert [a.when for a in review.actions] == dates


@pytest.mark.parametrize(
    ("language", "text", "left", "who"),
    [
        (
            "zh",
            "回款看板那条删掉，经费还没批。付款节点那条负责人不是老黄，改成法务主管陈静。",
            "付款节点",
            "陈静",
        ),
        (
            "en",
            "Drop the collections dashboard one, no budget. The payment terms go to Priya, not Omar.",
            "payment terms",
            "Priya",
        ),
    ],
)
def test_an_action_named_by_its_words_is_taken_out_and_the_other_edit_still_lands(
    language: str, text: str, left: str, who: str
) -> None:
    coach = _two_actions(language)
    actions = coach.say(text).review.actions
    assert len(actions) == 1
    assert left in f"{actions[0].what} {actions[0].how}" and actions[0].who == who


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("zh", "付款节点那条负责人换成陈静，推迟到7月15日。删掉回款看板，先不做了。"),
        (
            "en",
            "Change the payment terms owner to Priya and push it to July 15. "
            "And drop the dashboard, the new terms cover it.",
        ),
    ],
)
def test_an_owner_and_date_moved_and_an_item_dropped_by_the_words_after_the_verb(
    language: str, text: str
) -> None:
    coach = _two_actions(language)
    result = coach.say(text)
    assert [(a.who, a.when) for a in result.review.actions] == [
        ("陈静" if language == "zh" else "Priya", dt.date(2026, 7, 15))
    ]


@pytest.mark.parametrize(
    ("language", "text", "added"),
    [
        ("zh", "付款节点那条删掉，法务不同意；再加一条：每周对账，陈静，下周五前。", ("每周对账", "陈静")),
        (
            "en",
            "Drop the payment terms one, legal said no; "
            "add one: weekly reconciliation, Priya, by next Friday.",
            ("weekly reconciliation", "Priya"),
        ),
    ],
)
def test_an_item_dropped_by_its_words_then_a_new_one_added_files_the_new_one_alone(
    language: str, text: str, added: tuple[str, str]
) -> None:
    coach = _two_actions(language)
    kept = coach.last.review.actions[0]
    result = coach.say(text)
    assert result.review.actions[0] == kept
    assert [(a.what, a.who) for a in result.review.actions[1:]] == [added]


@pytest.mark.parametrize(
    ("language", "actions", "edit"),
    [
        (
            "zh",
            "行动：一是客户资料迁到CRM，周婷负责，5月20日前；二是ERP对账，老黄负责，6月底前。",
            "CRM那条负责人换成陈静。ERP那条日期改成7月15日。",
        ),
        (
            "en",
            "Actions: Nina moves the invoices into the CRM by May 20; Omar files the VAT return by June 30.",
            "The CRM one goes to Priya, not Nina. And the VAT date is July 15, not June 30.",
        ),
    ],
)
def test_an_action_named_by_its_acronym_is_the_one_edited(language: str, actions: str, edit: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(
        *(TO_ACTIONS_ZH if language == "zh" else TO_ACTIONS_EN), "跳过" if language == "zh" else "skip"
    )
    coach.say(actions)
    result = coach.say(edit)
    assert [a.who for a in result.review.actions] == (
        ["陈静", "老黄"] if language == "zh" else ["Priya", "Omar"]
    )
    assert result.review.actions[1].when == dt.date(2026, 7, 15)


@pytest.mark.parametrize(
    ("language", "text", "owner", "when"),
    [
        ("zh", "改两处：\n- 老黄的全名是黄立新\n- 回款看板那条推迟到5月29日", "黄立新", dt.date(2026, 5, 29)),
        (
            "en",
            "Couple of edits:\n- Omar's full name is Omar Haddad\n- Collections dashboard: push to May 29",
            "Omar Haddad",
            dt.date(2026, 5, 29),
        ),
    ],
)
def test_a_list_of_edits_gives_an_owners_full_name_and_moves_a_date(
    language: str, text: str, owner: str, when: dt.date
) -> None:
    coach = _two_actions(language)
    result = coach.say(text)
    assert len(result.review.actions) == 2
    assert result.review.actions[1].who == owner
    assert result.review.actions[0].when == when


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("zh", "付款节点那条交给陈静。再把回款看板那条推迟到5月29日。"),
        ("en", "One change: the payment terms go to Priya, not Omar. And push the dashboard to May 29."),
    ],
)
def test_a_date_pushed_lands_on_the_item_named_after_the_verb_not_the_one_edited_before(
    language: str, text: str
) -> None:
    coach = _two_actions(language)
    result = coach.say(text)
    dashboard, terms = result.review.actions
    assert dashboard.when == dt.date(2026, 5, 29)
    assert terms.when == dt.date(2026, 6, 30)


@pytest.mark.parametrize(
    ("language", "text", "owner"),
    [
        ("zh", "回款看板那条负责人换成孙丽，日期改成5月29日。", "孙丽"),
        ("en", "The collections dashboard goes to Priya; the date moves to May 29.", "Priya"),
    ],
)
def test_a_date_after_the_words_that_move_things_is_no_new_owner(
    language: str, text: str, owner: str
) -> None:
    coach = _two_actions(language)
    dashboard, _ = coach.say(text).review.actions
    assert (dashboard.who, dashboard.when) == (owner, dt.date(2026, 5, 29))


@pytest.mark.parametrize(
    ("language", "text", "owner"),
    [
        ("zh", "回款看板那个负责人改一下，给孙丽，她管财务；时间改成5月29日前。", "孙丽"),
        ("en", "The collections dashboard goes to Priya, and push it to May 29.", "Priya"),
    ],
)
def test_an_owner_change_announced_then_given_lands_with_the_new_date(
    language: str, text: str, owner: str
) -> None:
    coach = _two_actions(language)
    result = coach.say(text)
    assert len(result.review.actions) == 2
    dashboard, _ = result.review.actions
    assert (dashboard.who, dashboard.when) == (owner, dt.date(2026, 5, 29))


@pytest.mark.parametrize(
    ("language", "text", "when"),
    [
        ("zh", "哦回款看板那条时间改一下，周婷说下周三才能开始，改成6月5日。", dt.date(2026, 6, 5)),
        (
            "en",
            "The collections dashboard one, the date needs changing, Nina is away, make it June 5.",
            dt.date(2026, 6, 5),
        ),
    ],
)
def test_a_date_change_announced_then_given_after_its_reason_moves_the_named_action(
    language: str, text: str, when: dt.date
) -> None:
    coach = _two_actions(language)
    other = coach.last.review.actions[1]
    result = coach.say(text)
    assert len(result.review.actions) == 2
    assert result.review.actions[0].when == when
    assert result.review.actions[1] == other
