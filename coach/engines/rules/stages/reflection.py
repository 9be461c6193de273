"""Reflection (个人反思): the four personal questions, per person named; skippable as a whole."""

from __future__ import annotations

import re
from functools import cache

from coach.domain.critique import is_no, normalize
from coach.domain.reading import cues
from coach.domain.reading.people import SaidReflection, declines, is_reflection_done, read_reflections
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
_PRONOUNS = {"我", "你", "他", "她", "我们", "i", "me", "we"}
# a remark in brackets before the answer ("(sorry, sent too early)", "（老周接着补的）")
_REMARK = re.compile(r"^\s*[（(][^（()）]{1,40}[）)]\s*")
# "我是王磊，销售总监": a role after the name introduces the person, it answers no question
_ROLE = re.compile(
    r"^(?:(?:是|做|负责|担任|in|a|an|the|our|as)\s*)?[\u4e00-\u9fffA-Za-z ]{0,10}"
    r"(?:总监|经理|主管|负责人|组长|部长|主任|总|工程师|专员|顾问|助理|实习生|leader|产品|运营|销售|研发|测试|设计|HR|hr"
    r"|(?i:manager|director|lead|engineer|head(?: of \w+)?|pm|owner|analyst|designer|intern|vp|cto|ceo))$"
)
# the four questions' own words, when one message answers several: "最触动是…；发现…；重来会…；下一步…"
_CUES: list[tuple[str, re.Pattern[str]]] = [
    (
        "most_touched",
        re.compile(
            r"^(?:最|让我最|我最)?(?:触动|有感触|感触最深|印象最深)(?:我)?(?:的|最大的|最深的)?(?:是|在于)?"
            r"|^(?i:what (?:moved|struck|touched) me (?:most|the most)?(?: was| is)?"
            r"|(?:the )?most (?:moving|touching)"
            r"(?: thing| part)?(?: was| is)?)"
        ),
    ),
    (
        "self_discovery",
        re.compile(
            r"^(?:我)?(?:对自己的?)?(?:新)?(?:发现|意识到|认识到)(?:了)?(?:是)?"
            r"|^(?i:i (?:found out|found|learned|realized|realised|discovered)(?: that)?|about myself,?)"
        ),
    ),
    (
        "do_better",
        re.compile(
            r"^(?:如果)?(?:重来|再来一次|再来一遍|重新来过|重做)(?:一次|一遍)?(?:的话)?(?:我)?(?:会|要)?"
            r"|^(?i:if i (?:did|could do) it (?:again|over),?(?: i(?:'d| would))?"
            r"|(?:next time|again) i(?:'d| would))"
        ),
    ),
    (
        "next_step",
        re.compile(
            r"^(?:我的)?(?:下一步|接下来|改进行动)(?:是|我会|会|要)?"
            r"|^(?i:(?:my )?next step(?: is)?|going forward,? i(?:'ll| will)|from now on,? i(?:'ll| will))"
        ),
    ),
]
_PARTS = re.compile(r"\s*(?:[；;\n]|(?<=[。！!？?])|(?<=\.)\s+)\s*")


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
    if _no_one_left().match(body) or (is_no(body) and len(body) <= 6) or is_reflection_done(t.text):
        t.say("reflection_done", count=len(t.review.reflections))
        flow.advance(t)
        return
    if declines(t.text) or (cues.listener().search(t.text) and not split_answers(t.text)):
        t.ask("reflection_next")  # someone who only listens reflects on nothing
        return
    name, rest = parse_person(t.text)
    t.review.reflections.append(Reflection(person=name))
    t.state.reflection.person_index = len(t.review.reflections) - 1
    t.state.reflection.question = 0
    t.state.reflection.step = "answer"
    role_only = name is not None and _ROLE.match(rest.strip(" 。."))
    if rest and ((name is None and len(rest) < 6) or role_only):
        rest = ""
    if rest:
        _answer(t, rest)
        return
    t.ask("reflection_q0", person=name or "")


def split_answers(text: str) -> dict[str, str]:
    """The answers of a message that answers several of the four questions, by their own words; else {}."""
    answers: dict[str, list[str]] = {}
    current: str | None = None
    for part in (p.strip(" ，,。.") for p in _PARTS.split(text)):
        if not part:
            continue
        cue = next(((key, m) for key, pattern in _CUES if (m := pattern.search(part))), None)
        if cue is not None and cue[0] not in answers:
            current = cue[0]
            part = part[cue[1].end() :].strip(" ，,:：") or part
        if current is not None:
            answers.setdefault(current, []).append(part)
    if len(answers) < 2:
        return {}
    return {key: "；".join(parts) for key, parts in answers.items()}


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
    talk = cues.room_talk().search(text) and not split_answers(text) and cued is None
    if talk and 0 <= question < len(QUESTIONS):
        t.ask(f"reflection_q{question}", person=reflection.person or "")  # "OK, carry on.": ask again
        return
    if _leaves_the_rest(text, said):
        # "黄凯后面几个问题说还没想好，跳过吧", "she's only listening": nothing to file for this person
        t.state.reflection.step = "person"
        t.say("reflection_thanks", person=quote(reflection.person, t.lang) if reflection.person else "")
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
    if several := split_answers(text):
        for key, answer in several.items():
            setattr(reflection, key, answer)
        reflection.evidence = "；".join(e for e in (reflection.evidence, text.strip()) if e)
        missing = [i for i, key in enumerate(QUESTIONS) if getattr(reflection, key) is None and i >= question]
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
    t.say("reflection_thanks", person=quote(reflection.person, t.lang) if reflection.person else "")
    t.ask("reflection_next")
