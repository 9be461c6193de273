"""A chain's share said later, in a message of its own, while the coach has moved on to other findings:
"On first-time fix I'd say half is the van stock thing. Actually no, call it 70%. The rest is the parts
shortage", "回款那条，我算了下占七成，剩下三成是价格".

The share goes on the chain the message names (by its phenomenon or its root), once the coach left it
open; a correction in the same message ("actually no", "不对") makes the last share the one meant; a
weighed rest ("the rest is …") is filed as a chain of its own.
"""

from __future__ import annotations

import re

from coach.domain.reading import cues
from coach.domain.reading.blocks import read_blocks, sentences, strip_filler
from coach.domain.retrospective import CauseChain
from coach.engines.rules.chain_filing import file_chain
from coach.engines.rules.chain_rest import read_rest
from coach.engines.rules.share import has_share, parse_share
from coach.engines.rules.stages import drilldown
from coach.engines.rules.text import quote, word_grams
from coach.engines.rules.turn import Turn

# the steps where the coach collects findings after a chain was filed with its share left open
_STEPS = ("highlights", "shortfalls", "missed", "choose", "another")
# the stages after the analysis, where a share remembered late still goes on its chain
_LATER = ("lessons", "actions")


def _self_correction() -> re.Pattern[str]:
    """Words that correct a share in the same message ("三成，不对，四成"): the last share counts."""
    return cues.words_pattern("share_self_correction")


def take(t: Turn) -> bool:
    """Put a later share on the open chain the message names; True when it did."""
    in_analysis = t.state.stage == "analysis" and t.state.analysis.step in _STEPS
    if not (in_analysis or t.state.stage in _LATER) or not has_share(t.text):
        return False
    blocks = read_blocks(t.text)
    if any(b.kind != "rest" for b in blocks[1:]) or blocks[0].kind in ("chain", "lessons", "actions"):
        return False  # a drill-down said whole ("Drill into X: …, because …, 80%") is filed as a chain
    if cues.words_pattern("because").search(t.text):
        return False
    said = sentences(t.text)
    weighed = [s for s in said if not cues.rest().match(strip_filler(s))]
    chain = _named_open_chain(t.review.cause_chains, weighed[0] if weighed else "")
    if chain is None:
        return False
    shares = [share for s in weighed if (share := parse_share(s)) is not None]
    if not shares:
        return False
    chain.share = shares[-1] if _self_correction().search(t.text) else shares[0]
    t.say("drill_main", root=quote(chain.root_cause, t.lang), share=f"{chain.share * 100:.0f}%")
    for sentence in said:
        rest = read_rest(sentence) if cues.rest().match(strip_filler(sentence)) else None
        if rest is not None and rest.root:
            share = rest.share if rest.share is not None else round(1 - chain.share, 2)
            file_chain(
                t.review.cause_chains,
                CauseChain(
                    phenomenon=chain.phenomenon,
                    surface_cause=" → ".join(rest.surface) or None,
                    root_cause=rest.root,
                    share=share,
                ),
            )
    drilldown.mark_main(t.review.cause_chains)
    t.reask()
    return True


def _named_open_chain(chains: list[CauseChain], sentence: str) -> CauseChain | None:
    """The one chain still without a share whose phenomenon or root the sentence names."""
    said = word_grams(sentence)
    named = [c for c in chains if c.share is None and _names(said, f"{c.phenomenon} {c.root_cause or ''}")]
    return named[0] if len(named) == 1 else None


def _names(said: set[str], known: str) -> bool:
    """A word of four letters or more in common, or two Chinese character pairs."""
    shared = said & word_grams(known)
    return any(g.isascii() for g in shared) or len(shared) >= 2
