"""Shares corrected or moved once chains are filed: "不是六成，是七成", "sorry, make that 65%",
"刚才那个一半说少了，来料标准的问题应该占六成，胶水那个改成两成五", "the PPE thing is bigger. Make it 70%, and
the rushing 20%"."""

from __future__ import annotations

import re
from functools import cache

from coach.domain.critique import normalize
from coach.domain.reading import cues
from coach.domain.retrospective import CauseChain
from coach.engines.rules.chain_filing import touches
from coach.engines.rules.share import parse_share, parse_shares, share_segments
from coach.engines.rules.stages import drilldown
from coach.engines.rules.text import has_words, quote, stem, word_grams
from coach.engines.rules.turn import Turn


def share_fix() -> re.Pattern[str]:
    """Words that correct a share already given ("不对", "make that") rather than name a new cause."""
    return cues.words_pattern("share_already_given")


def names_a_cause(root: str) -> bool:
    """A root in words enough to be a cause ("标准不统一"), not one that only points ("那是天气", "it's")."""
    return len(normalize(root)) >= 4 and not cues.words_pattern("cause_pointer").match(root.strip())


def only_corrects_a_share(t: Turn) -> bool:
    """A message that says only that a share given is another one ("不是六成，是七成", "not 60%, 70%")."""
    if not t.review.cause_chains or not share_fix().search(t.text) or not parse_shares(t.text):
        return False
    rest = share_fix().sub(" ", t.text)
    for said in parse_shares(t.text):
        rest = rest.replace(said.cause, " ") if said.cause else rest
    return not has_words(re.sub(r"[\d.%％一二两三四五六七八九十成半]|(?i:percent|half)", " ", rest))


@cache
def _old_share() -> re.Pattern[str]:
    """The words just before a share that mark it as the old one ("不是六成", "not 60%")."""
    return re.compile(rf"(?:{cues.alternatives('share_old_mark')})\s*$", re.I)


def _after_self_correction(text: str) -> str:
    """The words after the last self-correction that still give a share ("一半说少了，应该是六成五" →
    "六成五", "half, actually no, 65%" → "65%"); the whole text when none does."""
    for fix in reversed(list(cues.words_pattern("share_self_correction").finditer(text))):
        if parse_shares(text[fix.end() :]):
            return text[fix.end() :]
    return text


def fix_share(t: Turn, text: str, said_as_fix: bool) -> None:
    """A share that corrects one given ("sorry, make that 65%") goes on the last weighed chain; with
    `said_as_fix`, only when words say it corrects one. The new share is one not marked as the old one,
    said alone if one is: "不是六成，是七成"; "more than half. Say 65%"; "make that 70%. The parts delays
    are the other 30%"."""
    if shares_naming_chains(t, text):
        return
    new = [said for said in parse_shares(_after_self_correction(text)) if not _old_share().search(said.cause)]
    alone = [said for said in new if len(said.cause.strip()) <= 12]
    bounds = cues.words_pattern("share_bound")  # "more than half" only bounds the share
    exact = [said for said in alone if not bounds.search(said.cause)]
    share = (exact or alone or new)[0].share if new else parse_share(text)
    chains = t.review.cause_chains
    if share is None or not chains or (said_as_fix and not share_fix().search(text)):
        return
    weighed = [c for c in chains if c.share is not None]
    corrected = weighed[-1] if weighed else chains[-1]
    corrected.share = share
    drilldown.mark_main(chains)
    t.say("drill_share_corrected", root=quote(corrected.root_cause, t.lang), share=f"{share:.0%}")


def shares_naming_chains(t: Turn, text: str) -> bool:
    """Several shares, each said with words that name one chain ("the PPE thing is bigger. Make it 70%, and
    the rushing 20%"), after the share said wrong if any: each goes on the chain it names; True when so."""
    chains = t.review.cause_chains
    if len(chains) < 2:
        return False
    # "线路那个应该是七成，供应商那个降到一成五": the words before a correction name the chain it weighs;
    # "刚才那个一半说少了，…应该占六成，胶水那个两成五": the share said wrong, naming none, goes
    named = _named_shares(chains, text)
    if named is None and (corrected := _after_self_correction(text)) != text:
        named = _named_shares(chains, corrected)
    if named is None:
        return False
    for index, share in named.items():
        chains[index].share = share
        t.say("drill_share_corrected", root=quote(chains[index].root_cause, t.lang), share=f"{share:.0%}")
    drilldown.mark_main(chains)
    return True


