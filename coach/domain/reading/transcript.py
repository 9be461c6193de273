"""A meeting transcript pasted into the chat, turned into the messages a team lead would have typed.

"张经理：不足呢？ / 小陈：缺货，还有新品陈列慢。", "[00:09] 周建军：塔吊那个，根子上是…", "Chen: I'll add the
panel by next Friday." Speaker prefixes and timestamps go; small talk and lines that carry no fact of the
method are left out (they never become data); a question that opens a part ("不足呢？", "缺货为什么？")
gives its words to the answers after it; "I'll…" / "我来…" hands the task to the speaker.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from coach.domain.parsing import find_dates
from coach.domain.reading import cues
from coach.domain.reading.blocks import has_rung, opens
from coach.domain.reading.people import read_reflections

_STAMP = r"(?:\[\s*\d{1,2}:\d{2}(?::\d{2})?\s*\]|\(\s*\d{1,2}:\d{2}(?::\d{2})?\s*\)|\d{1,2}:\d{2}(?::\d{2})?)"
_LINE = re.compile(
    rf"^\s*(?:{_STAMP}\s*)?"
    r"(?P<speaker>[A-Z][A-Za-z.'-]{0,15}(?: [A-Z][A-Za-z.'-]{0,15})?|[^\s:：，,。!?！？()（）\[\]]{1,12})"
    r"\s*[：:]\s*(?P<said>\S.*)$"
)
_LIST_HEAD = re.compile(r"^([A-Za-z' ]{3,40}|[\u4e00-\u9fff]{2,8})(?:\.\s+|。\s*)(?=\S)")
_QUESTION = re.compile(r"[？?]\s*$")
# a line addressed to someone: "Ben, can you…", "阿杰，你能…"
_ADDRESSED = re.compile(r"^(?P<person>[A-Z][a-z]+|[\u4e00-\u9fff]{2,3})\s*[,，]\s*(?P<task>.+)$")
_DATE_OR_OWNER = re.compile(r"\d|负责|owner|by ", re.I)
_HAN = re.compile(r"[\u4e00-\u9fff]")
_SOME_DAY = dt.date(2026, 1, 1)  # dates are only spotted here, the coach reads them against the review's day


@dataclass(frozen=True)
class Spoken:
    speaker: str
    said: str


def read_transcript(text: str) -> list[Spoken] | None:
    """The spoken lines, when the message is a transcript: speakers who talk more than once, two or more."""
    spoken: list[Spoken] = []
    for line in (text or "").splitlines():
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


def messages(spoken: list[Spoken]) -> list[str]:
    """What the meeting said, as the chat messages of the method, in order; talk without facts left out."""
    out: list[str] = []
    topic: str | None = None  # the words a question gave to the answers after it ("不足：", "挖缺货：")
    asked_of: tuple[str, str] | None = None  # (person, task) asked in an action list, until they answer
    for line in spoken:
        said = _without_acknowledgements(line.said)
        agreed = said != line.said.strip()
        if not said:
            continue
        if asked_of is not None and topic is not None and _is_action_topic(topic):
            person, task = asked_of
            asked_of = None
            if line.speaker == person and _takes(said, agreed):
                _join(out, topic, _agreed_task(person, task, said), "；")
                continue
        if (asked := _topic(said)) is not None:
            topic = asked
            continue
        if _has_list_head(said) and _is_action_topic(head := _with_colon(said)):
            # "Actions. Ben, can you take the standby pool?": the list opens with a task asked
            opened = opens(head)
            rest = opened[1].strip() if opened else ""
            if task_asked := _task_asked(rest):
                topic, asked_of = head[: len(head) - len(rest)], task_asked
                continue
        if topic is not None and _is_action_topic(topic) and (task_asked := _task_asked(said)):
            asked_of = task_asked
            continue
        if _QUESTION.search(said) and not _dated(said):
            continue  # small talk: "大家五一都休息好了吧？"
        said = _speaker_owns(said.rstrip("？? "), line.speaker)
        if opens(said) is not None or _has_list_head(said):
            said = _with_colon(said) if _has_list_head(said) else said
            out.append(said)
            # "Actions. Amira, SMS reminders by July 10?": the tasks the next speakers take go on the list
            topic = _list_topic(said)
        elif topic is not None and _is_action_topic(topic):
            if (
                _dated(said)
                and _assigns(said)
                and not cues.decline().search(said)
                and _more_than_a_date(said)
            ):
                _join(out, topic, said, "；")
        elif topic is not None:
            _join(out, topic, said, _stop(said))
        elif _bears_facts(said):
            out.append(said)
    return out


def _task_asked(said: str) -> tuple[str, str] | None:
    """ "Ben, can you take the standby pool?" → ("Ben", "take the standby pool"); None for other lines."""
    match = _ADDRESSED.match(said)
    if match is None or not _QUESTION.search(said) or not cues.ask_task().search(match.group("task")):
        return None
    task = cues.ask_task().sub("", match.group("task")).strip(" ？?，,")
    task = re.sub(r"\s{2,}", " ", re.sub(r"[吗呢][？?]?$", "", task)).strip(" ，,")
    return (match.group("person"), task) if task else None


def _takes(said: str, agreed: bool) -> bool:
    """The person asked answers with a date and does not decline: "Yes, by the 20th.", "好的，月底前"."""
    return (agreed or _dated(said)) and _dated(said) and not cues.decline().search(said)


def _agreed_task(person: str, task: str, said: str) -> str:
    """The task as the coach reads one: "Ben, take the standby pool, by the 20th"."""
    mention = find_dates(said, _SOME_DAY)[0]
    start = said.find(mention.text)
    lead = re.search(r"(?i)(?:\b(?:by|before|until|due)\s+|)$", said[:start])
    when = (lead.group(0) if lead else "") + mention.text
    if _HAN.search(task):
        return f"{person}，{task}，{when}{'' if re.search(r'前|之前|以前', said[start:]) is None else '前'}"
    return f"{person}, {task}, {when}"


def _list_topic(said: str) -> str | None:
    """The head of an action list a line opens ("Actions: "), for the lines after it; else None."""
    opened = opens(said)
    if opened is None or opened[0] != "actions":
        return None
    head = said[: len(said) - len(opened[1])] if opened[1] else said
    return head if head.rstrip().endswith((":", "：")) else None


def _bears_facts(said: str) -> bool:
    """A line with no opening words still counts when it names a rung, a KPI, or a whole reflection."""
    if has_rung(said) or (cues.kpi_words().search(said) and re.search(r"\d", said)):
        return True
    return sum(len(p.answers) for p in read_reflections(said)) >= 2


def _join(out: list[str], topic: str, said: str, stop: str) -> None:
    """The answers to one question go into one message (a drill-down is one chain, a list one list)."""
    if out and out[-1].startswith(topic):
        out[-1] = f"{out[-1].rstrip('。.；; ')}{stop}{said}"
    else:
        out.append(f"{topic}{said}")


def _assigns(said: str) -> bool:
    """A line that gives someone a task: "Ben will…", "Marcus, canary stage…", "小吴负责…"."""
    return bool(
        re.search(r"负责|牵头|来做|(?i:\bowner\b|\bowns?\b|\bwill\b)", said)
        or re.match(r"^[A-Z][a-z]+,", said)
        or re.match(r"^[\u4e00-\u9fff]{2,3}(?:来|去)", said)
    )


def _dated(said: str) -> bool:
    return bool(find_dates(said, _SOME_DAY))


def _more_than_a_date(said: str) -> bool:
    """'By March 6, yes.' only agrees to a date already proposed."""
    rest = said
    for mention in find_dates(said, _SOME_DAY):
        rest = rest.replace(mention.text, " ")
    rest = re.sub(r"(?i)\b(?:by|before|yes|yeah|ok|sure|fine)\b|[是的好行，,.。!！\s]", "", rest)
    return len(rest) >= 3


def _is_action_topic(topic: str) -> bool:
    return (opened := opens(topic)) is not None and opened[0] == "actions"


def _without_acknowledgements(said: str) -> str:
    """'行。教训：…' → '教训：…'; 'Fine. I'll own…' → "I'll own…"."""
    body = said.strip()
    while (match := cues.acknowledge().match(body)) and match.end() > 0:
        body = body[match.end() :].strip()
    return body


