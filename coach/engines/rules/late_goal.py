"""A KPI remembered after the goals were collected: "对了，复购率目标15%，实际只有11%，这个也算没做好的".

Said in passing while the coach asks about findings or causes, it is no cause and no finding's words: it
is a goal, filed with its verdict, and a shortfall too when the user says so or the coach asked for
shortfalls. Then the coach asks its question again. A KPI given as the answer to a why ("因为转化率
目标3%，实际1.8%") is a cause: only a KPI said aside, or said to be a shortfall, is taken here.
"""

from __future__ import annotations

import re
from functools import cache

from coach.domain.reading import cues
from coach.domain.reading.blocks import strip_filler
from coach.domain.reading.goals import Context, goals_in
from coach.domain.retrospective import Finding, Goal, Verdict
from coach.engines.rules.stages.review import goal_line
from coach.engines.rules.text import quote, word_grams
from coach.engines.rules.turn import Turn

_MISSED = (Verdict.missed, Verdict.far_missed)


@cache
def _aside() -> re.Pattern[str]:
    return re.compile(rf"^(?:{cues.alternatives('aside_lead')})\b\s*[：:，,]?", re.I)


def _said_as_shortfall() -> re.Pattern[str]:
    return cues.words_pattern("kpi_said_as_shortfall")


def take(t: Turn) -> bool:
    """File the KPIs a message states aside during the analysis; True when it did."""
    if t.state.stage != "analysis" or not t.review.goals:
        return False
    if cues.words_pattern("because").search(t.text):
        return False  # a KPI that explains is a cause
    as_shortfall = bool(_said_as_shortfall().search(t.text))
    asked_shortfalls = t.state.analysis.step == "shortfalls"
    if not (_aside().match(t.text.strip()) or as_shortfall or asked_shortfalls):
        return False
    goals = [g for g in goals_in(t.text, context=Context.statement) if _new(t.review.goals, g)]
    goals = [g for g in goals if g.target_value is not None and g.result_value is not None]
    if not goals or not _only_kpis(t.text, goals, as_shortfall):
        return False
    for goal in goals:
        t.review.goals.append(goal)
        t.say("late_goal_filed", goal=goal_line(t, goal))
        if goal.verdict in _MISSED and (as_shortfall or asked_shortfalls):
            t.review.shortfalls.append(Finding(text=goal.name, evidence=t.text))
            t.say("late_goal_shortfall", finding=quote(goal.name, t.lang))
    t.reask()
    return True


def _new(goals: list[Goal], goal: Goal) -> bool:
    """Whether no goal filed shares most of its name's words."""
    said = word_grams(goal.name)
    return all(len(said & word_grams(g.name)) * 2 < max(len(said), 1) for g in goals)


def _only_kpis(text: str, goals: list[Goal], as_shortfall: bool) -> bool:
    """Whether the message says nothing but the KPIs (and that they are shortfalls): anything else in it
    is another fact, for the readers after this one."""
    rest = text
    for goal in goals:
        rest = rest.replace(goal.evidence or "", " ")
    rest = _aside().sub("", strip_filler(rest.strip(" ，,。.;；")))
    if as_shortfall:
        rest = _said_as_shortfall().sub("", rest)
    return not re.search(r"[\u4e00-\u9fff]{5}|[A-Za-z]{3,}(?:\s+[A-Za-z]{3,}){2}", rest)
