"""Facts given ahead of the question: which kind of finding a sentence is, and a whole cause chain in one
message ("没做好的是续费率，表面上是…，往下看是…，根子上是…，这个大概占七成原因").

People who have thought a problem through say it all at once. The coach files what was said where the
method keeps it (the shortfall, its chain, the main cause and its share) and asks only for what is missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from coach.domain.reading import cues
from coach.domain.reading.blocks import strip_filler
from coach.domain.reading.meta import is_meta_remark
from coach.domain.retrospective import CauseChain
from coach.engines.rules.share import CauseShare, has_share, parse_share, parse_shares, said_as_share
from coach.engines.rules.text import word_grams

FindingKind = Literal["highlights", "shortfalls"]

# "没做好的是续费率", "不足是GMV没完成", "The shortfall was renewals", "What went wrong: …"
_SHORTFALL_LABEL = re.compile(
    r"^(?:没做好的?(?:是|：|:)?|做得不好的?(?:是|：|:)?|不足(?:之处)?(?:是|：|:)|问题(?:是|：|:)|短板(?:是|：|:)?"
    r"|没做成的?(?:是|：|:)?|(?i:(?:the )?(?:shortfall|problem|weak spot|miss)(?:\s+was|\s+is|:)"
    r"|what (?:went wrong|didn'?t work)(?:\s+was|\s+is|:)))\s*"
)
_HIGHLIGHT_LABEL = re.compile(
    r"^(?:亮点(?:是|：|:)|做得好的?(?:是|：|:)?|做成的?(?:是|：|:)?|做对的?(?:是|：|:)?"
    r"|(?i:(?:the )?highlight(?:\s+was|\s+is|:)|what (?:went well|worked)(?:\s+was|\s+is|:)))\s*"
)
# words that make a finding a shortfall even without its label
_NEGATIVE = re.compile(
    r"没完成|未完成|没达成|未达成|没做好|没做到|不达标|流失|下滑|下降|滑坡|拖欠|延期|超支|失败|太慢|慢了|太低|偏低|短板|不足"
    r"|(?i:\b(?:missed|fell short|didn'?t|wasn'?t|failed|lost|churn(?:ed)?|slipped|late"
    r"|over budget|too slow)\b)"
)
_POSITIVE = re.compile(
    r"超额|做得好|做得不错|做成|增长|提升了|突破|亮点|表现好"
    r"|(?i:\b(?:exceeded|went well|worked|grew|beat|record)\b)"
)

# a main cause is marked by its words or by a weight
_MAIN = re.compile(r"根子上|归根结底|主要是|主因|七成|八成|九成|(?i:\broot cause\b|\bmostly\b|\bmainly\b)")
_SHARE_WORDS = re.compile(r"占|成|%|％|percent|of it|mostly")
_SHARE_TAIL = re.compile(r"[，,]?\s*(?:这个)?(?:大概|约|差不多)?占?[一二三四五六七八九十\d]+(?:成|%|％).*$")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_BULLET = re.compile(r"^(?:[-*·•]|\d{1,2}[.)、])\s*")
_SENTENCE_END = re.compile(r"[；;。!！?？\n]\s*|\.(?!\d)\s*|\s+/\s+")
_CLAUSE = re.compile(r"[，,：:→]\s*|\s+-\s+|——\s*|\s+—\s+")
_BECAUSE = re.compile(r"因为|由于|(?i:\bbecause\b|\bdue to\b)")
_CAUSE_WORD = re.compile(r"^(?:因为|由于|是因为|(?i:because(?: of)?|due to))\s*")


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


def finding_kind(text: str, asked: FindingKind) -> tuple[FindingKind | None, str]:
    """(the kind a finding is, its text without the label); kind None when the words disagree with the step.

    A label decides ("不足是…", "亮点："); without one, negative words during the highlights (or positive
    ones during the shortfalls) make the kind unsure: the coach asks rather than guessing.
    """
    body = text.strip()
    if match := _SHORTFALL_LABEL.match(body):
        return "shortfalls", body[match.end() :].strip(" ，,")
    if match := _HIGHLIGHT_LABEL.match(body):
        return "highlights", body[match.end() :].strip(" ，,")
    negative, positive = bool(_NEGATIVE.search(body)), bool(_POSITIVE.search(body))
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
    others: list[CauseShare] = []
    marked = 0
    pending: str | None = None  # a cue said alone ("根因：…", "On the surface, …"): its words come next
    root_sentence = -1
    phenomenon_sentence = -1  # "现象：A，B。": the sentence's other clauses say more of the phenomenon
    last_from_why = False  # the last level answers a why asked ("为什么都是大车？当初买车…")
    asked_why = False
    whys = 0
    rung_sentence = -1  # the sentence a marked rung opened: its other clauses say more of that rung
    for number, clause in _clauses(text):
        if not clause or is_meta_remark(clause.strip(" ？?。.!！")):
            continue
        if (asked := _why_asked(clause)) is not None:
            marked += 1  # "为什么？…", "Why: …", "为什么赶？": what follows is the next level down
            if asked and not layers and not head and phenomenon is None:
                phenomenon = asked  # "why the wrong strength?": the question names what went wrong
            pending = "deeper"
            asked_why, whys = True, whys + 1
            continue
        rung, words = _rung(clause)
        if rung == "root_after":
            marked += 1
            if layers:
                layers[-1] = ("root", layers[-1][1])
            elif head:
                layers.append(("root", head.pop()))
            continue
        if rung == "share":
            share = parse_share(words or clause) if words or _SHARE_WORDS.search(clause) else share
            continue
        if rung is not None:
            marked += 1
            if rung == "phenomenon":
                phenomenon = words or phenomenon
                pending = None if words else rung
                phenomenon_sentence = number
            elif words:
                layers.append((rung, words))
                pending, last_from_why = None, False
                root_sentence = number if rung == "root" else root_sentence
                rung_sentence = number
            else:
                pending, asked_why = rung, False
            continue
        given = parse_share(clause) if _SHARE_WORDS.search(clause) or has_share(clause) else None
        if (
            given is not None
            and (layers or head or phenomenon)
            and (len(clause) <= 25 or said_as_share(clause))
        ):
            if share is None:
                share = given
            else:  # a later share weighs another cause ("另外三成是价格"), when it names one
                others += [said for said in parse_shares(clause) if said.cause]
        elif pending == "phenomenon":
            phenomenon, pending = _share_removed(clause), None
            phenomenon_sentence = number
        elif number == phenomenon_sentence and phenomenon and not layers and not _CAUSE_WORD.match(clause):
            phenomenon = phenomenon + ("，" if _HAN.search(clause) else ", ") + _share_removed(clause)
        elif pending is not None:
            last_from_why = asked_why
            layers.append((pending, _share_removed(clause)))
            root_sentence = number if pending == "root" else root_sentence
            rung_sentence, pending = number, None
        elif layers and number == rung_sentence and layers[-1][0] != "root" and not _CAUSE_WORD.match(clause):
            joiner = (
                "，" if _HAN.search(clause) else ", "
            )  # "Why: the rule is vessel-first, nobody revisited it"
            layers[-1] = (layers[-1][0], layers[-1][1] + joiner + _share_removed(clause))
        elif not layers and _CAUSE_WORD.match(clause):
            layers.append(("surface", _CAUSE_WORD.sub("", clause, count=1)))
        elif not layers and phenomenon is None:
            head.append(clause)
        elif layers and layers[-1][0] == "root":
            if number == root_sentence and (more := _share_removed(clause)):
                joiner = "，" if _HAN.search(more) else ", "
                layers[-1] = ("root", layers[-1][1] + joiner + more)
            # a remark in a later sentence ("产品线已经在改了") is not a deeper rung
        else:
            layers.append(("deeper", _CAUSE_WORD.sub("", clause, count=1)))
    answered = whys >= 2 and last_from_why  # the story ends on the answer to its second why
    if (
        (marked >= 3 or answered or (share is not None and marked >= 2))
        and layers
        and layers[-1][0] == "deeper"
    ):
        # the ladder told as a story of whys ("为什么没烘透？…再往下问，其实是…，八成是这个原因"): the
        # level it went down to, weighed or three whys down, is its root, though no word calls it so
        layers[-1] = ("root", layers[-1][1])
    roots = [w for k, w in layers if k == "root" and w]
    if marked < least or not roots:
        return None  # one cue word ("根因就是…，没做…") is an answer for the ladder, not the ladder itself
    root = roots[-1]
    surface = [w for _, w in layers if w and w != root]
    joiner = "，" if _HAN.search(text) else ", "
    return ChainParts(
        phenomenon=phenomenon or joiner.join(head) or topic,
        surface=surface,
        root=root,
        share=share,
        main=share is not None or bool(_MAIN.search(text)),
        marked=marked,
        others=[said for said in others if not _same_cause(said.cause, root)],
    )


def _clauses(text: str) -> list[tuple[int, str]]:
    """(sentence number, clause) for every clause, so a root can go on to the end of its sentence."""
    out: list[tuple[int, str]] = []
    for number, sentence in enumerate(_SENTENCE_END.split(text)):
        out += [(number, _lead_removed(c)) for c in _CLAUSE.split(sentence)]
    return out


def _why_asked(clause: str) -> str | None:
    """The words a clause asks why about ("为什么赶" → 赶, "why the wrong strength" → the wrong strength),
    "" when it only asks why ("为什么？", "Why:"); None when it asks nothing. The next clause goes a level
    down."""
    body = clause.strip(" ？?。.!！：:")
    if cues.why().fullmatch(body):
        return ""
    asked = cues.why().match(body)
    if asked is None or _BECAUSE.search(body):
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


def _share_removed(words: str) -> str:
    """'没有客户成功经理做上线陪跑，大概七成' → the cause only (the share is read separately)."""
    return _SHARE_TAIL.sub("", words).strip()


def _same_cause(said: str, known: str) -> bool:
    """Whether two wordings name one cause: half the words of the shorter are in the other."""
    said_grams, known_grams = word_grams(said), word_grams(known)
    return bool(said_grams and known_grams) and len(said_grams & known_grams) * 2 >= min(
        len(said_grams), len(known_grams)
    )


def file_chain(chains: list[CauseChain], chain: CauseChain) -> CauseChain:
    """Add a chain, or complete the one it repeats ("就是刚才说的根因") rather than filing it twice."""
    for known in chains:
        if _same_cause(chain.root_cause or "", known.root_cause or ""):
            known.share = known.share if chain.share is None else chain.share
            known.surface_cause = known.surface_cause or chain.surface_cause
            if known.phenomenon in ("", "—") or len(known.phenomenon) < len(chain.phenomenon or ""):
                known.phenomenon = chain.phenomenon or known.phenomenon
            return known
    chains.append(chain)
    return chain


def file_shares(chains: list[CauseChain], current: int, shares: list[CauseShare]) -> list[CauseChain] | None:
    """Several shares in one answer ("七成是没有陪跑，另外三成是价格"), each put on the chain its cause names.

    A share naming no cause ("这个七成") is the current chain's; a cause that matches no chain is filed as a
    chain of its own, under the current chain's phenomenon. Returns the chains filed new; None, with nothing
    changed, when the current chain's share cannot be told (no share names it, or two do).
    """
    phenomenon = chains[current].phenomenon
    targets: list[CauseChain | str] = []
    for said in shares:
        known = [c for c in chains if _same_cause(said.cause, c.root_cause or "")]
        targets.append(chains[current] if not said.cause else known[0] if known else said.cause)
    if sum(target is chains[current] for target in targets) != 1:
        return None
    filed: list[CauseChain] = []
    for said, target in zip(shares, targets, strict=True):
        if isinstance(target, str):
            target = file_chain(chains, CauseChain(phenomenon=phenomenon, root_cause=target))
            filed.append(target)
        target.share = said.share
    return filed
