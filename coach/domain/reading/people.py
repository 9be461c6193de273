"""Reflections read from one message: who speaks (themself or relayed) and the answers to the four questions.

"我是周敏。最触动是…；发现…；重来会…；下一步…", "客房部陈刚说：最触动是…", "Tom, our data manager,
says: most moved by…; he found…", several people one after another. Each answer is filed under the
question whose words open it; a person's role ("销售总监", "regional ops manager") answers nothing; a
question said to be left out ("重来那条她没说", "she'd rather not answer the do-better one") is skipped.
This is the one reader of reflections: the coach's reflection step and its filing of facts said out of
turn both read here (read_reflections, read_person), and the words are the language files'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from coach.domain.reading import cues
from coach.domain.reading.blocks import sentences, strip_filler

QUESTIONS = ("most_touched", "self_discovery", "do_better", "next_step")
# "I'm Karin Vogt, plant manager.": an English first and last name is one name, when a stop or comma ends it
_NAME = re.compile(
    r"^(?P<name>[A-Z][a-z]+ [A-Z][a-z]+(?=\s*[，,。.:：;；]|\s*$)|[^\s，,。.:：;；!！?？]{1,20}|[A-Z][a-z]+)"
    r"\s*[，,。.:：;；]?\s*"
)
_NAMED_LEAD = re.compile(r"^(?P<name>[A-Z][a-z]{1,15}|[\u4e00-\u9fff]{2,3})\s*(?:[-—–:：]|\s-\s)\s*")
_APPOSED_NAME = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,3})(?:[。.，,；;]\s*|$)")
_SHARE_ONLY = re.compile(
    r"^(?:say|put it at|guess)?\s*(?:about|around|~)?\s*\d+(?:\.\d+)?\s*(?:%|percent)", re.I
)
# a bare name, when the coach asks whose reflection is next: "李娜", "Tom Avery"
_BARE_NAME = re.compile(r"[\u4e00-\u9fff]{1,4}|[A-Za-z][A-Za-z'-]*(?: [A-Za-z][A-Za-z'-]*)?")
_A_NAME = re.compile(r"[\u4e00-\u9fff]{2,3}|[A-Z][a-z]+(?: [A-Z][a-z]+)?")
_NAME_AND_ROLE = re.compile(r"^(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\s*,\s*(?P<role>[^,:]{2,40})$")
_FULL_IN_BRACKETS = re.compile(r"[（(](?P<name>[\u4e00-\u9fff]{2,4}|[A-Z][a-z]+ [A-Z][a-z]+)[)）]\s*$")
_PRONOUNS = {"我", "你", "他", "她", "我们", "i", "me", "we", "here", "going"}


@dataclass
class SaidReflection:
    """One person's reflection as said: the name when given, and the answers by question."""

    person: str | None = None
    answers: dict[str, str] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)  # questions named but left out ("重来那条她没说")


