"""The cue words of chat messages: one data file a language in `words/`; adding a language adds a file.

Each file holds regex fragments: lists (`fillers`, `why`, …), tables of lists (`heads`, `rungs`,
`reflection`) and single patterns (`dig`); the `lesson_*` tables hold plain words (lesson typing). They are
package data, read once like a module's constants.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

WORDS = "words"  # the folder of the data files, inside this package


@cache
def languages() -> tuple[str, ...]:
    """The languages that have a cue file, Chinese first (the product's default language)."""
    folder = resources.files("coach.domain.reading").joinpath(WORDS)
    found = [entry.name.removesuffix(".toml") for entry in folder.iterdir() if entry.name.endswith(".toml")]
    return tuple(sorted(found, key=lambda lang: (lang != "zh", lang)))


@cache
def words(lang: str) -> dict[str, Any]:
    """One language's cue lists by name."""
    folder = resources.files("coach.domain.reading").joinpath(WORDS)
    return tomllib.loads(folder.joinpath(f"{lang}.toml").read_text(encoding="utf-8"))


def fragments(name: str) -> list[str]:
    """Every language's fragments of one list, in language order."""
    return [fragment for lang in languages() for fragment in words(lang).get(name, [])]


def keyed_fragments(name: str) -> dict[str, list[str]]:
    """Every language's fragments of one table of lists (`heads`, `rungs`, …), merged by key."""
    merged: dict[str, list[str]] = {}
    for lang in languages():
        for key, listed in words(lang).get(name, {}).items():
            merged.setdefault(key, []).extend(listed)
    return merged


def per_language(name: str) -> dict[str, str]:
    """One single pattern (`dig`) of each language that has it."""
    return {lang: words(lang)[name] for lang in languages() if name in words(lang)}
