"""A meeting transcript pasted into the chat, turned into the messages a team lead would have typed.

"张经理：不足呢？ / 小陈：缺货，还有新品陈列慢。", "[00:09] 周建军：塔吊那个，根子上是…", "Chen: I'll add the
panel by next Friday." Speaker prefixes and timestamps go; small talk and lines that carry no fact of the
method are left out (they never become data); a question that opens a part ("不足呢？", "缺货为什么？")
gives its words to the answers after it; "I'll…" / "我来…" hands the task to the speaker.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from coach.domain.parsing import has_date
from coach.domain.reading import cues
from coach.domain.reading.blocks import has_rung, opens, sentences, strip_filler
from coach.domain.reading.goal_list import read_list as goals_stated
from coach.domain.reading.language import HAN, han_pairs
from coach.domain.reading.meeting_order import (
    WEIGHT,
    in_method_order,
    lesson_list,
    opens_kind,
    weighs,
    weights_with_their_chain,
    with_lessons,
)
from coach.domain.reading.meeting_tasks import (
    agreed_task,
    assigns,
    declines,
    more_than_a_date,
    named_task,
    speaker_owns,
    takes,
    task_asked,
)
from coach.domain.reading.passing import dimension_label, is_lesson, only_dimension_label
from coach.domain.reading.people import read_reflections
from coach.domain.reading.transcript_lines import unasked_fact
from coach.domain.reading.turn_parts import (
    has_list_head,
    is_room_talk,
    parts,
    says_missed,
    topic_given,
    with_colon,
    without_acknowledgements,
)

_STAMP = r"(?:\[\s*\d{1,2}:\d{2}(?::\d{2})?\s*\]|\(\s*\d{1,2}:\d{2}(?::\d{2})?\s*\)|\d{1,2}:\d{2}(?::\d{2})?)"
_LINE = re.compile(
    rf"^\s*(?:{_STAMP}\s*)?"
    r"(?P<speaker>[A-Z][A-Za-z.'-]{0,15}(?: [A-Z][A-Za-z.'-]{0,15})?|[^\s:：，,。!?！？()（）\[\]]{1,12})"
    r"(?:\s*[(（][^()（）:：]{1,12}[)）])?"  # the speaker's role: "Maya (chair):", "周敏（主持）："
    r"\s*[：:]\s*(?P<said>\S.*)$"
)
# a speaker's turn inside a paragraph: after a sentence's end, a name and a colon ("。 邓楠：报了")
_INLINE_TURN = re.compile(
    r"(?<=[。！？!?.…])\s+(?=(?:[\u4e00-\u9fff]{2,4}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)\s*[：:]\s*\S)"
)
_QUESTION = re.compile(r"[？?]\s*$")
_NAME_ASKED = re.compile(r"^([A-Z][a-z]+|[\u4e00-\u9fff]{2,3})\s*[？?]$")


@dataclass(frozen=True)
class Spoken:
    speaker: str
    said: str


def read_transcript(text: str) -> list[Spoken] | None:
    """The spoken lines, when the message is a transcript: speakers who talk more than once, two or more.

    A transcript pasted as one paragraph ("…凑合看。 孟建军：先说个事… 邓楠：报了。") is cut before each
    speaker's name, when it is not one line a turn."""
    lines = (text or "").splitlines()
    return _spoken(lines) or _spoken([turn for line in lines for turn in _INLINE_TURN.split(line)])


def one_speaker(text: str, people: set[str]) -> str | None:
    """What one person of the review says in a line pasted from the meeting ("苗青：档案库那个…改到10月15日
    前。散会。（记录完）——就这些，结束。", "Leona: Day-before access …"), without their name and the notes
    on the transcript in brackets; None when the message does not open with someone of the review."""
    lines = [line for line in (text or "").splitlines() if line.strip()]
    match = _LINE.match(lines[0]) if lines else None
    if match is None or not any(_names(match.group("speaker"), person) for person in people if person):
        return None
    said = [match.group("said").strip()]
    for line in lines[1:]:
        spoken = _LINE.match(line)
        if spoken and any(_names(spoken.group("speaker"), person) for person in people if person):
            # another of the review answers: "Callum: Agreed." adds nothing, more words are said on
            said.append(without_acknowledgements(spoken.group("said")))
        else:
            said.append(_NOTE_LEAD.sub("", line).strip(" —–-"))
    return " ".join(s for s in said if s).strip()


