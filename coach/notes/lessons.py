"""Lessons typed dimension × action: the note's own labels first, then the shared cue-word typing.

A note tags a lesson in many ways: "继续：…", "Keep doing: …", "【组织·新增】…", "(organization/start)",
"组织｜优化：…", "…（业务）", or a heading over several lessons ("## Stop", "### 继续做"). A tag is a short
run of dimension and action words; whatever it names beats the cue-word guess, what it leaves open is
guessed from the wording.
"""

from __future__ import annotations

import re

from coach.domain.lesson_typing import LessonSource, classify_lesson
from coach.domain.retrospective import Dimension, Lesson, LessonAction
from coach.notes.prose import commitment_lesson_verb
from coach.notes.segment import Item
from coach.notes.vocabulary import grouped
from coach.notes.wordlists import phrases

# the words of a lesson's tag are per-language data: what to do with the practice, and the dimension it
# belongs to ("继续", "keep"; "组织", "process")
_ACTION_WORDS: dict[str, LessonAction] = {
    word: LessonAction(action) for action, said in grouped("lesson_action_tag").items() for word in said
}
_DIMENSIONS: dict[str, Dimension] = {
    word: Dimension(dimension) for dimension, said in grouped("lesson_dimension_tag").items() for word in said
}
_ACTION_ALT = "|".join(sorted((re.escape(w) for w in _ACTION_WORDS), key=len, reverse=True))
_DIMENSION_ALT = "|".join(sorted((re.escape(w) for w in _DIMENSIONS), key=len, reverse=True))
_TAG_WORD = rf"(?:{_ACTION_ALT}|{_DIMENSION_ALT})(?![a-z])"
_TAG_SEP = r"\s*(?:[·•/|｜,，、+&-]|\s|\band\b)\s*"
_TAG_RUN = (
    rf"(?:do\s+)?{_TAG_WORD}(?:\s*(?:doing|做|下去))?(?:{_TAG_SEP}(?:do\s+)?{_TAG_WORD}(?:\s*(?:doing|做))?)*"
)
# "【组织·新增】", "(organization/start)", "[people, optimize]", "（业务）"
_BRACKET_TAG = re.compile(rf"[（(【\[]\s*(?:属于\s*)?(?P<tag>{_TAG_RUN})\s*[)）】\]]", re.I)
# "继续：", "Keep doing:", "组织｜优化：", "停止做：", "Do more of:"; the colon makes it a label
_LEAD_TAG = re.compile(rf"^(?P<tag>{_TAG_RUN})\s*[:：]\s*", re.I)
_BELONGS = re.compile(rf"[，,]?\s*属于\s*(?P<tag>{_DIMENSION_ALT})(?:维度|层面|方面|问题)?", re.I)
# "…，这是业务上的好打法", "这个是人的问题", "We keep the student ambassadors, that's people": the note says
# which dimension the lesson is about in words of its own; "人" only as "人的问题" / "人的层面"
_SAID_DIMENSION = re.compile(
    rf"(?:这(?:个|条|一条)?是|那是|\bthat(?:'s|\s+is)|\bthis\s+is|\bthat\s+one's)\s*(?:an?\s+|the\s+|对|about\s+)?"
    rf"(?P<tag>(?!人)(?:{_DIMENSION_ALT})|人(?=的问题|的事|的层面|层面|方面|的要求))(?![a-z])",
    re.I,
)
# "配件安全库存要每季度优化一次，业务", "特产专柜要继续，业务上的", "师带徒继续，人的层面": a dimension word
# closing the lesson; "人" only with the words that make it one ("人的层面", "人的问题")
_CLOSING_DIMENSION = re.compile(
    rf"[，,;；]\s*(?P<tag>(?!人)(?:{_DIMENSION_ALT})|人(?=的层面|的问题|的方面|层面|方面))"
    r"(?:的层面|的问题|的方面|上的|上|方面|层面|的)?\s*[。.!！；;]?$",
    re.I,
)
_LEAD = re.compile(
    r"^(?:第[一二三四五六七八九十]+[，,、]\s*|我总结一下教训[。.]\s*|(?:经验|教训|lesson|learning|takeaway)s?\s*[:：]\s*)",
    re.I,
)


def read_tag(tag: str) -> tuple[Dimension | None, LessonAction | None]:
    """The dimension and action a tag names ("组织·新增", "Keep doing", "people, optimize")."""
    dimension: Dimension | None = None
    action: LessonAction | None = None
    for m in re.finditer(_TAG_WORD, tag.lower()):
        word = m.group(0)
        if word in _DIMENSIONS and dimension is None:
            dimension = _DIMENSIONS[word]
        elif word in _ACTION_WORDS and action is None:
            action = _ACTION_WORDS[word]
    return dimension, action


def lesson_tags(text: str) -> tuple[Dimension | None, LessonAction | None, str]:
    """(dimension, action, the text without its tags) of "【组织·新增】需求冻结机制" or "Keep doing: …"."""
    dimension: Dimension | None = None
    action: LessonAction | None = None
    for _ in range(3):  # "继续（业务）：…": a bracket inside a lead tag, tags on both ends
        found = _LEAD_TAG.search(text) or _BRACKET_TAG.search(text) or _BELONGS.search(text)
        if found is None:
            break
        dim, act = read_tag(found.group("tag"))
        dimension, action = dimension or dim, action or act
        text = (text[: found.start()] + " " + text[found.end() :]).strip(" ，,。:：")
    return dimension, action, text


def is_tagged_lesson(text: str) -> bool:
    """True when the text starts with an action tag ("停止：", "Keep doing:", "【文化/停止】")."""
    lead = _LEAD_TAG.search(text)
    if lead is None:
        bracket = _BRACKET_TAG.match(text.strip())
        lead = bracket
    return lead is not None and read_tag(lead.group("tag"))[1] is not None


def heading_tags(heading: str | None) -> tuple[Dimension | None, LessonAction | None]:
    """What a heading over several lessons names: "## Stop" → stop, "### 组织层面" → organization."""
    if not heading:
        return None, None
    words = re.sub(r"^[#\d.、\s]+|[（(][^）)]*[)）]", "", heading).strip(" *:：")
    if len(words) > 24:
        return None, None
    return read_tag(words) if re.search(_TAG_WORD, words, re.I) else (None, None)


# "We will keep X", "要停止…": the commitment's verb is the lesson's action
_COMMITTED_ACTIONS = {"keep": LessonAction.continue_, "stop": LessonAction.stop}


def build_lesson(item: Item, source: LessonSource = "other") -> Lesson:
    """A typed lesson; an explicit "继续：" or "（组织）" (or one in its heading) beats the cue-word guess."""
    text = _LEAD.sub("", item.text.strip())
    dimension, action, text = lesson_tags(text)
    said = _SAID_DIMENSION.search(text) or _CLOSING_DIMENSION.search(text)
    dimension = dimension or (read_tag(said.group("tag"))[0] if said else None)
    head_dim, head_act = heading_tags(item.heading)
    typed = classify_lesson(text, source)
    guessed = typed.dimension
    if guessed is Dimension.business and phrases("lesson_way_of_working").search(text):
        # "司机到了再备货这种做法停掉", "Stop adding sessions without a plant check": how work is done and
        # checked is the organization's way of working, not the business itself
        guessed = Dimension.organization
    committed = _COMMITTED_ACTIONS.get(commitment_lesson_verb(text) or "")
    return Lesson(
        text=text.strip(" ，,。.；;、—-") or item.text,
        dimension=dimension or head_dim or guessed,
        action=action or committed or head_act or typed.action,
        evidence=item.evidence,
    )
