"""Lessons (总结提取): propose typed lessons from the findings; the user corrects them in plain words."""

from __future__ import annotations

import re

from coach.domain.critique import normalize
from coach.domain.labels import DIMENSION, LESSON_ACTION, label
from coach.domain.lesson_corrections import parse_lesson_correction
from coach.domain.lesson_typing import LessonSource, classify_lesson
from coach.domain.library import LessonHit
from coach.domain.reading import edit_cues
from coach.domain.reading.blocks import sentences as split_sentences
from coach.domain.retrospective import Dimension, Lesson
from coach.engines.rules import flow
from coach.engines.rules.edits import then_add
from coach.engines.rules.stages.lesson_retypes import Retyping, lesson_named, retyped_by_name, retyped_in_list
from coach.engines.rules.stages.lessons_dictated import dictated, stated_action, taken_back, type_label_off
from coach.engines.rules.text import (
    clipped,
    has_words,
    item_numbers,
    quote,
    split_items,
    word_grams,
)
from coach.engines.rules.turn import Turn

MAX_PROPOSED = 6
LOW_CONFIDENCE = 0.5


def enter(t: Turn) -> None:
    if not t.review.lessons:
        _propose(t)
    if not t.review.lessons:
        t.state.lessons.step = "edit"
        t.ask("lessons_none")
        return
    t.say("lessons_list", lessons=_listing(t))
    _cite_past(t)
    t.state.lessons.step = "edit"
    t.ask("lessons_confirm")


def take_dictated(t: Turn, items: list[str]) -> None:
    """The user's own lessons replace the coach's unconfirmed proposals; then ask to confirm."""
    kept = [
        (lesson, conf)
        for lesson, conf in zip(t.review.lessons, t.state.lessons.confidence, strict=False)
        if conf >= 1.0 and normalize(lesson.text) not in {normalize(i) for i in items}
    ]
    t.review.lessons = [lesson for lesson, _ in kept]
    t.state.lessons.confidence = [conf for _, conf in kept]
    retypes = 0
    for said in items:
        if retyped := retyped_in_list(t.review.lessons, said):
            _set_types(t, [retyped], quiet=True)  # "…；——胶水那条改成文化吧": an earlier item retyped
            retypes += 1
            continue
        item, action_after, dimension_after = taken_back(said)
        item, dimension_after, action_after = type_label_off(item, dimension_after, action_after)
        typing = classify_lesson(item)
        dimension = dimension_after or parse_lesson_correction(item)[0]
        action = action_after or stated_action(item)
        t.review.lessons.append(
            Lesson(
                text=item,
                dimension=dimension or typing.dimension,
                action=action or typing.action,
                evidence=item,
            )
        )
        t.state.lessons.confidence.append(1.0 if dimension and action else max(typing.confidence, 0.5))
    t.state.lessons.proposed = True
    t.state.lessons.cursor = None
    if t.state.stage != "lessons":
        t.state.enter("lessons")
    t.state.lessons.step = "edit"
    t.say("lessons_taken", count=len(items) - retypes)
    t.say("lessons_list", lessons=_listing(t))
    t.ask("lessons_confirm")


_ASIDE_HEAD = re.compile(r"^[^：:]{0,40}[：:]\s*")  # "这里先记一条经验：" / "Lesson while we're here:"


def take_aside(t: Turn, text: str) -> bool:
    """Lessons noted on the way ("这里先记一条经验：…", "Lesson while we're here: …"): kept as said, typed,
    without leaving the step being asked; the lessons step shows them later. True when one was filed."""
    items = [i for i in split_items(_ASIDE_HEAD.sub("", text.strip(), count=1)) if has_words(i)]
    typed = [i for i in items if stated_action(i) is not None]
    for item in typed:
        typing = classify_lesson(item)
        dimension = parse_lesson_correction(item)[0] or _dimension_after(items, item)
        action = stated_action(item) or typing.action
        t.review.lessons.append(
            Lesson(text=item, dimension=dimension or typing.dimension, action=action, evidence=item)
        )
        t.state.lessons.confidence.append(1.0 if dimension else max(typing.confidence, 0.5))
    if typed:
        t.say("lessons_aside", lessons="；".join(quote(i, t.lang, 40) for i in typed))
    return bool(typed)