def _names(speaker: str, person: str) -> bool:
    """The speaker is that person, by their name or their given name ("Leona" Fisk, 龙"一鸣")."""
    given = person.startswith(f"{speaker} ") or (len(speaker) >= 2 and person.endswith(speaker))
    return speaker == person or given


# a note on the transcript itself opening a line, in brackets: "(end of notes) …", "（记录完）——…"
_NOTE_LEAD = re.compile(r"^\s*[(（][^()（）]{1,30}[)）]\s*")


def _spoken(lines: list[str]) -> list[Spoken] | None:
    spoken: list[Spoken] = []
    for line in lines:
        match = _LINE.match(line)
        if (
            match
            and opens(f"{match.group('speaker')}：x") is None
            and not has_rung(match.group("speaker") + "：x")
        ):
            spoken.append(Spoken(_name(match.group("speaker")), match.group("said").strip()))
    speakers = Counter(s.speaker for s in spoken)
    if len(spoken) < 4 or len(speakers) < 2 or max(speakers.values()) < 2:
        return None
    return spoken


def _name(speaker: str) -> str:
    """'项目经理刘建华' → '刘建华'; an English name stays as it is."""
    bare = cues.role_prefix().sub("", speaker)
    return bare if len(bare) >= 2 else speaker


def messages(spoken: list[Spoken], asked: str | None = None, findings: tuple[str, ...] = ()) -> list[str]:
    """What the meeting said, as the chat messages of the method, in order; talk without facts left out.
    `asked` is the head of the part the coach was asking about ("Actions: "), what the first lines answer;
    `findings` are the review's findings, which a bare question ("Late load-ins?") asks the causes of.

    Each speaker's turn is read part by part (turn_parts.py): small talk and facilitation are dropped, a part
    that opens a block of the method is a message of its own, the answers to a question join the words
    the question gave them, and lessons said in passing go with the meeting's lessons (meeting_order.py).
    """
    out: list[str] = []
    passing: list[str] = []  # lessons said in passing, outside any list
    topic: str | None = asked  # the words a question gave to the answers after it ("不足：", "挖缺货：")
    asker: str | None = None  # who asked the topic's question; the topic ends when they move on
    asked_of: tuple[str | None, str] | None = None  # (person or anyone, task) asked in an action list
    people = {line.speaker for line in spoken}
    answered_self = False  # the topic's why was asked and answered in one turn: it ends with the turn
    heard_on: str | None = None  # the topic `others_answered` is about
    others_answered = False  # someone other than the asker spoke on the topic
    previous: str | None = None
    for whole in spoken:
        if answered_self and whole.speaker != previous:  # the ladder told whole ends with its teller
            topic = asker = None
        answered_self = answered_self and whole.speaker == previous
        previous = whole.speaker
        whys = 0  # whys this speaker asked on the topic's ladder: two, and they told it whole
        unsaid: str | None = None  # the part before, when it was left out: what a bare "Why?" asks about
        for part in parts(whole.said):
            line = Spoken(whole.speaker, part)
            before, unsaid = unsaid, line.said.strip()
            said = without_acknowledgements(line.said)
            agreed = said != line.said.strip()
            if topic != heard_on:
                heard_on, others_answered = topic, False
            others_answered = others_answered or line.speaker != asker
            if (
                topic is not None
                and not _is_action_topic(topic)
                and _moves_on(said, line.speaker == asker and others_answered, topic)
            ):
                topic = asker = None  # "另外回款还行，目标800万，实到820万": no answer to the question before
            if (kpi := _kpi_asked(said, out)) is not None:
                topic, asker, asked_of = kpi, line.speaker, None  # "Churn?": the meeting moves to that KPI
                continue
            in_actions = topic is not None and _is_action_topic(topic)
            if not in_actions and (finding := _finding_asked(said, findings)) is not None:
                topic, asker, asked_of = finding, line.speaker, None  # "Late load-ins?": its causes follow
                continue
            if _asks_on(said, topic, asker == line.speaker):
                continue  # "根子呢？": the one who asked asks on, the topic stays
            if asked_of is not None and topic is not None and _is_action_topic(topic):
                person, task = asked_of
                taken = line.speaker != asker and takes(said, agreed, anyone=True)
                if (person is None and line.speaker != asker) or line.speaker == person or taken:
                    asked_of, person = None, person if line.speaker == person else None
                    if (
                        has_date(task)
                        and person is not None
                        and agreed
                        and not has_date(said)
                        and not declines(said)
                    ):
                        _join(out, topic, f"{person}{'，' if HAN.search(task) else ', '}{task}", "；")
                        continue  # "小李，周报模板下周五前改好？" "可以。": the date was in the question
                    # a date in the answer is the one agreed: "Leona, the weekend shift rota?" "Next Friday."
                    if takes(said, agreed, anyone=person is None):
                        _join(out, topic, agreed_task(line.speaker, task, said), "；")
                        continue
            if not said or is_room_talk(said) or is_room_talk(line.said) or cues.listener().search(said):
                continue
            if cues.talk_about().search(said) and topic_given(said) is None:
                continue  # "困人说一下吧。": facilitation, and no phenomenon for a why after it
            if _is_chain_topic(topic) and _asks_why(said) is not None and _QUESTION.search(said):
                _join(out, topic or "", said, _stop(said))  # "为什么伸手？": the next why of the same ladder
                whys += 1
                answered_self = answered_self or whys >= 2
                continue
            if (asked := _why_about(said, before) or topic_given(said)) is not None:
                topic, asker, unsaid = asked, line.speaker, None
                continue
            if (head := _action_head(said)) is not None and (asked_task := task_asked(head[1], people)):
                # "Actions. Ben, can you take the standby pool?": the list opens with a task asked
                topic, asker, asked_of = head[0], line.speaker, asked_task
                continue
            if topic is not None and _is_action_topic(topic) and (asked_task := task_asked(said, people)):
                asked_of = asked_task
                continue
            if asked_of is not None and asked_of[0] is None and (name := _NAME_ASKED.match(said)):
                # "小刘？" after the task: asked of them; a name not of a speaker leaves it to who answers
                asked_of = (name.group(1) if name.group(1) in people else None, asked_of[1])
                continue
            if _QUESTION.search(said) and not has_date(said):
                continue  # small talk: "大家五一都休息好了吧？"
            said = speaker_owns(said.rstrip("？? "), line.speaker)
            if opens(said) is not None or has_list_head(said) or lesson_list(said):
                said = with_colon(said) if has_list_head(said) else said
                said = _actions_said_plainly(said)
                out.append(_named_area(said))
                # "Actions. Amira, SMS reminders by July 10?": the tasks the next speakers take go on the list
                if opens_kind(said) != "rest":  # "The other quarter is …" goes on the topic's answers
                    topic, asker = _list_topic(said), line.speaker
            elif weighs(said) and (topic is None or _is_action_topic(topic)):
                out.append(said)  # causes weighed, whatever was being asked ("八成是…，剩下两成是…")
            elif topic is not None and _is_action_topic(topic) and (named := named_task(said, people)):
                _join(out, topic, named, "；")
            elif topic is not None and _is_action_topic(topic):
                if (
                    has_date(said)
                    and (assigns(said) or line.speaker in said)  # "…规矩我来定" → "…规矩鲁建军来定"
                    and not cues.decline().search(said)
                    and more_than_a_date(said)
                ):
                    _join(out, topic, said, "；")
            elif topic is None and cues.highlight_said().search(said):  # "按时取衣率好，是因为…"
                out.append(("亮点：" if HAN.search(said) else "Highlights: ") + said)
            elif topic is None and (fact := unasked_fact(said, out)) is not None:
                out.append(fact)  # "交付评审流程我来定，下周五前出。", "回款差了两百多万，主要是…"
            elif is_lesson(said, labelled=dimension_label(said)):
                passing.append(_one_clause(said))
            elif says_missed(said):  # "the supervisor app was due in June and it never happened"
                out.append(("该做没做的：" if HAN.search(said) else "What we should have done: ") + said)
            elif topic is not None and (drilled := _finding_drilled(topic, said)) is not None:
                finding, ladder = drilled  # "And the bad?" "Missed visits… If you keep asking why, …"
                _join(out, topic, finding, _stop(finding))
                out.append(ladder)
            elif topic is not None:
                # the answers to a finding asked about are its cause, said as one ("X: A, B")
                if topic in _finding_heads(findings):
                    said = _as_one_clause(said)
                    _join(out, topic, said, _comma(said))
                else:
                    _join(out, topic, said, _stop(said))
                answered_self = answered_self or asker == line.speaker
            elif _bears_facts(said):
                out.append(said)
            else:
                continue
            unsaid = None
    return in_method_order(weights_with_their_chain(with_lessons(out, passing)))


