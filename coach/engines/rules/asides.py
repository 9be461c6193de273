"""What is said in passing, outside its step: reflections skipped or ended from anywhere, actions and
lessons noted before their step, reflections sent in after theirs. Each is filed where the method keeps
it; the rest of the message stays for the step to read."""

from __future__ import annotations

import re

from coach.domain.reading import cues
from coach.domain.reading.blocks import read_blocks
from coach.domain.reading.people import is_reflection_done, read_reflections, skips_reflection
from coach.domain.retrospective import Reflection
from coach.engines.rules import flow
from coach.engines.rules.filing import take_answers
from coach.engines.rules.receipt import Filed, receipt
from coach.engines.rules.stages import actions, lessons
from coach.engines.rules.text import has_words
from coach.engines.rules.turn import Turn

_ASIDE_SPLIT = re.compile(r"(?<=[。；;!！?？])|(?<=\.)\s+(?=[A-Z])")


def skip_reflection(t: Turn) -> bool:
    """'反思跳过' / '反思就这些' in any stage: never filed as an answer or an action, nor read as "done"."""
    done = is_reflection_done(t.text) and t.state.stage != "reflection"
    if not (skips_reflection(t.text) or done) or len(t.text) > 60 or t.state.stage in ("followup", "done"):
        return False
    if t.state.stage == "reflection":
        flow.handler("reflection").skip(t)
        return True
    t.say("reflection_done" if done else "reflection_skipped", count=len(t.review.reflections))
    if t.state.stage in ("review", "analysis"):
        t.state.analysis.drill = None
        if "reflection" not in t.state.visited:
            t.state.visited.append("reflection")
        flow.go_to(t, "lessons")
    else:
        t.reask()
    return True


def actions_aside(t: Turn) -> bool:
    """File the actions said in passing before the actions step; the rest of the message stays to be read.
    True when nothing else was said."""
    if t.state.stage not in ("review", "analysis", "reflection"):
        return False
    kept: list[str] = []
    filed = False
    for sentence in _ASIDE_SPLIT.split(t.text):
        lead = cues.aside().match(sentence.strip())
        body = sentence.strip()[lead.end() :] if lead else sentence
        if lead and has_words(body) and actions.take_aside(t, body):
            filed = True
            continue
        kept.append(sentence)
    if filed:
        t.text = " ".join(k.strip() for k in kept).strip()
    return filed and not has_words(t.text)


def lessons_aside(t: Turn) -> bool:
    """File a lesson noted on the way (after a chain, or "先记一条经验："); the rest of the message stays to
    be read. True when nothing else was said."""
    if t.state.stage not in ("analysis", "reflection"):
        return False
    blocks = read_blocks(t.text)
    noted = [b for b in blocks if b.kind == "lessons"]
    if not noted or (blocks[0].kind == "lessons" and not cues.lesson_aside().search(t.text)):
        return False  # "经验：…" on its own is the lessons step itself (router.py)
    filed = [b for b in noted if lessons.take_aside(t, b.text)]
    if not filed:
        return False
    # the rest keeps its opening words: "What went badly: …" is still the shortfalls; what follows a lesson
    # and is none ("…，算组织的。科目二通过率低是因为…") is read too
    kept = [
        b.as_said if b not in filed else lessons.aside_rest(b.text)
        for b in blocks
        if b.kind != "lessons" or b in filed
    ]
    t.text = " ".join(k for k in kept if k).strip()
    return not has_words(t.text)


def reflections_aside(t: Turn) -> bool:
    """Reflections sent in after their step ("Dev and Amira sent theirs by chat. Dev: most moved by…; …"),
    during the lessons or the actions: filed as reflections, never as a lesson or an action."""
    if t.state.stage not in ("lessons", "actions"):
        return False
    people = [p for p in read_reflections(t.text) if p.person and len(p.answers) >= 2]
    if not people:
        return False
    filed = Filed()
    for said in people:
        mine = next((r for r in t.review.reflections if r.person == said.person), None)
        if mine is None:
            mine = Reflection(person=said.person)
            t.review.reflections.append(mine)
        take_answers(t, mine, said, filed)
    receipt(t, filed)
    return True
