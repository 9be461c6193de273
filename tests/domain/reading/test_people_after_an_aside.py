"""A relayed reflection after an aside ("…or just me? Anyway, Chloe Adeyemi sent hers: …", "…还是就我？
反正，宿管陈晓说：…") is the named person's: the word that turns back to the matter is no name; zh and en."""

from __future__ import annotations

import pytest

from coach.domain.reading.people import read_reflections

RELAYED = {
    "zh": "这个是全员都要说还是就我？反正，宿管陈晓说：最触动的是楼层的新生给她做了张卡片；"
    "对自己的新发现，她比自己想的更会安抚人。",
    "en": "Is this for the whole team or just me? Anyway, Chloe Adeyemi (senior RA) sent hers: most touched, "
    "the first-years on her floor making her a card; about herself, she's better at calm conversations "
    "than she thought.",
}


@pytest.mark.parametrize(("language", "name"), [("zh", "陈晓"), ("en", "Chloe Adeyemi")])
def test_the_word_turning_back_to_the_matter_is_no_name(language: str, name: str) -> None:
    (said,) = [r for r in read_reflections(RELAYED[language]) if r.answers]
    assert said.person is not None and said.person.endswith(name)
    assert len(said.answers) == 2
