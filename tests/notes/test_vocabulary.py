"""The notes extractor's word files are read once, and their lists keep the order they are written in."""

from __future__ import annotations

import re

from coach.notes.vocabulary import LANGUAGES, alternation, any_of, grouped, listed, words


def test_each_language_file_is_read_once() -> None:
    for language in LANGUAGES:
        assert words(language) is words(language)


def test_a_list_keeps_each_language_s_words_in_file_order() -> None:
    merged = listed("thanks_lead")
    for language in LANGUAGES:
        own = words(language)["thanks_lead"]
        assert [w for w in merged if w in own] == own


def test_the_word_listed_first_wins_where_two_match_at_one_place() -> None:
    # "okay" is listed before "ok": the lead of "Okay, thanks all" is the whole word
    lead = re.match(alternation("thanks_lead"), "Okay, thanks all", re.I)
    assert lead is not None and lead.group(0) == "Okay"
    assert re.fullmatch(any_of(["a.b", "好的"]), "a.b") and not re.fullmatch(any_of(["a.b"]), "axb")


def test_a_table_merges_the_groups_of_every_language() -> None:
    labels = grouped("inline_label")
    assert "不足" in labels["shortfall"] and "went wrong" in labels["shortfall"]
