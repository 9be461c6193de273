"""One rule tells zh from en: at least one Chinese character per two Latin words reads as Chinese."""

from __future__ import annotations

import pytest

from coach.domain.reading.language import detect_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("回款目标1.2亿，实际9600万", "zh"),
        ("Q2 的 GMV 没完成，主要是大客户流失", "zh"),  # a Chinese note quoting English KPIs
        ("Tom 负责，下周五前", "zh"),
        ("Uptime target 99.9%, actual 99.5%", "en"),
        ("Route alerts by service, Tom, by end of next month.", "en"),
        ("Thanks to 王磊 for the quick rollback of the release last night", "en"),  # a Chinese name
        ("Hello 世界", "zh"),  # two characters against one word
    ],
)
def test_the_share_of_chinese_characters_to_latin_words_decides(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize("text", ["", "99.5% / 12", "？！…", "👍"])
def test_text_without_letters_gets_the_callers_default(text: str) -> None:
    assert detect_language(text) == "en"
    assert detect_language(text, default="zh") == "zh"


def test_one_character_per_two_words_is_the_border() -> None:
    assert detect_language("中 alpha beta") == "zh"
    assert detect_language("中 alpha beta gamma") == "en"