def _named_area(said: str) -> str:
    """ "Good news first, the first-timers. The campus sessions worked…" → "…, the first-timers: The campus
    sessions worked…": a finding's area named alone before it is said is no finding of its own."""
    opened = opens(said)
    if opened is None or opened[0] not in ("highlights", "shortfalls"):
        return said
    parts = sentences(opened[1])
    area = parts[0] if parts else ""
    short = len(area) <= 8 if HAN.search(area) else len(area.split()) <= 3
    at = said.rfind(area)
    if len(parts) < 2 or not short or at < 0:
        return said
    rest = said[at + len(area) :].lstrip("。. ")
    name = area.rstrip("。. ")
    return f"{said[:at]}{name}{'：' if HAN.search(name) else ': '}{rest}"


def _kpi_asked(said: str, out: list[str]) -> str | None:
    """ "Churn?", "入住率呢？": a question that only names a KPI the meeting gave its figures for is asked
    to dig into that KPI ("Dig into churn: "); None for any other question."""
    body = re.sub(r"(?:呢|吗)?[？?\s]*$", "", without_acknowledgements(said)).strip()
    if not _QUESTION.search(said) or not body or cues.why().search(body):
        return None
    short = len(body) <= 6 if HAN.search(body) else len(body.split()) <= 2 and body.isascii()
    if not short or not re.fullmatch(r"[\w\s'-]+", body):
        return None
    edge = "" if HAN.search(body) else r"\b"  # Chinese has no spaces: "客诉目标…" names 客诉
    named = re.compile(rf"{edge}{re.escape(body)}{edge}", re.I)
    for sentence in (s for message in out for s in sentences(message)):
        if named.search(sentence) and cues.kpi_words().search(sentence) and re.search(r"\d", sentence):
            return f"挖{body}：" if HAN.search(body) else f"Dig into {body.lower()}: "
    return None


