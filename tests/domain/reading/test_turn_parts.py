"""A speaker's turn cut into the parts a meeting moves through, and what a part opens (zh and en)."""

from __future__ import annotations

import pytest

from coach.domain.reading.turn_parts import (
    has_list_head,
    parts,
    topic_given,
    with_colon,
    without_acknowledgements,
)


@pytest.mark.parametrize(
    ("turn", "cut"),
    [
        ("会后说。经验我说几条：复盘要早做。", ["会后说。", "经验我说几条：复盘要早做。"]),  # a list opens
        (
            "缺货太多了。为什么？因为备货按去年。",
            ["缺货太多了。", "为什么？", "因为备货按去年。"],
        ),  # a question
        (
            "Agreed. OK, actions. Tariq, can you own the rota by Friday?",
            ["Agreed.", "OK, actions.", "Tariq, can you own the rota by Friday?"],
        ),
    ],
)
def test_a_turn_is_cut_where_a_sentence_opens_another_part(turn: str, cut: list[str]) -> None:
    assert parts(turn) == cut


@pytest.mark.parametrize(
    "turn", ["好的。我来改合同模板，下周五前。", "Lessons. Keep the flu jabs early. That's people."]
)
def test_sentences_that_open_nothing_stay_with_the_part_before(turn: str) -> None:
    assert parts(turn) == [turn]


@pytest.mark.parametrize(
    ("said", "topic"),
    [
        ("不足呢？", "不足："),
        ("缺货为什么？", "挖缺货："),
        ("亮点说一下。", "亮点："),
        ("Churn, why?", "Dig into Churn: "),
        ("Why so many no-shows?", "Dig into so many no-shows: "),
        ("Action items.", "Action items: "),
    ],
)
def test_a_line_that_opens_a_part_and_says_nothing_of_it_gives_its_topic(said: str, topic: str) -> None:
    assert topic_given(said) == topic


@pytest.mark.parametrize("said", ["我们下周再聊吧。", "Good job everyone."])
def test_other_lines_give_no_topic(said: str) -> None:
    assert topic_given(said) is None


@pytest.mark.parametrize(
    ("said", "body"),
    [
        ("行。教训：提前备货", "教训：提前备货"),
        ("Fine. I'll own the rota", "I'll own the rota"),
        (
            "Good news first, the banner worked",
            "Good news first, the banner worked",
        ),  # it opens the highlights
    ],
)
def test_an_acknowledgement_goes_unless_it_heads_a_block(said: str, body: str) -> None:
    assert without_acknowledgements(said) == body


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("行动项。小刘负责排班。", "行动项：小刘负责排班。"),
        ("Lessons. Keep the flu jabs early.", "Lessons: Keep the flu jabs early."),
    ],
)
def test_a_list_head_said_with_a_full_stop_is_read_with_a_colon(said: str, read: str) -> None:
    assert has_list_head(said) and with_colon(said) == read


def test_a_share_of_the_rest_is_no_list_head() -> None:
    assert not has_list_head("The other quarter is the rota software. It broke.")