def _topic(said: str) -> str | None:
    """The words a facilitator gives the answers after: '不足呢？' → '不足：'; '缺货为什么？' → '挖缺货：'.

    Only a line that opens a part and says nothing of it: a question, "亮点说一下。", "Action items.".
    """
    body = re.sub(r"(?:说一下|说说|聊聊|讲讲|呢|吗|吧)?[？?。.!！\s]*$", "", said.strip())
    opened = opens(body + ("：" if _HAN.search(body) else ":")) if body else None
    if opened is not None and opened[0] not in ("rest", "chain") and not opened[1].strip(" ：:"):
        return body + ("：" if _HAN.search(body) else ": ")
    if not _QUESTION.search(said):
        return None
    if match := cues.why().search(body):
        subject = body[: match.start()].strip(" ，,")
        if not subject:  # "Why did the backlog grow?": the words after the question word
            subject = re.sub(
                r"^(?i:(?:did|does|do|is|was|were|are|has|have)\s+)", "", body[match.end() :].strip()
            )
        if subject:
            return f"挖{subject}：" if _HAN.search(subject) else f"Dig into {subject}: "
    return None


def _stop(text: str) -> str:
    return "。" if _HAN.search(text) else ". "


def _has_list_head(said: str) -> bool:
    """'Lessons. Keep…', '行动项。小刘…': a list said with a full stop instead of a colon."""
    return bool(_LIST_HEAD.match(said)) and opens(_with_colon(said)) is not None


def _with_colon(said: str) -> str:
    """The list's head followed by a colon, the way the coach reads a list ("行动项：…", "Lessons: …")."""
    return _LIST_HEAD.sub(lambda m: m.group(1) + ("：" if _HAN.search(m.group(1)) else ": "), said, count=1)


def _speaker_owns(said: str, speaker: str) -> str:
    """ "I'll add the panel by Friday" → "Chen will add the panel by Friday"; "我来牵头" → "刘建华来牵头"."""
    if (mine := cues.self_assign().search(said)) and _dated(said):
        owner = f"负责人{speaker}" if _HAN.search(said) else f"owner {speaker}"
        return said[: mine.start()] + owner + said[mine.end() :]
    match = cues.first_person_task().search(said)
    if match is None or not (_dated(said) or _DATE_OR_OWNER.search(said)):
        return said
    if _HAN.search(match.group(0)):
        return said[: match.start()] + speaker + said[match.start() + 1 :]
    return f"{said[: match.start()]}{speaker} will {said[match.end() :].lstrip()}"