def _finding_heads(findings: tuple[str, ...]) -> set[str]:
    return {_finding_head(f) for f in findings}


def _finding_head(finding: str) -> str:
    return f"{finding}：" if HAN.search(finding) else f"{finding}: "


def _finding_asked(said: str, findings: tuple[str, ...]) -> str | None:
    """ "Late load-ins?", "损耗呢？": a question that only names a finding of the review asks for its causes
    ("Late load-ins: "); None for any other question ("Sandwiches?", a why, a name)."""
    body = re.sub(r"(?:呢|吗)?[？?\s]*$", "", without_acknowledgements(said)).strip()
    body = re.sub(r"^(?:and|what about|how about|那|还有)\s*", "", body, flags=re.I)
    if not findings or not _QUESTION.search(said) or not body or cues.why().search(body):
        return None
    short = 2 <= len(body) <= 8 if HAN.search(body) else len(body.split()) <= 4
    if not short or not re.fullmatch(r"[\w\s'-]+", body):
        return None
    said_words = _stems(body)
    for finding in findings:
        own = _stems(finding)
        if said_words and 2 * len(said_words & own) >= len(said_words):
            return _finding_head(finding)
    return None


def _stems(text: str) -> set[str]:
    """An English word by its stem, lower case; Chinese by its character pairs."""
    if HAN.search(text):
        return han_pairs(text)
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {re.sub(r"(?:es|s)$", "", w) for w in words if w not in {"the", "a", "an", "our", "and", "on"}}


