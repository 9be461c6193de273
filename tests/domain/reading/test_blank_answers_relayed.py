"""A reflection answer relayed as no answer ("做得更好她说不知道", "Next step: he hasn't decided") files
nothing for that question; the person's other answers stand; zh and en."""

from __future__ import annotations

import pytest

from coach.domain.reading.people import read_reflections

RELAYED = {
    "zh": "包装组组长柴晓丽的：最触动她的是手术室护士长专门打电话来道谢；她发现自己其实很能带人；"
    "下一步她想考灭菌员证。做得更好她说不知道。",
    "en": "Kyle Dunn says: most touched was the client bringing tea up the ladder. He learned he's better "
    "at teaching than he thought. Better: check the subbies' first valleys himself. Next step: he hasn't "
    "decided.",
}
BLANK = {"zh": "do_better", "en": "next_step"}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_an_answer_relayed_as_none_files_nothing(language: str) -> None:
    (said,) = read_reflections(RELAYED[language])
    assert BLANK[language] not in said.answers
    assert len(said.answers) == 3
