"""What comes in late, in a pasted meeting or typed after it: tasks handed to someone at the meeting whose
answer gives the date, reflections sent in with the speaker in brackets or passed on, lesson types said
lesson by lesson once the actions started, and an owner's full name. zh and en."""

from __future__ import annotations

import pytest

from coach.domain.reading.people import read_reflections
from coach.domain.reading.transcript import messages, read_transcript
from tests.engines.rules.helpers import Coaching

MEETINGS = {
    "zh": (
        "[14:16] 符海：行动。进苗检测规程，许丽娟你来？\n[14:16] 许丽娟：可以，10月10日前出。\n"
        "[14:17] 符海：自动投饵机先在三口塘试点，廖德胜。\n[14:17] 廖德胜：下个月底前装好。\n"
        "[14:18] 符海：增氧机跳闸报警，小潘你弄。\n[14:18] 小潘：下周五前。",
        [
            "许丽娟，进苗检测规程，10月10日前",
            "廖德胜，自动投饵机先在三口塘试点，下个月底前",
            "小潘，增氧机跳闸报警，下周五前",
        ],
    ),
    "en": (
        "[10:01] Ana: Actions. Temp staff pool, Joe, you own it.\n[10:01] Joe: By the 15th.\n"
        "[10:02] Ana: Pricing template, Kim?\n[10:02] Kim: Sure, end of month.",
        ["Joe, Temp staff pool, By the 15th", "Kim, Pricing template, end of month"],
    ),
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_task_handed_to_someone_at_the_meeting_takes_the_date_they_answer(lang: str) -> None:
    meeting, tasks = MEETINGS[lang]
    said = messages(read_transcript(meeting))
    assert len(said) == 1
    assert all(task in said[0] for task in tasks)


@pytest.mark.parametrize(
    ("text", "person", "answered", "left_out"),
    [
        (
            "会上没做个人反思，我（符海）补一下：最触动的是清塘那天。发现自己：总想省苗钱。做得更好：进苗前先去苗场看。下一步：每批苗我签字。",
            "符海",
            {"most_touched", "self_discovery", "do_better", "next_step"},
            [],
        ),
        (
            "老廖也让我转一下他的：最触动就是白斑那几天。发现自己……他说他不太会说，这个空着。做得更好：发现虾不吃料就该马上报。",
            "老廖",
            {"most_touched", "do_better"},
            ["self_discovery"],
        ),
        (
            "we skipped reflections in the room, me (Dana) adding mine: moved most by the night shift."
            " found I lean on gut calls.",
            "Dana",
            {"most_touched", "self_discovery"},
            [],
        ),
        (
            "Sam also asked me to pass his on: moved most by the volunteers. found: he waits too long."
            " do better: he left that one blank.",
            "Sam",
            {"most_touched", "self_discovery"},
            ["do_better"],
        ),
    ],
)
def test_a_reflection_sent_in_late_names_its_person_and_leaves_out_what_was_left_blank(
    text: str, person: str, answered: set[str], left_out: list[str]
) -> None:
    (said,) = read_reflections(text)
    assert said.person == person
    assert set(said.answers) == answered and said.skipped == left_out
    if person == "老廖":  # "做得更好：发现虾不吃料…" answers 做得更好, though it opens with 发现
        assert said.answers["do_better"] == "发现虾不吃料就该马上报"


LESSONS = {
    "zh": "经验：分批错峰收继续；进苗必须做PCR检测，新增；贪便宜换苗场这个停掉；投喂要优化，按料台剩料调。",
    "en": "lessons: keep the split harvest; start PCR tests on every batch;"
    " stop buying the cheapest fry; tune feeding.",
}
RETYPED = {
    "zh": "补一下类型：贪便宜换苗场那条算组织的；投喂那条算人的，技术不行；PCR那条是组织的，分批收是文化。",
    "en": "the cheapest fry one is organization; the feeding one is people, skills gap;"
    " the PCR one is organization, split harvest is culture.",
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_lesson_types_said_lesson_by_lesson_after_the_actions_started_retype_each(lang: str) -> None:
    coach = Coaching(language=lang)  # type: ignore[arg-type]
    opening = (
        ("成活率目标65%，实际48%", "成活率")
        if lang == "zh"
        else ("survival target 65%, actual 48%", "survival")
    )
    action = (
        "行动：进苗检测规程，许丽娟，10月10日前"
        if lang == "zh"
        else "actions: PCR protocol - Lisa - by Oct 10"
    )
    coach.script(*opening, LESSONS[lang], action, RETYPED[lang])
    review = coach.last.review
    assert [lesson.dimension.value for lesson in review.lessons] == [
        "culture",
        "organization",
        "organization",
        "people",
    ]
    assert len(review.actions) == 1 and coach.stage == "actions"


@pytest.mark.parametrize(
    ("lang", "action", "full_name", "full"),
    [
        ("zh", "行动：增氧机跳闸报警，小潘，下周五前", "哦对了，小潘是潘一鸣，写全名吧。", "潘一鸣"),
        (
            "en",
            "actions: spare blade kit - Dan - by May 9",
            "oh and Dan is Dan Whitlock, full name please",
            "Dan Whitlock",
        ),
    ],
)
def test_an_owner_s_full_name_given_later_replaces_the_short_one(
    lang: str, action: str, full_name: str, full: str
) -> None:
    coach = Coaching(language=lang)  # type: ignore[arg-type]
    opening = (
        ("成活率目标65%，实际48%", "成活率")
        if lang == "zh"
        else ("survival target 65%, actual 48%", "survival")
    )
    coach.script(*opening, action, full_name)
    assert [a.who for a in coach.last.review.actions] == [full]
