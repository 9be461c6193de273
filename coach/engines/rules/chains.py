"""Facts given ahead of the question: which kind of finding a sentence is, and a whole cause chain in one
message ("没做好的是续费率，表面上是…，往下看是…，根子上是…，这个大概占七成原因").

People who have thought a problem through say it all at once. The coach files what was said where the
method keeps it (the shortfall, its chain, the main cause and its share) and asks only for what is missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from coach.engines.rules.share import parse_share

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

_SURFACE = re.compile(
    r"(?:表面上(?:看)?(?:是|来看是?)?|表面原因(?:是)?|直接原因(?:是)?"
    r"|(?i:on the surface,?(?:\s+it(?:'s| was| is))?|the (?:surface|immediate) cause (?:is|was)))\s*"
)
_DEEPER = re.compile(
    r"(?:往下看(?:是)?|再往下(?:看)?(?:是)?|深一层(?:是)?|背后(?:是)?|更深(?:一层)?(?:是)?"
    r"|(?i:underneath(?: that)?,?(?:\s+it(?:'s| was| is))?|(?:one level )?deeper,?(?:\s+it(?:'s| was| is))?"
    r"|below that,?(?:\s+it(?:'s| was| is))?))\s*"
)
_ROOT = re.compile(
    r"(?:(?:根子上|根本上|根因|根本原因|归根结底|说到底|本质上)(?:就是|是|在于)?"
    r"|(?i:at (?:the )?root,?(?:\s+it(?:'s| was| is))?|the root cause (?:is|was)|root cause:"
    r"|fundamentally,?))\s*"
)
# a main cause is marked by its words or by a weight
_MAIN = re.compile(r"根子上|归根结底|主要是|主因|七成|八成|九成|(?i:\broot cause\b|\bmostly\b|\bmainly\b)")
_SHARE_WORDS = re.compile(r"占|成|%|％|percent|of it|mostly")
_SHARE_TAIL = re.compile(r"[，,]?\s*(?:这个)?(?:大概|约|差不多)?占?[一二三四五六七八九十\d]+(?:成|%|％).*$")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_CLAUSE = re.compile(r"[，,；;。!！]\s*|\.(?!\d)\s*")
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


def read_chain(text: str) -> ChainParts | None:
    """A cause chain said in one message, when it names a surface cause or a root and the next layer."""
    layers: list[tuple[str, str]] = []  # (layer, words)
    head: list[str] = []
    share: float | None = None
    marked = 0
    pending: str | None = None  # a cue said alone ("On the surface, …"): its words are the next clause
    for clause in (c.strip() for c in _CLAUSE.split(text)):
        if not clause:
            continue
        for kind, pattern in (("root", _ROOT), ("deeper", _DEEPER), ("surface", _SURFACE)):
            if match := pattern.match(clause):
                words = _share_removed(clause[match.end() :])
                marked += 1
                if words:
                    layers.append((kind, words))
                pending = None if words else kind
                break
        else:
            given = parse_share(clause) if _SHARE_WORDS.search(clause) else None
            if given is not None and (layers or head):
                share = given
            elif pending is not None:
                layers.append((pending, _share_removed(clause)))
                pending = None
            elif not layers and _CAUSE_WORD.match(clause):
                layers.append(("surface", _CAUSE_WORD.sub("", clause, count=1)))
            elif not layers:
                head.append(clause)
            else:
                layers.append(("deeper", clause))
    roots = [w for k, w in layers if k == "root"]
    if marked < 2 or not roots:
        return None  # one cue word ("根因就是…，没做…") is an answer for the ladder, not the ladder itself
    root = roots[-1] if roots else layers[-1][1]
    surface = [w for _, w in layers if w != root]
    return ChainParts(
        phenomenon=("，" if _HAN.search(text) else ", ").join(head),
        surface=surface,
        root=root,
        share=share,
        main=share is not None or bool(_MAIN.search(text)),
        marked=marked,
    )


def _share_removed(words: str) -> str:
    """'没有客户成功经理做上线陪跑，大概七成' → the cause only (the share is read separately)."""
    return _SHARE_TAIL.sub("", words).strip()
