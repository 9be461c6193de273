"""Causes of other findings said after a drill-down: "Quotes were slow because one estimator does all of
them. Invoicing: engineers do the paperwork at home on Friday. Not digging."

Once the coach offers findings to drill into, people often give the other findings' causes in a sentence
each instead of a ladder. Each such sentence that names a finding of the review (a shortfall or a goal)
is a cause chain of its own, filed whole: no "why?" about it, and never a cause of the finding being drilled.
A sentence that opens a ladder ("送晚了——…。为什么不够？…") is left to the drill-down.
"""

from __future__ import annotations

import re
from functools import cache

from coach.domain.reading import cues
from coach.domain.reading.blocks import has_rung, opens, read_blocks, sentences, strip_filler
from coach.domain.reading.finding_cause import only_aside, read_said_cause, read_same_story
from coach.domain.reading.meta import is_meta_remark, without_meta
from coach.domain.retrospective import CauseChain
from coach.engines.rules.chain_filing import file_chain
from coach.engines.rules.replies import render
from coach.engines.rules.share import has_share, parse_share, without_share
from coach.engines.rules.stages import analysis, drilldown
from coach.engines.rules.text import has_words, quote, stem, word_grams
from coach.engines.rules.turn import Turn

# the steps after the findings, where the coach offers or goes on with a drill-down
_STEPS = ("choose", "another", "more_causes")
_OTHER_PARTS = {"reflection", "lessons", "actions"}


@cache
def _stop() -> frozenset[str]:
    return frozenset(re.findall(r"[a-z-]+", cues.alternatives("finding_cause_stop")))


def _grams(text: str) -> set[str]:
    """Word grams, an English word by its stem ("Rejects" names "the rejected loads")."""
    grams = word_grams(text) - _stop()
    return {stem(g) if g.isascii() else g for g in grams}


def finding_named(t: Turn, head: str) -> str | None:
    """The finding (a shortfall, else a goal) the words name: at least half of their words or character
    pairs are the finding's."""
    said = _grams(head)
    if not said:
        return None
    named = [f.text for f in t.review.shortfalls] + [g.name for g in t.review.goals]
    half = [text for text in named if 2 * len(said & _grams(text)) >= len(said)]
    if half:
        return None if _ambiguous(said, t) else half[0]
    # "开场晚和等火化久其实是一回事": two findings named together, the first named whole
    return next((text for text in named if (own := _grams(text)) and own <= said), None)


def _ambiguous(said: set[str], t: Turn) -> bool:
    """ "Delivered late" shares only "late" with "late invoices" and "late deliveries": two shortfalls named
    by the same words, the others said naming neither, so it names no one of them."""
    shared = [said & _grams(f.text) for f in t.review.shortfalls]
    hits = [words for words in shared if words]
    return len(hits) > 1 and all(words == hits[0] for words in hits) and hits[0] != said


def _drilled_now(t: Turn) -> str | None:
    """The finding whose causes the coach is asking for, if any: a sentence about it answers that."""
    if t.state.analysis.step != "more_causes" or not t.review.cause_chains:
        return None
    return t.review.cause_chains[-1].phenomenon


def _goes_down(sentence: str) -> bool:
    """A sentence of a ladder: a rung, or a why asked to go a level down."""
    body = strip_filler(sentence)
    return has_rung(body) or bool(cues.why().match(body))


def _said_causes(t: Turn, said: list[str]) -> dict[int, CauseChain]:
    now = _drilled_now(t)
    found: dict[int, CauseChain] = {}
    for i, sentence in enumerate(said):
        cause = read_said_cause(sentence)
        finding = finding_named(t, cause.head) if cause is not None else None
        if cause is None or finding is None or finding == now or opens(sentence) is not None:
            continue
        if now and 2 * len(_grams(cause.head) & _grams(now)) >= len(_grams(cause.head)):
            continue  # the finding being drilled: another cause of it, its step's answer
        root = _without_share_clause(without_meta(cause.cause))
        if not has_words(root):
            continue  # "交期差也是这个带的": the cause said before, pointed at, no chain of its own
        found[i] = CauseChain(
            phenomenon=finding,
            surface_cause=cause.surface,
            root_cause=root,
            share=parse_share(cause.cause),
            evidence=sentence,
        )
    for i in list(found):
        following = [s for j, s in enumerate(said) if j > i and j not in found]
        if following and _goes_down(following[0]):
            del found[i]  # "送晚了——…。为什么不够？…": the first rung of a ladder on that finding
    return found