def _as_one_clause(said: str) -> str:
    """ "Cases dropped. New drivers, no training." → "Cases dropped, new drivers, no training": one cause."""
    parts = [s.rstrip("。.") for s in sentences(said)]
    lowered = [p[:1].lower() + p[1:] if p[1:2].islower() else p for p in parts[1:]]
    return _comma(said).join(parts[:1] + lowered)


def _comma(text: str) -> str:
    return "，" if HAN.search(text) else ", "


def _asks_on(said: str, topic: str | None, by_asker: bool) -> bool:
    """The one who asked the topic's question asks another that opens nothing new ("根子呢？", "Why?")."""
    if topic is None or not by_asker or _is_action_topic(topic):
        return False
    return bool(_QUESTION.search(said)) and topic_given(said) is None


def _one_clause(said: str) -> str:
    """A lesson and the dimension said after it as one item: "keep the flu jabs, That's people"; another
    sentence after it is another lesson ("Stop letting each desk…. And a welcome series is new, business")."""
    joiner, stop = ("，", "。") if HAN.search(said) else (", ", ". ")
    out = ""
    for sentence in (strip_filler(s).rstrip("。.；; ") for s in sentences(said)):
        out += (joiner if only_dimension_label(sentence) else stop if out else "") + sentence
    return out


def _why_about(said: str, before: str | None) -> str | None:
    """A why asked after a statement the speaker made in the same turn: the statement is the phenomenon,
    the answers after the question the ladder ("Mostly washrooms… Why? The night supervisors…",
    "9起里面7起是门机，门打不开。为什么对不上？…")."""
    body = without_acknowledgements(said)
    stated = without_acknowledgements(before or "")
    if not stated or _QUESTION.search(stated) or not _QUESTION.search(body) or not _asks_why(body):
        return None
    phenomenon = stated.rstrip("。.；; ")
    zh = bool(HAN.search(phenomenon))
    if _asks_why(body) == "bare":
        return f"现象：{phenomenon}。为什么：" if zh else f"Phenomenon: {phenomenon}. Why: "
    return f"现象：{phenomenon}。{body}" if zh else f"Phenomenon: {phenomenon}. {body} "


def _asks_why(said: str) -> str | None:
    """ "bare" for "Why?" / "为什么？", "about" for a why with its words ("为什么对不上？"), else None."""
    body = strip_filler(re.sub(r"[？?。.!！\s]+$", "", said.strip()))  # "And why was that?"
    why = cues.why().match(body)
    if why is None:
        return None
    return "bare" if why.end() == len(body) else "about"


def _moves_on(said: str, by_asker: bool, topic: str) -> bool:
    """A part that leaves the question asked: it turns to another matter ("另外…", "Separately, …"), states
    a KPI of its own, or is the asker's next statement after the answers to their why."""
    if cues.moves_on().match(said) or (
        re.search(r"\d", said)
        and cues.kpi_words().search(said)
        and any(goal.target and goal.result for goal in goals_stated(said))
    ):
        return True
    return by_asker and _is_chain_topic(topic) and not _QUESTION.search(said)


def _is_chain_topic(topic: str | None) -> bool:
    """A topic that drills a chain: "挖缺货：", or a phenomenon a why was asked about ("现象：…为什么：")."""
    return _is_dig(topic) or (topic is not None and has_rung(topic))


