"""A follow-up that edits several actions at once, each named by its words ("Changes. PM schedule to Tom
Baird, Marco's leaving us. Same date. Sharpening log slips to May 10. Drop the radio ad.", "改几处：量具那条
给质检主管谭悦，小蒋下个月休产假，日期不变；…"): each edit lands on the action it names, the reasons
change nothing, and nothing is filed as a new action. A date said as another item's ("same date as the
runner", "和砂辊那条同一天") is that item's. zh and en."""

from __future__ import annotations

import datetime as dt

import pytest

from coach.domain.parsing.owner_person import full_names_said
from coach.domain.reading.people import in_full, introduced_self
from tests.engines.rules.helpers import Coaching

OPENING = {
    "zh": ("华澄玻璃厂复盘，我是车间主任邵立新。", "出货量目标120万盒，实际131万盒", "出货量"),
    "en": (
        "Gemma Thornton, head of ops at Loftwell, quarter review.",
        "admissions target 50000, actual 41000",
        "admissions",
    ),
}
LISTS = {
    "zh": "行动：模具周保养计划，班长金海波，5月20日前；量具校准台账，质检小蒋，5月8日前；"
    "调机培训，我来，5月15日前；燃气压力报警接到中控，设备科侯斌，5月6日前。",
    "en": "Actions. PM schedule: Marco Rossi, end of May. Sharpening log: rental desk lead, Priya, May 8."
    " Driver certification: I'll take it, May 20. Radio ad for public skate: Marco too, by May 15.",
}
EDITS = {
    "zh": "改几处：量具那条给质检主管谭悦，小蒋下个月休产假，日期不变；调机培训推到5月25日前；"
    "燃气报警那条撤掉，燃气公司说压力报警他们自己装。财务周姐是旁听的，没给她派活。",
    "en": "Changes. PM schedule to Tom Baird, Marco's leaving us. Same date. Sharpening log slips to May 10."
    " Drop the radio ad, no budget. Kasia from finance sat in, no tasks.",
}
EXPECTED = {
    "zh": [
        ("模具周保养计划", "金海波", dt.date(2026, 5, 20)),
        ("量具校准台账", "谭悦", dt.date(2026, 5, 8)),
        ("调机培训", "邵立新", dt.date(2026, 5, 25)),
    ],
    "en": [
        ("PM schedule", "Tom Baird", dt.date(2026, 5, 31)),
        ("Sharpening log", "Priya", dt.date(2026, 5, 10)),
        ("Driver certification", "Gemma Thornton", dt.date(2026, 5, 20)),
    ],
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_edit_lands_on_the_action_its_words_name(lang: str) -> None:
    coach = Coaching(language=lang)  # type: ignore[arg-type]
    coach.script(*OPENING[lang], LISTS[lang], EDITS[lang])
    actions = coach.last.review.actions
    assert len(actions) == len(EXPECTED[lang])
    for action, (words, who, when) in zip(actions, EXPECTED[lang], strict=True):
        assert words in f"{action.what} {action.how}"
        assert (action.who, action.when) == (who, when)


@pytest.mark.parametrize(
    ("lang", "listed", "index", "when"),
    [
        (
            "zh",
            "行动：砂辊更换，设备科彭志强，5月8日前；色选机校准，质检罗敏，和砂辊那条同一天。",
            1,
            dt.date(2026, 5, 8),
        ),
        (
            "en",
            "Actions. Second CI runner, Tomasz, by May 8."
            " Bug bash before every release, Priya, same date as the runner.",
            1,
            dt.date(2026, 5, 8),
        ),
    ],
)
def test_a_date_said_as_another_items_is_that_items_date(
    lang: str, listed: str, index: int, when: dt.date
) -> None:
    coach = Coaching(language=lang)  # type: ignore[arg-type]
    coach.script(*OPENING[lang], listed)
    action = coach.last.review.actions[index]
    assert action.when == when
    assert "same date" not in f"{action.what} {action.how}" and "同一天" not in f"{action.what} {action.how}"


def test_a_familiar_name_with_the_full_name_in_brackets_says_the_full_name() -> None:
    assert full_names_said("第2条砂辊，老彭（彭志强）说下周五赶不上") == ["彭志强"]


@pytest.mark.parametrize(("short", "full"), [("小满", "田小满"), ("老彭", "彭志强")])
def test_a_familiar_name_stands_for_the_one_full_name_it_fits(short: str, full: str) -> None:
    assert in_full(short, {"田小满", "彭志强", "尹晓雯"}) == full


@pytest.mark.parametrize(
    ("said", "who"),
    [
        ("Dev Malhotra, residence manager at Harcourt Residences, Riverside halls.", "Dev Malhotra"),
        ("Gemma Thornton, head of ops at Loftwell, we run two sites.", "Gemma Thornton"),
        ("尹晓雯，片区运营经理，城东片区10月复盘。", "尹晓雯"),
    ],
)
def test_a_message_that_opens_with_a_full_name_and_a_role_introduces_the_one_typing(
    said: str, who: str
) -> None:
    assert introduced_self(said) == who
