"""Action lists typed the way people type them (lower case, "work - who - when", "第一，…；第二，…"), and
edits that name their action by its words across several clauses ("X goes to Farah, and push Y to Oct 22,
dev's on a release till then"; "I'm changing the fence one. owner Ravi."); thanks and closing words are
no action. zh and en."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.engines.rules.helpers import Coaching

OPENING = {
    "zh": ("出货量目标120万盒，实际131万盒", "出货量"),
    "en": ("admissions target 50000, actual 41000", "admissions"),
}
LISTS = {
    "zh": "行动：第一，关键维护项责任人清单，设备科科长鲁建国负责，下周五前拿出来；"
    "第二，接种室高效过滤器全部更换，还是鲁建国，月底前；"
    "第三，新员工无菌操作实操考核，人事部的温小雅牵头，5月15日前考完；"
    "第四，库房加装除湿机，这个呃……生产部欧阳帆，年底前。",
    "en": "actions: contract register - dev - may 27."
    " lamp hr tracking sheet, all sites - hana o'neill - next fri."
    " kiosk combo prompt - marek - end of june. upsell training - hana - by the 20th",
}
EXPECTED = {
    "zh": [
        ("关键维护项责任人清单", "鲁建国", dt.date(2026, 5, 8)),
        ("接种室高效过滤器全部更换", "鲁建国", dt.date(2026, 4, 30)),
        ("新员工无菌操作实操考核", "温小雅", dt.date(2026, 5, 15)),
        ("库房加装除湿机", "欧阳帆", dt.date(2026, 12, 31)),
    ],
    "en": [
        ("contract register", "dev", dt.date(2026, 5, 27)),
        ("lamp hr tracking sheet", "hana o'neill", dt.date(2026, 5, 8)),
        ("kiosk combo prompt", "marek", dt.date(2026, 6, 30)),
        ("upsell training", "hana o'neill", dt.date(2026, 5, 20)),
    ],
}


def _listed(lang: str) -> Coaching:
    coach = Coaching(language=lang)  # type: ignore[arg-type]
    coach.script(*OPENING[lang], LISTS[lang])
    return coach


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_item_of_a_typed_list_is_an_action_with_its_own_owner_and_date(lang: str) -> None:
    actions = _listed(lang).last.review.actions
    assert len(actions) == len(EXPECTED[lang])
    for action, (words, who, when) in zip(actions, EXPECTED[lang], strict=True):
        assert words in f"{action.what} {action.how}"
        assert (action.who, action.when) == (who, when)
        assert "生产部" not in (action.how or "") and "呃" not in (action.how or "")


@pytest.mark.parametrize(
    ("lang", "edit", "index", "who", "when"),
    [
        (
            "zh",
            "哦不对，过滤器那个不是鲁建国，他下周出差，换成设备科的龚磊。时间不变。",
            1,
            "龚磊",
            dt.date(2026, 4, 30),
        ),
        (
            "en",
            "correction on the actions: kiosk combo goes to Farah not marek, and push the upsell training to"
            " May 22, dev team's on a release till then",
            2,
            "Farah",
            dt.date(2026, 6, 30),
        ),
    ],
)
def test_an_edit_names_its_action_by_words_and_its_reason_changes_nothing(
    lang: str, edit: str, index: int, who: str, when: dt.date
) -> None:
    coach = _listed(lang)
    coach.say(edit)
    actions = coach.last.review.actions
    assert len(actions) == 4
    assert (actions[index].who, actions[index].when) == (who, when)
    if lang == "en":
        assert actions[3].when == dt.date(2026, 5, 22)


@pytest.mark.parametrize(
    ("lang", "edits", "gone", "changed", "who"),
    [
        (
            "en",
            ["no wait, scrap the kiosk one, that's not an action, it's just a nice thing. delete it"],
            "kiosk",
            None,
            None,
        ),
        (
            "en",
            ["no, that's not a new action, I'm changing the contract one. owner Ravi. same date."],
            None,
            0,
            "Ravi",
        ),
        ("zh", ["除湿机那条删掉，经费还没批"], "除湿", None, None),
        ("zh", ["不是新行动，我改的是培训考核那条。负责人写柏云。时间不变。"], None, 2, "柏云"),
    ],
)
def test_a_clause_that_names_an_action_is_what_the_next_clauses_change(
    lang: str, edits: list[str], gone: str | None, changed: int | None, who: str | None
) -> None:
    coach = _listed(lang)
    before = [a.when for a in coach.last.review.actions]
    coach.script(*edits)
    actions = coach.last.review.actions
    if gone is not None:
        assert len(actions) == 3 and not any(gone in (a.how or "") for a in actions)
    else:
        assert changed is not None and len(actions) == 4
        assert actions[changed].who == who and actions[changed].when == before[changed]


@pytest.mark.parametrize(
    ("lang", "thanks", "closing"),
    [
        ("zh", "谢谢大家啊，特别是质检的小代，这次数据都是她连夜整理的。", "结束，谢谢"),
        ("en", "thanks all, esp. Maya for pulling the numbers overnight", "finish, thanks"),
    ],
)
def test_thanks_are_no_action_and_closing_words_with_thanks_still_close(
    lang: str, thanks: str, closing: str
) -> None:
    coach = _listed(lang)
    coach.say(thanks)
    assert len(coach.last.review.actions) == 4
    coach.say(closing)
    assert coach.stage == "done" and len(coach.last.review.actions) == 4


@pytest.mark.parametrize(
    ("lang", "actions", "edit", "owners"),
    [
        (
            "en",
            "actions: stage plot library - Felix - end of june. hire a second tour admin, even freelance"
            " - Marguerite Doyle (GM) - by the end of next month.",
            None,
            ["Felix", "Marguerite Doyle"],
        ),
        (
            "zh",
            "行动：1）入学摸底问卷，甘露，月底前；2）东校区暖气维修，后勤的朱宏伟，下周一前。",
            "不是新行动，我是要改：暖气那条负责人换成东校区的校区长柏云，朱宏伟管不到东校区。",
            ["甘露", "柏云"],
        ),
    ],
)
def test_an_owner_is_the_person_without_their_title(
    lang: str, actions: str, edit: str | None, owners: list[str]
) -> None:
    coach = Coaching(language=lang)  # type: ignore[arg-type]
    coach.script(*OPENING[lang], actions, *([edit] if edit else []))
    assert [a.who for a in coach.last.review.actions] == owners
