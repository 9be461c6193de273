"""Meta-talk inside content: "…, but that's external, not ours, skip it", "…，这个不用挖了".

A finding or a cause is filed without the clauses that only talk about the review; a message made of
such clauses alone files nothing.
"""

from __future__ import annotations

import re

from coach.domain.reading import cues

_CLAUSES = re.compile(r"([，,;；。!！？?]\s*|(?<=[A-Za-z%)])\.\s+)")
# an aside in brackets: "包装跌落测试（说了好几年）", "the drop test (we've been saying it for years)"
_BRACKETED = re.compile(r"\s*[（(]([^（）()]{1,40})[)）]")
_JOINER = re.compile(r"^(?:but|and|so|though|不过|但是?|所以|而且)\s*[,，]?\s*", re.I)


def is_meta_remark(clause: str) -> bool:
    """A clause that is only talk about the review ("not digging", "跳过吧", "这个是外部的", "又问？")."""
    body = _JOINER.sub("", clause.strip(" \t，,;；。.!！？?"))
    return bool(body) and bool(cues.meta_remark().match(body))


def protests_asked_again(text: str) -> bool:
    """A message with a clause that protests a question asked again ("你怎么又问怎么做？…")."""
    pieces = _CLAUSES.split(text)
    clauses = (_JOINER.sub("", c.strip(" \t，,;；。.!！？?")) for c in pieces[::2])
    return any(c and cues.asked_again().match(c) for c in clauses)


def _retracts(clause: str) -> bool:
    body = _JOINER.sub("", clause.strip(" \t，,;；。.!！"))
    return bool(body) and bool(cues.meta_retract().match(body))


def without_meta(text: str) -> str:
    """The text without its meta clauses and bracketed meta asides; the text itself when it holds none."""
    unbracketed = _BRACKETED.sub(lambda m: "" if is_meta_remark(m.group(1)) else m.group(0), text)
    pieces = _CLAUSES.split(unbracketed)
    kept: list[str] = []
    dropped = unbracketed != text
    for i in range(0, len(pieces), 2):
        clause, separator = pieces[i], pieces[i + 1] if i + 1 < len(pieces) else ""
        if is_meta_remark(clause):
            dropped = True
            continue
        if _retracts(clause):
            kept = kept[:-1]  # "…约了季度巡检，不算这次的行动": the clause before is taken back too
            dropped = True
            continue
        kept.append(clause + separator)
    if not dropped:
        return text
    return "".join(kept).strip(" \t，,;；")
