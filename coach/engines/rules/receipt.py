"""After filing a message's facts: the one line that says what went where, then the question the method
still lacks, in its order (never what was just given)."""

from __future__ import annotations

from dataclasses import dataclass, field

from coach.domain.reading.people import QUESTIONS
from coach.domain.retrospective import CauseChain
from coach.engines.rules.replies import render
from coach.engines.rules.stages import analysis, drilldown
from coach.engines.rules.state import AnalysisStep
from coach.engines.rules.text import quote
from coach.engines.rules.turn import Turn


@dataclass
class Filed:
    """What one message filed, for the one-line receipt."""

    highlights: list[str] = field(default_factory=list)
    shortfalls: list[str] = field(default_factory=list)
    chains: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    last_chain: CauseChain | None = None

    def __bool__(self) -> bool:
        return bool(self.highlights or self.shortfalls or self.chains or self.people)


def receipt(t: Turn, filed: Filed) -> None:
    """One line: what went where."""
    sep = "、" if t.lang == "zh" else ", "
    parts = [
        render(key, t.lang, items=sep.join(quote(i, t.lang, 24) for i in items))
        for key, items in (
            ("filed_highlights", filed.highlights),
            ("filed_shortfalls", filed.shortfalls),
            ("filed_chains", filed.chains),
            ("filed_reflections", [p for p in filed.people if p != "—"] or filed.people),
        )
        if items
    ]
    t.say("filed", parts=("；" if t.lang == "zh" else "; ").join(parts))


def ask_next(t: Turn, filed: Filed, kinds: set[str]) -> None:
    """Ask what the method still lacks, in its order, never what was just given."""
    if filed.people or t.state.stage == "reflection":
        _ask_reflection(t)
        return
    # the highlights come first in the method: still asked for when a shortfall came before them
    # (not when the message came while the goals were collected)
    went = _position(t.state.analysis.step) if t.state.stage == "analysis" else 3
    lacking_highlights = not t.review.highlights and went == 0
    if t.state.stage == "review":
        if not t.state.review.focus:  # "不好的就是客单价和差评": the KPIs the shortfalls name are the focus
            t.state.review.focus = _goals_named(t, filed.shortfalls)
        t.state.enter("analysis")
    chains = t.review.cause_chains
    last = filed.last_chain
    if last is not None and last.share is None and not any(c.is_main and c.share for c in chains):
        t.state.analysis.share_chain = chains.index(last)
        if kinds:
            t.state.analysis.findings_kind = (
                "highlights" if lacking_highlights or kinds == {"highlights"} else "shortfalls"
            )
            t.state.analysis.step = "chain_share"
        else:
            t.state.analysis.step = "share"
        t.ask("drill_share", root=quote(last.root_cause, t.lang))
        return
    if not kinds:
        drilldown.after_share(t)  # a drill-down said whole: more causes while the gap is unexplained
    elif lacking_highlights:
        t.state.analysis.step = "highlights"
        t.ask("analysis_highlights_still")
    elif "missed" in kinds:
        analysis.ask_choose(t)
    elif "shortfalls" in kinds:
        t.state.analysis.step = "shortfalls"
        t.ask("analysis_shortfalls_more")
    else:
        t.state.analysis.step = "highlights"
        t.ask("analysis_highlights_more")


def _goals_named(t: Turn, findings: list[str]) -> list[int]:
    said = " ".join(findings).casefold()
    return [i for i, goal in enumerate(t.review.goals) if goal.name and goal.name.casefold() in said]


def _position(step: AnalysisStep) -> int:
    """How far the findings went: 0 highlights, 1 shortfalls, 2 what should have been done, 3 drill-down."""
    if step in ("highlights", "highlight_why", "finding_kind", ""):
        return 0
    if step in ("shortfalls", "shortfall_why"):
        return 1
    if step == "missed":
        return 2
    return 3


def _ask_reflection(t: Turn) -> None:
    """Go on with the reflections: the next answer this person has not given, else who is next."""
    if t.state.stage != "reflection":
        t.state.enter("reflection")
    index = t.state.reflection.person_index
    if index is not None and 0 <= index < len(t.review.reflections):
        mine = t.review.reflections[index]
        missing = [i for i, key in enumerate(QUESTIONS) if getattr(mine, key) is None]
        # answering one by one: the next question; a whole reflection at once left the rest out on purpose
        if missing and sum(getattr(mine, key) is not None for key in QUESTIONS) <= 1:
            t.state.reflection.step = "answer"
            t.state.reflection.question = missing[0]
            t.ask(f"reflection_q{missing[0]}", person=mine.person or "")
            return
    t.state.reflection.step = "person"
    t.ask("reflection_next")
