"""A why asked and answered by the user about a cause already filed: "为什么人手不够？临时工没提前招",
"Why the short staff? Temps weren't hired early." The answer is one level deeper on that cause's chain:
the old root becomes a surface cause, the answer the root. A ladder said on a cause named first ("The
scanner one is the main thing. Why wasn't it installed? … That's the root.") goes down that chain too.
Said while the coach asks about another finding, it would otherwise become that finding's cause with
the question in its words.
"""

from __future__ import annotations

import re
from functools import cache

from coach.domain.reading import cues
from coach.domain.reading.blocks import sentences, strip_filler
from coach.domain.reading.meta import is_meta_remark
from coach.domain.retrospective import CauseChain
from coach.engines.rules.chain_filing import SURFACE_JOIN, touches
from coach.engines.rules.chains import read_chain
from coach.engines.rules.text import has_words, quote, word_grams
from coach.engines.rules.turn import Turn


@cache
def _asked_and_answered() -> re.Pattern[str]:
    return re.compile(
        rf"^\s*(?:{cues.alternatives('why')})\s*(?P<asked>[^？?]{{2,40}})[？?]\s*(?P<answer>\S.*)$",
        re.I | re.S,
    )


def take(t: Turn) -> bool:
    """Put the answer under the cause the question names; True when it did."""
    if t.state.stage not in ("analysis", "reflection"):  # the reflections open once every finding is drilled
        return False
    if _ladder_on_a_chain(t):
        return True
    said = _asked_and_answered().match(t.text)
    if said is None:
        return False
    answer = said.group("answer").strip(" 。.;；")
    if not answer or is_meta_remark(answer):
        return False
    chain = _chain_asked_about(t.review.cause_chains, said.group("asked"))
    if chain is None or chain.root_cause is None:
        return False
    surface = [part for part in (chain.surface_cause or "").split(SURFACE_JOIN) if part]
    chain.surface_cause = SURFACE_JOIN.join([*surface, chain.root_cause])
    chain.root_cause = answer
    _say_chain(t, chain)
    return True


def _chain_asked_about(chains: list[CauseChain], asked: str) -> CauseChain | None:
    """The one chain whose root holds most of the question's words; None when none or two do."""
    words = word_grams(asked)
    if not words:
        return None
    held = [c for c in chains if c.root_cause and len(words & word_grams(c.root_cause)) * 2 >= len(words)]
    return held[0] if len(held) == 1 else None


@cache
def _cause_lead() -> re.Pattern[str]:
    return re.compile(rf"^(?:{cues.alternatives('cause_lead')})\s*", re.I)


def _ladder_on_a_chain(t: Turn) -> bool:
    """ "The scanner one is the main thing. Why wasn't it installed? …. Because …. That's the root.": a
    sentence naming one filed chain, then whys asked and answered: the rungs go under that chain's root."""
    said = sentences(t.text)
    if len(said) < 3 or not _asks_why(said[1]):
        return False
    named = [c for c in t.review.cause_chains if c.root_cause and _names(said[0], c)]
    parts = read_chain(" ".join(said[1:]))
    if len(named) != 1 or parts is None or not parts.root or not parts.surface:
        return False
    chain = named[0]
    old = [part for part in (chain.surface_cause or "").split(SURFACE_JOIN) if part]
    chain.surface_cause = SURFACE_JOIN.join([*old, chain.root_cause or "", *parts.surface])
    chain.root_cause = _cause_lead().sub("", parts.root).strip() or parts.root
    _say_chain(t, chain)
    return True


def _asks_why(sentence: str) -> bool:
    body = strip_filler(sentence).rstrip()
    return body.endswith(("?", "？")) and bool(cues.why().match(body))


def _names(sentence: str, chain: CauseChain) -> bool:
    """Whether a short sentence names the chain by a word of its rungs ("The scanner one", "扫描仪那个")."""
    rungs = " ".join(r for r in (chain.surface_cause, chain.root_cause) if r)
    return len(sentence) <= 60 and has_words(sentence) and touches(sentence, rungs)


def _say_chain(t: Turn, chain: CauseChain) -> None:
    """Show the chain as it now stands, then ask again what was asked."""
    t.say(
        "drill_chain",
        phenomenon=quote(chain.phenomenon, t.lang),
        surface=quote(chain.surface_cause, t.lang),
        root=quote(chain.root_cause, t.lang),
    )
    t.reask()
