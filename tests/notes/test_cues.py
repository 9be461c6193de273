"""The cue words that decide an item's kind: English cues as whole words, Chinese cues anywhere."""

from __future__ import annotations

import re

import pytest

from coach.notes import cues


@pytest.mark.parametrize(
    ("pattern", "text", "found"),
    [
        (cues.CAUSE, "The release slipped because nobody owned the checklist", "because"),
        (cues.CAUSE, "It came from the vendor's side", "came from"),
        (cues.CAUSE, "Two contributing factors stood out", "contributing factors"),
        (cues.CAUSE, "上线延期是因为没人负责清单", "因为"),
        (cues.CAUSE, "导火索是一次临时改动", "导火索"),
        (cues.SHORTFALL, "We missed the date", "missed"),
        (cues.SHORTFALL, "Customers complained twice", "complain"),
        (cues.SHORTFALL, "报价审批太慢", "太慢"),
        (cues.HIGHLIGHT, "The pilot went really well", "went really well"),
        (cues.HIGHLIGHT, "复购做得不错", "做得不错"),
        (cues.LESSON, "Next time we lock scope early", "Next time"),
        (cues.LESSON, "下次要提前报价", "下次"),
        (cues.ACTION, "I'll send the draft", "I'll"),
        (cues.ACTION, "李娜负责新模板", "负责"),
        (cues.DIGRESSION, "Side note: the parking lot closes", "Side note"),
        (cues.DIGRESSION, "这个会后再说", "会后再说"),
        (cues.ROOT, "The fundamental problem was ownership", "fundamental"),
        (cues.ROOT_CAUSE, "The underlying cause was the contract", "underlying cause"),
        (cues.ROOT_CAUSE, "根因是合同绑定终验", "根因"),
    ],
)
def test_cues_find_their_words_in_either_language(pattern: re.Pattern[str], text: str, found: str) -> None:
    m = pattern.search(text)
    assert m is not None and m.group(0) == found


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (cues.CAUSE, "the becauseway bridge"),  # a cue inside a longer word is no cue
        (cues.CAUSE, "duet of two singers"),
        (cues.SHORTFALL, "the latest numbers"),
        (cues.HIGHLIGHT, "the winter rota"),
        (cues.LESSON, "mustard on the menu"),
        (cues.ACTION, "the bypass road"),
        (cues.DIGRESSION, "the tangents of a curve"),
        (cues.ROOT_CAUSE, "the underlying data"),  # only "underlying cause/reason" names the root
    ],
)
def test_english_cues_are_whole_words(pattern: re.Pattern[str], text: str) -> None:
    assert pattern.search(text) is None
