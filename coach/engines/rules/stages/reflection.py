"""Reflection (个人反思): the four personal questions, per person named; skippable as a whole."""

from __future__ import annotations

import re

from coach.domain.critique import is_no, normalize
from coach.domain.retrospective import Reflection
from coach.engines.rules import flow
from coach.engines.rules.text import quote
from coach.engines.rules.turn import Turn

QUESTIONS = ("most_touched", "self_discovery", "do_better", "next_step")
_NAMED = re.compile(
    r"^(?:我是|我叫|下一个是?|下一位是?|轮到|换|接下来是?|next(?: one| person)?(?: is)?|i'?m|i am|this is|"
    r"my name is)\s*[:：,，]?\s*([^\s,，。.:：;；!！?？]{1,20})\s*[,，。.:：;；]?\s*(.*)$",
    re.I,
)
_NOBODY = re.compile(
    r"^(没有了?|没人了?|没了|就这些|结束反思|no( one| more| more people)?|nobody|that'?s all|done)$", re.I
)
_BLANK = re.compile(r"^(没有|无|不知道|跳过|略|pass|skip|none|nothing|n/?a|no idea)$", re.I)
_PRONOUNS = {"我", "你", "他", "她", "我们", "i", "me", "we"}


def enter(t: Turn) -> None:
    t.state.step = "person"
    t.state.person_index = None
    t.ask("reflection_who")


def handle(t: Turn) -> None:
    if t.state.step == "answer" and t.state.person_index is not None:
        _answer(t, t.text)
    else:
        _person(t)


def skip(t: Turn) -> None:
    """Mid-answers: skip this question; otherwise skip the reflection as a whole."""
    if t.state.step == "answer" and t.state.person_index is not None:
        _answer(t, "")
        return
    t.say("reflection_skipped")
    flow.advance(t)


def parse_person(text: str) -> tuple[str | None, str]:
    """'我是李娜，最触动的是…' → ('李娜', '最触动的是…'); a bare short name is a name too."""
    body = text.strip()
    match = _NAMED.match(body)
    if match and match.group(1).lower() not in _PRONOUNS:
        return match.group(1).strip(), match.group(2).strip()
    short = normalize(body)
    if short and len(short) <= 4 and re.fullmatch(r"[\u4e00-\u9fff]+", short):
        return short, ""
    if short and re.fullmatch(r"[a-z][a-z'-]*( [a-z][a-z'-]*)?", short) and len(short) <= 20:
        return body.strip(" ,.!?"), ""
    return None, body


def _person(t: Turn) -> None:
    body = normalize(t.text)
    if _NOBODY.match(body) or (is_no(body) and len(body) <= 6):
        t.say("reflection_done", count=len(t.review.reflections))
        flow.advance(t)
        return
    name, rest = parse_person(t.text)
    t.review.reflections.append(Reflection(person=name))
    t.state.person_index = len(t.review.reflections) - 1
    t.state.reflection_question = 0
    t.state.step = "answer"
    if rest and name is None and len(rest) < 6:
        rest = ""
    if rest:
        _answer(t, rest)
        return
    t.ask("reflection_q0", person=name or "")


def _answer(t: Turn, text: str) -> None:
    index = t.state.person_index
    assert index is not None
    reflection = t.review.reflections[index]
    question = t.state.reflection_question
    if 0 <= question < len(QUESTIONS) and text.strip() and not _BLANK.match(normalize(text)):
        setattr(reflection, QUESTIONS[question], text.strip())
        reflection.evidence = "；".join(e for e in (reflection.evidence, text.strip()) if e)
    question += 1
    t.state.reflection_question = question
    if question < len(QUESTIONS):
        t.ask(f"reflection_q{question}", person=reflection.person or "")
        return
    t.state.step = "person"
    t.say("reflection_thanks", person=quote(reflection.person, t.lang) if reflection.person else "")
    t.ask("reflection_next")
