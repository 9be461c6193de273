"""Facts given ahead of the question: which kind of finding a sentence is, and a whole cause chain in one
message ("没做好的是续费率，表面上是…，往下看是…，根子上是…，这个大概占七成原因").

People who have thought a problem through say it all at once. The coach files what was said where the
method keeps it (the shortfall, its chain, the main cause and its share) and asks only for what is missing.
The rest of a gap's causes said at once ("剩下三成是原材料涨价") is read in `chain_rest`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from coach.domain.reading import cues
from coach.domain.reading.arrow_ladder import arrow_ladder
from coach.domain.reading.blocks import strip_filler
from coach.domain.reading.finding_cause import read_said_cause
from coach.domain.reading.language import HAN
from coach.domain.reading.meta import is_meta_remark
from coach.engines.rules.chain_filing import same_cause
from coach.engines.rules.share import (
    CauseShare,
    has_share,
    parse_share,
    parse_shares,
    said_as_share,
)
from coach.engines.rules.text import has_words, word_grams

FindingKind = Literal["highlights", "shortfalls"]

# The cue words are the language files' lists named below; the patterns here only set them.


@cache
def _label(kind: FindingKind) -> re.Pattern[str]:
    """The label that opens a finding of a kind: "没做好的是续费率", "The shortfall was renewals"."""
    words = "shortfall_label" if kind == "shortfalls" else "highlight_label"
    return re.compile(rf"^(?:{cues.alternatives(words)})\s*", re.I)


@cache
def _share_words() -> re.Pattern[str]:
    return re.compile(rf"{cues.alternatives('share_words')}|%|％")


@cache
def _share_tail() -> re.Pattern[str]:
    return re.compile(cues.alternatives("share_tail"))


_BULLET = re.compile(r"^(?:[-*·•]|\d{1,2}[.)、])\s*")
_SENTENCE_END = re.compile(r"[；;。!！?？\n]\s*|\.(?!\d)\s*|\s+/\s+")
# "06:00" is a time, no clause; "A -> B" and "A => B" are a step down, as "A → B" is
_CLAUSE = re.compile(r"[，,：→]\s*|:(?!\d{2}\b)\s*|\s*(?:-+>|=>)\s*|\s+-\s+|——\s*|\s+—\s+")
# terse notes step down with ASCII arrows, a comma inside a step ("2019 pattern, not flight schedule")
_STEP = re.compile(r"\s*(?:-+>|=>)\s*|:(?!\d{2}\b)\s*")


@cache
def _cause_word() -> re.Pattern[str]:
    """The words that open a clause as a cause, dropped from it."""
    return re.compile(rf"^(?:{cues.alternatives('cause_word')})\s*", re.I)


@dataclass
class ChainParts:
    """A chain as said: the phenomenon, the surface causes in order, the root, its share when given."""

    phenomenon: str
    surface: list[str] = field(default_factory=list)
    root: str | None = None
    share: float | None = None
    main: bool = False
    marked: int = 0  # layers named by their own words (表面上, 往下看, 根子上), not just listed
    others: list[CauseShare] = field(default_factory=list)  # other causes weighed too ("另外三成是价格")
    beside: list[str] = field(default_factory=list)  # other causes named without a share ("…，这也是一部分")
    points_back: bool = False  # the root is one said before ("就是上面说的计件"): it completes that chain
    topic: str = ""  # the finding named to drill before the ladder ("d7 first.", "挖纠纷吧")


def finding_kind(text: str, asked: FindingKind) -> tuple[FindingKind | None, str]:
    """(the kind a finding is, its text without the label); kind None when the words disagree with the step.

    A label decides ("不足是…", "亮点："); without one, negative words during the highlights (or positive
    ones during the shortfalls) make the kind unsure: the coach asks rather than guessing.
    """
    body = text.strip()
    if match := _label("shortfalls").match(body):
        return "shortfalls", body[match.end() :].strip(" ，,")
    if match := _label("highlights").match(body):
        return "highlights", body[match.end() :].strip(" ，,")
    negative, positive = (
        bool(cues.words_pattern("finding_negative").search(body)),
        bool(cues.words_pattern("finding_positive").search(body)),
    )
    if asked == "highlights" and negative and not positive:
        return None, body
    if asked == "shortfalls" and positive and not negative:
        return None, body
    return asked, body


def read_chain(text: str, topic: str = "", least: int = 2) -> ChainParts | None:
    """A cause chain said in one message, when it names `least` rungs of the ladder and a root.

    The rungs are read by their words (现象, 表因, 往下看, 根因; "the symptom", "root cause"); a clause
    after a cause word ("因为…") is the next rung; "占七成" / "Share: 75%" is the share.
    """
    layers: list[tuple[str, str]] = []  # (rung, words)
    head: list[str] = []
    phenomenon: str | None = None
    share: float | None = None
    share_said = ""  # the clause the share was read from
    others: list[CauseShare] = []
    marked = 0
    pending: str | None = None  # a cue said alone ("根因：…", "On the surface, …"): its words come next
    root_sentence = -1
    phenomenon_sentence = -1  # "现象：A，B。": the sentence's other clauses say more of the phenomenon
    rung_sentence = -1  # the sentence a marked rung opened: its other clauses say more of that rung
    descents = 0  # levels the speaker went down from what they had said: a why they asked, a rung word
    topic_named = ""
    clauses = _clauses(text)
    beside = _beside(clauses)
    for number, clause in clauses:
        if not clause or is_meta_remark(clause.strip(" ？?。.!！")) or number in beside:
            continue
        if (asked := _why_asked(clause)) is not None:
            marked += 1  # "为什么？…", "Why: …", "为什么赶？": what follows is the next level down
            # asked ("为什么？", "为啥这么短，就是…"), not a label ("why:")
            asked_here = not re.search(re.escape(clause) + r"\s*[:：]", text)
            said_before = layers or phenomenon or topic or any(not _speaker_label(h, text) for h in head)
            descents += asked_here and bool(said_before)
            if asked and not layers and not head and phenomenon is None:
                phenomenon = asked  # "why the wrong strength?": the question names what went wrong
            elif head and topic and not layers:
                layers.append(("surface", "，".join(head) if HAN.search(text) else ", ".join(head)))
                head = []  # "装的时候赶时间。为什么赶？" on a finding: what is asked about is its first rung
            pending = "deeper"
            continue
        if not (layers or head or phenomenon) and (dug := _what_to_dig(clause)):
            topic_named = dug  # "d7 first.", "挖纠纷吧": the finding to drill, said before its ladder
            continue
        if phenomenon is None and not layers and (rooted := _root_of(clause)):
            phenomenon, pending, marked = rooted, "root", marked + 2  # "纠纷多的根子我心里有数：…"
            continue
        rung, words = _rung(clause)
        if rung == "root" and not words and (layers or head) and _said_alone(clause, number, clauses):
            rung = (
                "root_after"  # "… -> roster built on the 2019 pattern. Root. ~70%": it names the rung before
            )
        if rung == "root_after":
            marked += 1
            if layers:
                layers[-1] = ("root", layers[-1][1])
            elif head:
                layers.append(("root", head.pop()))
            continue
        if rung == "share":
            share = parse_share(words or clause) if words or _share_words().search(clause) else share
            continue
        if rung is not None:
            marked += 1
            descents += rung == "deeper" and bool(layers or head or phenomenon)
            if rung == "phenomenon":
                phenomenon = words or phenomenon
                pending = None if words else rung
                phenomenon_sentence = number
            elif words:
                layers.append((rung, words))
                pending = None
                root_sentence = number if rung == "root" else root_sentence
                rung_sentence = number
            else:
                pending = rung
            continue
        given = parse_share(clause) if _share_words().search(clause) or has_share(clause) else None
        if given is not None and _amount().search(clause) and not said_as_share(clause):
            given = None  # "内部质检只抽5%", "prices rose 5%": how much of something, not of the gap
        if given is not None and not (layers or head) and number == phenomenon_sentence:
            given = None  # "现象是釉面针孔和变形，占次品的大头": how much of the finding, not a cause's share
        if (
            given is not None
            and (layers or head or phenomenon)
            and (len(clause) <= 25 or said_as_share(clause))
        ):
            named = [said for said in parse_shares(clause) if said.cause]
            if share is None or (not _exact().search(share_said) and _exact().search(clause) and not named):
                share, share_said = given, clause  # "most of it, say 75%": the same share, said exactly
            else:  # a later share weighs another cause ("另外三成是价格"), when it names one
                others += [said for said in parse_shares(clause) if said.cause]
        elif pending == "phenomenon":
            phenomenon, pending = _share_removed(clause), None
            phenomenon_sentence = number
        elif number == phenomenon_sentence and phenomenon and not layers and not _cause_word().match(clause):
            phenomenon = phenomenon + ("，" if HAN.search(clause) else ", ") + _share_removed(clause)
        elif pending is not None:
            layers.append((pending, _share_removed(clause)))
            root_sentence = number if pending == "root" else root_sentence
            rung_sentence, pending = number, None
        elif (
            layers and number == rung_sentence and layers[-1][0] != "root" and not _cause_word().match(clause)
        ):
            joiner = (
                "，" if HAN.search(clause) else ", "
            )  # "Why: the rule is vessel-first, nobody revisited it"
            layers[-1] = (layers[-1][0], layers[-1][1] + joiner + _share_removed(clause))
        elif not layers and _cause_word().match(clause):
            layers.append(("surface", _cause_word().sub("", clause, count=1)))
        elif not layers and phenomenon is None:
            head.append(clause)
        elif layers and layers[-1][0] == "root":
            if number == root_sentence and (more := _share_removed(clause)):
                joiner = "，" if HAN.search(more) else ", "
                layers[-1] = ("root", layers[-1][1] + joiner + more)
            # a remark in a later sentence ("产品线已经在改了") is not a deeper rung
        else:
            layers.append(("deeper", _cause_word().sub("", clause, count=1)))
    roots = [w for k, w in layers if k == "root" and has_words(w)]  # "~" is no root
    if not roots and descents and layers and layers[-1][0] == "deeper":
        # A ladder the speaker goes down from what they said, asking why themselves or by a rung word
        # ("漏单多。为什么？因为提成只看单量"; "表面上是…，往下看是…"), ends where they stop: its last rung
        # is the root, though no word calls it so. A label ("Why: …"), a why that opens the text ("Why does
        # this matter? Because …") or a list of causes goes down nowhere: no root is guessed.
        layers[-1] = ("root", _cause_word().sub("", layers[-1][1], count=1))
        roots, marked = [layers[-1][1]], marked + 1
    if marked < least or not roots:
        # one cue word ("根因就是…，没做…") is an answer for the ladder, not the ladder itself; arrows and no
        # rung word may still draw one
        return _drawn_with_arrows(text, topic) if not marked else None
    root = _without_speaker(roots[-1])
    surface = [_without_speaker(w) for _, w in layers if w and w != roots[-1]]
    joiner = "，" if HAN.search(text) else ", "
    said = phenomenon or joiner.join(head)
    only_root = all(kind == "root" for kind, _ in layers)
    if phenomenon is None and head and only_root and (topic_named or topic) and not _top_with_cause(head[0]):
        # "挖验收没过：实施那边人手不够…。根子是…": the finding named to dig is the phenomenon, what was
        # said before the root its first rung (with a surface rung named, what comes first is the phenomenon)
        said, surface = topic_named or topic, [_without_speaker(joiner.join(head)), *surface]
    if phenomenon is None and len(head) == 1 and (top := _top_with_cause(head[0])) is not None:
        # "first response slipped because mornings are understaffed; underneath that, …": the finding,
        # then its first rung
        said, surface = top[0], [top[1], *surface]
    return ChainParts(
        phenomenon=said or topic,
        surface=surface,
        root=root,
        share=share,
        main=share is not None or bool(cues.words_pattern("main_cause").search(text)),
        marked=marked,
        others=[said for said in others if word_grams(said.cause) and not same_cause(said.cause, root)],
        beside=list(beside.values()),
        points_back=bool(cues.back_reference().search(text)),
        topic=topic_named or topic,
    )


def _drawn_with_arrows(text: str, topic: str) -> ChainParts | None:
    """ "FRT: tickets wait -> nobody triages before 10am -> the rota was dropped. ~70%": the finding named
    before the colon (or the top rung), the rungs below it, the last the root with its share."""
    drawn = arrow_ladder(text)
    if drawn is None:
        return None
    *upper, deepest = drawn.rungs
    share = parse_share(deepest) if has_share(deepest) else None
    # "…when Sam left. ~70%": the share said as a sentence of its own after the root
    said = [part for part in re.split(r"(?<=[.。])\s*", deepest) if part.strip()]
    kept = [part for part in said if not (has_share(part) and not has_words(_share_removed(part)))] or said
    root = _share_removed(" ".join(kept)).strip(" ,，。.~")
    phenomenon = drawn.topic or topic or upper.pop(0)
    return ChainParts(
        phenomenon=phenomenon,
        surface=upper,
        root=root,
        share=share,
        main=share is not None,
        marked=len(drawn.rungs) - 1,
        topic=drawn.topic or topic,
    )


@cache
def _top_link() -> re.Pattern[str]:
    return re.compile(rf"(?:{cues.alternatives('chain_top_cause')})", re.I)


def _top_with_cause(clause: str) -> tuple[str, str] | None:
    """(the finding, its first cause) when a ladder's unlabeled top says both ("X slipped because Y",
    "次日达没完成主要是晚上分拣跟不上"); None when it says one thing."""
    said = read_said_cause(clause)
    if said is None or not _top_link().search(clause[len(said.head) :][:12]):
        return None
    return said.head, said.cause


def _what_to_dig(clause: str) -> str:
    """The finding a clause names to drill ("d7 first", "挖纠纷吧"), "" when it names none."""
    dug = cues.dig().match(clause.strip() + ".")
    return (
        (cues.named(dug, "topic") or "").strip()
        if dug is not None and dug.end() >= len(clause.strip())
        else ""
    )


def _root_of(clause: str) -> str | None:
    """The phenomenon of a clause that says its root comes next ("纠纷多的根子我心里有数"), else None."""
    said = next((m for p in cues.chain_root_of() if (m := p.match(clause.strip()))), None)
    return strip_filler(said.group("phen")).strip() if said else None


def _said_alone(clause: str, number: int, clauses: list[tuple[int, str]]) -> bool:
    """Whether a clause is its sentence's only one: "Root." said after a cause, not "Root: …" before one."""
    return [c for n, c in clauses if n == number and c] == [clause]