def aside_rest(text: str) -> str:
    """What follows a lesson noted on the way and is no lesson nor its type ("顺便说一条经验：统一约考要新增，
    算组织的。科目二通过率低是因为…"): the sentences the step being asked still reads."""
    items = [i for i in split_items(_ASIDE_HEAD.sub("", text.strip(), count=1)) if has_words(i)]
    rest = [i for i in items if stated_action(i) is None and parse_lesson_correction(i)[0] is None]
    return ("。" if re.search(r"[\u4e00-\u9fff]", text) else ". ").join(rest)


def _dimension_after(items: list[str], item: str) -> Dimension | None:
    """The dimension named in the sentence right after a lesson ("…is final. That's organization.")."""
    at = items.index(item)
    if at + 1 >= len(items) or stated_action(items[at + 1]) is not None:
        return None
    return parse_lesson_correction(items[at + 1])[0]


def handle(t: Turn) -> None:
    text = t.text
    if items := dictated(text):
        take_dictated(t, items)
        return
    if (split := then_add(text)) is not None and item_numbers(split[0]):
        # "#4 is business, … And add one: …": the edit, said back in one line, then the new lesson
        said = len(t.lines)
        t.text = split[0]
        handle(t)
        t.lines = t.lines[: said + 1]
        _add(t, split[1])
        return
    if match := edit_cues.lesson_add().match(text.strip()):
        _add(t, text.strip()[match.end() :])
        return
    if (lead := edit_cues.lesson_list_lead().match(text.strip())) and not has_words(
        text.strip()[lead.end() :]
    ):
        t.state.lessons.own = True  # "lessons:" alone: the user is about to give their own
        t.ask("lessons_go_ahead")
        return
    if retyped := retyped_by_name(t, text):
        _retype(t, retyped)
        return
    # "delete the last one" names a lesson by its place, read with the numbers below
    if not item_numbers(text) and (refs := _refs_where_deleted(text)) and _delete_named(t, refs):
        return
    numbers = [n for n in item_numbers(text) if n == -1 or 1 <= n <= len(t.review.lessons)]
    named = _named_by_content(t, text) if not numbers else None
    if not numbers and named is None and (ref := _marked_ref(text)) is not None:
        # "the survey one isn't organisation": the lesson its words name, else ask which, never the last one
        one = lesson_named(t, ref)
        named = [one] if one is not None else list(range(len(t.review.lessons)))
    if named is not None and len(named) > 1 and edit_cues.lesson_delete().search(text):
        named = _named_where_deleted(t, text) or named
    # after "lessons:" alone, a line that states a lesson is the user's own, even when it shares words
    # with a proposal ("continue upgrade bonus, business" after "upgrades, bonus per upgrade" was proposed)
    own_said = t.state.lessons.own and not _marked(text)
    if not numbers and (named is None or own_said) and _new_lesson(text):
        _take_own(t, text) if t.state.lessons.own else _add(t, text)
        return
    if named is not None and len(named) > 1:
        _ask_which(t, named)  # an edit by content must match one lesson clearly
        return
    index = named[0] if named else _index(t, numbers)
    dimension, action = parse_lesson_correction(_naming_sentences(t, text, index) if named else text)
    body = normalize(text)
    if (
        edit_cues.lesson_confirm().match(body)
        and len(body) <= 16
        and not (numbers or dimension or action or edit_cues.lesson_delete().search(text))
    ):
        _confirm(t)
        return
    if edit_cues.lesson_delete().search(text) and index is not None:
        removed = t.review.lessons.pop(index)
        t.state.lessons.confidence.pop(index) if index < len(t.state.lessons.confidence) else None
        t.state.lessons.cursor = None
        t.say("lessons_deleted", lesson=quote(removed.text, t.lang))
        _show_and_ask(t)
        return
    if (
        (match := edit_cues.lesson_rewrite().search(text))
        and index is not None
        and has_words(text[match.end() :])
        and not _retype_said(text[match.end() :])
    ):
        t.review.lessons[index].text = text[match.end() :].strip(" 。.")
        t.review.lessons[index].evidence = text
        _edited(t, index)
        return
    if (dimension or action) and index is not None:
        lesson = t.review.lessons[index]
        lesson.dimension = dimension or lesson.dimension
        lesson.action = action or lesson.action
        _set_confidence(t, index, 1.0)  # the user said so
        _edited(t, index)
        return
    if not t.review.lessons and has_words(text) and len(normalize(text)) >= 4:
        _add(t, text)
        return
    t.say("lessons_help")


