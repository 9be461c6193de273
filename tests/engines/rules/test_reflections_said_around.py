"""Reflections as a room gives them: one who passes is filed as no one's reflection, the next speaker's
answers are theirs, and a first name is the person named in full in the chat; zh and en."""

from __future__ import annotations

import pytest

from tests.engines.rules.helpers import TO_LESSONS_ZH, Coaching
from tests.engines.rules.test_meta_and_edits import TO_ACTIONS_EN

TO_REFLECTION = {"zh": TO_LESSONS_ZH[:-1], "en": TO_ACTIONS_EN[:-2]}
ROUND = {
    "zh": "蓝溪：我就不说了，今天嗓子不行，下次补。\n"
    "苗青：行。我自己：最触动的是客户那句“最快的一次”；下一步每周一开排期会。",
    "en": "Raj: I'd rather not, sorry, maybe next time.\n"
    "Pippa: OK. Most moved: the crew. Next step: a checklist.",
}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_one_who_passes_is_not_filed_and_the_next_speaker_keeps_their_answers(language: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*TO_REFLECTION[language])
    (reflection,) = coach.say(ROUND[language]).review.reflections
    assert reflection.person == ("苗青" if language == "zh" else "Pippa")
    assert reflection.most_touched and reflection.next_step and not reflection.do_better


@pytest.mark.parametrize(
    ("language", "present", "said", "person"),
    [
        (
            "zh",
            "先记一个行动：排期表上线，潘一鸣负责，5月20日前。",
            "小潘：最触动的是群戏那三天没人迟到。",
            "潘一鸣",
        ),
        (
            "en",
            "Present: Leona Fisk (chair), Wes Okoye (tech).",
            "Wes: Most moved, the crowd clapping when the stage came back.",
            "Wes Okoye",
        ),
    ],
)
def test_a_reflection_under_a_first_name_is_the_person_named_in_full(
    language: str, present: str, said: str, person: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.say(present)
    coach.script(*TO_REFLECTION[language])
    (reflection,) = coach.say(said).review.reflections
    assert reflection.person == person and reflection.most_touched