_LABEL_NAME = re.compile(r"(?:[A-Z][a-z]+(?: [A-Z][a-z]+)?|[\u4e00-\u9fff]{2,3})")


def _speaker_label(clause: str, text: str) -> bool:
    """Whether a clause is only a name heading a turn ("Anna: why…?", "张伟：为什么…？"): nothing said yet."""
    return bool(_LABEL_NAME.fullmatch(clause)) and bool(
        re.search(rf"(?:^|[\n。.!！?？]\s*){re.escape(clause)}\s*[:：]", text)
    )


def _beside(clauses: list[tuple[int, str]]) -> dict[int, str]:
    """{sentence number: the cause} for sentences that name another cause beside the one drilled
    ("新招的师傅还没培训完就上岗了，这也是一部分", "Turnover was part of it too"): not a deeper rung."""
    found: dict[int, str] = {}
    for number in dict.fromkeys(n for n, _ in clauses):
        said = [c for n, c in clauses if n == number and c]
        cued = [c for c in said if cues.also_a_cause().search(c)]
        if not cued:
            continue
        words = [cues.also_a_cause().sub("", c).strip(" ，,") for c in said]
        cause = ("，" if HAN.search("".join(said)) else ", ").join(w for w in words if has_words(w))
        if cause:
            found[number] = cause
    return found