def _person(sentence: str) -> tuple[str | None, str]:
    """(the person a sentence introduces, the rest of it); (None, sentence) when it introduces nobody."""
    body = strip_filler(sentence)
    if header := cues.heads()["reflection"].match(body):
        body = strip_filler(body[header.end() :])
    body = _after_a_lead_in(body) if cues.self_bracketed().match(_after_a_lead_in(body)) else body
    if (bracketed := cues.self_bracketed().match(body)) and (
        name := _name_in_brackets(bracketed.group("inner") or bracketed.group("intro"))
    ):
        return name, body[bracketed.end() :]
    if match := cues.relay().match(body):
        name = cues.named(match, "name") or ""
        name = cues.role_prefix().sub("", name) or name
        name = cues.role_before_name().sub("", name)
        if in_brackets := _FULL_IN_BRACKETS.search(name):  # "调度的小韩（韩冬梅）说：": the name in full
            name = in_brackets.group("name")
        if name.isascii() and name.islower():
            name = name.title()  # "mei wants hers in too:": a name typed in lower case
        rest = body[match.end() :]
        # "李娜的：她最触动的是…" names a person only when an answer follows; "应该做没做的：…" does not
        possessive = match.group(0).rstrip(" ：:").endswith("的")
        speaker = not re.match(r"[我你他她咱大]", name)  # "反思我先说：" is the user, not a relayed name
        if speaker and _is_name(name) and (not possessive or _answer_cue(rest) is not None):
            return name, rest
    labelled = _answer_cue(body) is not None  # a question's label ("Better: I'd …") names nobody
    # a list of people: "Sam - most moved: …", also after their role ("莫干山店长小吴：最触动的是…")
    for lead in (body, cues.role_prefix().sub("", body, count=1)):
        named_lead = _NAMED_LEAD.match(lead)
        if (
            named_lead
            and not labelled
            and _is_name(named_lead.group("name"))
            and (_answer_cue(lead[named_lead.end() :]) is not None or _passes(lead[named_lead.end() :]))
        ):
            return named_lead.group("name"), lead[named_lead.end() :]
    if (match := cues.named_lead().match(body)) and not labelled and _hands_over(body[match.end() :]):
        name = cues.named(match, "name") or ""
        name = cues.role_prefix().sub("", name) or name
        if _is_name(name) and not re.match(r"[我你他她咱大]", name):
            return name, body[match.end() :].lstrip(" ，,:：")
    if match := cues.relayed_lead().match(body):
        rest = body[match.end() :]
        relayed = cues.named(match, "name")
        if (not rest.strip() or _hands_over(rest)) and relayed and _is_name(relayed):  # their answers follow
            return relayed, rest
    if (apposed := _NAME_AND_ROLE.match(body)) and cues.role_said().match(
        apposed.group("role").strip(" .。")
    ):
        return apposed.group("name"), ""  # "Aoife, shelter manager.": a name and a role, alone
    body = _after_a_lead_in(body)  # "反思就我一个吧，我是片区经理韩冬。", "OK, quick one, I'm Gareth."
    if match := cues.self_intro().match(body):
        rest = body[match.end() :]
        if named := _NAME.match(rest):
            name = named.group("name")
            stripped = cues.role_prefix().sub("", name)
            bare = stripped or name
            if _is_name(bare) and not _answer_cue(rest):
                after = rest[named.end() :]
                if stripped != name and (apposed := _APPOSED_NAME.match(after)):
                    # "我是住院部的刘医生，刘思远。": the name after the role
                    token = apposed.group("name")
                    if not cues.role_prefix().fullmatch(token):
                        return token, after[apposed.end() :]
                return bare.strip(), after
    return None, body


def introduced_self(text: str) -> str | None:
    """The person who says who they are, in any clause of a message ("…，做月度复盘，我是车间主任葛文斌。",
    "Hi all, I'm Conor Walsh, yard manager", "Hi, Hannah Vogel here, …"), or who signs a sentence with
    their full name and role ("Dana Kerr, GM.", "邵立新，车间主任。"); None when no one does."""
    if (opened := _OPENS_SIGNED.match(text.strip())) and cues.role_said().match(
        _ROLE_PLACE.sub("", opened["role"].strip())
    ):
        return opened["name"] or opened["han"]  # "Gemma Thornton, head of ops at Loftwell, we run…"
    for sentence in re.split(r"[。！!？?\n]\s*|\.(?:\s+|$)", text):
        if (signed := _SIGNED.fullmatch(sentence.strip())) and cues.role_said().match(signed["role"]):
            return signed["name"] or signed["han"]
    for clause in re.split(r"[，,。；;！!？?\n]\s*|\.\s+", text):
        if here := _NAME_HERE.fullmatch(clause.strip()):
            return here.group("name")
        body = strip_filler(clause.strip())
        if cues.self_intro().match(body) and not _answer_cue(body):
            name, _ = _person(body)
            if name and _LOOKS_LIKE_A_NAME.fullmatch(name) and not cues.role_prefix().fullmatch(name):
                return name
    return None