def _named_shares(chains: list[CauseChain], text: str) -> dict[int, float] | None:
    """{chain index: share} when every share of two or more in the text follows words naming one chain
    of its own; None otherwise."""
    pieces = share_segments(text)
    if len(pieces) < 2:
        return None
    named: dict[int, float] = {}
    last: int | None = None
    for words, share in pieces:
        # the clause just before a share names its chain first ("…核了一下退款原因，线路那个应该是七成")
        hits = next(
            (hits for said in (_last_clause(words), words) if len(hits := _chains_named(chains, said)) == 1),
            [],
        )
        if not hits and last is not None and named[last] == share:
            continue  # "模具那块至少七成，我同意，改成七成": the same share said again, settled
        if len(hits) != 1 or hits[0] in named:
            return None
        named[last := hits[0]] = share
    return named


def _last_clause(words: str) -> str:
    return re.split(r"[，,。;；]|\.\s", words.strip(" ，,。;；"))[-1]


def _chains_named(chains: list[CauseChain], words: str) -> list[int]:
    hits = [i for i, c in enumerate(chains) if _names_chain(words, c)]
    # "胶水那个改成两成五": one Chinese character pair, named by no other chain, names it short
    hits = hits or [i for i, c in enumerate(chains) if _shares_a_pair(words, c)]
    if len(hits) > 1:
        # "原粮还是一成五", "Logs still 20%": the word that opens the clause names the chain, though another
        # chain shares a word ("还是", "still")
        opening = [i for i in hits if _opens_on(words, chains[i])]
        hits = opening if len(opening) == 1 else hits
    return hits


def _opens_on(words: str, chain: CauseChain) -> bool:
    """Whether the first word (three letters or more, not one that names nothing: "the") or Chinese character
    pair of the words is the chain's."""
    said = next(
        (
            w
            for m in re.finditer(r"[A-Za-z][A-Za-z-]{2,}|[\u4e00-\u9fff]{2}", words)
            if (w := m.group(0).lower()) and not (w.isascii() and stem(w) in _stem_stop())
        ),
        "",
    )
    if not said:
        return False
    rungs = _rungs(chain)
    return stem(said) in _stems(rungs) if said.isascii() else said in word_grams(rungs)


def _rungs(chain: CauseChain) -> str:
    return " ".join(r for r in (chain.surface_cause, chain.root_cause) if r)


def _names_chain(words: str, chain: CauseChain) -> bool:
    """Whether words name a chain: a word stem its rungs share ("the rushing" and "rushed because …",
    "the PPE thing" and "no PPE replacement schedule"), or two Chinese character pairs."""
    rungs = _rungs(chain)
    return touches(words, rungs) or bool(_stems(words) & _stems(rungs))


def _shares_a_pair(words: str, chain: CauseChain) -> bool:
    rungs = _rungs(chain)
    pairs = {g for g in word_grams(words) if not g.isascii()}
    return bool(pairs & word_grams(rungs))


def _stems(text: str) -> set[str]:
    words = re.findall(r"[A-Za-z]{3,}", text)
    stems = {stem(w.lower()) for w in words}
    return {w for w in stems if len(w) >= 3} - _stem_stop()


@cache
def naming_stop() -> frozenset[str]:
    """Words that name no chain or cause ("the … thing is bigger. Make it 70%", "That's")."""
    said = f"{cues.alternatives('finding_cause_stop')}|{cues.alternatives('chain_naming_stop')}"
    return frozenset(re.findall(r"[a-z]+", said))


@cache
def _stem_stop() -> frozenset[str]:
    return frozenset(stem(w) for w in naming_stop())
