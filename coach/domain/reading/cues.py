"""The cue phrases of every language, compiled once: a message may mix languages, so all are tried."""

from __future__ import annotations

import re
from functools import cache

from coach.domain.reading.vocabulary import fragments, keyed_fragments, languages, per_language, words


def _union(parts: list[str]) -> str:
    return "|".join(f"(?:{part})" for part in parts)


def _own_groups(fragment: str, group: str, suffix: str) -> str:
    """A fragment whose named group gets a name of its own, so every language's can sit in one pattern."""
    return fragment.replace(f"?P<{group}>", f"?P<{group}_{suffix}>")


def named(match: re.Match[str], group: str) -> str | None:
    """The text of a group that each language's fragment names on its own (`topic_zh`, `topic_en`, …)."""
    return next((v for k, v in match.groupdict().items() if k.startswith(f"{group}_") and v), None)


def _lead(parts: list[str]) -> re.Pattern[str]:
    """Fragments said at the start of a sentence, followed by an optional colon or comma."""
    return re.compile(rf"^(?:{_union(parts)})\s*[：:，,]?\s*", re.I)


@cache
def heads() -> dict[str, re.Pattern[str]]:
    return {key: _lead(listed) for key, listed in keyed_fragments("heads").items()}


@cache
def rungs() -> dict[str, re.Pattern[str]]:
    return {key: _lead(listed) for key, listed in keyed_fragments("rungs").items()}


@cache
def reflection_cues() -> dict[str, re.Pattern[str]]:
    return {key: _lead(listed) for key, listed in keyed_fragments("reflection").items()}


@cache
def dig() -> re.Pattern[str]:
    digs = [_own_groups(dig, "topic", lang) for lang, dig in per_language("dig").items()]
    return re.compile(rf"^(?:{_union(digs)})\s*", re.I)


@cache
def rest() -> re.Pattern[str]:
    return _lead(fragments("rest"))


@cache
def rest_inside() -> re.Pattern[str]:
    return re.compile(_union(fragments("rest_inside")), re.I)


@cache
def fillers() -> re.Pattern[str]:
    return re.compile(rf"^(?:{_union(fragments('fillers'))})(?![A-Za-z])\s*[，,:：]?\s*", re.I)


@cache
def self_intro() -> re.Pattern[str]:
    return re.compile(rf"^(?:{_union(fragments('self'))})(?![A-Za-z])\s*", re.I)


@cache
def relay() -> re.Pattern[str]:
    relays = [
        _own_groups(relay, "name", f"{lang}{i}")
        for lang in languages()
        for i, relay in enumerate(words(lang).get("relay", []))
    ]
    return re.compile(rf"^(?:{_union(relays)})\s*")


@cache
def role_prefix() -> re.Pattern[str]:
    return re.compile(rf"^(?:{_union(fragments('role_words'))})+")


@cache
def skipped() -> re.Pattern[str]:
    return re.compile(_union(fragments("skipped")), re.I)


@cache
def reflection_done() -> re.Pattern[str]:
    return re.compile(_union(fragments("reflection_done")), re.I)


@cache
def back_reference() -> re.Pattern[str]:
    return re.compile(rf"(?:{_union(fragments('back_reference'))})\s*[：:，,]?\s*", re.I)


@cache
def acknowledge() -> re.Pattern[str]:
    return re.compile(rf"^(?:{_union(fragments('acknowledge'))})(?=[\s,，.。!！]|$)[\s,，.。!！]*", re.I)


@cache
def why() -> re.Pattern[str]:
    return re.compile(_union(fragments("why")), re.I)


@cache
def first_person_task() -> re.Pattern[str]:
    return re.compile(rf"(?<![A-Za-z])(?:{_union(fragments('first_person_task'))})(?![A-Za-z])", re.I)


@cache
def kpi_words() -> re.Pattern[str]:
    return re.compile(_union(fragments("kpi_words")), re.I)


@cache
def self_assign() -> re.Pattern[str]:
    """Words by which a speaker takes the task just named ("that's me", "算我的")."""
    return re.compile(rf"(?<![A-Za-z])(?:{_union(fragments('self_assign'))})(?![A-Za-z])", re.I)


@cache
def ask_task() -> re.Pattern[str]:
    """Words that ask the person addressed to take a task ("can you", "你能")."""
    return re.compile(rf"(?<![A-Za-z])(?:{_union(fragments('ask_task'))})(?![A-Za-z])", re.I)


@cache
def decline() -> re.Pattern[str]:
    return re.compile(_union(fragments("decline")), re.I)


@cache
def reflection_skip() -> re.Pattern[str]:
    return re.compile(_union(fragments("reflection_skip")), re.I)


@cache
def aside() -> re.Pattern[str]:
    return re.compile(rf"^(?:{_union(fragments('aside'))})\s*[：:，,]?\s*", re.I)


@cache
def lesson_aside() -> re.Pattern[str]:
    return re.compile(_union(fragments("lesson_aside")), re.I)


@cache
def meta_remark() -> re.Pattern[str]:
    """A whole clause that talks about the review ("不用挖了", "skip it"), not content."""
    return re.compile(rf"^(?:{_union(fragments('meta_remark'))})$", re.I)


@cache
def skip_rest() -> re.Pattern[str]:
    return re.compile(_union(fragments("skip_rest")), re.I)


@cache
def listener() -> re.Pattern[str]:
    return re.compile(_union(fragments("listener")), re.I)


@cache
def share_lead() -> re.Pattern[str]:
    """Words that give a share as an estimate: "I'd say", "call it", "我看", "估计"."""
    return re.compile(rf"^(?:{_union(fragments('share_lead'))})(?![A-Za-z])", re.I)


@cache
def direction() -> dict[str, re.Pattern[str]]:
    """Words in a KPI's name that say which way it is better: `lower` ("no-show", "误报"), `higher`."""
    return {key: re.compile(_union(listed), re.I) for key, listed in keyed_fragments("direction").items()}


@cache
def outcome() -> dict[str, re.Pattern[str]]:
    """Words that say how a KPI came out: `worse` than its target ("没达标", "missed"), `better` ("超额")."""
    return {key: re.compile(_union(listed), re.I) for key, listed in keyed_fragments("outcome").items()}


@cache
def named_lead() -> re.Pattern[str]:
    """A person named before their answers ("Kwame from the learning team:", "还有兽医助理阿杰，他只说了")."""
    leads = [
        _own_groups(lead, "name", f"{lang}{i}")
        for lang in languages()
        for i, lead in enumerate(words(lang).get("named_lead", []))
    ]
    return re.compile(rf"^(?:{_union(leads)})\s*")


@cache
def meta_retract() -> re.Pattern[str]:
    """A whole clause that takes back the one before it ("不算这次的行动", "not an action for today")."""
    return re.compile(rf"^(?:{_union(fragments('meta_retract'))})$", re.I)


@cache
def not_addressed() -> re.Pattern[str]:
    """Words that head a sentence before a comma and are no person addressed ("Also,", "Next,")."""
    return re.compile(rf"^(?:{_union(fragments('not_addressed'))})$", re.I)


@cache
def another_finding() -> re.Pattern[str]:
    """Words that make a sentence among findings another finding, or the cause of the one before."""
    return re.compile(_union(fragments("another_finding")), re.I)