# a sentence that is only a full name and a role: "Dana Kerr, GM", "邵立新，车间主任"
_SIGNED = re.compile(
    r"(?:(?P<name>[A-Z][a-z]+ [A-Z][a-z'’-]+)|(?P<han>[\u4e00-\u9fff]{2,3}))"
    r"\s*[,，]\s*(?P<role>[^,，:：]{2,30})"
)
# a message that opens with a full name and a role: "Dev Malhotra, residence manager at Harcourt, …"
_OPENS_SIGNED = re.compile(
    r"(?:(?P<name>[A-Z][a-z]+ [A-Z][a-z'’-]+)|(?P<han>[\u4e00-\u9fff]{2,3}))"
    r"\s*[,，]\s*(?P<role>[^,，.。;；:：]{2,60})"
)
_ROLE_PLACE = re.compile(r"\s+(?:at|for|of|in)\s+(?-i:[A-Z]).*$")  # "… at Harcourt Residences"
# "Hannah Vogel here": the one typing, named in full
_NAME_HERE = re.compile(r"(?:(?i:hi|hello|hey)\s+)?(?P<name>[A-Z][a-z]+ [A-Z][a-z'’-]+) here")


# a person's name, not the words after "我是" / "I'm" in "我是说…", "我是想改…", "I'm calmer than I thought"
_LOOKS_LIKE_A_NAME = re.compile(
    r"(?![说想要在觉那这不也就是会能怕])[\u4e00-\u9fff]{2,4}|[A-Z][a-z]+(?: [A-Z][a-z'’-]+)?"
)


def _after_a_lead_in(body: str) -> str:
    """The sentence from a self-introduction said after a short lead-in clause that answers nothing; the
    sentence itself otherwise."""
    for lead in re.finditer(r"[，,]\s*", body[:48]):
        after = body[lead.end() :]
        # a self-introduction after a short lead-in; the speaker in brackets after a longer one ("we skipped
        # reflections in the room, me (Dana) adding mine: …")
        intro = (lead.start() < 20 and cues.self_intro().match(after)) or cues.self_bracketed().match(after)
        if intro and _answer_cue(body[: lead.start()]) is None:
            return after
    return body


def read_person(text: str) -> tuple[str | None, str]:
    """Who a message introduces when asked whose reflection is next, and what follows: "我是王磊，销售总监"
    → ("王磊", ""), "下一个是张三" → ("张三", ""), "李娜" → ("李娜", ""), "Tom, our data manager, says: most
    moved by…" → ("Tom", "most moved by…"); (None, text) when it names no one. A role after the name
    introduces the person and answers nothing."""
    body = text.strip()
    name, rest = _person(body)
    if (
        name is None
        and (lead := cues.next_person().match(body))
        and (named := _NAME.match(body[lead.end() :]))
    ) and _is_name(named.group("name")):
        name, rest = named.group("name"), body[lead.end() + named.end() :]
    if name is None:
        bare = body.strip(" ,.!?，。！？")
        if _BARE_NAME.fullmatch(bare) and len(bare) <= 20 and _is_name(bare):
            return bare, ""
        return None, body
    rest = rest.strip()
    return name.strip(), "" if cues.role_said().match(rest.strip(" 。.")) else rest


def _name_in_brackets(said: str) -> str | None:
    """The name among the words in brackets after "我" / "me": "小林，林晓燕，场里的兽医" → "林晓燕" (the
    fullest), "运营总监白露" → "白露", "Nadia, duty manager" → "Nadia"; None when none is a name."""
    names = []
    for part in re.split(r"[，,、;；]\s*", said):
        bare = cues.role_prefix().sub("", cues.self_intro().sub("", part.strip()))
        bare = cues.role_before_name().sub("", bare)
        if _A_NAME.fullmatch(bare) and _is_name(bare):
            names.append(bare)
    return max(names, key=len, default=None)


def _is_name(said: str) -> bool:
    """Not a pronoun where a name would be: "反思我说我的：…" is the user speaking, no one named "我的"; nor
    "先是我：…", the one speaking again: no Chinese name holds 我, 你, 他 or 她."""
    if re.fullmatch(r"[a-z]+ing", said):
        return False  # "I'm adding mine": a verb after "I'm", no name
    return said.lower() not in _PRONOUNS and not re.match(
        r"[我你他她咱]|(?:my|mine|his|her|hers|our|ours)\b|[\u4e00-\u9fff]*[我你他她]", said, re.I
    )