def _without_speaker(words: str) -> str:
    """A rung without the speaker's aside about themselves: "老板（就是我）…", "the owner (that's me) …"."""
    return re.sub(r"\s{2,}", " ", cues.speaker_aside().sub("", words)).strip()


def ladder_start(sentences: list[str]) -> int | None:
    """Where a why-ladder begins among a finding's sentences ("…特别多。为什么转群后死得多？表面看是…"):
    the first sentence after the first that asks why or names a rung; None when the ladder opens the text.

    "为什么赶？" asks about the sentence before it ("装的时候赶时间") when that one says it: the first rung.
    """
    for number, sentence in enumerate(sentences):
        if number == 0:
            continue
        clauses = [_lead_removed(c) for c in _CLAUSE.split(sentence)]
        asked = next((a for c in clauses if (a := _why_asked(c)) is not None), None)
        if asked is None and not any(_rung(c)[0] for c in clauses):
            continue
        if asked and asked in sentences[number - 1] and number > 1:
            return number - 1
        return number
    return None


def ladder_end(sentences: list[str], start: int, earlier: str = "") -> int:
    """Where the why-ladder that begins at `start` ends: at a sentence that turns to another finding
    ("另外NPS低，…", "Separately, the close was slow", "Visits: the reduced hours", "损耗——玫瑰囤多了");
    a sentence that opens on a finding listed `earlier` ("…, callbacks, …. The callbacks are mostly…") ends
    it too; the end of the text otherwise."""
    asked = False  # "Visits: …" ends only a ladder told by asking why ("Phenomenon: …, Surface: …" is one)
    for number in range(start + 1, len(sentences)):
        said = _BULLET.sub("", sentences[number].strip())
        answers = _asks_why(sentences[number - 1])  # the answer to the why just asked is the next rung
        asked = asked or answers
        moves_on = not answers and (_names_another(said) or _opens_on(said, earlier))
        if cues.another_topic().match(said) or (asked and moves_on) or _next_item(sentences, number):
            return number
    return len(sentences)


