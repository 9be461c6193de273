"""A meeting transcript pasted while the coach asks for actions: its tasks answer that question, and the
user's own closing words after it ("(end of notes) – that's all, wrap up") end the review; zh and en."""

from __future__ import annotations

import pytest

from tests.engines.rules.helpers import TO_ACTIONS_ZH, Coaching
from tests.engines.rules.test_meta_and_edits import TO_ACTIONS_EN

TASKS_ZH = """[10:01] 周敏：质检规程重新修订，这个我来定，6月10日前出文件。
[10:02] 陈峰：我那个客户沟通培训，我自己报名，6月底之前参加。
[10:03] 周敏：好。
[10:04] 陈峰：今天就到这，散会。

（记录完）就这些，结束"""

TASKS_EN = """[10:01] Dana: The supplier audit checklist, I'll rewrite it by June 10.
[10:02] Omar: Fine by me.
[10:03] Dana: Good.
[10:04] Omar: That's us, thanks everyone.

(end of notes) - that's all, wrap up"""


@pytest.mark.parametrize(
    ("language", "opening", "text", "owner", "work"),
    [
        ("zh", TO_ACTIONS_ZH, TASKS_ZH, "周敏", "质检规程"),
        ("en", TO_ACTIONS_EN, TASKS_EN, "Dana", "supplier audit"),
    ],
)
def test_a_transcript_at_the_actions_files_its_tasks_and_its_closing_ends_the_review(
    language: str, opening: tuple[str, ...], text: str, owner: str, work: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    review = coach.say(text).review
    assert coach.stage == "done"
    mine = [a for a in review.actions if work in f"{a.what} {a.how}"]
    assert [a.who for a in mine] == [owner]
    everything = " ".join(f"{a.what} {a.how}" for a in review.actions)
    for chatter in ("散会", "记录完", "结束", "thanks everyone", "end of notes", "wrap up"):
        assert chatter not in everything


@pytest.mark.parametrize(
    ("language", "opening", "text"),
    [("zh", TO_ACTIONS_ZH, TASKS_ZH), ("en", TO_ACTIONS_EN, TASKS_EN)],
)
def test_a_transcript_at_the_actions_without_a_closing_asks_for_more(
    language: str, opening: tuple[str, ...], text: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    coach.say(text.rsplit("\n\n", 1)[0])
    assert coach.stage == "actions"


MORE_ZH = """[10:05] 周敏：质检规程那个陈峰说时间太紧，改到6月20日前。散会。

（记录完）——就这些，结束。"""

MORE_EN = """[10:05] Dana: The supplier audit checklist, the deadline has to move, busy week, make it June 20.

(end of notes) that's all, wrap up"""


@pytest.mark.parametrize(
    ("language", "opening", "first", "more"),
    [("zh", TO_ACTIONS_ZH, TASKS_ZH, MORE_ZH), ("en", TO_ACTIONS_EN, TASKS_EN, MORE_EN)],
)
def test_one_more_line_of_the_meeting_by_someone_of_the_review_is_read_as_they_said_it(
    language: str, opening: tuple[str, ...], first: str, more: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    coach.say(first.rsplit("\n\n", 1)[0])  # the meeting, without the user's closing
    assert coach.stage == "actions"
    review = coach.say(more).review
    assert coach.stage == "done"
    (moved,) = [a for a in review.actions if ("质检规程" if language == "zh" else "supplier audit") in a.what]
    assert moved.when is not None and (moved.when.month, moved.when.day) == (6, 20)
    assert all(not a.what.startswith(("周敏", "Dana", ":", "：")) for a in review.actions)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_lines_pasted_at_the_lessons_by_people_of_the_review_give_their_lessons_only(language: str) -> None:
    from tests.engines.rules.helpers import TO_LESSONS_ZH

    coach = Coaching(language=language)  # type: ignore[arg-type]
    if language == "zh":
        coach.say("我是车间主任葛文斌。")
        coach.script(*TO_LESSONS_ZH[:-1], "闫慧：最触动的是客户验厂；下一步学纸张检测。", "没有了")
        pasted = "葛文斌：经验。合同里写清付款节点要新增，组织。回款跟踪要继续，业务。\n闫慧：同意。"
    else:
        coach.say("Present: Fiona Drummond (chair), Callum Reid.")
        coach.script(*TO_ACTIONS_EN[:-1])
        pasted = (
            "Fiona: Lessons. Start writing payment milestones into contracts, organisation. "
            "Keep the collections tracking, business.\nCallum: Agreed."
        )
    assert coach.stage == "lessons"
    lessons = coach.say(pasted).review.lessons
    assert len(lessons) >= 2
    assert all(
        not lesson.text.startswith(("葛文斌", "闫慧", "Fiona", "Callum", "同意", "Agreed"))
        for lesson in lessons
    )
