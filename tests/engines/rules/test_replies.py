"""The replies catalog: every key in both languages, the same placeholders; an unknown key fails loudly."""

from __future__ import annotations

import string

import pytest

from coach.engines.rules.replies import REPLIES, render


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(REPLIES))
def test_every_key_has_both_languages_with_the_same_placeholders(key: str) -> None:
    zh, en = REPLIES[key]
    assert zh.strip() and en.strip()
    assert _placeholders(zh) == _placeholders(en)


def test_an_unknown_key_fails_loudly() -> None:
    with pytest.raises(KeyError):
        render("no_such_reply", "zh")


def test_a_missing_value_fails_loudly_instead_of_rendering_blank() -> None:
    with pytest.raises(KeyError):
        render("status", "en", n=1, total=4)


def test_render_fills_the_language_asked() -> None:
    assert render("going_back", "zh", stage="回顾评估") == "好，回到「回顾评估」。"
    assert render("going_back", "en", stage="Review") == "OK, back to “Review”."
