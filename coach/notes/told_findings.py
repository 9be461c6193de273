"""A finding told in the same breath as its cause: "交车慢，一部分是因为返修车占了工位",
"发货慢：临时工到岗晚了一天", "The test submission was skipped this month because of the holiday rota".
The sentence is a cause, and the words before the reason name what went wrong: both are kept.

The cue phrases are per-language data (coach/notes/words/ `told_finding_end`, `told_reason_lead`,
`missed_practice_label`)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import TypeVar

from coach.notes import beside, cues
from coach.notes.finding_cues import began_finding, headline_finding, says_how_it_went, went_badly
from coach.notes.prose import only_agrees, only_confirms
from coach.notes.segment import Item
from coach.notes.similarity import similarity
from coach.notes.vocabulary import alternation
from coach.notes.wordlists import phrases

K = TypeVar("K", bound=str)

_HEAD_CHARS = 14  # "取镜不准时", "一次修复率低": a finding named in a few words, not a clause of the story
_SAME = 0.25  # a finding already told in other words
# "Orders shipped late because …", "Locum spend ran over due to …": a subject and how it went, then why
_HEAD_WORDS = 5
_EN_HEAD = re.compile(r"^([A-Z][A-Za-z'-]*(?:\s+[A-Za-z'-]+){1,8}?)\s+(?=because\b|due to\b)")
_CJK_HEAD = re.compile(rf"^([^，,：:。；;！!？?]{{2,{_HEAD_CHARS}}})\s*([，,：:])\s*")


def missed_with_reason(text: str) -> str | None:
    """ "The load test … was never run, because the squad was moved": what should have been done and was
    not, told before its reason; None when no reason follows it (a plain 该做没做) or the miss is the
    reason's object ("…一直没做出来的原因")."""
    # "该做没做：…，因为…": the method's own label makes it a shortfall, whatever reason follows
    if not beside.is_missed_practice(text) or phrases("missed_practice_label").search(text):
        return None
    missed = phrases("missed_practice").search(text)
    assert missed is not None
    reason = cues.CAUSE.search(text, missed.end())
    if reason is None:
        return None
    head = text[: reason.start()].strip(" ,，;；")
    return head if len(head) >= 6 else None


def finding_head(text: str) -> str | None:
    """The words naming what went wrong before the reason given for it, or None. English heads ("Detection
    was slow because …") are not read: in postmortems they retell a finding told before in other words."""
    # a root told is the chain's; a question names no finding; "该做没做：…" is a shortfall already
    if cues.ROOT.search(text) or cues.QUESTION.search(text) or phrases("missed_practice_label").search(text):
        return None
    missed = missed_with_reason(text)
    if missed is not None:
        return missed
    m = _CJK_HEAD.match(text)
    if m is not None:
        head, mark = m.group(1).strip(), m.group(2)
        rest = text[m.end() :]
        reported = _reported_by(rest)
        led = (
            mark in "：:"
            or phrases("told_reason_lead", anchored=True).match(rest[reported:]) is not None
            or (reported > 0 and phrases("told_breakdown_lead", anchored=True).match(rest[reported:]) is None)
        )
        ends = re.search(rf"(?:{phrases('told_finding_end').pattern})$", head) is not None
        return head if led and ends and not head.isascii() and went_badly(head) else None
    return None


def _reported_by(rest: str) -> int:
    """How far "魏强说", "邹婷认为是" reach at the start of what follows a finding (0 for none). Narrower than
    `teller_verb`: "周敏的看法是…" after a finding mostly retells one already told in other words."""
    m = re.match(
        rf"^[\u4e00-\u9fff]{{2,4}}?(?:{phrases('reported_speech').pattern})(?:是)?\s*[，,:：]?\s*", rest
    )
    return m.end() if m else 0


def reported_finding(text: str) -> str | None:
    """ "加油等待长，魏强说九条枪只开了七条": a finding named in a few words, then who says why it went so —
    the sentence is the cause, its head the shortfall; "投诉多，邹婷说主要集中在候检" only says where."""
    m = _CJK_HEAD.match(text)
    if m is None or m.group(2) not in "，," or not _reported_by(text[m.end() :]):
        return None
    return finding_head(text)


def opening_head(text: str) -> str | None:
    """ "Orders shipped late because the rejects ate the canning hours": an English paragraph that opens
    with a subject and how it went, then why, names its finding first (mid-paragraph, such heads retell
    one)."""
    en = _EN_HEAD.match(text)
    if en is None or len(en.group(1).split()) > _HEAD_WORDS or cues.ROOT.search(text):
        return None
    head = en.group(1)
    led = phrases("told_reason_lead", anchored=True).match(text[en.end() :]) is not None
    return head if led and re.search(rf"(?:{phrases('told_finding_end').pattern})$", head) else None