def _hands_over(rest: str) -> bool:
    """The words after a named lead: an answer by its own words, or the questions the person left out."""
    body = rest.lstrip(" ，,:：")
    return _answer_cue(body) is not None or bool(cues.skipped().match(body))


_DASH_LEAD = re.compile(r"^[\s:：]*[-–—]+(?!\d)")


def _answer_cue(text: str) -> tuple[str, str] | None:
    """(question, answer) when the text opens with a question's own words."""
    body = strip_filler(text).lstrip('“「『"')  # answers typed by the person, quoted: "“最触动的是…"
    for key, pattern in cues.reflection_cues().items():
        if (match := pattern.match(body)) and match.end() > 0:
            # a dash may part the question's words from the answer, as a colon does: "learned - I hoard …"
            answer = _DASH_LEAD.sub("", body[match.end() :]).strip(" ，,:：。.；;")
            if not re.search(r"[“「『]", answer):
                answer = answer.rstrip('”」』"').rstrip(" ，,。.；;")  # the quote's end, not the answer's
            if _SHARE_ONLY.match(answer):
                return None  # "I'd say 75%" weighs a cause, it answers no reflection question
            return key, answer
    return None


def _left_out(answer: str) -> bool:
    """The words after a question's own are only a remark that it is left out: "重来那条她没说",
    "skip that one", "she'd rather not answer the do-better one". Only the first clause is weighed, and only
    when nothing is in it but the skip words and words pointing at the question; so "客户没说实话" or "ask
    what customers didn't say" is an answer."""
    first = re.split(r"[，,;；。.!！?？]", answer.strip(), maxsplit=1)[0]
    if not cues.skipped().search(first):
        return False
    rest = cues.skipped_pointers().sub(" ", cues.skipped().sub(" ", first))
    return not re.search(r"[A-Za-z0-9\u4e00-\u9fff]", rest)


def _clauses(sentence: str, answered_later: set[str] | None = None) -> list[str]:
    """A sentence, cut before every answer cue that follows a comma ("孙丽，最触动的是…"); not before the
    words of a question a later sentence opens with ("最触动：…，发现别人都退了…。发现自己：…"): there they
    are words of this answer."""
    pieces = re.split(r"([，,：:]\s*)", sentence)
    out: list[str] = [pieces[0]]
    for separator, part in zip(pieces[1::2], pieces[2::2], strict=False):
        label = _answer_cue(out[-1])
        after_label = label is not None and not label[1] and separator.strip() in ("：", ":")
        cue = _answer_cue(part)
        # "做得更好：发现虾不吃料就该…" answers 做得更好
        if cue is None or cue[0] in (answered_later or set()) or after_label:
            out[-1] += separator + part
        else:
            out.append(part)
    return out


def read_reflections(text: str) -> list[SaidReflection]:
    """Every person's answers in the message, in order; [] when it answers no reflection question."""
    said: list[SaidReflection] = []
    current: SaidReflection | None = None
    # an answer may name two things with a slash ("把培训 / 上线陪跑提前做"): a slash parts no sentences here
    said_by = _go_aheads([_person(sentence) for sentence in sentences(text, slashes=False)])
    for number, (name, rest) in enumerate(said_by):
        if name is not None:
            current = SaidReflection(person=name)
            said.append(current)
            if _passes(rest):  # "Ben: skip", "老王：不说了": every question left out
                current.skipped = list(QUESTIONS)
                continue
        for clause in _clauses(rest, _opened_later(said_by[number + 1 :])):
            cue = _answer_cue(clause)
            if cue is None:
                # a sentence after an answer that names no question is left out, not joined to the answer:
                # it is as often the next question's answer in other words ("我应该早点…") or a remark
                # ("做得更好那个他没说") as more of the same answer
                continue
            key, answer = cue
            if current is None:
                current = SaidReflection()
                said.append(current)
            if answer and not _left_out(answer) and key not in current.answers:
                current.answers[key] = answer
            elif key not in current.answers and key not in current.skipped:
                current.skipped.append(key)
    return [s for s in said if s.answers or s.person or s.skipped]


