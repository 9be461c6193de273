"""Cause chains from cause language: phenomenon → surface cause → root cause, and the main cause."""

from __future__ import annotations

import re

from coach.domain.retrospective import CauseChain
from coach.notes import cues
from coach.notes.segment import Item
from coach.notes.similarity import bigrams, similarity

_SURFACE_ROOT = re.compile(
    r"(?:表面上?看?是?|直接原因是?)(?P<surface>.+?)[，,]\s*(?:但是?|"
    r"而)?\s*(?:真正的原因|根本原因|根因|根子)(?:是|在于|就是)?"
    r"(?P<root>.+)"
)
_ROOT_MARK = re.compile(
    r"(?:根本原因|根因|归根结底|说到底|根子还是在|根子上|根子|真正的原因|根源|"
    r"root cause)(?:就是|是|在于|还是在|is|was|:)?\s*",
    re.I,
)
_SURFACE_MARK = re.compile(
    r"(?:直接原因是|原因是|原因就是|是因为|因为|由于|主要是因为|主要是|"
    r"\bbecause(?: of)?\b|\bdue to\b|\bcaused by\b|"
    r"\bthe reason (?:is|was)\b|\bstems? from\b|\bdriven by\b)\s*",
    re.I,
)
_SHARE_WORDS = {
    "九成": 0.9,
    "八九成": 0.85,
    "八成": 0.8,
    "七八成": 0.75,
    "七成": 0.7,
    "六成": 0.6,
    "一半": 0.5,
}
_PERCENT = re.compile(r"(\d{1,3})\s*%")
_EMPTY_CAUSE = re.compile(r"^(?:但是?)?这个?(?:不是|才是)?(?:根本原因|主因|原因)[。.]?$")
_BACK_REFERENCE = re.compile(
    r"这一?个原因|这个原因|这条|这是主因|这(?:就)?是(?:最主要|最大|主要)的(?:原因)?|这个?(?:能|可以)?解释|都在这|说明了一切|"
    r"(?:this|that) (?:one|cause)|"
    r"(?:that|this|it)(?:'s| is| was) the (?:main|biggest|primary) (?:cause|reason)|"
    r"\b(?:this|that|it)\s+(?:alone\s+)?(?:explains|accounts for)\b",
    re.I,
)


def share_of(text: str) -> float | None:
    """The share of the gap a cause is said to explain ("八九成" → 0.85, "80%" → 0.8)."""
    for word, share in sorted(_SHARE_WORDS.items(), key=lambda kv: -len(kv[0])):
        if word in text:
            return share
    m = _PERCENT.search(text)
    if m and cues.MAIN_CAUSE.search(text):
        value = int(m.group(1))
        return value / 100 if 0 < value <= 100 else None
    return None


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = re.sub(r"(这是主因|这是最主要的|这条能解释.*|这个能解释.*|首响超时大头都在这)[。.]?$", "", text)
    text = text.strip(" ，,。.;；:：")
    return text or None


def _phenomenon(text: str, cut: int) -> str | None:
    head = re.sub(r"^\[[\d:]+\]\s*", "", text[:cut]).strip(" ，,。：:")
    head = re.sub(
        r"为什么|为啥|是$|之所以|^(?:mostly|mainly|largely|partly|主要|大多)$", "", head, flags=re.I
    )
    head = head.strip(" ，,？?")
    return head if len(head) >= 2 else None


def chain_of(item: Item) -> CauseChain | None:
    """A chain from one cause statement; None when the statement has no content of its own."""
    text = item.text.strip()
    if _EMPTY_CAUSE.match(text):
        return None
    phenomenon: str | None = None
    surface: str | None = None
    root: str | None = None
    both = _SURFACE_ROOT.search(text)
    if both:
        surface, root = both.group("surface"), both.group("root")
        phenomenon = _phenomenon(text, both.start())
    else:
        root_m = _ROOT_MARK.search(text)
        surface_m = _SURFACE_MARK.search(text)
        if root_m:
            root = text[root_m.end() :]
            phenomenon = _phenomenon(text, root_m.start())
        elif surface_m:
            surface = text[surface_m.end() :]
            phenomenon = _phenomenon(text, surface_m.start())
        else:
            surface = text
    main = cues.MAIN_CAUSE.search(text) is not None
    return CauseChain(
        phenomenon=phenomenon or "",
        surface_cause=_clean(surface),
        root_cause=_clean(root),
        share=share_of(text) if main else None,
        is_main=main,
        evidence=item.evidence,
    )


def build_chains(items: list[Item]) -> list[CauseChain]:
    """One chain per cause statement; a statement pointing back ("这一个原因") marks an earlier one main."""
    chains: list[CauseChain] = []
    for item in items:
        chain = chain_of(item)
        if chain is None:
            continue
        if chain.is_main and chains and _BACK_REFERENCE.search(item.text):
            # the cause whose words the remark repeats; with none in common, the cause just named
            earlier = max(reversed(chains), key=lambda c: _shared_words(_words(c), item.text))
            if similarity(_words(earlier), item.text) > 0.05 or not chain.root_cause:
                earlier.is_main = True
                earlier.share = earlier.share or chain.share
                earlier.evidence = f"{earlier.evidence}\n{item.evidence}"
                continue
        if chains and _continues_drill_down(chains[-1], chain, item.text):
            _deepen(chains[-1], chain)
            continue
        if not chain.phenomenon and chains:
            chain.phenomenon = chains[-1].phenomenon
        chains.append(chain)
    _one_main(chains)
    rooted = [c for c in chains if c.root_cause]
    if not any(c.is_main for c in chains) and len(rooted) == 1:
        rooted[0].is_main = True  # the one cause the note calls the root is the one it explains the gap by
    for chain in chains:
        if not chain.phenomenon:
            chain.phenomenon = chain.surface_cause or chain.root_cause or ""
    return chains


_CONNECTIVE = re.compile(
    r"^(?:(?:对|嗯|所以|其实|但是?|而|那么?|我觉得|我认为|so|and|but|actually|I think)[，,]?\s*)+", re.I
)


def _continues_drill_down(earlier: CauseChain, chain: CauseChain, text: str) -> bool:
    """ "现象是…，表面原因是…。" then "根本原因是…": the second sentence finishes the first one's chain."""
    return (
        earlier.root_cause is None
        and earlier.surface_cause is not None
        and chain.root_cause is not None
        and _ROOT_MARK.match(_CONNECTIVE.sub("", text.strip())) is not None
    )


def _deepen(earlier: CauseChain, chain: CauseChain) -> None:
    earlier.root_cause = chain.root_cause
    earlier.is_main = earlier.is_main or chain.is_main
    earlier.share = earlier.share or chain.share
    earlier.evidence = f"{earlier.evidence}\n{chain.evidence}"


def _shared_words(a: str, b: str) -> int:
    """Content words two texts share: Chinese bigrams and English words of five letters or more."""
    grams = [{g for g in bigrams(t) if not g.isascii() or len(g) >= 5} for t in (a, b)]
    return len(grams[0] & grams[1])


def _words(chain: CauseChain) -> str:
    return " ".join(filter(None, (chain.phenomenon, chain.surface_cause, chain.root_cause)))


def _one_main(chains: list[CauseChain]) -> None:
    """At most one main cause: the largest share, else the deepest (root) among those flagged."""
    flagged = [c for c in chains if c.is_main]
    if len(flagged) <= 1:
        return
    best = max(flagged, key=lambda c: (c.share or 0, c.root_cause is not None))
    for chain in flagged:
        chain.is_main = chain is best