def _same_finding(head: str, told: str) -> bool:
    """ "随访率低" was told as "随访率没上去，…": the words it names went wrong already stand in a finding."""
    end = re.search(rf"(?:{phrases('told_finding_end').pattern})$", head)
    core = head[: end.start()].strip() if end else head
    return core in told or told in head or similarity(head, told) >= _SAME


_LISTED_PART_CJK = 10
_LISTED_PART_WORDS = 6


def listed_findings(text: str) -> list[str] | None:
    """ "开胶返修太多，准时出货差得远，合格率也没到。" → its three findings: several findings listed in one
    sentence, each told in a few words that end on how it went; None for a finding told with its detail."""
    body = text.strip().rstrip("。.!！")
    parts = [re.sub(r"^(?i:and)\s+", "", p.strip()) for p in re.split(r"[，,、;；]", body) if p.strip()]
    if len(parts) < 2:
        return None
    end = re.compile(rf"(?:{phrases('told_finding_end').pattern})$", re.I)
    for part in parts:
        short = len(re.findall(r"[\u4e00-\u9fff]", part)) <= _LISTED_PART_CJK
        short = short and len(re.findall(r"[A-Za-z']+", part)) <= _LISTED_PART_WORDS
        # "…，是这次最大的不足": a remark on the finding before names none of its own
        remark = re.match(r"^(?:是|这|那|(?i:is|was|that|it)\b)", part) is not None
        if not short or remark or re.search(r"\d", part) or end.search(part) is None:
            return None
    return parts


# "the recall was slower than our target and the complaint count was six times our limit": two measures,
# each told against its own target, joined by "and" / "而且"
_JOINED = re.compile(r",?\s+and\s+(?=(?:the|our|its|their)\s)|[，,]\s*(?:而且|并且|同时)", re.I)
# "target", "预算": what a figure is told against (per-language data, `measured_against`)
_AGAINST = re.compile(
    r"\b(?:"
    + alternation("measured_against", ("en",))
    + r")s?\b|"
    + alternation("measured_against", ("zh",)),
    re.I,
)
_TOLD_VERB = re.compile(r"\b(?:was|were|is|are|came\s+in|ran|went)\b|[是了]", re.I)


def measured_findings(text: str) -> list[str] | None:
    """Two measures that went wrong told in one sentence, each against its own target or limit: one finding
    each; None for any other sentence."""
    body = text.strip().rstrip("。.!！")
    parts = [p.strip(" ，,") for p in _JOINED.split(body)]
    if len(parts) != 2:
        return None
    told = all(_AGAINST.search(p) and _TOLD_VERB.search(p) for p in parts)
    return parts if told and not cues.ROOT.search(text) else None


def split_told_findings(
    items: list[Item], kinds: list[K], shortfall: K, cause: K
) -> tuple[list[Item], list[K]]:
    """Each cause that names its finding first gives that finding as a shortfall too, unless already told;
    a shortfall that lists several findings in a few words each gives one shortfall for each."""
    out_items: list[Item] = []
    out_kinds: list[K] = []
    told = [item.text for item, kind in zip(items, kinds, strict=True) if kind == shortfall]
    for i, (item, kind) in enumerate(zip(items, kinds, strict=True)):
        listed = (listed_findings(item.text) or measured_findings(item.text)) if kind == shortfall else None
        listed = listed if item.label is None else None
        if listed:
            out_items += [dataclasses.replace(item, text=part) for part in listed]
            out_kinds += [kind] * len(listed)
            continue
        head = None
        if kind == cause and item.part is None:
            head = finding_head(item.text) or (
                opening_head(item.text) if _opens_paragraph(items, i) else None
            )
        if head and not any(_same_finding(head, text) for text in told):
            out_items.append(dataclasses.replace(item, text=head))
            out_kinds.append(shortfall)
            told.append(head)
        out_items.append(item)
        out_kinds.append(kind)
    return out_items, out_kinds


# "金属异物客诉为什么还有这么多？", "为什么退货率这么高？": what the why asks about, and how far it went
_ZH_WHY = re.compile(
    r"^(?:那么?|还有|另外|先问[:：]?)?\s*(?:(?P<before>[^，,。？?]{2,12}?)(?:为什么|为啥|怎么会)|(?:为什么|为啥|怎么会)"
    r"(?P<after>[^，,。？?]{2,12}?))(?:还|又|会|就)?(?:有|是)?(?:这么|那么|这样|如此)"
)
_EN_WHY = re.compile(
    r"^(?:and\s+|so\s+)?why\s+(?:(?:was|were|is|are|did|does|do|has|have|had)\s+(?:there\s+)?"
    r"(?P<name>(?:so|such)\s+.{3,60}?|.{3,60}?\s+(?:so|such)\s+\w+(?:\s+\w+)?)"
    # "Why so many closures?": no verb, and then a count of something named
    r"|(?P<bare>(?:so|such)\s+(?:many|much|few|little|a|an)\s+\w.{2,58}?))\s*[?？]$",
    re.I,
)
# "卫生间为什么排队？" opening a paragraph: what is asked about is said before the why, and nothing else
_ZH_PLAIN_WHY = re.compile(r"^(?P<before>[^，,。？?]{2,12}?)(?:为什么|为啥|怎么会)[^，,。？?]{1,10}[？?]$")
_QUESTION_LEAD = re.compile(r"^(?:那么?|还有|另外|先问[:：]?|and\s+|so\s+)\s*", re.I)


