"""Lists told in one breath (zh, en): "经验我说几条：A；B；C" / "Lessons in a few points: A; B; C"
announces the lessons it goes on to list, and "第一，A。第二，B。" / "First, A. Second, B." written on one
list line is one action per place."""

from __future__ import annotations

import pytest

from tests.notes.extracting import extract, texts

LESSONS_ZH = (
    "谢院长：跌倒为什么这么多？\n"
    "胡秀英：说到底是夜班排班还是按人数排的。\n"
    "谢院长：好。经验我说几条：开放日的做法继续；按人数平均排夜班的做法停止；新增入住时做跌倒风险评估。\n"
)
LESSONS_EN = (
    "Graham: Why were there so many no-shows?\n"
    "Dan: Mostly because nobody set the deposit rule up.\n"
    "Graham: Right. Lessons in a few points: keep the radio ads; stop holding tee times without a card; "
    "start checking every setting before go-live.\n"
)


@pytest.mark.parametrize(
    ("note", "announcement", "practices"),
    [
        (LESSONS_ZH, "我说几条", ("开放日", "平均排夜班", "跌倒风险评估")),
        (LESSONS_EN, "a few points", ("radio ads", "tee times", "every setting")),
    ],
)
def test_a_counted_announcement_opens_the_lessons_it_lists(
    note: str, announcement: str, practices: tuple[str, ...]
) -> None:
    lessons = extract(note, name="note.txt").lessons
    assert all(any(p in lesson.text for lesson in lessons) for p in practices), texts(lessons)
    assert not any(announcement in lesson.text for lesson in lessons)  # it announces, it is no practice


LIST_ZH = (
    "六、下一步\n\n"
    "第一，严琴负责制定地接社入围审核办法，5月31日前拿出初稿。第二，导游交接清单，孔德明负责，两周内出来。"
    "第三，柯宇提议做一个视频号，先不列入行动。\n"
)

LIST_EN = (
    "Next steps\n\n"
    "- First, Dan owns the deposit rule, by May 31. Second, Ross owns the reserve list, by next Friday. "
    "Third, a podcast was suggested, but it is not an action for now.\n"
)


@pytest.mark.parametrize(("note", "owners"), [(LIST_ZH, {"严琴", "孔德明"}), (LIST_EN, {"Dan", "Ross"})])
def test_a_numbered_list_on_one_line_is_one_action_per_place(note: str, owners: set[str]) -> None:
    actions = extract(note, name="note.txt").actions
    assert {a.who for a in actions} == owners, texts(actions)
