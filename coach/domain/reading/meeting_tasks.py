"""Tasks asked and taken in a meeting transcript: who is asked ("Supervisor app, Lucy?", "工艺标准谁来？"),
who takes a task ("我来吧，月底前", "That's mine, by Friday"), and the task as the coach reads one."""

from __future__ import annotations

import re

from coach.domain.parsing import ANY_DAY, find_dates, has_date
from coach.domain.reading import cues, edit_cues
from coach.domain.reading.language import HAN

_QUESTION = re.compile(r"[？?]\s*$")
# what sets a person named after their task apart: a comma or a dash ("Pay review - Tamsin, can you?")
_BEFORE_PERSON = r"(?:\s*[,，]|\s+[-–—]+|——)\s*"
# a line addressed to someone: "Ben, can you…", "阿杰，你能…"
_ADDRESSED = re.compile(r"^(?P<person>[A-Z][a-z]+|[\u4e00-\u9fff]{2,3})\s*[,，]\s*(?P<task>.+)$")
# a task named before the person asked to take it, after a comma or a dash: "Supervisor app, Lucy?",
# "Pay review - Tamsin, can you?", "收衣拍照存档，苏晴你牵头？"
_NAMED_LAST = re.compile(
    rf"^(?P<task>.+?){_BEFORE_PERSON}(?P<person>[A-Z][a-z]+|[\u4e00-\u9fff]{{2,3}}?)\s*[,，]?\s*(?P<rest>(?:你|you)?[^,，]{{0,40}})$"
)
# what is left after "我来" when the task was named before it: "牵头，", "负责吧，"
# ("写，", "定吧，": the one verb said after 我来 is how they take it on, no part of the task's name)
_TAKEN_ON = re.compile(r"^(?:来)?(?:牵头|负责|来做|跟进|[\u4e00-\u9fff])?(?:吧)?\s*[，,]\s*")
# the word pointing back at the task named before "我来": "…，这个我来定"
_POINTS_BACK = re.compile(r"[，,]?\s*(?:这个|这件事|这事|这块)$")
_DATE_OR_OWNER = re.compile(r"\d|负责|owner|by ", re.I)


def task_asked(said: str, people: set[str]) -> tuple[str | None, str] | None:
    """A task asked in an action list, and of whom (None: whoever takes it); None for other lines.

    "Ben, can you take the standby pool?" → ("Ben", …); "Supervisor app, Lucy?", "收衣拍照存档，苏晴你
    牵头？" → the person named after the task, when they are at the meeting; "工艺标准谁来？", "The
    dispensers, who talks to the supplier?" → (None, …)."""
    if (handed := _handed_to_someone_here(said, people)) is not None:
        return handed
    if not _QUESTION.search(said):
        return None
    body = said.strip().rstrip("？? ")
    match = _ADDRESSED.match(body)
    if match is not None and (
        cues.ask_task().search(match.group("task"))
        or has_date(match.group("task"))
        # "Jess, welcome emails for the trials?": a task named to someone at the meeting, no verb needed
        or (match.group("person") in people and _named_only(match.group("task")))
    ):
        return _asked(match.group("person"), cues.ask_task().sub("", match.group("task")))
    if (named := _NAMED_LAST.match(body)) is not None and named.group("person") in people:
        rest = cues.ask_task().sub("", named.group("rest"))
        if _short(rest):  # "你牵头", "你去跟采购对", "you sort it with purchasing": asks it of them
            return _asked(named.group("person"), named.group("task"))
    if (bare := cues.task_ask_bare().match(said.strip())) is not None and not cues.not_a_task().search(body):
        return _asked(None, cues.named(bare, "task") or "")  # "跟货运平台对接呢？": someone is named next
    if (anyone := cues.open_ask().search(body)) is not None:
        before, after = body[: anyone.start()].strip(" ，,"), body[anyone.end() :].strip(" ，,")
        task = before if HAN.search(body) else ", ".join(p for p in (before, after) if p)
        return _asked(None, task)
    return None


