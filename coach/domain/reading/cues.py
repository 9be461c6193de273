"""The cue phrases of every language, compiled once: a message may mix languages, so all are tried."""

from __future__ import annotations

import re
from functools import cache
from types import ModuleType

from coach.domain.reading import words_en, words_zh

LANGUAGES: tuple[ModuleType, ...] = (words_zh, words_en)  # adding a language means adding its module


def _union(fragments: list[str]) -> str:
    return "|".join(f"(?:{f})" for f in fragments)


def _gather(name: str) -> list[str]:
    return [f for module in LANGUAGES for f in getattr(module, name)]


def _gather_keyed(name: str) -> dict[str, list[str]]:
    merged: dict[str, list[str]] = {}
    for module in LANGUAGES:
        for key, fragments in getattr(module, name).items():
            merged.setdefault(key, []).extend(fragments)
    return merged


def _lead(fragments: list[str]) -> re.Pattern[str]:
    """Fragments said at the start of a sentence, followed by an optional colon or comma."""
    return re.compile(rf"^(?:{_union(fragments)})\s*[：:，,]?\s*", re.I)


@cache
def heads() -> dict[str, re.Pattern[str]]:
    return {key: _lead(fragments) for key, fragments in _gather_keyed("HEADS").items()}


@cache
def rungs() -> dict[str, re.Pattern[str]]:
    return {key: _lead(fragments) for key, fragments in _gather_keyed("RUNGS").items()}


@cache
def reflection_cues() -> dict[str, re.Pattern[str]]:
    return {key: _lead(fragments) for key, fragments in _gather_keyed("REFLECTION").items()}


@cache
def dig() -> re.Pattern[str]:
    return re.compile(rf"^(?:{words_zh.DIG}|{words_en.DIG.replace('?P<topic>', '?P<topic_en>')})\s*", re.I)


@cache
def rest() -> re.Pattern[str]:
    return _lead(_gather("REST"))


@cache
def rest_inside() -> re.Pattern[str]:
    return re.compile(_union(_gather("REST_INSIDE")), re.I)


@cache
def fillers() -> re.Pattern[str]:
    return re.compile(rf"^(?:{_union(_gather('FILLERS'))})(?![A-Za-z])\s*[，,:：]?\s*", re.I)


@cache
def self_intro() -> re.Pattern[str]:
    return re.compile(rf"^(?:{_union(_gather('SELF'))})(?![A-Za-z])\s*", re.I)


@cache
def relay() -> re.Pattern[str]:
    zh, en = words_zh.RELAY[0], words_en.RELAY[0].replace("?P<name>", "?P<name_en>")
    return re.compile(rf"^(?:{zh}|{en})\s*")


@cache
def role_prefix() -> re.Pattern[str]:
    return re.compile(rf"^(?:{_union(_gather('ROLE_WORDS'))})+")


@cache
def skipped() -> re.Pattern[str]:
    return re.compile(_union(_gather("SKIPPED")), re.I)


@cache
def reflection_done() -> re.Pattern[str]:
    return re.compile(_union(_gather("REFLECTION_DONE")), re.I)


@cache
def back_reference() -> re.Pattern[str]:
    return re.compile(rf"(?:{_union(_gather('BACK_REFERENCE'))})\s*[：:，,]?\s*", re.I)


@cache
def acknowledge() -> re.Pattern[str]:
    return re.compile(rf"^(?:{_union(_gather('ACKNOWLEDGE'))})(?=[\s,，.。!！]|$)[\s,，.。!！]*", re.I)


@cache
def why() -> re.Pattern[str]:
    return re.compile(_union(_gather("WHY")), re.I)


@cache
def first_person_task() -> re.Pattern[str]:
    return re.compile(rf"(?<![A-Za-z])(?:{_union(_gather('FIRST_PERSON_TASK'))})(?![A-Za-z])", re.I)


@cache
def kpi_words() -> re.Pattern[str]:
    return re.compile(_union(_gather("KPI_WORDS")), re.I)


@cache
def decline() -> re.Pattern[str]:
    return re.compile(_union(_gather("DECLINE")), re.I)


@cache
def reflection_skip() -> re.Pattern[str]:
    return re.compile(_union(_gather("REFLECTION_SKIP")), re.I)


@cache
def aside() -> re.Pattern[str]:
    return re.compile(rf"^(?:{_union(_gather('ASIDE'))})\s*[：:，,]?\s*", re.I)


@cache
def lesson_aside() -> re.Pattern[str]:
    return re.compile(_union(_gather("LESSON_ASIDE")), re.I)