_ITEM_NUMBER = re.compile(r"\(?\d{1,2}[.、)）]")


def _next_item(sentences: list[str], number: int) -> bool:
    """A list's next number, then a sentence headed by what it is about ("2." "发货不准时：…"): the item
    before has ended."""
    return (
        _ITEM_NUMBER.fullmatch(sentences[number].strip()) is not None
        and number + 1 < len(sentences)
        and _names_another(sentences[number + 1])
    )


def _opens_on(sentence: str, earlier: str) -> bool:
    """Whether a sentence (no rung, no why, no cause word) opens on a word of the findings said earlier."""
    body = re.sub(rf"^(?:{cues.alternatives('article')})\s+", "", _lead_removed(sentence), flags=re.I)
    if not earlier or _rung(body)[0] or _why_asked(body) is not None or _cause_word().match(body):
        return False
    first = re.match(r"[A-Za-z][A-Za-z-]{3,}|[\u4e00-\u9fff]{2}", body)
    return first is not None and first.group(0).lower() in earlier.lower()


def _asks_why(sentence: str) -> bool:
    return any(_why_asked(_lead_removed(c)) is not None for c in _CLAUSE.split(sentence)) and bool(
        re.search(r"[?？]", sentence)
    )


_NAMED_HEAD = re.compile(r"^(?P<name>[^，,：:。.?？!！]{2,30}?)\s*(?:[：:]|——|—)\s*\S")


