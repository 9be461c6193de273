"""Cue words are data: one TOML file a language in coach/domain/reading/words/, found by listing the folder,
with the same lists in each; every fragment is a valid regex, and the files ship with the package."""

from __future__ import annotations

import re
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pytest

from coach.domain.reading import cues
from coach.domain.reading.vocabulary import WORDS, fragments, keyed_fragments, languages, per_language, words

ROOT = Path(__file__).resolve().parents[3]
FOLDER = ROOT / "coach" / "domain" / "reading" / WORDS


def _shape(value: object) -> object:
    """A list's shape is 'list'; a table's is its keys; a single pattern's is 'str'."""
    return sorted(value) if isinstance(value, dict) else type(value).__name__


def test_every_file_in_the_folder_is_a_language_chinese_first() -> None:
    assert set(languages()) == {path.stem for path in FOLDER.glob("*.toml")}
    assert languages()[0] == "zh" and "en" in languages()


def test_every_language_has_the_same_lists_in_the_same_shape() -> None:
    shapes = {lang: {name: _shape(value) for name, value in words(lang).items()} for lang in languages()}
    assert all(shape == shapes["zh"] for shape in shapes.values()), shapes


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_fragment_is_a_valid_regex(lang: str) -> None:
    def each(value: object) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict):
            return [f for listed in value.values() for f in listed]
        assert isinstance(value, list)
        return value

    broken = []
    for name, value in words(lang).items():
        for fragment in each(value):
            try:
                re.compile(fragment)
            except re.error as error:
                broken.append((name, fragment, str(error)))
    assert not broken


def test_a_list_joins_every_language() -> None:
    assert {"为什么", "why"} <= set(fragments("why"))
    highlights = keyed_fragments("heads")["highlights"]
    assert any("亮点" in f for f in highlights) and any("went well" in f for f in highlights)
    assert set(per_language("dig")) == set(languages())


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [("深挖回款：大客户拖款。", "回款"), ("Dig into churn: the onboarding was slow.", "churn")],
)
def test_each_language_names_its_own_dig_topic(sentence: str, topic: str) -> None:
    match = cues.dig().match(sentence)
    assert match is not None and cues.named(match, "topic") == topic


@pytest.mark.parametrize(
    ("sentence", "name"), [("李娜说：最触动的是…", "李娜"), ("Priya says: most moved…", "Priya")]
)
def test_each_language_names_its_own_relayed_speaker(sentence: str, name: str) -> None:
    match = cues.relay().match(sentence)
    assert match is not None and cues.named(match, "name") == name


@pytest.mark.parametrize("folder", ["domain/reading/words", "engines/rules/messages"])
def test_the_data_files_ship_with_the_package(folder: str) -> None:
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["package-data"]
    files = sorted((ROOT / "coach" / folder).glob("*.toml"))
    assert files
    for path in files:
        relative = path.relative_to(ROOT / "coach").as_posix()
        assert any(fnmatch(relative, g) for g in globs["coach"]), f"{relative} is not in package-data"