def _retype_said(after: str) -> bool:
    """'改成组织的，不是文化', 'to culture, it's how we behave': the words after "改成" open on a type, short;
    a rewrite ("改成：组织例会每周一次") says a whole lesson."""
    first = re.split(r"[，,；;。.]", after.strip(" ：:"), maxsplit=1)[0].strip()
    short = len(first) <= 4 if re.search(r"[\u4e00-\u9fff]", first) else len(first.split()) <= 2
    return short and any(parse_lesson_correction(first))


def _new_lesson(text: str) -> bool:
    """A lesson of its own ("stop accepting site spreadsheets in any layout, org"): it states an action and
    has words beyond the correction's, so it retypes no lesson (that one would be named by its words)."""
    return stated_action(text) is not None and len(word_grams(_CORRECTION_WORDS.sub(" ", text))) >= 2


def _marked(text: str) -> bool:
    """'the upgrades one is business', '升级那条是业务': names a lesson to edit, not a lesson of its own."""
    return _marked_ref(text) is not None


def _marked_ref(text: str) -> str | None:
    """The words that name the lesson in "the upgrades one is business", "升级那条是业务"."""
    body = edit_cues.edit_lead().sub("", text.strip())
    marked = next((m for p in edit_cues.edit_marked() if (m := p.match(body))), None)
    return marked.group("ref") if marked else None


def _take_own(t: Turn, text: str) -> None:
    """The first of the user's own lessons, after "lessons:": it replaces the unconfirmed proposals."""
    t.state.lessons.own = False
    take_dictated(t, [text.strip(" 。.")])


def skip(t: Turn) -> None:
    t.say("lessons_skipped")
    flow.advance(t)


def _index(t: Turn, numbers: list[int]) -> int | None:
    """The lesson a correction is about: the number named, else the one last touched, else the last one."""
    lessons = t.review.lessons
    if not lessons:
        return None
    if numbers:
        return len(lessons) - 1 if numbers[0] == -1 else numbers[0] - 1
    cursor = t.state.lessons.cursor
    return cursor if cursor is not None and 0 <= cursor < len(lessons) else len(lessons) - 1


# the words of a correction itself, which say nothing about which lesson it is about
_CORRECTION_WORDS = re.compile(
    r"继续|保持|坚持|停止|停掉|不再|优化|改进|新增|开始|属于|算是?|组织|文化|业务|层面|维度|方面|要|应该|得|是|不是|的|了|做"
    r"|\b(continue|keep|stop|optimi[sz]e|improve|start|is|it'?s|not|the|should|organi[sz]ation|culture|people|business)\b",
    re.I,
)
CLEAR_OVERLAP = 2  # shared word pairs that make a lesson "named by its content"


def _named_by_content(t: Turn, text: str) -> list[int] | None:
    """The lesson(s) a correction names by content: one when clear, several when tied, None when none."""
    lessons = t.review.lessons
    grams = word_grams(_CORRECTION_WORDS.sub(" ", text))
    if not lessons or not grams:
        return None
    overlap = [len(grams & word_grams(_CORRECTION_WORDS.sub(" ", lesson.text))) for lesson in lessons]
    best = max(overlap)
    if best < CLEAR_OVERLAP:
        return None
    return [i for i, n in enumerate(overlap) if n == best]


