"""A lesson said among the actions ("另外以后换模必须先预热模具——这个算经验，不算行动，新增，组织", "Walk the
site at noon on hot days, that's a lesson more than an action, start, culture"): filed as a lesson, typed
by its own words, never as an action."""

from __future__ import annotations

import re

from coach.domain.lesson_corrections import parse_lesson_correction
from coach.domain.lesson_typing import classify_lesson
from coach.domain.reading import edit_cues
from coach.domain.retrospective import Lesson
from coach.engines.rules.stages.lessons_dictated import stated_action
from coach.engines.rules.text import quote
from coach.engines.rules.turn import Turn

# what only leads the lesson in: "另外", "also", "and"
_LEAD = re.compile(r"^(?:另外|还有|and|also|plus)[\s,，]*", re.I)


def take(t: Turn, sentence: str) -> bool:
    """File the lesson a sentence says it is; True when it did. The lesson is the words before the cue, and
    must be said in words, not a name or a head ("Callum, your noon walks:" names no lesson)."""
    cue = edit_cues.action_said_as_lesson().search(sentence)
    if cue is None:
        return False
    before = sentence[: cue.start()].rstrip()
    text = _LEAD.sub("", before.strip(" ，,—-:：。."))
    headed = before.endswith((":", "：")) or cue.group(0).lstrip().startswith((":", "："))
    if headed or not _said_in_words(text):  # "your noon walks:" only heads what follows
        return False
    dimension, action = parse_lesson_correction(sentence[cue.end() :])
    typing = classify_lesson(text)
    action = action or stated_action(sentence[cue.end() :]) or typing.action
    t.review.lessons.append(
        Lesson(text=text, dimension=dimension or typing.dimension, action=action, evidence=sentence)
    )
    t.state.lessons.confidence.append(1.0 if dimension else max(typing.confidence, 0.5))
    t.lessons_confirmed = True  # the review's lessons go to the library again, this one with them
    t.say("lessons_aside", lessons=quote(text, t.lang, 40))
    return True


def _said_in_words(text: str) -> bool:
    if re.search(r"[\u4e00-\u9fff]", text):
        return len(re.findall(r"[\u4e00-\u9fff]", text)) >= 6
    return len(text.split()) >= 4
