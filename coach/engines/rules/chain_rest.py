"""The rest of a gap's causes said in one message: "剩下三成是原材料涨价", "The rest is the migration… 30%",
"补正多是另一个原因，…，因为清单不统一": the finding it is the rest of, its causes, and their share."""

from __future__ import annotations

import re
from functools import cache

from coach.domain.critique import is_external
from coach.domain.reading import cues
from coach.domain.reading.blocks import sentences, strip_filler
from coach.domain.reading.language import HAN
from coach.domain.reading.meta import is_meta_remark
from coach.engines.rules.chains import ChainParts
from coach.engines.rules.share import CauseShare, only_glue, parse_share, without_share
from coach.engines.rules.text import has_words, split_cause


@cache
def _rest_lead() -> re.Pattern[str]:
    """The words that open the rest of a gap's causes ("剩下的：", "The rest is"), dropped before it."""
    return re.compile(rf"^(?:{cues.alternatives('rest_lead')})\s*[：:，,]?\s*", re.I)


@cache
def _share_in_clause() -> re.Pattern[str]:
    """A share said in a clause of the rest, with its words ("大概三成左右是", "about 30 percent")."""
    approx, tenths = cues.alternatives("share_approx"), cues.alternatives("share_tenths")
    percent = cues.alternatives("share_percent")
    hedge, copula = cues.alternatives("share_hedge_after"), cues.alternatives("share_copula_after")
    number = rf"(?:{tenths}|\d+(?:\.\d+)?\s*(?:%|％|{percent}))"
    return re.compile(rf"(?:{approx}|~)?\s*{number}(?:{hedge})?(?:{copula})?", re.I)


def _remark() -> re.Pattern[str]:
    """A remark after the cause ("产品线已经在改了", "already scheduled…"): no rung of its own."""
    return cues.words_pattern("remark_after_cause")


@cache
def _cause_lead() -> re.Pattern[str]:
    """The words that open a cause in the rest of a gap ("是因为", "because of"), dropped from it."""
    return re.compile(rf"^(?:{cues.alternatives('cause_lead')})\s*", re.I)


def read_rest(text: str) -> ChainParts | None:
    """'剩下三成是原材料涨价', 'The rest is the migration… 30%', '补正多是另一个原因，…，因为清单不统一'."""
    text = before_turning_away(text)
    share = parse_share(text)
    body = strip_filler(_rest_lead().sub("", cues.rest().sub("", text.strip(), count=1), count=1))
    # "还有一个是…" once its 还有 is gone
    body = re.sub(rf"^(?:{cues.alternatives('rest_one_is')})", "", body)
    pieces = re.split(r"[，,：:；;。]\s*|(?<=[A-Za-z)])\.\s+", body)
    if (listed := _listed_rest(pieces, share)) is not None:
        return listed
    clauses = [_share_in_clause().sub("", c, count=1).strip(" 。.") for c in pieces]
    clauses = [c for c in clauses if has_words(c) and has_words(without_share(c)) and not _estimate_only(c)]
    clauses = [c for c in clauses if not only_glue(c)]  # "这个占延期的": what the share is of
    clauses = _details_kept_with_their_clause(clauses)
    if not clauses:
        return None
    head = cues.words_pattern("another_cause").split(clauses[0])
    if len(head) == 1 and len(clauses) > 1 and (said := split_cause(clauses[0]))[1]:
        head = [said[0], said[1] or ""]  # "托班少是因为周边新开了普惠托育，…": the finding, then its cause
        clauses = [clauses[0], said[1] or "", *clauses[1:]]
    phenomenon = head[0].strip() if len(head) > 1 else ""
    causes = [_cause_lead().sub("", c) for c in (clauses[1:] if len(head) > 1 else clauses)]
    causes = [c for c in causes if has_words(c) and not _remark().search(c) and not _outside(c)]
    if not causes:
        return None
    return ChainParts(phenomenon=phenomenon, surface=causes[:-1], root=causes[-1], share=share)


def before_turning_away(text: str) -> str:
    """The rest without the sentences from one that opens by leaving a finding undug ("剩下一成是…。
    气耗就不挖了，废瓶回炉多了自然就超", "The rest is …. Noise I'm not drilling, …"): that is another
    finding's."""
    said = sentences(text)
    for number, sentence in enumerate(said[1:], 1):
        first = re.split(r"[，,；;:：]", strip_filler(sentence), maxsplit=1)[0]
        if is_meta_remark(first):
            at = text.find(sentence)
            return text[:at].rstrip() if at > 0 else "\n".join(said[:number])
    return text


def _listed_rest(pieces: list[str], share: float | None) -> ChainParts | None:
    """ "剩下三成，一是A，二是B，一半一半吧", "The rest: one is A, the other is B, half and half": a cause
    each, the rest's share split among them only when said to be even."""
    lead = re.compile(rf"^(?:{cues.alternatives('rest_enumerated')})\s*", re.I)
    even = cues.words_pattern("rest_even")
    said = [p.strip(" 。.") for p in pieces if has_words(p)]
    causes = [lead.sub("", p, count=1).strip() for p in said if lead.match(p)]
    others = [p for p in said if not lead.match(p)]
    weighs = [bool(even.search(p) or _estimate_only(p) or parse_share(p) is not None) for p in others]
    if len(causes) < 2 or not all(weighs):
        return None  # words beside the list that are no share: not a rest told as a list
    split = share is not None and any(even.search(p) for p in others)
    if not split or share is None:
        return ChainParts(phenomenon="", surface=[], root=causes[0], beside=causes[1:])
    each = round(share / len(causes), 4)
    others_weighed = [CauseShare(c, each) for c in causes[1:]]
    return ChainParts(phenomenon="", surface=[], root=causes[0], share=each, others=others_weighed)


# a clause that only counts how long or how many: "2 nights", "三天", "for 6 weeks"
_COUNT_ONLY = re.compile(
    r"(?:(?i:for|about|around|over)\s+|约|共|一共|整整)?\s*(?:\d+(?:\.\d+)?|[一二两三四五六七八九十半]{1,3})"
    r"\s*[A-Za-z\u4e00-\u9fff]{0,8}"
)


def _details_kept_with_their_clause(clauses: list[str]) -> list[str]:
    """ "storm power cut at the harbour site, 2 nights": the count is the clause before it said in full,
    no rung of its own."""
    kept: list[str] = []
    for clause in clauses:
        if kept and _COUNT_ONLY.fullmatch(clause.strip()):
            comma = "，" if HAN.search(clause) else ", "
            kept[-1] = f"{kept[-1]}{comma}{clause.strip()}"
        else:
            kept.append(clause)
    return kept


def _estimate_only(clause: str) -> bool:
    """A clause left with only the words that hedge its share ("maybe" of "maybe 25%", "我估计")."""
    return bool(re.fullmatch(rf"(?:\s*(?:{cues.alternatives('share_hedge_only')})\s*)+", clause, re.I))


def _outside(clause: str) -> bool:
    """A clause that says the cause is outside our reach or that talks about the review, no cause itself."""
    return is_external(clause) or is_meta_remark(clause)
