"""A meeting's list of lessons, read from the transcript: the lessons said after "Lessons." stay in the list
in the order they were said, with the remarks between them, and a lesson whose type its speaker asks ("…,
business? No, organisation") is a lesson, not small talk; zh and en."""

from __future__ import annotations

import pytest

from coach.domain.reading.transcript import messages, read_transcript

MEETINGS = {
    "zh": """老周：说经验。
小吴：售货亭放在游览路线上继续，业务。
老陈：饲养员每日检查表继续，组织。
孙医生：每个高风险物种的高温预案要新增，业务？不对，组织，这是流程的事。
老周：组织。中午巡园新增，文化。""",
    "en": """Marion: Lessons.
Jamie: Keep the kiosks on the walking route, business.
Callum: Keep the keeper daily checklist, organisation.
Sunita: Start a heat plan for every species at risk, business? No, organisation, it's a procedure.
Marion: Organisation. Start walking the site at noon on hot days, culture.""",
}
IN_ORDER = {
    "zh": ["售货亭", "检查表", "高温预案", "不对，组织", "中午巡园"],
    "en": ["kiosks", "checklist", "heat plan", "No, organisation", "noon"],
}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_lessons_of_the_meeting_keep_their_order_and_the_type_asked(language: str) -> None:
    (listed,) = messages(read_transcript(MEETINGS[language]) or [])
    at = [listed.find(words) for words in IN_ORDER[language]]
    assert -1 not in at and at == sorted(at), listed
