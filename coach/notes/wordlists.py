"""Cue phrases of prose notes, read from per-language files in coach/notes/words/ (one file a language)."""

from __future__ import annotations

import re
from functools import cache

from coach.notes.sections import Section
from coach.notes.vocabulary import LANGUAGES
from coach.notes.vocabulary import words as _words


def _phrase_pattern(phrase: str) -> str:
    """A phrase as a regex: Latin words on word boundaries, spaces as any whitespace."""
    body = r"\s+".join(re.escape(word) for word in phrase.split())
    if _is_latin(phrase):
        body = rf"(?<![A-Za-z]){body}(?![A-Za-z])"
    return body


def _is_latin(phrase: str) -> bool:
    return re.match(r"[A-Za-z]", phrase) is not None


def _first_char(phrase: str) -> str:
    words = phrase.split()
    return words[0][0] if words else ""


def _alternation(ordered: list[str]) -> str:
    """The phrases as one alternation that matches exactly what "p1|p2|…" (each a _phrase_pattern) does.

    Why not that plain join: at every position of the text the regex engine tries each branch in turn; it
    skips a branch cheaply only when the branch opens with a plain literal, and the "(?<![A-Za-z])" before
    each Latin phrase (and a cased letter under re.I) defeats that, which made these lists ~3x slower to
    search. So the Latin phrases share one look-behind, and phrases opening with the same character share
    that character. The order of the branches only matters among phrases that can match at the same place,
    i.e. open with characters that match each other: such phrases stay in one group, in their given order
    (longest first).
    """
    groups: dict[tuple[bool, str], list[str]] = {}
    for phrase in ordered:
        groups.setdefault((_is_latin(phrase), _first_char(phrase).lower()), []).append(phrase)
    openers = [{_first_char(p) for p in members} for members in groups.values()]
    if any(not c for chars in openers for c in chars) or _groups_overlap(openers):
        return "|".join(_phrase_pattern(p) for p in ordered)  # no safe grouping: the plain join
    plain: list[str] = []
    latin: list[str] = []
    for (is_latin, _), members in groups.items():
        end = r"(?![A-Za-z])" if is_latin else ""
        first = re.escape(_first_char(members[0]))
        bodies = [r"\s+".join(re.escape(word) for word in p.split()) for p in members]
        if len(members) > 1 and all(b.startswith(first) for b in bodies):
            branch = first + "(?:" + "|".join(b[len(first) :] + end for b in bodies) + ")"
        else:
            branch = "|".join(b + end for b in bodies)
        (latin if is_latin else plain).append(branch)
    if latin:
        plain.append(r"(?<![A-Za-z])(?:" + "|".join(latin) + ")")
    return "|".join(plain)


def _groups_overlap(openers: list[set[str]]) -> bool:
    """Whether a phrase of one group can open where a phrase of another does (under re.I: "K" and "k", the
    Kelvin sign and "k", "ſ" and "s")."""
    for i, chars in enumerate(openers):
        for other in openers[i + 1 :]:
            if any(re.fullmatch(re.escape(a), b, re.I) for a in chars for b in other):
                return True
    return False


def _compile(phrases: list[str], *, anchored: bool = False) -> re.Pattern[str]:
    if not phrases:
        return re.compile(r"(?!)")  # a list no language fills matches nothing
    ordered = sorted(set(phrases), key=len, reverse=True)
    body = _alternation(ordered)
    return re.compile((r"^(?:" if anchored else "(?:") + body + ")", re.I)


@cache
def phrases(name: str, *, anchored: bool = False) -> re.Pattern[str]:
    """Every language's phrases of one list (`mitigation`, `commitment`, …) as one pattern."""
    return _compile([p for lang in LANGUAGES for p in _words(lang).get(name, [])], anchored=anchored)


@cache
def topic_phrases(anchored: bool = True, key: str = "topic") -> tuple[tuple[Section, re.Pattern[str]], ...]:
    """(section, pattern) for the phrases that announce a part of the note ("What went wrong", "不足方面");
    `copula_topic` phrases announce only before "是" / "is" ("问题是…", "The problem is …")."""
    merged: dict[str, list[str]] = {}
    for lang in LANGUAGES:
        for section, words in _words(lang)[key].items():
            merged.setdefault(section, []).extend(words)
    return tuple((section, _compile(words, anchored=anchored)) for section, words in merged.items())  # type: ignore[misc]


@cache
def _chain_part_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    merged: dict[str, list[str]] = {}
    for lang in LANGUAGES:
        for part, words in _words(lang).get("chain_part", {}).items():
            merged.setdefault(part, []).extend(words)
    # a label, not words of the sentence: "根因：…", "【表因】…", "Root cause: …"
    label = r"^[【\[]?\s*(?:{})s?\s*(?:[】\]]\s*[:：]?|[:：])\s*(?=\S)"
    return tuple(
        (part, re.compile(label.format(_compile(words).pattern), re.I)) for part, words in merged.items()
    )


@cache
def word_set(name: str) -> frozenset[str]:
    """Every language's words of one plain list (`function_words`), lower-cased, for lookups."""
    return frozenset(w.lower() for lang in LANGUAGES for w in _words(lang).get(name, []))


def chain_part(text: str) -> tuple[str, str] | None:
    """(part, the rest) for a line labelled with its place in a drill-down: "现象：…", "表因：…", "根因：…",
    "主因：…", "Contributing factor: …", "数据：…" (evidence for the cause above); None when unlabelled."""
    for part, pattern in _chain_part_patterns():
        m = pattern.match(text.strip())
        if m is not None:
            return part, text.strip()[m.end() :]
    return None


def table_column(header: str) -> str | None:
    """What a table column holds: "problem", "cause" or "measure" ("| 问题 | 原因 | 改进措施 |"), or None."""
    name = header.strip().lower()
    for part in ("cause", "measure", "problem"):  # "根因" before "问题", "改进措施" before anything
        for lang in LANGUAGES:
            if any(word in name for word in _words(lang).get("table_column", {}).get(part, [])):
                return part
    return None
