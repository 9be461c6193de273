"""Lists closed in plain words, zh and en: "that's everyone" / "都说完了" when asked whose reflection is next
means no one is left (it was read as a person called "that's everyone"); "Went well: nothing much." /
"亮点：没什么亮点" names no highlight."""

from __future__ import annotations

import pytest

from tests.engines.rules.helpers import Coaching

GOALS = {
    "zh": ("积压工单目标不超过200，实际340", "没有了"),
    "en": ("Ticket backlog target under 200, actual 340.", "that's all"),
}
REFLECTION = {
    "zh": "我是王丹。最触动：大家帮小孙顶班；发现自己回避排班难题；"
    "重来会7月就上报周末缺口；下一步起草周末排班。",
    "en": "I'm Dana. Most moved by how the team covered for Sam; learned I avoid hard staffing calls; would "
    "escalate the weekend gap in July; next I'll draft a weekend rota.",
}


@pytest.mark.parametrize(("language", "closing"), [("zh", "都说完了"), ("en", "that's everyone")])
def test_no_one_left_to_reflect_said_in_plain_words(language: str, closing: str) -> None:
    coach = Coaching(language)
    coach.script(*GOALS[language], "跳过" if language == "zh" else "skip")
    coach.say(REFLECTION[language])
    assert coach.last.stage == "reflection"
    coach.say(closing)
    assert [r.person for r in coach.last.review.reflections] == ["王丹" if language == "zh" else "Dana"]
    assert coach.last.stage == "lessons"


@pytest.mark.parametrize(
    ("language", "text"),
    [("zh", "亮点：没什么亮点。不足：积压"), ("en", "Went well: nothing much. Went badly: backlog")],
)
def test_nothing_much_names_no_highlight(language: str, text: str) -> None:
    coach = Coaching(language)
    coach.script(*GOALS[language])
    coach.say(text)
    assert coach.last.review.highlights == []
    assert len(coach.last.review.shortfalls) == 1
