"""Everything the rules coach says: a message catalog keyed by (key, language), one file a language.

The templates live in `messages/<language>.toml` (short lines, one question per reply); `{…}` are filled
with the user's own words where it helps. Adding a language means adding its file. The method's step
names are filled in from `coach.domain.labels`, so every reply names the steps the same way.
A whole number picks a word's form in the template: `{count} {count:person|people}`.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

from coach.domain.labels import METHOD, PERSONAL_REFLECTION, STEPS
from coach.domain.retrospective import Language

MESSAGES = "messages"  # the folder of the catalog files, inside this package


class UnknownReply(KeyError):
    """A key the catalog has no template for in the language asked."""

    def __init__(self, key: str, lang: str) -> None:
        super().__init__(key, lang)
        self.key, self.lang = key, lang

    def __str__(self) -> str:
        return f"no reply {self.key!r} in language {self.lang!r} (see {MESSAGES}/{self.lang}.toml)"


class MissingValue(KeyError):
    """A template placeholder the caller gave no value for."""

    def __init__(self, key: str, lang: str, placeholder: str) -> None:
        super().__init__(key, lang, placeholder)
        self.key, self.lang, self.placeholder = key, lang, placeholder

    def __str__(self) -> str:
        return f"reply {self.key!r} in language {self.lang!r} needs a value for {{{self.placeholder}}}"


@cache
def catalog() -> dict[str, dict[str, str]]:
    """language → key → template, read once from the package's catalog files."""
    return load_catalog(resources.files("coach.engines.rules").joinpath(MESSAGES))


def load_catalog(folder: Traversable) -> dict[str, dict[str, str]]:
    """Every `<language>.toml` in a folder: the folder's listing is the list of languages."""
    languages: dict[str, dict[str, str]] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        templates = tomllib.loads(entry.read_text(encoding="utf-8"))
        wrong = sorted(key for key, value in templates.items() if not isinstance(value, str))
        if wrong:
            raise ValueError(f"{MESSAGES}/{entry.name}: {', '.join(wrong)} must be strings")
        languages[entry.name.removesuffix(".toml")] = templates
    return languages


@cache
def step_names(lang: Language) -> dict[str, str]:
    """The values every template may use: `{step_review}` … `{step_actions}`, `{personal_reflection}`.

    A language the labels do not name yet gets none: a template that names a step then fails loudly."""
    names = {f"step_{stage}": STEPS[stage][lang] for stage in METHOD if lang in STEPS[stage]}
    if lang in PERSONAL_REFLECTION:
        names["personal_reflection"] = PERSONAL_REFLECTION[lang]
    return names


class Count(int):
    """A whole number that formats as one of its forms: `{n:goal|goals}` is "goal" for 1, else "goals"."""

    def __format__(self, spec: str) -> str:
        if "|" not in spec:
            return super().__format__(spec)
        one, other = spec.split("|", 1)
        return one if self == 1 else other


def render(key: str, lang: Language, **params: object) -> str:
    """The reply line for a key in the language, with the values filled in.

    An unknown key, a language without it or a missing value raises: a silent empty line hides a bug.
    """
    template = catalog().get(lang, {}).get(key)
    if template is None:
        raise UnknownReply(key, lang)
    counted = {name: Count(value) if type(value) is int else value for name, value in params.items()}
    values = step_names(lang) | counted
    try:
        return template.format_map(values).strip()
    except KeyError as missing:
        raise MissingValue(key, lang, str(missing.args[0])) from None