def why_finding(question: str) -> str | None:
    """ "Why were there so many crew delays?" → "so many crew delays", "退货率为什么这么高？" → "退货率": a
    why-question that names what went badly (said with 这么/so); None for "为什么会这样？", "Why did that
    happen?" (they point back) and for a success asked about ("为什么做得这么好？")."""
    text = question.strip()
    if not cues.QUESTION.search(text) or cues.HIGHLIGHT.search(
        re.sub(r"这么|那么|\bso\b|\bsuch\b", "", text)
    ):
        return None
    m = _ZH_WHY.match(text)
    name = (m.group("before") or m.group("after")) if m else None
    if m is None:
        en = _EN_WHY.match(text)
        name = (en.group("name") or en.group("bare")) if en else None
    if not name:
        return None
    name = name.strip(" ，,")
    if re.search(r"\b(?:well|good|great|better|fast|quick(?:ly)?|smooth(?:ly)?)\b", name, re.I):
        return None  # "Why did sign-ups go so well?" asks about a success
    if phrases("question_back_reference", anchored=True).match(name):
        return None  # "这个为什么这么慢？", "Why was it so slow?": it points back, it names nothing
    return name


def opening_why_finding(question: str) -> str | None:
    """ "卫生间为什么排队？" asked to open a paragraph: the paragraph is the drill-down of what it names
    before the why, said with or without 这么; None for a why that names nothing ("为什么会这样？")."""
    named = why_finding(question)
    if named is not None:
        return named
    m = _ZH_PLAIN_WHY.match(question.strip())
    if m is None or cues.HIGHLIGHT.search(question):
        return None
    name = m.group("before").strip(" ，,")
    if phrases("question_back_reference", anchored=True).match(name):
        return None  # "这个为什么没人管？" points back
    return name


def asked_words(question: str) -> str:
    """The words of a why-question as the shortfall it names: "货损为什么这么高？" → "货损为什么这么高"."""
    return _QUESTION_LEAD.sub("", question.strip()).rstrip("？? ").strip()


def _opens_paragraph(items: list[Item], i: int) -> bool:
    """The item is the first statement of a prose paragraph (no speaker, nothing before it there)."""
    item = items[i]
    return item.speaker is None and (i == 0 or items[i - 1].para != item.para)


_WHY_SO = re.compile(
    r"^(?:and\s+)?(?:why|how come)\s+so\s+(?P<how>[a-z]+)\s*[?？]$|^(?:为什么|为啥)(?:这么|那么)"
    r"(?P<zh>[\u4e00-\u9fff]{1,2})[？?]$",
    re.I,
)


def _asks_why_so_bad(question: str) -> bool:
    """ "Why so slow?", "为什么这么多？": a why that points back at how something went badly."""
    m = _WHY_SO.match(question.strip())
    how = (m.group("how") or m.group("zh")) if m else None
    return how is not None and re.fullmatch(phrases("finding_end").pattern, how, re.I) is not None


def _topic_said_before(items: list[Item], i: int) -> str | None:
    """ "Lockouts." said alone just before the question asked of item i: the topic the question is about."""
    if i == 0:
        return None
    said = items[i - 1]
    text = said.text.strip()
    bare = len(_WORDS.findall(text)) <= 3 and len(re.findall(r"[\u4e00-\u9fff]", text)) <= 6
    if said.speaker is None or not bare or not re.search(r"[.。]$", text) or cues.SMALL_TALK.search(text):
        return None
    return None if only_agrees(text) or only_confirms(text) else text.rstrip(".。")


_WORDS = re.compile(r"[A-Za-z']+")