def _naming_sentences(t: Turn, text: str, index: int | None) -> str:
    """The sentences of a message that name the lesson it edits by its words: the type said for it is there,
    not in the sentences about something else ("Flashing training day for all crews, Kyle. Survey rule in the
    estimating process, Bethan." retypes nothing)."""
    if index is None:
        return text
    lesson = word_grams(_CORRECTION_WORDS.sub(" ", t.review.lessons[index].text))
    said = split_sentences(text)
    naming = [s for s in said if len(word_grams(_CORRECTION_WORDS.sub(" ", s)) & lesson) >= CLEAR_OVERLAP]
    return " ".join(naming) if len(said) > 1 else text


def _named_where_deleted(t: Turn, text: str) -> list[int] | None:
    """'一刀切那条和状态修那条是一回事，把一刀切那条删掉': of the lessons a message names, the one named in
    the clause that deletes; None unless that clause names one clearly."""
    said = [c for c in re.split(r"[，,；;。.!！]\s*", text) if edit_cues.lesson_delete().search(c)]
    named = _named_by_content(t, " ".join(said)) if len(said) == 1 else None
    return named if named is not None and len(named) == 1 else None


def _refs_where_deleted(text: str) -> list[str]:
    """'Drop the blanket one and the condition-based one', '把统一的那条和按状态的那条都删掉': the lessons a
    deleting clause names as "the … one" / "…那条"; [] when it names none ("Drop the weekly status meeting"
    is a stop lesson of its own)."""
    said = [c for c in re.split(r"[，,；;。.!！]\s*", text) if edit_cues.lesson_delete().search(c)]
    return [m.group("ref") for c in said for p in edit_cues.edit_marks_within() for m in p.finditer(c)]


def _delete_named(t: Turn, refs: list[str]) -> bool:
    """Take out every lesson the refs name, each clearly; when any is unclear,
    ask which rather than guess or file the message as a new lesson. False when no lessons to edit."""
    if not t.review.lessons:
        return False
    indexes = [lesson_named(t, ref) for ref in refs]
    named = [i for i in indexes if i is not None]
    if len(named) < len(indexes):
        _ask_which(t, sorted(set(named)) or list(range(len(t.review.lessons))))
        return True
    for index in sorted(set(named), reverse=True):
        removed = t.review.lessons.pop(index)
        t.state.lessons.confidence.pop(index) if index < len(t.state.lessons.confidence) else None
        t.say("lessons_deleted", lesson=quote(removed.text, t.lang))
    t.state.lessons.cursor = None
    _show_and_ask(t)
    return True


def _retype(t: Turn, retyped: list[Retyping]) -> None:
    _set_types(t, retyped)
    t.state.lessons.cursor = retyped[-1][0]
    _show_and_ask(t)


def _set_types(t: Turn, retyped: list[Retyping], quiet: bool = False) -> None:
    for index, dimension, action in retyped:
        lesson = t.review.lessons[index]
        lesson.dimension = dimension or lesson.dimension
        lesson.action = action or lesson.action
        _set_confidence(t, index, 1.0)  # the user said so
        if not quiet:
            t.say("lessons_updated", line=_line(t, index))


def retype_aside(t: Turn) -> bool:
    """Lessons retyped by their words once the actions started ("补一下类型：贪便宜那条算业务；…"): the
    types change, the actions go on; True when it was so."""
    if t.state.stage != "actions" or not t.review.lessons:
        return False
    retyped = retyped_by_name(t, t.text)
    if not retyped:
        return False
    _set_types(t, retyped)
    return True


def _ask_which(t: Turn, indexes: list[int]) -> None:
    t.say("edit_which", candidates="\n".join(f"{i + 1}. {_line(t, i)}" for i in indexes))


def _confirm(t: Turn) -> None:
    if not t.review.lessons:
        t.ask("lessons_none")
        return
    t.lessons_confirmed = True
    t.say("lessons_confirmed", count=len(t.review.lessons))
    flow.advance(t)


