"""Highlights and shortfalls, each with the causes the note gives for it."""

from __future__ import annotations

import re
import unicodedata

from coach.domain.retrospective import CauseChain, Finding, Goal, Verdict
from coach.notes import cues
from coach.notes.beside import is_missed_practice
from coach.notes.segment import Item
from coach.notes.similarity import similarity
from coach.notes.wordlists import phrases

_INLINE_CAUSE = re.compile(
    r"[，,。；;]\s*(?:[\u4e00-\u9fff]{1,3}说)?(?:主要是因为|主要是|是因为|因为|由于|得益于|靠的是|"
    r"\bbecause\b|\bthanks to\b|\bdue to\b)\s*",
    re.I,
)
_LEAD = re.compile(
    r"^(?:[一二三四五六七八九十]是|首先|其次|(?:另外|还有)(?:一点)?[，,]?|亮点的话[，,]?|不足我先说[:：]?)\s*"
)


def build_finding(item: Item) -> Finding:
    """The finding's words; a cause given in the same breath is also recorded as its cause."""
    text = _LEAD.sub("", item.text.strip()).strip(" ，,。.;；")
    causes: list[str] = []
    m = _INLINE_CAUSE.search(text)
    if m and m.start() >= 4:
        # the reason stays in the finding's words too: "No data was lost, because every write is journalled"
        causes.append(text[m.end() :].strip(" ，,。"))
    return Finding(text=text, causes=[c for c in causes if c], evidence=item.evidence)


def attach_causes(findings: list[Finding], chains: list[CauseChain], threshold: float = 0.12) -> None:
    """Give each shortfall the causes of the chains whose phenomenon it resembles most."""
    if not findings:
        return
    for chain in chains:
        cause = chain.root_cause or chain.surface_cause
        if not cause:
            continue
        key = chain.phenomenon or cause
        best = max(findings, key=lambda f: similarity(f.text, key))
        if similarity(best.text, key) >= threshold and cause not in best.causes:
            best.causes.append(cause)


def chains_told_in_findings(shortfalls: list[Finding], chains: list[CauseChain]) -> list[CauseChain]:
    """ "It took 26 hours, because the merchant contact list had not been updated": a reason given in the
    shortfall's own sentence that no chain tells is a chain of its own (the shortfall is what it explains);
    why a practice was never started ("该做没做：…，因为排期往后推") is part of that shortfall."""
    told = [" ".join(filter(None, (c.phenomenon, c.surface_cause, c.root_cause))) for c in chains]
    found: list[CauseChain] = []
    for finding in shortfalls:
        if is_missed_practice(finding.text):
            continue
        for cause in finding.causes:
            if not any(cause in words for words in told):
                chain = CauseChain(phenomenon=finding.text, surface_cause=cause, evidence=finding.evidence)
                found.append(chain)
                told.append(cause)
    return found


def success_with_goal(item: Item, goals: list[Goal]) -> bool:
    """ "…sold 44,500 against 40,000, largely because the new bot filter turned away scalpers",
    "新店杯量超出预期，得益于开业前建好门店社群": a goal met or beaten, told with why it went well, is also a
    highlight."""
    if item.section == "shortfall" or item.label == "goal":
        return False
    reason = phrases("success_reason").search(item.text)
    evidence = unicodedata.normalize("NFKC", item.evidence)
    said_here = [
        g
        for g in goals
        if (g.name and g.name in item.text)
        or (g.evidence and unicodedata.normalize("NFKC", g.evidence) in evidence)
    ]
    # "新店杯量超出预期": with no number to judge by, the words say it went well
    praised = cues.HIGHLIGHT.search(item.text) or phrases("praise").search(item.text)
    well = (Verdict.met, Verdict.exceeded)
    went_well = bool(said_here) and all(
        g.verdict in well or (g.verdict is None and praised) for g in said_here
    )
    return reason is not None and reason.start() >= 4 and went_well
