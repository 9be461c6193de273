"""Reflection (个人反思): the four personal questions, per person named; skippable as a whole. The words are
read by the domain (coach/domain/reading/people.py): who is named, and which question each answer names."""

from __future__ import annotations

import re
from functools import cache

from coach.domain.critique import is_no, normalize
from coach.domain.reading import cues
from coach.domain.reading.meta import without_meta
from coach.domain.reading.people import (
    SaidReflection,
    declines,
    is_reflection_done,
    read_person,
    read_reflections,
)
from coach.domain.retrospective import Reflection
from coach.engines.rules import flow
from coach.engines.rules.text import has_words, quote
from coach.engines.rules.turn import Turn

QUESTIONS = ("most_touched", "self_discovery", "do_better", "next_step")
# a remark in brackets before the answer ("(sorry, sent too early)", "（老周接着补的）")
_REMARK = re.compile(r"^\s*[（(][^（()）]{1,40}[）)]\s*")


@cache
def _no_one_left() -> re.Pattern[str]:
    """The whole answer says no one else reflects ("没人了", "that's all")."""
    return re.compile(rf"^(?:{cues.alternatives('reflection_no_one_left')})$", re.I)


@cache
def _blank() -> re.Pattern[str]:
    """The whole answer to a question says nothing ("不知道", "pass")."""
    return re.compile(rf"^(?:{cues.alternatives('reflection_blank')})$", re.I)


def enter(t: Turn) -> None:
    t.state.reflection.step = "person"
    t.state.reflection.person_index = None
    t.ask("reflection_who")


def handle(t: Turn) -> None:
    if t.state.reflection.step == "answer" and t.state.reflection.person_index is not None:
        _answer(t, t.text)
    else:
        _person(t)


def skip(t: Turn) -> None:
    """Mid-answers: skip this question; otherwise skip the reflection as a whole."""
    if t.state.reflection.step == "answer" and t.state.reflection.person_index is not None:
        _answer(t, "")
        return
    t.say("reflection_skipped")
    flow.advance(t)


def _person(t: Turn) -> None:
    body = normalize(t.text)
    if _no_one_left().match(body) or (is_no(body) and len(body) <= 6) or is_reflection_done(t.text):
        t.say("reflection_done", count=len(t.review.reflections))
        flow.advance(t)
        return
    if declines(t.text) or (cues.listener().search(t.text) and not _answers(read_reflections(t.text))):
        t.ask("reflection_next")  # someone who only listens reflects on nothing
        return
    if not has_words(without_meta(t.text)):
        t.reask()  # "你刚才问的我都说了，别再问为什么了": talk about the review, nobody's reflection
        return
    name, rest = read_person(t.text)
    said = read_reflections(_REMARK.sub("", t.text))
    if name is None and (last := _continued(t, said)) is not None:
        # "(sorry, sent too early) Next step: …", "（老周接着补的）下一步他要…": the last person goes on
        t.state.reflection.person_index = last
        t.state.reflection.question = _answered_up_to(t.review.reflections[last]) + 1
        t.state.reflection.step = "answer"
        _answer(t, t.text)
        return
    if name is None and cues.room_talk().search(t.text) and not _answers(said):
        t.ask("reflection_next")  # "插一句，会议室下午要让出来": talk in the room, nobody to add
        return
    t.review.reflections.append(Reflection(person=name))
    t.state.reflection.person_index = len(t.review.reflections) - 1
    t.state.reflection.question = 0
    t.state.reflection.step = "answer"
    if name is None and len(rest) < 6:
        rest = ""  # a short word when asked who is next ("嗯", "ok then") answers nothing
    if rest:
        _answer(t, rest)
        return
    t.ask("reflection_q0", person=name or "")


def _thank(t: Turn, reflection: Reflection) -> None:
    """Thanks, by name when the person was named."""
    if reflection.person:
        t.say("reflection_thanks", person=quote(reflection.person, t.lang))
    else:
        t.say("reflection_thanks_unnamed")


def _answered_up_to(reflection: Reflection) -> int:
    """The index of the last question the person answered; -1 when none."""
    return max((i for i, key in enumerate(QUESTIONS) if getattr(reflection, key)), default=-1)