def _same_story(t: Turn, said: list[str]) -> dict[int, str]:
    """Findings said to share the chain just told ("backlog is the same story", "损耗也是这个原因"): each is
    marked as drilled with it, said in one line, and never drilled as a new phenomenon."""
    if not t.review.cause_chains:
        return {}
    told = t.review.cause_chains[-1].phenomenon
    found: dict[int, str] = {}
    for i, sentence in enumerate(said):
        head = read_same_story(sentence)
        finding = finding_named(t, head) if head is not None else None
        if finding is not None and finding != told:
            found[i] = finding
    if found:
        t.state.analysis.drilled += list(found.values())
        sep = "、" if t.lang == "zh" else ", "
        t.say(
            "analysis_same_chain",
            findings=sep.join(quote(f, t.lang, 24) for f in found.values()),
            chain=quote(told, t.lang, 24),
        )
    return found


def _told_on(t: Turn, said: list[str], found: dict[int, CauseChain]) -> set[int]:
    """Sentences right after a finding's cause that go on about it ("Downtime is the same story, things run
    till they break. The debarker alone was 70 hours of it, bearing failures."): they join its cause. A
    sentence that opens a block, goes down a ladder, names a finding or is talk about the review stops it."""
    told: set[int] = set()
    for i, chain in found.items():
        for j in range(i + 1, len(said)):
            sentence = said[j]
            if j in found or opens(sentence) is not None or _goes_down(sentence) or is_meta_remark(sentence):
                break
            body = without_meta(sentence).strip(" 。.")
            if not has_words(body) or only_aside(body) or has_share(body) or read_said_cause(sentence):
                break
            if re.search(r"[\u4e00-\u9fff]", body):
                chain.root_cause = f"{chain.root_cause}；{body}"
            else:  # "…; the debarker alone was 70 hours": one cause, said on
                chain.root_cause = (
                    f"{chain.root_cause}; {body[:1].lower() if body[1:2].islower() else body[:1]}{body[1:]}"
                )
            told.add(j)
    return told


def _without_share_clause(cause: str) -> str:
    """The cause without the clause that weighs it ("…，占客诉的六成吧", "…, about 60% of the complaints")."""
    clauses = re.split(r"([，,]\s*)", cause)
    kept = [c for c in clauses[::2] if not (has_share(c) and not has_words(without_share(c)))]
    comma = "，" if re.search(r"[\u4e00-\u9fff]", cause) else ", "
    return comma.join(c.strip() for c in kept if c.strip()) or cause


def take(t: Turn) -> bool:
    """File the causes of other findings said a sentence each; True when nothing else is left to read.

    What else the message says stays in `t.text`, read by the step as usual."""
    if t.state.stage == "reflection":
        if t.state.reflection.step != "person":
            return False  # an answer to a reflection question is the person's, whatever it names
    elif t.state.stage != "analysis" or t.state.analysis.step not in _STEPS:
        return False
    if {b.kind for b in read_blocks(t.text)} & _OTHER_PARTS:
        return False
    said = sentences(t.text)
    if t.state.stage == "analysis" and (same := _same_story(t, said)):
        said = [s for i, s in enumerate(said) if i not in same]
        if not any(has_words(without_meta(s)) for s in said):
            analysis.ask_choose(t)
            return True
        t.text = ("" if t.lang == "zh" else " ").join(said)
    taken = _said_causes(t, said)
    if not taken:
        return False
    told = _told_on(t, said, taken)
    rest = [s for i, s in enumerate(said) if i not in taken and i not in told and not is_meta_remark(s)]
    late = t.state.stage == "reflection"
    if late and any(has_words(without_meta(s)) for s in rest):
        return False  # once the reflections began, only a message of such causes alone is taken
    for chain in taken.values():
        file_chain(t.review.cause_chains, chain)
        t.state.analysis.drilled.append(chain.phenomenon)
    drilldown.mark_main(t.review.cause_chains)
    sep = "、" if t.lang == "zh" else ", "
    roots = sep.join(quote(c.root_cause, t.lang, 24) for c in taken.values())
    t.say("filed", parts=render("filed_chains", t.lang, items=roots))
    if late:
        t.reask()  # the reflections go on where they were
        return True
    if any(has_words(without_meta(s)) for s in rest):
        t.text = ("" if t.lang == "zh" else " ").join(rest)
        return False
    analysis.ask_choose(t)
    return True