def _append(t: Turn, said: str) -> None:
    """A lesson as said, typed by its own words ("…，组织", "(people)"), else by the classifier."""
    dimension, action = parse_lesson_correction(said)
    text, dimension, action = type_label_off(said, dimension, action or stated_action(said))
    typing = classify_lesson(text)
    t.review.lessons.append(
        Lesson(
            text=text, dimension=dimension or typing.dimension, action=action or typing.action, evidence=said
        )
    )
    t.state.lessons.confidence.append(1.0 if dimension and action else typing.confidence)


def _add(t: Turn, text: str) -> None:
    text = text.strip(" 。.")
    if not has_words(text):
        t.say("lessons_help")
        return
    for item in split_items(text) or [text]:
        _append(t, item)
    _edited(t, len(t.review.lessons) - 1, added=True)


def _edited(t: Turn, index: int, added: bool = False) -> None:
    t.state.lessons.cursor = index
    t.say("lessons_added" if added else "lessons_updated", line=_line(t, index))
    _show_and_ask(t)


def _show_and_ask(t: Turn) -> None:
    if t.review.lessons:
        t.say("lessons_list", lessons=_listing(t))
        t.ask("lessons_more_edits")
    else:
        t.ask("lessons_none")


def _set_confidence(t: Turn, index: int, value: float) -> None:
    while len(t.state.lessons.confidence) < len(t.review.lessons):
        t.state.lessons.confidence.append(LOW_CONFIDENCE)
    t.state.lessons.confidence[index] = value


def _propose(t: Turn) -> None:
    """Lessons from what the team found: what worked → continue, root causes and shortfalls → change."""
    seeds: list[tuple[str, LessonSource, str]] = []
    for finding in t.review.highlights:
        seeds.append(
            (finding.causes[0] if finding.causes else finding.text, "highlight", finding.evidence or "")
        )
    for chain in t.review.cause_chains:
        if chain.root_cause:
            seeds.append((chain.root_cause, "shortfall", chain.root_cause))
    drilled = {c.phenomenon for c in t.review.cause_chains}
    for finding in t.review.shortfalls:
        if finding.text not in drilled:
            seeds.append(
                (finding.causes[0] if finding.causes else finding.text, "shortfall", finding.evidence or "")
            )
    seen: set[str] = set()
    for text, source, evidence in seeds:
        key = normalize(text)
        if not key or key in seen or len(t.review.lessons) >= MAX_PROPOSED:
            continue
        seen.add(key)
        typing = classify_lesson(text, source)
        t.review.lessons.append(
            Lesson(text=text, dimension=typing.dimension, action=typing.action, evidence=evidence or text)
        )
        t.state.lessons.confidence.append(typing.confidence)
    t.state.lessons.proposed = True


def _line(t: Turn, index: int) -> str:
    lesson = t.review.lessons[index]
    tag = f"{label(DIMENSION, lesson.dimension, t.lang)}·{label(LESSON_ACTION, lesson.action, t.lang)}"
    confidence = t.state.lessons.confidence[index] if index < len(t.state.lessons.confidence) else 1.0
    unsure = " (?)" if confidence < LOW_CONFIDENCE else ""
    text = clipped(lesson.text)
    return f"【{tag}】{text}{unsure}" if t.lang == "zh" else f"[{tag}] {text}{unsure}"


def _listing(t: Turn) -> str:
    return "\n".join(f"{i + 1}. {_line(t, i)}" for i in range(len(t.review.lessons)))


def _cite_past(t: Turn) -> None:
    """Past lessons close to these, up to 3, best first."""
    hits: dict[str, LessonHit] = {}
    for lesson in t.review.lessons:
        for hit in t.lookup(lesson.text, 3):
            if hit.id not in hits or hits[hit.id].score < hit.score:
                hits[hit.id] = hit
    best = sorted(hits.values(), key=lambda h: -h.score)[:3]
    if not best:
        return
    t.cite(best)
    lines = "\n".join(
        f"· {quote(h.text, t.lang, 60)}（{h.team or '—'} {h.review_date or ''}）".rstrip()
        if t.lang == "zh"
        else f"· {quote(h.text, t.lang, 60)} ({h.team or '—'} {h.review_date or ''})".rstrip()
        for h in best
    )
    t.say("lessons_past", lessons=lines)
