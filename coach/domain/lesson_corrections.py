"""A person's plain correction of a lesson's type: "这条属于文化", "不是停止，是优化", "dimension: people".

Pure and deterministic; the rules coach reads lesson corrections with it.
"""

from __future__ import annotations

import re

from coach.domain.retrospective import Dimension, LessonAction

_DIMENSION_WORDS: dict[Dimension, tuple[str, ...]] = {
    Dimension.organization: ("组织", "organization", "organisation", "org", "process"),  # "that's process"
    Dimension.culture: ("文化", "culture"),
    Dimension.people: ("人员", "人才", "人的", "人", "people", "person", "talent"),
    Dimension.business: ("业务", "business"),
}
_ACTION_WORDS: dict[LessonAction, tuple[str, ...]] = {
    LessonAction.continue_: ("继续", "保持", "continue", "keep"),
    LessonAction.stop: ("停止", "不再做", "stop"),
    LessonAction.optimize: ("优化", "改进", "optimize", "optimise", "improve"),
    LessonAction.start: ("新增", "开始", "start", "new"),
}
# "不是停止，是优化" / "not stop but optimize": the word after the negation is the wrong one.
_NEGATED = re.compile(
    r"(不是|并非|而非|不算|\bnot|isn't|isnt|rather than|instead of)\s*[:：]?\s*((a|an|the)\s+)?$", re.I
)


_CHANGED_TO = re.compile(r"(?:改成|改为|换成|调成|改到|\bto|\binto|\bas)\s*[:：]?\s*((a|an|the)\s+)?$", re.I)


def _mentions(text: str, words: tuple[str, ...]) -> list[int]:
    positions = []
    for word in words:
        if word.isascii():
            positions += [m.start() for m in re.finditer(rf"\b{re.escape(word)}\b", text)]
        else:
            start = text.find(word)
            while start >= 0:
                positions.append(start)
                start = text.find(word, start + 1)
    return positions


def _pick(text: str, table: dict) -> object | None:  # type: ignore[type-arg]
    """The mentioned value that is not negated; the last one when several remain."""
    candidates: list[tuple[int, object]] = []
    for value, words in table.items():
        for pos in _mentions(text, words):
            if not _NEGATED.search(text[:pos]):
                candidates.append((pos, value))
    if not candidates:
        return None
    # "change 3 to optimize, we'll keep the rest": the value the change names wins over words in its reason
    named = [c for c in candidates if _CHANGED_TO.search(text[: c[0]])]
    if named:
        return min(named, key=lambda c: c[0])[1]
    return max(candidates, key=lambda c: c[0])[1]


_NOT_A_LABEL = re.compile(
    r"(?<![属是为于归成（(])人(?![的员才]|问题|的问题)|(?<=[（(])人(?![)）·・/、,，\s的员才])"
)


def parse_lesson_correction(text: str) -> tuple[Dimension | None, LessonAction | None]:
    """Read a plain correction ("这条属于文化", "不是停止，是优化", "dimension: people")."""
    low = (text or "").lower()
    # "人" alone is too common a character ("有人", "人手" is a cue word, not a label); only count it in
    # label-like phrasing, or a type label in brackets: "（人）".
    dim_text = _NOT_A_LABEL.sub("", low)
    dimension = _pick(dim_text, _DIMENSION_WORDS)
    action = _pick(low, _ACTION_WORDS)
    return (
        dimension if isinstance(dimension, Dimension) else None,
        action if isinstance(action, LessonAction) else None,
    )


# the words that may come before a lesson's opening verb: "And optimise …", "还要继续…"
_BEFORE_VERB = re.compile(
    r"^(?:(?:and|also|then|so|we(?:'ll| will| should)?|should|to)\s+|还要|也要|要|得|再|应该)*", re.I
)


def opening_action(text: str) -> LessonAction | None:
    """The action a lesson opens on ("Stop 06:00 fixed start", "And optimise how we commission new kit",
    "继续做老带新"): said first, it is the lesson's action; the same words later are its content."""
    body = _BEFORE_VERB.sub("", (text or "").strip().lower(), count=1)
    for action, words in _ACTION_WORDS.items():
        for word in words:
            if body.startswith(word) and not (word.isascii() and body[len(word) : len(word) + 1].isalpha()):
                return action
    return None