def asked_why_findings(
    items: list[Item], kinds: list[K], shortfall: K, cause: K
) -> tuple[list[Item], list[K]]:
    """ "Why were there so many crew delays?" — "Mostly crews going illegal …": the why-question that opens
    the causes names the shortfall they explain; a finding already told is not told twice, and a why asked
    about the sentence just said is a step of the ladder, not a finding."""
    out_items: list[Item] = []
    out_kinds: list[K] = []
    told = [item.text for item, kind in zip(items, kinds, strict=True) if kind == shortfall]
    before = ""
    for i, (item, kind) in enumerate(zip(items, kinds, strict=True)):
        # only a why answered with a cause names a finding: "Why was the coffee so bad?" is small talk
        answered = kinds[i + 1] == cause if i + 1 < len(kinds) else False
        if item.asked and kind == cause:
            question: str | None = item.asked
        elif kind != shortfall and item.speaker and answered:
            question = item.text
        else:
            question = None
        opens = question == item.asked and item.paragraph and _opens_paragraph(items, i)
        name = (opening_why_finding if opens else why_finding)(question) if question else None
        topic = _topic_said_before(items, i) if question and not name and question == item.asked else None
        if topic and _asks_why_so_bad(question or ""):
            name = question = f"{topic}: {asked_words(question or '')}"  # "Lockouts. Why so slow?"
        if name and name in before:
            name = None  # "…平均要等十一二天。为什么要等这么久？": a step down the why-ladder, no new finding
        before = item.text if kind == cause else ""
        if name and not any(_same_finding(name, text) for text in told):
            out_items.append(dataclasses.replace(item, text=asked_words(question or name), asked=None))
            out_kinds.append(shortfall)
            told.append(name)
        if name and question == item.text:
            continue  # the question is no item of its own
        out_items.append(item)
        out_kinds.append(kind)
    return out_items, out_kinds


def weighed_after(
    items: list[Item], kinds: list[K], cause: K, other: K, weighs: Callable[[str], bool]
) -> list[K]:
    """ "We didn't have any monitoring on the connect flow. Honestly that's the big one, I'd put it at two
    thirds.": the statement a speaker weighs right after telling it is the cause weighed."""
    kinds = list(kinds)
    for i in range(1, len(items)):
        item, before = items[i], items[i - 1]
        same_turn = item.speaker == before.speaker and item.line == before.line
        told = kinds[i - 1] == other and not cues.QUESTION.search(before.text) and len(before.text) >= 8
        if kinds[i] == cause and same_turn and told and weighs(item.text):
            kinds[i - 1] = cause
    return kinds


_NOUN_ANSWER = re.compile(
    r"^(?:(?:the|our|a|an)\s+[a-z][\w-]*(?:\s+[\w-]+){0,4}|(?![^。]*[我你他她没不])[\u4e00-\u9fff]{3,8})[.。]?$",
    re.I,
)


def named_before(items: list[Item], kinds: list[K], shortfall: K, other: K) -> tuple[list[Item], list[K]]:
    """ "The winter standby pool. We agreed to add six standby crew and it never got approved.",
    "冬季备勤。十月就说要加人，一直没批下来。": a bare name said first in a turn is what the shortfall told
    right after it is about."""
    items, kinds = list(items), list(kinds)
    for i in range(len(items) - 1):
        item, after = items[i], items[i + 1]
        same_turn = item.speaker is not None and item.speaker == after.speaker and item.line == after.line
        bare = _NOUN_ANSWER.match(item.text.strip()) is not None and not cues.SMALL_TALK.search(item.text)
        bare = bare and not says_how_it_went(item.text)  # "外卖单量差得也多。" is a finding, not a name
        if same_turn and bare and kinds[i] == other and kinds[i + 1] == shortfall:
            name = item.text.strip().rstrip(".。")
            items[i + 1] = dataclasses.replace(after, text=f"{name}: {after.text}")
    return items, kinds


_CHAIN_WITHIN = 2  # the headline is followed at once by the telling of its causes


def headline_findings(
    items: list[Item], kinds: list[K], shortfall: K, cause: K
) -> tuple[list[Item], list[K]]:
    """ "一次修复率低，是今天谈得最多的。现象是…", "The low fills were the story of the month. … They foamed
    because …", "The delays started on 6 July. … They sat there because …": a paragraph that opens by naming
    a miss as what the meeting was most about, or by saying when a bad thing began, and goes on to its
    causes, names that shortfall; a finding already told is not told twice."""
    out_items: list[Item] = []
    out_kinds: list[K] = []
    told = [item.text for item, kind in zip(items, kinds, strict=True) if kind == shortfall]
    for i, (item, kind) in enumerate(zip(items, kinds, strict=True)):
        opens = i == 0 or items[i - 1].line != item.line
        after = range(i + 1, min(i + 1 + _CHAIN_WITHIN, len(items)))
        explained = any(kinds[j] == cause and items[j].line == item.line for j in after)
        opening = opens and kind != shortfall and explained
        head = (headline_finding(item.text) or began_finding(item.text)) if opening else None
        if head and not any(_same_finding(head, text) for text in told):
            out_items.append(dataclasses.replace(item, text=head, asked=None, part=None))
            out_kinds.append(shortfall)
            told.append(head)
        out_items.append(item)
        out_kinds.append(kind)
    return out_items, out_kinds
