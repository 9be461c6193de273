"""Findings told by how a KPI went while the goals are still collected: "复购做得好，主要是会员日的券
设计得好", "Repeat rate went well, mostly because …", "差评这块没做好". No heading opens them, so only a
subject that names one of the review's KPIs makes such a sentence a finding; anything else stays text."""

from __future__ import annotations

import re

from coach.domain.reading.blocks import Block, strip_filler
from coach.domain.reading.language import han_pairs
from coach.domain.reading.told_verdict import told_verdict
from coach.engines.rules.text import stem
from coach.engines.rules.turn import Turn


def with_told_findings(t: Turn, blocks: list[Block]) -> list[Block]:
    """The blocks, a plain sentence that tells how a KPI went made a finding of its kind; the sentences
    after it go on about it."""
    out: list[Block] = []
    for block in blocks:
        if block.kind != "text":
            out.append(block)
            continue
        for sentence in block.sentences:
            told = told_verdict(strip_filler(sentence))
            if told is not None and _names_a_goal(t, told.head):
                out.append(Block(told.kind, [sentence], said=[sentence]))
            elif out and out[-1].kind != "text" and out[-1] not in blocks:
                out[-1].sentences.append(sentence)  # "…设计得好。老客回来多了。": still about it
                out[-1].said.append(sentence)
            elif out and out[-1].kind == "text":
                out[-1].sentences.append(sentence)
                out[-1].said.append(sentence)
            else:
                out.append(Block("text", [sentence], said=[sentence]))
    return out


def _names_a_goal(t: Turn, head: str) -> bool:
    said = _grams(head)
    return any(said & _grams(goal.name or "") for goal in t.review.goals)


def _grams(text: str) -> set[str]:
    words = {stem(w) for w in re.findall(r"[a-z][a-z-]{2,}", text.lower())}
    return words | han_pairs(text)