def _go_aheads(said_by: list[tuple[str | None, str]]) -> list[tuple[str | None, str]]:
    """ "苗青：行。我自己：最触动的是…", "Raj: OK. Most moved…": a speaker's line that only agrees to go names
    the one whose answers the next sentence opens."""
    go_ahead = re.compile(rf"(?:{cues.alternatives('go_ahead')})[\s.。!！]*", re.I)
    out = list(said_by)
    for number, (name, rest) in enumerate(said_by[:-1]):
        lead = _NAMED_LEAD.match(rest) if name is None else None
        then = said_by[number + 1]
        answers = then[0] is None and any(_answer_cue(c) for c in _clauses(then[1]))
        if lead and _is_name(lead["name"]) and answers and go_ahead.fullmatch(rest[lead.end() :]):
            out[number] = (lead["name"], "")
    return out


def _opened_later(said_by: list[tuple[str | None, str]]) -> set[str]:
    """The questions the sentences after this one open with, up to the next person named."""
    opened: set[str] = set()
    for name, rest in said_by:
        if name is not None:
            break
        if cue := _answer_cue(rest):
            opened.add(cue[0])
    return opened


def _passes(rest: str) -> bool:
    """A person's whole turn that only passes ("skip", "pass", "跳过"), or that opens by declining
    ("我就不说了，今天嗓子不行，下次补": what follows is why, no answer)."""
    body = rest.strip(" \t,，:：.。!！")
    first = re.split(r"[，,;；。.!！?？]", body, maxsplit=1)[0].strip()
    decline = cues.reflection_decline().search(
        first
    )  # the whole first clause: "I'd rather not", "我就不说了"
    declined = (
        decline is not None and decline.end() == len(first) and _answer_cue(first[: decline.start()]) is None
    )
    return bool(body) and (
        declined or bool(re.fullmatch(rf"(?:{cues.alternatives('reflection_blank')})", body, re.I))
    )


def in_full(name: str | None, known: set[str]) -> str | None:
    """The one full name of this review a short name stands for: "Kofi" → "Kofi Mensah" (the first name),
    "老廖" / "小潘" → "廖德胜" / "潘一鸣" (老 or 小 before the surname), "一鸣" → "龙一鸣" (the given
    name); the name as said when none or several do."""
    if not name:
        return name
    if name.isascii() and " " not in name.strip():
        full = {k for k in known if k.lower().startswith(f"{name.strip().lower()} ")}
    elif re.fullmatch(r"[老小][\u4e00-\u9fff]", name):
        full = {k for k in known if re.fullmatch(rf"{name[1]}[\u4e00-\u9fff]{{1,2}}", k)}
        # "小满" → "田小满": a given name that begins with 小, when no surname 满 fits
        full = full or {k for k in known if re.fullmatch(rf"[\u4e00-\u9fff]{re.escape(name)}", k)}
    elif re.fullmatch(r"[\u4e00-\u9fff]{2}", name):
        full = {
            k for k in known if re.fullmatch(rf"[\u4e00-\u9fff]{re.escape(name)}", k)
        }  # "一鸣" → "龙一鸣"
    else:
        return name
    return full.pop() if len(full) == 1 else name


def is_reflection_done(text: str) -> bool:
    """ "反思就这些" / "That's all the reflections"."""
    return bool(cues.reflection_done().search(text or ""))


def skips_reflection(text: str) -> bool:
    """ "反思跳过", "skip reflection", "We didn't do personal reflections"."""
    return bool(cues.reflection_skip().search(text or ""))


def declines(text: str) -> bool:
    """ "Grace is only listening today", "老张旁听", "冉小兵说他不写了": a person who takes no part (no
    answer, no task)."""
    said = text or ""
    return bool(cues.decline().search(said) or cues.reflection_decline().search(said)) and not any(
        p.answers for p in read_reflections(said)
    )
