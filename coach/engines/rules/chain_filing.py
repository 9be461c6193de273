"""Filing a chain among those already filed: a chain that repeats one completes it rather than being filed
twice ("就是刚才说的根因"), and several shares said in one answer each go on the chain their cause names."""

from __future__ import annotations

import re

from coach.domain.retrospective import CauseChain
from coach.engines.rules.share import CauseShare
from coach.engines.rules.text import word_grams

SURFACE_JOIN = " → "  # how the rungs of a chain's surface cause are kept in one text, top first


def same_cause(said: str, known: str) -> bool:
    """Whether two wordings name one cause: half the words of the shorter are in the other."""
    said_grams, known_grams = word_grams(said), word_grams(known)
    return bool(said_grams and known_grams) and len(said_grams & known_grams) * 2 >= min(
        len(said_grams), len(known_grams)
    )


def touches(said: str, known: str) -> bool:
    """Whether a cause said short names a known one: two Chinese character pairs in common, or one word
    (its plural too: "weekend" and "weekends")."""
    stems = {g.rstrip("s") if g.isascii() else g for g in word_grams(said)}
    shared = stems & {g.rstrip("s") if g.isascii() else g for g in word_grams(known)}
    return any(g.isascii() for g in shared) or len(shared) >= 2


def file_chain(chains: list[CauseChain], chain: CauseChain, points_back: bool = False) -> CauseChain:
    """Add a chain, or complete the one it repeats ("就是刚才说的根因") rather than filing it twice; a root
    said as one said before ("就是上面说的计件") completes the chain whose root shares most words with it."""
    said = chain.root_cause or ""
    shared = {id(c): len(word_grams(said) & word_grams(c.root_cause or "")) for c in chains}
    pointed = max(chains, key=lambda c: shared[id(c)], default=None) if points_back else None
    if pointed is not None and not shared[id(pointed)]:
        pointed = None  # it points back, at none of these
    for known in chains:
        if same_cause(said, known.root_cause or "") or known is pointed:
            known.share = known.share if chain.share is None else chain.share
            known.surface_cause = known.surface_cause or chain.surface_cause
            if known.phenomenon in ("", "—") or len(known.phenomenon) < len(chain.phenomenon or ""):
                known.phenomenon = chain.phenomenon or known.phenomenon
            return known
    if (said_ahead := _said_ahead(chains, chain)) is not None:
        said_ahead.phenomenon = chain.phenomenon if _known(chain.phenomenon) else said_ahead.phenomenon
        said_ahead.surface_cause, said_ahead.root_cause = chain.surface_cause, chain.root_cause
        said_ahead.share = chain.share
        said_ahead.evidence = chain.evidence or said_ahead.evidence
        return said_ahead
    chains.append(chain)
    return chain


def _said_ahead(chains: list[CauseChain], chain: CauseChain) -> CauseChain | None:
    """A root said ahead of the drill-down ("退款的根因我心里有数：…"), alone, that the ladder on the same
    finding names again in other words: the ladder, surface or share given, takes its place."""
    if not chain.surface_cause and chain.share is None:
        return None
    for known in chains:
        alone = not known.surface_cause and known.share is None
        same_finding = (
            not _known(known.phenomenon)
            or not _known(chain.phenomenon)
            or _same_name(known.phenomenon, chain.phenomenon)
        )
        if alone and same_finding and touches(chain.root_cause or "", known.root_cause or ""):
            return known
    return None


def _same_name(one: str, other: str) -> bool:
    """Whether two phenomena open with the same word, the finding's name ("rejects is …", "Rejects: …")."""
    first = [re.match(r"\s*([A-Za-z][A-Za-z-]{2,}|[\u4e00-\u9fff]{2})", p) for p in (one, other)]
    return all(first) and first[0].group(1).lower() == first[1].group(1).lower()  # type: ignore[union-attr]


def _known(phenomenon: str | None) -> bool:
    return phenomenon not in (None, "", "—")


def file_shares(chains: list[CauseChain], current: int, shares: list[CauseShare]) -> list[CauseChain] | None:
    """Several shares in one answer ("七成是没有陪跑，另外三成是价格"), each put on the chain its cause names.

    A share naming no cause ("这个七成") is the current chain's; a cause that matches no chain is filed as a
    chain of its own, under the current chain's phenomenon. Returns the chains filed new; None, with nothing
    changed, when the current chain's share cannot be told (no share names it, or two do).
    """
    phenomenon = chains[current].phenomenon
    targets: list[CauseChain | str] = []
    for said in shares:
        known = [c for c in chains if same_cause(said.cause, c.root_cause or "")]
        targets.append(chains[current] if not said.cause else known[0] if known else said.cause)
    near = [i for i, said in enumerate(shares) if touches(said.cause, chains[current].root_cause or "")]
    if not any(target is chains[current] for target in targets) and len(near) == 1:
        targets[near[0]] = chains[
            current
        ]  # "配送当成本那条…八成五", "weekend staffing ~60%": asked about, named short
    if sum(target is chains[current] for target in targets) != 1:
        return None
    filed: list[CauseChain] = []
    for said, target in zip(shares, targets, strict=True):
        if isinstance(target, str):
            target = file_chain(chains, CauseChain(phenomenon=phenomenon, root_cause=target))
            filed.append(target)
        target.share = said.share
    return filed
