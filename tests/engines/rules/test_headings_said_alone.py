"""A list headed by its step's word said as a sentence of its own ("Lessons. Keep …", "经验我总结两条。…",
"Actions. …", "行动。…"): the heading opens the list and is no item of it; zh and en."""

from __future__ import annotations

import pytest

from tests.engines.rules.helpers import TO_ACTIONS_ZH, TO_LESSONS_ZH, Coaching
from tests.engines.rules.test_meta_and_edits import TO_ACTIONS_EN

TO_LESSONS_EN = TO_ACTIONS_EN[:-1]  # the lessons proposed, not yet confirmed


@pytest.mark.parametrize(
    ("language", "text", "first"),
    [
        (
            "zh",
            "经验我总结两条。周会对齐回款数据要继续，属于组织。只看签约不看回款的考核要停止，算文化。",
            "周会对齐回款数据",
        ),
        (
            "en",
            "Lessons. Keep the weekly collections sync, that's organisation. "
            "Stop rewarding signings without cash, culture.",
            "weekly collections sync",
        ),
    ],
)
def test_a_lessons_heading_said_alone_is_no_lesson(language: str, text: str, first: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*(TO_LESSONS_ZH if language == "zh" else TO_LESSONS_EN))
    lessons = coach.say(text).review.lessons
    assert len(lessons) == 2
    assert first in lessons[0].text
    assert not any(lesson.text.rstrip("。.") in ("经验我总结两条", "Lessons") for lesson in lessons)


@pytest.mark.parametrize(
    ("language", "text", "owners"),
    [
        (
            "zh",
            "行动。更换冷库门封条，负责人：设备部老周，6月20日前。新员工上岗培训，人事部李娜负责，6月30日前。",
            ["老周", "李娜"],
        ),
        (
            "en",
            "Actions. The dock lights get replaced and checked weekly: "
            "Rita Gomez from facilities, by June 12. "
            "A cold room seal audit every month: Tom Reed, by June 20.",
            ["Rita Gomez", "Tom Reed"],
        ),
    ],
)
def test_an_actions_heading_said_alone_opens_the_list(language: str, text: str, owners: list[str]) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*(TO_ACTIONS_ZH if language == "zh" else TO_ACTIONS_EN))
    actions = coach.say(text).review.actions
    assert [a.who for a in actions] == owners
    assert not any(a.what.startswith(("行动", "Actions")) for a in actions)


@pytest.mark.parametrize(
    ("language", "text", "owners"),
    [
        (
            "zh",
            "行动：冷库门封条全部更换。负责人：设备部老周，6月20日前。"
            "新员工上岗培训。负责人：人事部李娜，6月30日前。",
            ["老周", "李娜"],
        ),
        (
            "en",
            "Actions. Replace the cold room seals. Owner: Rita Gomez from the facilities team, by June 20. "
            "Barcode scanning at picking. Owner: Tom Reed from pharmacy IT, by June 30. "
            "Induction with the shelf map: Rita Gomez again, by July 3.",
            ["Rita Gomez", "Tom Reed", "Rita Gomez"],
        ),
    ],
)
def test_an_owner_said_in_the_sentence_after_the_work_owns_that_work(
    language: str, text: str, owners: list[str]
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*(TO_ACTIONS_ZH if language == "zh" else TO_ACTIONS_EN))
    actions = coach.say(text).review.actions
    assert [a.who for a in actions] == owners
    said = " ".join(f"{a.what} {a.how}" for a in actions)
    assert "facilities" not in said and "IT" not in said and "again" not in said


@pytest.mark.parametrize(
    ("language", "goals", "text", "first"),
    [
        (
            "en",
            "Missed bins: target 150, actual 236; cost per tonne: target 92, actual 88",
            "Highlights.\n- Cost per tonne under budget: the new routes cut 2 rounds a day\n"
            "- Garden waste subscriptions sold out in 3 weeks",
            "Cost per tonne under budget",
        ),
        (
            "zh",
            "漏收投诉目标150件，实际236件；吨成本目标92元，实际88元",
            "亮点。\n- 吨成本低于预算：新路线一天少跑2趟\n- 园林垃圾订阅3周卖完",
            "吨成本低于预算",
        ),
    ],
)
def test_a_findings_heading_said_alone_after_the_kpis_files_findings_not_a_kpi(
    language: str, goals: str, text: str, first: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.say(goals)
    review = coach.say(text).review
    assert len(review.goals) == 2  # "2 rounds a day" and "3 weeks" are no KPI
    assert review.highlights and review.highlights[0].text.startswith(first)
