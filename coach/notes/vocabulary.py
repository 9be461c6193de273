"""The per-language word files of the notes extractor (coach/notes/words/{zh,en}.json), read once."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

LANGUAGES = ("en", "zh")


@cache
def words(language: str) -> dict[str, Any]:
    """One language's word file, parsed once."""
    raw = resources.files("coach.notes").joinpath("words", f"{language}.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


def listed(name: str, languages: tuple[str, ...] = LANGUAGES) -> tuple[str, ...]:
    """One plain list of every language, in file order, the languages in the given order."""
    return tuple(w for lang in languages for w in words(lang).get(name, []))


def mapping(name: str, languages: tuple[str, ...] = LANGUAGES) -> dict[str, str]:
    """One word → value table of every language ({"不足": "shortfall", "went wrong": "shortfall"})."""
    merged: dict[str, str] = {}
    for lang in languages:
        merged.update(words(lang).get(name, {}))
    return merged


def grouped(name: str, languages: tuple[str, ...] = LANGUAGES) -> dict[str, tuple[str, ...]]:
    """One group → words table of every language ({"shortfall": ("不足", "went wrong")})."""
    merged: dict[str, list[str]] = {}
    for lang in languages:
        for group, members in words(lang).get(name, {}).items():
            merged.setdefault(group, []).extend(members)
    return {group: tuple(members) for group, members in merged.items()}


def alternation(name: str, languages: tuple[str, ...] = LANGUAGES) -> str:
    """One plain list as a regex alternation in file order: where two words match at one place, the one
    listed first wins ("okay" before "ok")."""
    return any_of(listed(name, languages))


def any_of(said: Iterable[str]) -> str:
    """Words as a regex alternation, in the given order."""
    return "|".join(re.escape(word) for word in said)