def named_task(said: str, people: set[str]) -> str | None:
    """ "城东客户固定收货窗口，马超你跟一下，两周后给我结果" → "马超，城东客户固定收货窗口，两周后给我结果":
    a task handed to a person at the meeting, named after it, with a date; None for other lines. Each
    sentence is its own task ("Heat plan, the curator owns that, by September. Shade sails, Sunita, by
    September 11.": Sunita's is the second only), joined by "；"."""
    said_apart = [
        s for s in re.split(r"(?<=[。！!])\s*|(?<=[a-z0-9)])\.\s+(?=[A-Z])", said.strip()) if s.strip()
    ]
    if len(said_apart) < 2:
        return _named_task(said, people)
    named = [_named_task(s, people) for s in said_apart]
    if not any(named):
        return None
    return "；".join((n or s).rstrip("。. ") for n, s in zip(named, said_apart, strict=True))


def _named_task(said: str, people: set[str]) -> str | None:
    names = "|".join(re.escape(p) for p in sorted(people, key=len, reverse=True))
    match = re.match(
        rf"^(?P<task>.+?){_BEFORE_PERSON}(?P<person>{names})(?:你|\s+you)?(?P<how>[^,，]{{0,8}})[,，]\s*(?P<when>.+)$",
        said.strip().rstrip("。."),
    )
    if not names or match is None or not has_date(match.group("when")):
        return None
    joiner = "，" if HAN.search(said) else ", "
    how = match.group("how").strip()  # "去跟采购谈" says how; "跟一下", "you own it" only hand it over
    keys = (
        ("person", "task", "how", "when") if len(how) >= 4 and HAN.search(how) else ("person", "task", "when")
    )
    return joiner.join(match.group(k).strip() for k in keys)


def _handed_to_someone_here(said: str, people: set[str]) -> tuple[str | None, str] | None:
    """A task named, then a person at the meeting it is handed to, asked or not: "进苗检测规程，许丽娟你来？",
    "增氧机跳闸报警，小潘你弄。", "自动投饵机先在三口塘试点，廖德胜。" (their answer gives the date)."""
    names = "|".join(re.escape(p) for p in sorted(people, key=len, reverse=True) if p)
    if not names:
        return None
    body = said.strip().rstrip("？?。.! ")
    match = re.match(
        rf"^(?P<task>.+?){_BEFORE_PERSON}(?P<person>{names})\s*[,，]?\s*(?P<rest>(?:你|you)?[^,，]{{0,40}})$",
        body,
    )
    if match is None or has_date(match.group("task")):
        return None
    if has_date(match.group("rest")) and not _QUESTION.search(said):
        return None  # "RF scan routine, Wes, by next Friday.": handed whole, with its date; nothing is asked
    rest = cues.ask_task().sub("", match.group("rest"))
    return _asked(match.group("person"), match.group("task")) if _short(rest) else None


def _named_only(task: str) -> bool:
    """A task only named, no question about it ("welcome emails for the trials", "欢迎邮件"); "the template
    visit, can we do it off the plans" asks something else."""
    return _short(task) and not re.search(r"[,，]", task) and not cues.not_a_task().search(task)


def _short(words: str) -> bool:
    if HAN.search(words):
        return len(re.sub(r"[吗呢吧？?\s]", "", words)) <= 8
    return len(words.split()) <= 6


def _asked(person: str | None, task: str) -> tuple[str | None, str] | None:
    task = re.sub(r"\s{2,}", " ", re.sub(r"[吗呢][？?]?$", "", task.strip(" ？?，,"))).strip(" ，,")
    return (person, task) if task else None


def takes(said: str, agreed: bool, anyone: bool = False) -> bool:
    """The person asked answers with a date and does not decline: "Yes, by the 20th.", "好的，月底前";
    a task asked of anyone is taken in the first person: "我来吧，月底前", "That's mine, by Friday"."""
    if anyone and not (cues.first_person_task().search(said) or cues.self_assign().search(said)):
        return False
    return (agreed or has_date(said)) and has_date(said) and not cues.decline().search(said)


def agreed_task(person: str, task: str, said: str) -> str:
    """The task as the coach reads one: "Ben, take the standby pool, by the 20th"."""
    mention = find_dates(said, ANY_DAY)[0]
    start = said.find(mention.text)
    lead = re.search(r"(?i)(?:\b(?:by|before|until|till|due)\s+|)$", said[:start])
    when = re.sub(r"(?i)^(?:till|until)\b", "by", lead.group(0) if lead else "") + mention.text
    # "Yes, live by end of November": the state the task is to reach by then is part of it
    state = cues.task_state().search(said)
    if state is not None and state.group(0) not in task:
        task = f"{task}{'' if HAN.search(task) else ' '}{state.group(0).strip()}"
    if HAN.search(task):
        return f"{person}，{task}，{when}{'' if re.search(r'前|之前|以前', said[start:]) is None else '前'}"
    return f"{person}, {task}, {when}"