def _continued(t: Turn, said: list[SaidReflection]) -> int | None:
    """The last person's index when an unnamed message answers only questions after their last answer,
    so it completes their reflection rather than opening an anonymous one."""
    if len(said) != 1 or said[0].person is not None or not said[0].answers or not t.review.reflections:
        return None
    last = len(t.review.reflections) - 1
    after = _answered_up_to(t.review.reflections[last])
    return last if after >= 0 and all(QUESTIONS.index(key) > after for key in said[0].answers) else None


def _answers(said: list[SaidReflection]) -> dict[str, str]:
    """Every answer the message gives by the questions' own words, whoever said it."""
    return {key: answer for person in said for key, answer in person.answers.items()}


def _one_cued_answer(said: list[SaidReflection]) -> tuple[str, str] | None:
    """(question, answer or "" when left out) for a message that answers one question by its words."""
    if len(said) != 1 or said[0].person is not None:
        return None
    answers, skipped = said[0].answers, said[0].skipped
    if len(answers) == 1 and not skipped:
        return next(iter(answers.items()))
    if not answers and len(skipped) == 1:
        return skipped[0], ""
    return None


def _leaves_the_rest(text: str, said: list[SaidReflection]) -> bool:
    """A remark that the person leaves their remaining questions out, or takes no part; no answer."""
    if any(r.answers for r in said):
        return False
    return bool(cues.skip_rest().search(text) or cues.listener().search(text))


def _answer(t: Turn, text: str) -> None:
    index = t.state.reflection.person_index
    assert index is not None
    reflection = t.review.reflections[index]
    question = t.state.reflection.question
    if is_reflection_done(text):
        t.state.reflection.step = "person"
        t.say("reflection_done", count=len(t.review.reflections))
        flow.advance(t)
        return
    text = _REMARK.sub("", text)  # "(sorry, sent too early) Next step: …": the remark is no answer
    said = read_reflections(text)  # read once: for one answer named by its words, and for a remark
    cued = _one_cued_answer(said)
    # "插一句，会议室…", "how much of the cancellations is the capital thing?": talk, no answer
    aside = cues.room_talk().search(text) or cues.share_question().search(text)
    talk = aside and not _answers(said) and cued is None
    if talk and 0 <= question < len(QUESTIONS):
        t.ask(f"reflection_q{question}", person=reflection.person or "")  # "OK, carry on.": ask again
        return
    if _leaves_the_rest(text, said):
        # "黄凯后面几个问题说还没想好，跳过吧", "she's only listening": nothing to file for this person
        t.state.reflection.step = "person"
        _thank(t, reflection)
        t.ask("reflection_next")
        return
    if cued is not None:
        # "重来那个跳过" / "下一步想…": the question it names, answered or left out on purpose
        key, answer = cued
        if answer:
            setattr(reflection, key, answer)
            reflection.evidence = "；".join(e for e in (reflection.evidence, text.strip()) if e)
        question = QUESTIONS.index(key)
        text = ""
    left_out = {key for person in said for key in person.skipped}
    if cued is None and ((several := _answers(said)) or left_out):
        # several questions named by their words ("最触动是…；发现…；重来那条没说"): each where it belongs
        for key, answer in several.items():
            setattr(reflection, key, answer)
        reflection.evidence = "；".join(e for e in (reflection.evidence, text.strip()) if e)
        missing = [
            i
            for i, key in enumerate(QUESTIONS)
            if getattr(reflection, key) is None and key not in left_out and i >= question
        ]
        question = missing[0] - 1 if missing else len(QUESTIONS) - 1
        text = ""  # filed above
    if 0 <= question < len(QUESTIONS) and text.strip() and not _blank().match(normalize(text)):
        setattr(reflection, QUESTIONS[question], text.strip())
        reflection.evidence = "；".join(e for e in (reflection.evidence, text.strip()) if e)
    question += 1
    t.state.reflection.question = question
    if question < len(QUESTIONS):
        t.ask(f"reflection_q{question}", person=reflection.person or "")
        return
    t.state.reflection.step = "person"
    _thank(t, reflection)
    t.ask("reflection_next")
