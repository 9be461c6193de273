"""The cue phrases of prose notes are per-language data files with the same lists in every language."""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest

from coach.notes.wordlists import LANGUAGES, _compile, _phrase_pattern, phrases, topic_phrases


def _lists(language: str) -> dict[str, object]:
    raw = resources.files("coach.notes").joinpath("words", f"{language}.json").read_text(encoding="utf-8")
    data: dict[str, object] = json.loads(raw)
    return data


def test_every_language_file_has_the_same_lists_and_topics() -> None:
    keys = {lang: set(_lists(lang)) for lang in LANGUAGES}
    assert all(k == keys["en"] for k in keys.values()), keys
    topics = {lang: set(_lists(lang)["topic"]) for lang in LANGUAGES}  # type: ignore[arg-type]
    assert all(t == topics["en"] for t in topics.values()), topics


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_phrase_is_a_non_empty_string(language: str) -> None:
    for name, value in _lists(language).items():
        if name.startswith("_"):
            continue
        groups = value.values() if isinstance(value, dict) else [value]
        for group in groups:
            assert isinstance(group, list) and all(isinstance(p, str) and p.strip() for p in group), name


@pytest.mark.parametrize(
    ("name", "text", "found"),
    [
        ("commitment", "Going forward we'll pin the base image", True),
        ("commitment", "下一步我们要统一报价模板", True),
        ("commitment", "The willow tree fell", False),  # "will" only as a whole word
        ("acknowledgement", "Thanks to Omar for the quick rollback", True),
        ("acknowledgement", "Welcome, Chen", True),
        ("acknowledgement", "Welcome event sign-ups: 845", False),  # a welcome event is no greeting
        ("confirmation", "Sure, works for me", True),
    ],
)
def test_phrases_match_whole_words_in_either_language(name: str, text: str, found: bool) -> None:
    assert (phrases(name).search(text) is not None) is found


def test_topic_phrases_name_the_method_parts() -> None:
    sections = {section for section, _ in topic_phrases()}
    assert {"goal", "highlight", "shortfall", "cause", "lesson", "action"} <= sections


def _plain_join(words: list[str]) -> re.Pattern[str]:
    """The lists as compiled before the branches were grouped: one branch a phrase, longest first."""
    ordered = sorted(set(words), key=len, reverse=True)
    return re.compile("(?:" + "|".join(_phrase_pattern(p) for p in ordered) + ")", re.I)


@pytest.mark.parametrize(
    "text",
    [
        "Going forward we'll keep the weekly demo",
        "We will KEEP it, and stop the late scope changes",
        "The willow tree fell; keeping score",  # "will"/"keep" inside longer words
        "下一步我们要继续保持这个做法，停止临时加需求",
        "以后要坚持每周回访",
        "and so, to resolve the issue, engineers restarted the pods",
        "临时通过重启恢复了服务",
    ],
)
def test_grouped_phrases_find_what_one_branch_a_phrase_finds(text: str) -> None:
    for name in ("commitment", "keep", "stop", "mitigation", "mitigation_lead", "small_talk", "cause_cue"):
        words = [p for lang in LANGUAGES for p in _lists(lang)[name]]  # type: ignore[union-attr]
        grouped, plain = phrases(name).search(text), _plain_join(words).search(text)
        assert (grouped and grouped.span()) == (plain and plain.span()), name


def test_phrases_that_can_open_alike_keep_their_order() -> None:
    # the Kelvin sign matches "k" under re.I: no grouping may change which of them is found first
    words = ["\u212aanban", "kanban board", "keep"]  # the longer one is found, as in the plain join
    text = "the kanban board and keep"
    assert _compile(words).search(text).span() == _plain_join(words).search(text).span()  # type: ignore[union-attr]