def assigns(said: str) -> bool:
    """A line that gives someone a task: "Ben will…", "Marcus, canary stage…", "小吴负责…"."""
    return bool(
        re.search(r"负责|牵头|来做|自己来|(?i:\bowner\b|\bowns?\b|\bwill\b)", said)
        or re.match(r"^[A-Z][a-z]+,", said)
        or re.match(r"^[\u4e00-\u9fff]{2,3}(?:来|去)", said)
    )


def more_than_a_date(said: str) -> bool:
    """'By March 6, yes.' only agrees to a date already proposed."""
    rest = said
    for mention in find_dates(said, ANY_DAY):
        rest = rest.replace(mention.text, " ")
    rest = re.sub(r"(?i)\b(?:by|before|yes|yeah|ok|sure|fine)\b|[是的好行，,.。!！\s]", "", rest)
    return len(rest) >= 3


def declines(said: str) -> bool:
    return bool(cues.decline().search(said))


def speaker_owns(said: str, speaker: str) -> str:
    """ "I'll add the panel by Friday" → "Chen will add the panel by Friday"; "我来牵头" → "刘建华来牵头"."""
    if (mine := cues.self_assign().search(said)) and has_date(said):
        if mine.start() == 0 and HAN.search(said):  # "我这边跟工厂把对单定下来" → "罗敏负责跟工厂…"
            return f"{speaker}负责{said[mine.end() :].lstrip('，, ')}"
        owner = f"负责人{speaker}" if HAN.search(said) else f"owner {speaker}"
        return said[: mine.start()] + owner + said[mine.end() :]
    match = cues.first_person_task().search(said)
    if match is None or not (has_date(said) or _DATE_OR_OWNER.search(said)):
        return said
    if HAN.search(match.group(0)):
        task, after = _POINTS_BACK.sub("", said[: match.start()].rstrip("，, ")), said[match.end() :]
        if task and (taken := _TAKEN_ON.match(after)):  # "雨季施工方案我来牵头，8月底前"
            return f"{task}，{speaker}负责，{after[taken.end() :]}"
        if not task and match.group(0) in ("我来", "我去") and after.startswith("把"):
            # "我来把规则改一下，下周五前": the task, then who takes it
            return f"{after.lstrip('，, ').rstrip('。. ')}，{speaker}负责"
        return said[: match.start()] + speaker + said[match.start() + 1 :]
    return f"{said[: match.start()]}{speaker} will {said[match.end() :].lstrip()}"


# the one talking, as the new owner of a task handed over: "Give them to me", "交给我"
_TO_ME = re.compile(r"\b(?:to|with) me\b|(?<=[交给])我(?=[吧了，,。]|$)", re.I)


def task_edit(said: str, speaker: str) -> str | None:
    """A line that changes a task already on the list, as its own message, the one talking named: "Give
    them to me" → "Give them to Callum", "And push my first rota review to Monday the 31st", "燃气报警那条撤
    了"; None for other lines."""
    body = said.strip()
    clauses = [edit_cues.edit_lead().sub("", c.strip()) for c in re.split(r"[,，;；.。]\s*", body)]
    if not (edit_cues.delete().search(body) or any(_changes_a_named_task(c) for c in clauses)):
        return None
    return _TO_ME.sub(lambda m: f"{m.group(0)[:-2]}{speaker}" if m.group(0).isascii() else speaker, body)


def _changes_a_named_task(clause: str) -> bool:
    """A clause that changes a task it names ("push my first rota review to Monday the 31st", "give them to
    me", "不给小罗了"); a date alone ("Sure, by May 10") agrees to a task, it changes none."""
    if any(p.search(clause) for p in (*edit_cues.owner_changes(), *edit_cues.edit_taken_from())):
        return True
    dated = (said for p in edit_cues.date_changes() if (said := p.search(clause)))
    return any(said.start() > 0 or "ref" in said.groupdict() for said in dated)
