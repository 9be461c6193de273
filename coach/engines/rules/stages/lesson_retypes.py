"""Lessons retyped by their words, not their number: "PCR那条是组织的", "the rota one is people", also
said inside a dictated list after the lesson it retypes ("…；小单合并排产，业务。——胶水那条改成文化吧")."""

from __future__ import annotations

import re

from coach.domain.lesson_corrections import parse_lesson_correction
from coach.domain.reading import cues, edit_cues
from coach.domain.reading.blocks import sentences as split_sentences
from coach.domain.retrospective import Dimension, Lesson, LessonAction
from coach.engines.rules.text import has_words, naming_words
from coach.engines.rules.turn import Turn

Retyping = tuple[int, Dimension | None, LessonAction | None]


def retyped_by_name(t: Turn, text: str) -> list[Retyping]:
    """'The postcode routing one is business, not organisation. And the temporary fix one is a stop, make it
    people': each sentence names its own lesson ("the … one", "…那条") and retypes it; a clause may do the
    same ("PCR那条是组织的，分批收是业务"), and one without a type says why ("投喂那条算人的，技术不行");
    [] unless there are several and every one names a different lesson clearly."""
    found: list[Retyping] = []
    for sentence in (s for s in split_sentences(text) if has_words(s)):
        clauses = [
            c for c in re.split(r"[，,]\s*", edit_cues.edit_lead().sub("", sentence.strip())) if has_words(c)
        ]
        for number, clause in enumerate(clauses):
            retyped = _clause_retyped(t, clause, marked_only=number == 0)
            if retyped is not None:
                found.append(retyped)
            elif number and found and (more := _retyped_again(clause)) is not None:
                # "the temporary fix one is a stop, yes, but make it people": the same lesson, typed further
                index, dimension, action = found[-1]
                found[-1] = (index, more[0] or dimension, more[1] or action)
            elif edit_cues.lesson_delete().search(clause) or number == 0:
                return []
    return found if len(found) >= 2 and len({i for i, _, _ in found}) == len(found) else []


def _clause_retyped(t: Turn, clause: str, marked_only: bool) -> Retyping | None:
    """(the lesson, its new type) a clause says: "…那条算业务上的", "the … one is people"; after the first
    clause also "分批收是业务" (the lesson's words, then its type); None when it says no such thing."""
    body = edit_cues.edit_lead().sub("", clause.strip())
    marked = next((m for p in edit_cues.edit_marked() if (m := p.match(body))), None)
    if marked is not None:
        ref, rest = marked.group("ref"), body[marked.end() :]
    elif not marked_only and (said := _NAMED_THEN_TYPED.match(body)):
        ref, rest = said.group("ref"), said.group("type")
    else:
        return None
    dimension, action = parse_lesson_correction(rest)
    index = lesson_named(t, ref)
    return (index, dimension, action) if index is not None and (dimension or action) else None


def _retyped_again(clause: str) -> tuple[Dimension | None, LessonAction | None] | None:
    """The type a clause gives the lesson just retyped ("but make it people", "不过改成人的层面"); None when
    it gives none."""
    said = cues.retype_same().match(clause.strip())
    if said is None:
        return None
    dimension, action = parse_lesson_correction(clause[said.end() :])
    return (dimension, action) if dimension or action else None


# a lesson's words then its type, in a clause after a retyping: "分批收是业务", "the rota one's people"
_NAMED_THEN_TYPED = re.compile(
    r"^(?P<ref>[^，,；;。]{2,16}?)\s*(?P<type>(?:是|算|属于|(?i:is|'s)\s).{1,12})$"
)


def lesson_named(t: Turn, ref: str) -> int | None:
    """The one lesson that shares most words with `ref` ('temporary fix' names 'the temporary-fix habit')."""
    return _named_among(t.review.lessons, ref)


def _named_among(lessons: list[Lesson], ref: str) -> int | None:
    grams = naming_words(ref.replace("-", " "))
    overlap = [len(grams & naming_words(lesson.text.replace("-", " "))) for lesson in lessons]
    best = max(overlap, default=0)
    return overlap.index(best) if best and overlap.count(best) == 1 else None


def retyped_in_list(lessons: list[Lesson], item: str) -> Retyping | None:
    """An item of a dictated list that only retypes a lesson listed before it by its words ("——胶水那条改成
    文化吧，不是组织，是习惯问题", "— the lanes one is culture"); None for a lesson of its own."""
    body = edit_cues.edit_lead().sub("", item.strip(" —–-"))
    first = re.split(r"[，,]\s*", body, maxsplit=1)[0]
    marked = next((m for p in edit_cues.edit_marked() if (m := p.match(first))), None)
    if marked is None and _corrects(item):
        marked = _CORRECTED_TO.match(_without_leads(first))  # "Oh, correction: drone surveys are org…"
    if marked is None or not lessons:
        return None
    rest = marked.group("type") if "type" in marked.groupdict() else first[marked.end() :]
    dimension, action = parse_lesson_correction(rest)
    index = _named_among(lessons, marked.group("ref"))
    return (index, dimension, action) if index is not None and (dimension or action) else None


# after a correction's lead, a lesson's words then its type: "drone surveys are organisation", "测绘算组织"
_CORRECTED_TO = re.compile(
    r"^(?P<ref>[^，,；;。]{2,40}?)\s*(?P<type>(?:是|算|属于|(?i:is|are|'s)\s).{1,16})$"
)


def _corrects(item: str) -> bool:
    """Whether an item opens as a correction ("Oh, correction: …", "更正：…", "哦不对，…")."""
    said = item.strip(" —–-")
    leads = said[: len(said) - len(_without_leads(said))]
    return bool(cues.words_pattern("goal_correction").search(leads))


def _without_leads(text: str) -> str:
    """The words after every lead-in of a correction ("Oh, correction: " is two)."""
    while (shorter := edit_cues.edit_lead().sub("", text.strip(" —–-"), count=1)) != text.strip(" —–-"):
        text = shorter
    return text.strip(" —–-")
