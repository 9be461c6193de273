"""Lessons the user dictates ("经验：A要继续（业务）；B新增，组织", "Lessons: keep X (business). Stop Y."):
the items of the list, each lesson's words, and the type the user states for it."""

from __future__ import annotations

import re

from coach.domain.critique import normalize
from coach.domain.lesson_corrections import opening_action, parse_lesson_correction
from coach.domain.reading import cues, edit_cues
from coach.domain.reading.passing import only_dimension_label
from coach.domain.retrospective import Dimension, LessonAction
from coach.engines.rules.text import has_words, split_items


def dictated(text: str) -> list[str]:
    """A message listing lessons with their types in plain words ("A要继续；B是新增的，算组织") → the lessons.

    Two or more items naming an action (继续/停止/优化/新增, keep/stop/start), or a "经验：…" lead-in.
    """
    lead = edit_cues.lesson_list_lead().match(text.strip())
    if not lead and len(edit_cues.lesson_action_cue().findall(text)) < 2:
        return []
    body = text.strip()[lead.end() :] if lead else text
    while lead and (again := edit_cues.lesson_list_lead().match(body.strip())):
        body = body.strip()[again.end() :]  # "经验：经验就是…" (a meeting's line, headed for the chat)
    # terse English lists end each lesson with a period, the next one in lower case ("keep x, org. stop y")
    pieces = [
        p
        for i in split_items(body)
        for sentence in re.split(r"(?<=[A-Za-z)）])\.\s+", i)
        for p in _after_bracketed_types(sentence)
    ]
    items = _with_types_said_after([p.strip(" .") for p in pieces if has_words(p) and len(normalize(p)) >= 4])
    typed = [i for i in items if stated_action(i) is not None]
    if len(typed) >= 2 or (lead and typed):
        return items
    return []


_BRACKETED = re.compile(r"[(（](?P<label>[^()（）]{1,30})[)）]\s*[、，,]\s*(?=\S)")


def _after_bracketed_types(line: str) -> list[str]:
    """ "早鸟价继续（业务）、场次上限新增（组织）", "keep X (business), start Y (organisation)": several
    lessons on one line, each closed by its type in brackets, are cut after each bracket that names a type."""
    pieces: list[str] = []
    start = 0
    for match in _BRACKETED.finditer(line):
        if parse_lesson_correction(match.group("label")) != (None, None):
            pieces.append(line[start : match.end()].rstrip(" 、，,"))
            start = match.end()
    return [*pieces, line[start:]]


def _with_types_said_after(items: list[str]) -> list[str]:
    """'…, they already do it. People.': a dimension said alone belongs to the lesson before it; so does one
    that opens a remark on it ("Stop X. That's culture, it's a habit.")."""
    joined: list[str] = []
    for item in items:
        clauses = [c.strip(" 。.") for c in re.split(r"[，,]", item)]
        remark = (
            len(clauses) > 1
            and bool(cues.words_pattern("type_remark_lead").match(clauses[0]))
            and any(only_dimension_label(c) for c in clauses)
        )
        short = len(item.split()) <= 2 and len(normalize(item)) <= 8
        alone = (short or remark) and stated_action(item) is None
        if joined and alone and parse_lesson_correction(item)[0] is not None:
            joined[-1] = f"{joined[-1]}, {item}"
        else:
            joined.append(item)
    return joined


# a type closing a lesson: in brackets, or after a dash ("keep annual plan push - business")
_TYPE_LABEL = re.compile(
    r"\s*(?:[(（](?P<label>[^()（）]{1,24})[)）]|\s[-–—]+\s*(?P<dash>[A-Za-z\u4e00-\u9fff, ，、]{1,24}))\s*$"
)


def type_label_off(
    item: str, dimension: Dimension | None, action: LessonAction | None
) -> tuple[str, Dimension | None, LessonAction | None]:
    """ "要新增上线陪跑（人）", "keep the tiered pricing (business)", "start usability testing - org": the
    type closing a lesson is its type, not its words; so is an action said as a label before them
    ("Start: X")."""
    if (head := cues.lesson_action_head().match(item)) and item[head.end() :].strip():
        action = action or stated_action(head.group(0).strip(" :："))
        item = item[head.end() :].strip()
    match = _TYPE_LABEL.search(item)
    if match is None or not match.start():
        return _dimension_said_last(item, dimension, action)
    label = match.group("label") or match.group("dash")
    if match.group("dash") and len(label.split()) > 3:
        return item, dimension, action  # "- it cost us two weeks" is more of the lesson, no type
    label_dimension, label_action = parse_lesson_correction(f"（{label}）")
    if label_dimension is None and label_action is None:
        return item, dimension, action
    return item[: match.start()], dimension or label_dimension, action or label_action


def _dimension_said_last(
    item: str, dimension: Dimension | None, action: LessonAction | None
) -> tuple[str, Dimension | None, LessonAction | None]:
    """ "扫码送券继续，业务", "培训改成实操带教，优化，人的层面", "keep X: organization, continue", "stop X,
    that's business really, it's the job mix": a clause after the first that only names the dimension or the
    action types the lesson and is no part of its words."""
    parts = re.split(r"([，,:：])", item)
    kept = [parts[0]]
    for mark, clause in zip(parts[1::2], parts[2::2], strict=False):
        bare = clause.strip(" 。.")
        if bare and only_dimension_label(bare):
            # a clause that is the label alone reads as one in brackets: "…，新增，人" is （人）
            dimension = dimension or parse_lesson_correction(f"（{bare}）")[0]
        elif bare and cues.lesson_action_label().match(bare):
            action = action or stated_action(bare)
            dimension = dimension or parse_lesson_correction(f"（{bare}）")[0]  # "that's a new org rule"
        elif bare and (split := _dimension_then_action(bare)):
            dimension = dimension or parse_lesson_correction(bare[:split])[0]
            action = action or stated_action(bare[split:])
        else:
            kept += [mark, clause]
    return "".join(kept).strip(), dimension, action


def _dimension_then_action(clause: str) -> int | None:
    """Where the action starts in a clause that names the dimension and then the action, and nothing else:
    "这是组织层面要开始做的", "that's an organization thing to start"."""
    for split in range(2, len(clause) - 1):
        head, tail = clause[:split].rstrip(" ,，"), clause[split:].strip(" ,，")
        if cues.dimension_label().match(head) and cues.lesson_action_label().match(tail):
            return split
    return None


def taken_back(item: str) -> tuple[str, LessonAction | None, Dimension | None]:
    """'Start apprentices on night inspections, no wait, that's continue, they already do it' → the lesson's
    words before the speaker took them back, and the action and dimension said after."""
    said = edit_cues.taken_back().search(item)
    if said is None or said.start() == 0:
        return item, None, None
    after = item[said.end() :]
    return item[: said.start()].strip(" ,，"), stated_action(after), parse_lesson_correction(after)[0]


def stated_action(text: str) -> LessonAction | None:
    """The action the user names for a lesson ("要继续", "得停掉", "should stop"), if any; the verb a lesson
    opens on first ("Stop 06:00 fixed start")."""
    action = opening_action(text) or parse_lesson_correction(text)[1]
    if action is None:
        action = next(
            (LessonAction(a) for a, cue in edit_cues.lesson_action_words().items() if cue.search(text)), None
        )
    return action