def _names_another(sentence: str) -> bool:
    """A sentence headed by what it is about ("Visits: …", "损耗——…"), not by a rung or a why ("Why: …")."""
    head = _NAMED_HEAD.match(sentence)
    if head is None:
        return False
    name = _lead_removed(head.group("name"))
    return _why_asked(name) is None and _rung(name)[0] is None and _rung(sentence)[0] is None


def _clauses(text: str) -> list[tuple[int, str]]:
    """(sentence number, clause) for every clause, so a root can go on to the end of its sentence."""
    out: list[tuple[int, str]] = []
    for number, sentence in enumerate(_SENTENCE_END.split(text)):
        splitter = _STEP if re.search(r"-+>|=>", sentence) else _CLAUSE
        out += [
            (number, _lead_removed(c)) for clause in splitter.split(sentence) for c in _rungs_inside(clause)
        ]
    return out


@cache
def _rung_inside() -> re.Pattern[str]:
    return re.compile(rf"(?<=\S)\s*(?=(?:{cues.alternatives('rung_inside')}))", re.I)


def _rungs_inside(clause: str) -> list[str]:
    """A clause cut where a rung's words start inside it: "GMV没到表面上是客单价低了" is the phenomenon,
    then the surface cause; the words joining them ("because") stay with neither."""
    cuts = [m.start() for m in _rung_inside().finditer(clause) if m.start() >= 2]
    if not cuts:
        return [clause]
    parts = [clause[a:b] for a, b in zip([0, *cuts], [*cuts, len(clause)], strict=True)]
    parts[0] = _JOINING_TAIL.sub("", parts[0])
    return [part for part in parts if strip_filler(part.strip())]