def _is_dig(topic: str | None) -> bool:
    return topic is not None and (opened := opens(topic)) is not None and opened[0] == "chain"


def _action_head(said: str) -> tuple[str, str] | None:
    """(the list's head with its colon, what follows) when the part opens the actions ("行动，…谁来？")."""
    text = with_colon(said) if has_list_head(said) else said
    opened = opens(text)
    if opened is None or opened[0] != "actions":
        return None
    rest = opened[1].strip()
    head = text[: len(text) - len(opened[1])].rstrip(" ，,") if opened[1] else text
    if not head.rstrip().endswith((":", "：")):
        head = head.rstrip("。. ") + ("：" if HAN.search(head) else ": ")
    return head, rest


def _actions_said_plainly(said: str) -> str:
    """ "那下一步，王芳负责…" → "行动：王芳负责…": a way into the actions, as the coach says it."""
    opened = opens(said)
    if opened is None or opened[0] != "actions" or said.lstrip().startswith(("行动", "Action", "action")):
        return said
    return ("行动：" if HAN.search(said) else "Actions: ") + opened[1].lstrip(" ，,:：")


def _list_topic(said: str) -> str | None:
    """The head of an action list a line opens ("Actions: "), for the lines after it; else None."""
    opened = opens(said)
    if opened is None or opened[0] != "actions":
        return None
    head = said[: len(said) - len(opened[1])] if opened[1] else said
    if head.rstrip().endswith((":", "：")):
        return head
    if not head.rstrip().endswith(("，", ",")):
        return None
    return head.rstrip(" ，,") + ("：" if HAN.search(head) else ": ")  # "那下一步，…" opens the list too


def _bears_facts(said: str) -> bool:
    """A line with no opening words still counts when it names a rung, a KPI, or a whole reflection."""
    if any(has_rung(s) for s in sentences(said)):  # "…. And if you keep asking why, …"
        return True
    if cues.kpi_words().search(said) and re.search(r"\d", said):
        return True
    if len(WEIGHT.findall(said)) >= 2:  # "八成是清单的问题，剩下两成是乘客扒门": causes weighed
        return True
    return sum(len(p.answers) for p in read_reflections(said)) >= 2


def _finding_drilled(topic: str, said: str) -> tuple[str, str] | None:
    """An answer to "And the bad?" that goes on down the ladder ("Missed visits. Most were at weekends.
    … If you keep asking why, it's …, I'd say 75 percent."): the finding, and its chain from the rung
    on, the finding as its phenomenon; None when the answer names no rung after its finding."""
    if opens_kind(topic) not in ("highlights", "shortfalls"):
        return None
    parts = sentences(said)
    rung = next((i for i, s in enumerate(parts) if i > 0 and has_rung(s)), None)
    if rung is None:
        return None
    at = said.find(parts[rung])
    finding, ladder = said[:at].strip(), said[at:].strip()
    phenomenon = finding.rstrip("。.；; ")
    head = f"现象：{phenomenon}。" if HAN.search(phenomenon) else f"Phenomenon: {phenomenon}. "
    return finding, head + ladder


def _after_question(text: str, stop: str) -> str:
    """What goes between a question and its answer: nothing after "？", a space after "?"."""
    last = text.rstrip()[-1:]
    return "" if last == "？" else " " if last == "?" else stop


def _join(out: list[str], topic: str, said: str, stop: str) -> None:
    """The answers to one question go into one message (a drill-down is one chain, a list one list)."""
    if out and out[-1].startswith(topic):
        stop = "; " if stop == "；" and not HAN.search(said) else stop  # "…by June 15; Lee will…"
        out[-1] = f"{out[-1].rstrip('。.；; ')}{_after_question(out[-1], stop)}{said}"
    else:
        out.append(f"{topic}{said}")


def _is_action_topic(topic: str) -> bool:
    return (opened := opens(topic)) is not None and opened[0] == "actions"


def _stop(text: str) -> str:
    return "。" if HAN.search(text) else ". "
