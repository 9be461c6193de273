"""Lessons typed dimension × action: the note's own labels first, then the shared cue-word typing."""

from __future__ import annotations

import re

from coach.domain.lesson_typing import LessonSource, classify_lesson
from coach.domain.retrospective import Dimension, Lesson, LessonAction
from coach.notes import cues
from coach.notes.segment import Item

_ACTION_WORDS: dict[str, LessonAction] = {
    "继续": LessonAction.continue_,
    "保持": LessonAction.continue_,
    "keep": LessonAction.continue_,
    "continue": LessonAction.continue_,
    "more of": LessonAction.continue_,
    "停止": LessonAction.stop,
    "stop": LessonAction.stop,
    "less of": LessonAction.stop,
    "优化": LessonAction.optimize,
    "改进": LessonAction.optimize,
    "improve": LessonAction.optimize,
    "optimise": LessonAction.optimize,
    "optimize": LessonAction.optimize,
    "新增": LessonAction.start,
    "start": LessonAction.start,
    "begin": LessonAction.start,
}
_DIMENSION_LABEL = re.compile(
    r"[（(【\[]\s*(组织|文化|人|业务|organi[sz]ation|culture|people|business)(?:\s*[,，/、]\s*[^）)】\]]*)?[）)】\]]"
    r"|属于(组织|文化|人|业务)",
    re.I,
)
_DIMENSIONS = {
    "组织": Dimension.organization,
    "organization": Dimension.organization,
    "organisation": Dimension.organization,
    "文化": Dimension.culture,
    "culture": Dimension.culture,
    "人": Dimension.people,
    "people": Dimension.people,
    "业务": Dimension.business,
    "business": Dimension.business,
}
_LEAD = re.compile(r"^(?:第[一二三四五六七八九十]+[，,、]\s*|我总结一下教训[。.]\s*)")


def build_lesson(item: Item, source: LessonSource = "other") -> Lesson:
    """A typed lesson; an explicit "继续：" or "（组织）" in the note beats the cue-word guess."""
    text = _LEAD.sub("", item.text.strip())
    action: LessonAction | None = None
    prefix = cues.LESSON_PREFIX.search(text)
    if prefix:
        action = _ACTION_WORDS.get(prefix.group(1).lower())
        text = text[prefix.end() :].strip()
    dimension: Dimension | None = None
    label = _DIMENSION_LABEL.search(text)
    if label:
        dimension = _DIMENSIONS.get((label.group(1) or label.group(2)).lower())
        text = (text[: label.start()] + text[label.end() :]).strip(" ，,。")
    typed = classify_lesson(text, source)
    return Lesson(
        text=text.strip(" ，,。—-") or item.text,
        dimension=dimension or typed.dimension,
        action=action or typed.action,
        evidence=item.evidence,
    )