_JOINING_TAIL = re.compile(r"(?:\s*(?:是因为|因为|(?i:\bbecause|\bsince)))?\s*$")


def _why_asked(clause: str) -> str | None:
    """The words a clause asks why about ("为什么赶" → 赶, "why the wrong strength" → the wrong strength),
    "" when it only asks why ("为什么？", "Why:"); None when it asks nothing. The next clause goes a level
    down."""
    body = clause.strip(" ？?。.!！：:")
    if cues.why().fullmatch(body):
        return ""
    asked = cues.why().match(body)
    if asked is None or cues.words_pattern("because").search(body):
        return None  # "why it failed is because …" answers, it does not ask
    rest = body[asked.end() :]
    if rest[:1].isascii() and rest[:1].isalnum():
        return None  # "Whyte", "whys": no question
    return rest.strip()


def _lead_removed(clause: str) -> str:
    """A clause without joining words and a pointer back ("就是刚才说的根因" → "根因")."""
    body = strip_filler(_BULLET.sub("", clause.strip()))
    if (back := cues.back_reference().match(body)) and back.end() < len(body):
        body = body[back.end() :]
    return body


def _rung(clause: str) -> tuple[str | None, str]:
    """(the rung a clause names by its words, the words after them) or (None, clause)."""
    for rung in ("root_after", "phenomenon", "share", "root", "deeper", "surface"):
        if match := cues.rungs()[rung].match(clause):
            words = cues.back_reference().sub("", clause[match.end() :]).strip(" ，,：:")
            return rung, words if rung == "share" else _share_removed(words)
    return None, clause


@cache
def _exact() -> re.Pattern[str]:
    """A share said as a number, not as a word for one ("most of it")."""
    return re.compile(rf"\d|{cues.alternatives('share_exact')}", re.I)


def _share_removed(words: str) -> str:
    """'没有客户成功经理做上线陪跑，大概七成' → the cause only (the share is read separately)."""
    return _share_tail().sub("", words).strip()


@cache
def _amount() -> re.Pattern[str]:
    """A percentage that measures something in a cause ("只抽5%", "rose 12%"), no share of the gap."""
    return re.compile(
        rf"(?:{cues.alternatives('share_amount_before')})\s*(?:\d+(?:\.\d+)?\s*(?:%|％|percent)|一半|大半|小半)",
        re.I,
    )
