"""The chains of a note once all are read: a summary or a list that names causes told in full elsewhere adds
none, a cause told twice is one chain, and at most one chain is the main cause."""

from __future__ import annotations

import re

from coach.domain.retrospective import CauseChain
from coach.notes import drilldown
from coach.notes.cause_statement import chain_of, chain_words
from coach.notes.segment import Item
from coach.notes.similarity import similarity


def without_early_summaries(chains: list[CauseChain], summaries: set[int]) -> list[CauseChain]:
    """A summary told first ("TL;DR: late because a bank file was rejected") names causes told again later:
    its flags go to the later chain it shares words with, and it adds no chain of its own."""
    kept = []
    for chain in chains:
        if id(chain) in summaries:
            later = [c for c in chains if id(c) not in summaries]
            best = max(
                later, key=lambda c: drilldown.shared_stems(chain_words(c), chain_words(chain)), default=None
            )
            if best is not None and drilldown.shared_stems(chain_words(best), chain_words(chain)) >= 2:
                best.is_main, best.share = best.is_main or chain.is_main, best.share or chain.share
                continue
        kept.append(chain)
    return kept


def sums_up(chains: list[CauseChain], item: Item) -> bool:
    """ "To sum up, we lost mainly because legal review took six weeks": a summary names a cause already
    told; its flags go to that cause (True), and it adds no chain. A summary naming a new cause is one."""
    chain = chain_of(item)
    words = " ".join(filter(None, (chain.surface_cause, chain.root_cause))) if chain else item.text
    best = max(chains, key=lambda c: drilldown.shared_stems(chain_words(c), words))
    if drilldown.shared_stems(chain_words(best), words) < 2:
        return False
    if chain is not None and chain.is_main and not any(c.is_main for c in chains):
        best.is_main, best.share = True, best.share or chain.share
    best.evidence = f"{best.evidence}\n{item.evidence}"
    return True


def merge_twins(chains: list[CauseChain], threshold: float = 0.72) -> list[CauseChain]:
    """A cause told twice (in the summary and again under "Why", or named in a list of contributing factors
    and then told in full) is one chain, in its fuller telling, with the flags of both."""
    kept: list[CauseChain] = []
    for chain in chains:
        twin = next((k for k in kept if _twins(k, chain, threshold)), None)
        if twin is None:
            kept.append(chain)
            continue
        if len(_cause_words(chain)) > len(_cause_words(twin)):
            twin.phenomenon, twin.surface_cause, twin.root_cause = (
                chain.phenomenon,
                chain.surface_cause,
                chain.root_cause,
            )
        twin.is_main = twin.is_main or chain.is_main
        twin.share = twin.share or chain.share
        twin.evidence = f"{twin.evidence}\n{chain.evidence}"
    return kept


_LISTING = re.compile(r"\band\b|[,，、和及与]")


def without_lists_of_told(chains: list[CauseChain]) -> list[CauseChain]:
    """ "Contributing factors: a stale cache config and missing alerting", with each factor told in full
    elsewhere: the list names causes the note has, it is none of its own; its flags go to the first."""
    kept = list(chains)
    for chain in chains:
        own = drilldown.stems(_cause_words(chain))
        others = [c for c in kept if c is not chain]
        if len(own) < _CONTAINED_MIN_WORDS or not _LISTING.search(_cause_words(chain)):
            continue
        covering = [c for c in others if own & drilldown.stems(_cause_words(c))]
        told = set().union(*(drilldown.stems(_cause_words(c)) for c in covering)) if covering else set()
        if len(covering) >= 2 and len(own & told) >= _CONTAINED * len(own):
            covering[0].is_main = covering[0].is_main or chain.is_main
            kept.remove(chain)
    return kept


def _cause_words(chain: CauseChain) -> str:
    return " ".join(filter(None, (chain.surface_cause, chain.root_cause)))


_CONTAINED = 0.8  # share of the shorter telling's content words the longer one repeats
_CONTAINED_MIN_WORDS = 4


def _twins(a: CauseChain, b: CauseChain, threshold: float) -> bool:
    if similarity(chain_words(a), chain_words(b)) >= threshold:
        return True
    stems = [drilldown.stems(_cause_words(c)) for c in (a, b)]
    shorter = min(stems, key=len)
    return len(shorter) >= _CONTAINED_MIN_WORDS and len(stems[0] & stems[1]) >= _CONTAINED * len(shorter)


def one_main(chains: list[CauseChain]) -> None:
    """At most one main cause: the largest share, else the deepest (root) among those flagged."""
    flagged = [c for c in chains if c.is_main]
    if len(flagged) <= 1:
        return
    best = max(flagged, key=lambda c: (c.share or 0, c.root_cause is not None))
    for chain in flagged:
        chain.is_main = chain is best
