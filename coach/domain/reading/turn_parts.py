"""A speaker's turn in a meeting, cut into the parts the meeting moves through, and what a part opens: a
topic a question gives the answers after it ("不足呢？" → "不足："), a list's head said with a full stop
("Lessons. Keep…"), and the acknowledgements, room talk and misses said along the way."""

from __future__ import annotations

import re

from coach.domain.reading import cues
from coach.domain.reading.blocks import opens, sentences
from coach.domain.reading.language import HAN
from coach.domain.reading.meeting_order import WEIGHT, lesson_list, opens_kind
from coach.domain.reading.passing import is_lesson, only_dimension_label

_QUESTION = re.compile(r"[？?]\s*$")

# a list's head said as a sentence, maybe with a word on how ("Lessons, quickly.", "经验，快速过一下。")
_LIST_HEAD = re.compile(
    r"^([A-Za-z' ]{3,40}|[\u4e00-\u9fff]{2,8})(?:[,，][^.。,，:：]{1,12})?(?:\.\s+|。\s*)(?=\S)"
)


def parts(turn: str) -> list[str]:
    """A speaker's turn cut where a sentence opens another part of the meeting, each part read on its own.

    "会后说。经验我说几条：…", "Agreed. … OK, actions. Tariq, can you …?": people move on mid-turn, so
    a sentence that opens a part (a block's words, a list's head, a question, a lesson said in passing)
    starts a part of its own, and so does the sentence after a question or after a lesson (but the
    lesson's dimension, "That's people.", stays with it); the other sentences go on the part before them.
    """
    said = sentences(turn)
    starts: list[int] = []
    cursor = 0
    after: str | None = None  # what the part so far is: "question", "lesson", "lessons" (a list), None
    for i, sentence in enumerate(said):
        at = turn.find(sentence, cursor)
        at = cursor if at < 0 else at
        cursor = at + len(sentence)
        body = without_acknowledgements(sentence)
        labelled = i + 1 < len(said) and only_dimension_label(said[i + 1])
        lesson = after != "lessons" and is_lesson(body, labelled=labelled)
        missed = says_missed(body)
        goes_on = after == "lesson" and only_dimension_label(body)
        ended = (after in ("question", "lesson", "missed") and not goes_on) or (
            after == "lessons" and bool(WEIGHT.search(body))  # "Oh, and …, I'd put 70% on that."
        )
        talk = bool(cues.talk_about().search(body) or is_room_talk(body) or is_room_talk(sentence.strip()))
        if not starts or lesson or missed or ended or talk or _opens_part(body):
            starts.append(at)
            after = None
        if _QUESTION.search(body) or talk:
            after = "question"  # what follows a question, or "困人说一下吧。", answers it
        elif lesson or missed:
            after = "lesson" if lesson else "missed"
        elif lesson_list(body) or "lessons" in (opens_kind(body), opens_kind(_head_alone(body))):
            after = "lessons"
    ends = [*starts[1:], len(turn)]
    return [turn[a:b].strip() for a, b in zip(starts, ends, strict=True)]


def _opens_part(body: str) -> bool:
    if not body:
        return False
    opened = opens(body) or opens(_head_alone(body))
    return (
        (opened is not None and opened[0] != "rest")
        or has_list_head(body)
        or lesson_list(body)
        or topic_given(body) is not None
        or bool(_QUESTION.search(body))
        or bool(cues.highlight_said().search(body))
    )


def _head_alone(body: str) -> str:
    """ "Lessons then." → "Lessons then:": a list's head said as a sentence of its own, items to follow."""
    return _LIST_HEAD.sub(lambda m: m.group(1) + ("：" if HAN.search(m.group(1)) else ":"), body + " x")[:-1]


def has_list_head(said: str) -> bool:
    """'Lessons. Keep…', '行动项。小刘…': a list said with a full stop instead of a colon (a share of the
    rest, "The other quarter is the rota software. …", is no list)."""
    return bool(_LIST_HEAD.match(said)) and opens_kind(with_colon(said)) not in (None, "rest")


def with_colon(said: str) -> str:
    """The list's head followed by a colon, the way the coach reads a list ("行动项：…", "Lessons: …")."""
    return _LIST_HEAD.sub(lambda m: m.group(1) + ("：" if HAN.search(m.group(1)) else ": "), said, count=1)


def topic_given(said: str) -> str | None:
    """The words a facilitator gives the answers after: '不足呢？' → '不足：'; '缺货为什么？' → '挖缺货：'.

    Only a line that opens a part and says nothing of it: a question, "亮点说一下。", "Action items.".
    """
    body = re.sub(r"(?:说一下|说说|聊聊|讲讲|呢|吗|吧)?[？?。.!！\s]*$", "", said.strip())
    opened = opens(body + ("：" if HAN.search(body) else ":")) if body else None
    if opened is not None and opened[0] not in ("rest", "chain") and not opened[1].strip(" ：:"):
        return body + ("：" if HAN.search(body) else ": ")
    if not _QUESTION.search(said):
        return None
    if match := cues.why().search(body):
        subject = body[: match.start()].strip(" ，,")
        if not subject:  # "Why did the backlog grow?": the words after the question word
            subject = re.sub(
                r"^(?i:(?:did|does|do|is|was|were|are|has|have)\s+)", "", body[match.end() :].strip()
            )
        if subject:
            return f"挖{subject}：" if HAN.search(subject) else f"Dig into {subject}: "
    return None


def without_acknowledgements(said: str) -> str:
    """'行。教训：…' → '教训：…'; 'Fine. I'll own…' → "I'll own…"; but "Good news first, …" opens the
    highlights: a word that heads a block is no acknowledgement."""
    body = said.strip()
    while (match := cues.acknowledge().match(body)) and match.end() > 0 and opens_kind(body) is None:
        body = body[match.end() :].strip()
    return body


def is_room_talk(said: str) -> bool:
    """Talk about the meeting, thanks to people among it ("Thanks Ollie for the numbers"): no fact."""
    return bool(cues.room_talk().search(said))


def says_missed(said: str) -> bool:
    """A sentence that says a thing was due and not done, no heading before it (see `cues.missed_said`)."""
    return opens(said) is None and bool(cues.missed_said().search(said)) and not _QUESTION.search(said)
