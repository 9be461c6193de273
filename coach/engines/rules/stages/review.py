"""Review (回顾评估): each KPI's target, result and gap; quantify once; pick the gaps that matter."""

from __future__ import annotations

import re
from functools import cache

from coach.domain.critique import is_no, is_unquantifiable, is_yes, normalize
from coach.domain.labels import VERDICT, gap_text, label
from coach.domain.parsing import build_goal, find_tolerance, parse_quantities
from coach.domain.parsing.numbers import Quantity
from coach.domain.reading import cues
from coach.domain.reading.goals import answer_goals as read_goals
from coach.domain.reading.goals import has_numbers, split_target_result
from coach.domain.retrospective import Goal, Verdict
from coach.engines.rules import flow
from coach.engines.rules.replies import render
from coach.engines.rules.text import item_numbers, quote, word_grams
from coach.engines.rules.turn import Turn

# The step's cue words are the language files' lists named below; the patterns here only set them.


@cache
def _none_more() -> re.Pattern[str]:
    return re.compile(rf"^(?:{cues.alternatives('no_more_goals')})", re.I)


def _every_goal() -> re.Pattern[str]:
    return cues.words_pattern("every_goal")


def enter(t: Turn) -> None:
    if t.review.goals:
        t.say("review_goals_so_far", goals=_goal_lines(t, t.review.goals))
        t.state.review.step = "more"
        t.ask("review_more")
        return
    t.state.review.step = "goals"
    t.ask("review_goals")


def handle(t: Turn) -> None:
    step = t.state.review.step
    if step == "quantify":
        _quantify(t)
    elif step == "focus":
        _focus(t)
    elif step == "more":
        _more(t)
    else:
        _add_goals(t)


def skip(t: Turn) -> None:
    if t.state.review.step == "quantify" and t.state.review.quantify_goal is not None:
        t.state.review.quantify_asked.append(t.state.review.quantify_goal)
        _after_goals(t)
        return
    flow.advance(t)


def parse_goals(text: str) -> list[Goal]:
    """'回款目标1.2亿，实际9600万；新客户数目标50，实际62' → two goals with gaps and verdicts."""
    return read_goals(text)


def _add_goals(t: Turn) -> None:
    goals = parse_goals(t.text)
    if not goals:
        intro = cues.words_pattern("review_intro").search(t.text)
        if intro and not t.review.goals and not has_numbers(t.text):
            t.say("review_intro")  # "我们是城北店，11月复盘下": who and what, no KPI yet; no error for it
            t.reask()
            return
        if t.review.goals and not has_numbers(t.text):
            _ask_focus(t)  # words without a KPI once KPIs are there: the user has moved on
            return
        t.say("review_numbers_unclear" if has_numbers(t.text) else "review_no_goal")
        t.reask()
        return
    t.review.goals.extend(goals)
    quantified = [g for g in goals if _quantified(g)]
    if quantified:
        t.say("review_goals_heard", goals=_goal_lines(t, quantified))
    _after_goals(t)


def _correction() -> re.Pattern[str]:
    """ "哦不对，获客成本实际是250元", "sorry, CAC was actually 250", "更正：回款目标是1.3亿"."""
    return cues.words_pattern("goal_correction")


@cache
def _new_not_old() -> re.Pattern[str]:
    """ "是98%不是97%", "2.5%, not 3": a new number said beside the old one is a correction in itself."""
    return re.compile(rf"\d\s*%?\s*[，,]?\s*(?:{cues.alternatives('new_not_old')})\s*\d", re.I)


@cache
def _old_value() -> re.Pattern[str]:
    """The words before the old number beside the new one: "是98%不是97%", "95%, not 90"."""
    return re.compile(rf"(?:{cues.alternatives('old_value_mark')})\s*$", re.I)


def _correction_in_review() -> re.Pattern[str]:
    """Weaker words: a correction only while the KPIs are being collected."""
    return cues.words_pattern("goal_correction_in_review")


def _target_side() -> re.Pattern[str]:
    return cues.words_pattern("target_side")


def correct_goal(t: Turn) -> bool:
    """Corrected numbers for KPIs already filed, one per sentence that names a KPI ("出苗率…这一季是86.5%。
    销售额也说高了…实际271万"): update that side and re-judge it; True when there was one."""
    weak = t.state.stage == "review" and _correction_in_review().search(t.text)
    if not t.review.goals or not (_correction().search(t.text) or weak or _new_not_old().search(t.text)):
        return False
    strong = bool(_correction().search(t.text) or _new_not_old().search(t.text))
    sentences = [s for s in _SENTENCE_END.split(t.text) if s.strip()]
    changed = [i for s in sentences if (i := _correct_one(t, s, strong)) is not None]
    if not changed and len(sentences) > 1:
        changed = [i for i in [_correct_one(t, t.text, strong)] if i is not None]
    if not changed:
        return False
    for index in dict.fromkeys(changed):
        t.say("review_goal_corrected", goal=goal_line(t, t.review.goals[index]))
    t.reask()
    return True


_SENTENCE_END = re.compile(r"(?<=[。！？!?；;])|(?<=[^\d.]\.)\s+")


def _correct_one(t: Turn, said: str, strong: bool) -> int | None:
    """The KPI one sentence corrects, updated; None when the sentence corrects none."""
    quantities = _new_values(said)
    index = _goal_named(t.review.goals, said, quantities[0], strong) if quantities else None
    if index is None:
        return None
    goal = t.review.goals[index]
    old = [q for q in quantities if _same_as(q, goal.target) or _same_as(q, goal.result)]
    new = next((q for q in quantities if q not in old), None)
    if new is None:
        return None
    on_target = _target_side().search(said) or any(_same_as(q, goal.target) for q in old)
    target, result = (new.text, goal.result) if on_target else (goal.target, new.text)
    updated = build_goal(goal.name, target, result, said=said)
    evidence = "；".join(e for e in (goal.evidence, said) if e)
    t.review.goals[index] = updated.model_copy(update={"evidence": evidence})
    return index


def _same_as(said: Quantity, side: str | None) -> bool:
    """Whether a number said is the one a side of the KPI holds: "280" is the 280 of "280万" (the old value,
    said again to be replaced)."""
    if not side:
        return False
    numbers = re.findall(r"\d[\d,]*(?:\.\d+)?", side)
    digits = re.findall(r"\d[\d,]*(?:\.\d+)?", said.text)
    return bool(numbers and digits) and numbers[0].replace(",", "") == digits[0].replace(",", "")


def _goal_named(goals: list[Goal], text: str, new: Quantity, strong: bool) -> int | None:
    """The one KPI a correction names: by its whole name; after a plain correction ("哦不对", "Correction:")
    also by part of it ("win rate" for "Win rate on quoted deals", "报名" for "新生报名") among the KPIs in
    the new value's unit. None when unsure."""
    whole = [i for i, g in enumerate(goals) if g.name and g.name.lower() in text.lower()]
    if whole or not strong:
        return whole[0] if len(whole) == 1 else None
    said = word_grams(text)
    fits = [i for i, g in enumerate(goals) if g.name and _unit_fits(g.unit, new.unit)]
    share = {i: len(said & word_grams(goals[i].name)) / max(len(word_grams(goals[i].name)), 1) for i in fits}
    best = max(share.values(), default=0.0)
    named = [i for i, part in share.items() if part == best]
    return named[0] if best > 0 and len(named) == 1 else None


def _unit_fits(goal_unit: str | None, said_unit: str | None) -> bool:
    """A new value can replace a side of the KPI only in the KPI's own unit ("162人" for 新生报名); a bare
    count ("1.65万" for 到店客流 in 人次) fits any unit but a percentage."""
    return goal_unit == said_unit or (said_unit is None and goal_unit != "%")


def _new_values(text: str) -> list[Quantity]:
    """The numbers of a correction in the order said, never one marked as the old value."""
    found: list[Quantity] = []
    position = 0
    for quantity in parse_quantities(text):
        start = text.find(quantity.text, position)
        position = max(start, 0) + len(quantity.text)
        if start >= 0 and not _old_value().search(text[:start]):
            found.append(quantity)
    return found


def _after_goals(t: Turn) -> None:
    """Ask once to quantify each goal that has no numbers, then whether there are more goals."""
    for index, goal in enumerate(t.review.goals):
        if not _quantified(goal) and index not in t.state.review.quantify_asked:
            t.state.review.quantify_goal = index
            t.state.review.step = "quantify"
            t.ask("review_quantify", name=quote(goal.name, t.lang))
            return
    t.state.review.quantify_goal = None
    t.state.review.step = "more"
    t.ask("review_more")


def _quantify(t: Turn) -> None:
    index = t.state.review.quantify_goal
    if index is None or index >= len(t.review.goals):
        _after_goals(t)
        return
    t.state.review.quantify_asked.append(index)
    goal = t.review.goals[index]
    if is_unquantifiable(t.text) or is_no(t.text):
        t.say("review_unquantified_ok", name=quote(goal.name, t.lang))
        _after_goals(t)
        return
    target_text, result_text = split_target_result(t.text)
    if target_text is None and result_text is None:
        quantities = parse_quantities(t.text)
        if len(quantities) >= 2:
            target_text, result_text = quantities[0].text, quantities[1].text
        elif len(quantities) == 1:
            target_text, result_text = (
                (goal.target, quantities[0].text) if goal.target_value else (quantities[0].text, goal.result)
            )
    if not (target_text or result_text):
        t.say("review_unquantified_ok", name=quote(goal.name, t.lang))
        _after_goals(t)
        return
    band = find_tolerance(t.text)  # "上下浮动2%" said with the numbers stays with the target
    if band and target_text and not find_tolerance(target_text):
        target_text = f"{target_text}（{band.group(0).strip()}）"
    updated = build_goal(goal.name, target_text, result_text, said=t.text)
    evidence = "；".join(e for e in (goal.evidence, t.text) if e)
    t.review.goals[index] = updated.model_copy(update={"evidence": evidence})
    t.say("review_goals_heard", goals=_goal_lines(t, [t.review.goals[index]]))
    _after_goals(t)


def _more(t: Turn) -> None:
    body = normalize(t.text)
    if _none_more().match(body) or (is_no(body) and len(body) <= 6):
        _ask_focus(t)
        return
    if (_mentioned_goals(t) or _focus_cue().search(t.text)) and not re.search(r"\d", t.text):
        _focus(t)  # "投诉最重要", "Service level is the priority": the focus, never a new KPI
        return
    if is_yes(body) and len(body) <= 4:
        t.state.review.step = "goals"
        t.ask("review_goals")
        return
    _add_goals(t)


def _ask_focus(t: Turn) -> None:
    goals = t.review.goals
    if len(goals) <= 1:
        t.state.review.focus = list(range(len(goals)))
        flow.advance(t)
        return
    t.state.review.step = "focus"
    t.ask("review_focus", goals=_goal_lines(t, goals, numbered=True))


def _focus(t: Turn) -> None:
    goals = t.review.goals
    chosen = _mentioned_goals(t)
    if not chosen and _every_goal().search(t.text):
        chosen = list(range(len(goals)))
    if not chosen:
        chosen = [_biggest_gap(goals)] if goals else []
        if chosen:
            t.say("review_focus_default", name=quote(goals[chosen[0]].name, t.lang))
    t.state.review.focus = chosen
    if chosen:
        names = (
            "、".join(goals[i].name for i in chosen)
            if t.lang == "zh"
            else ", ".join(goals[i].name for i in chosen)
        )
        t.say("review_focus_set", names=names)
    flow.advance(t)


def _focus_cue() -> re.Pattern[str]:
    return cues.words_pattern("focus_cue")


def _mentioned_goals(t: Turn) -> list[int]:
    goals = t.review.goals
    low = t.text.lower()
    chosen = [i for i, g in enumerate(goals) if g.name and g.name.lower() in low]
    if not chosen and _focus_cue().search(t.text):
        # the goal named in other words: "报到人数最重要" for 报到, "Money raised matters most" for Raised
        # the most of its name said wins: "报名人数" names 新生报名 rather than 参观到报名的转化率
        said = _stems(_focus_cue().sub(" ", t.text))
        overlap = [(_named_share(said, g.name or ""), i) for i, g in enumerate(goals)]
        best = max(overlap, default=(0.0, -1))
        if best[0] > 0 and [o for o, _ in overlap].count(best[0]) == 1:
            chosen = [best[1]]
    for number in item_numbers(t.text):
        index = len(goals) - 1 if number == -1 else number - 1
        if 0 <= index < len(goals) and index not in chosen:
            chosen.append(index)
    return chosen


def _named_share(said: set[str], name: str) -> float:
    """How much of a KPI's name the words say (0 to 1)."""
    stems = _stems(name)
    return len(said & stems) / len(stems) if stems else 0.0


def _stems(text: str) -> set[str]:
    """Word grams with a plural's s dropped, so "returns" names the "return rate"."""
    return {re.sub(r"(?<=[a-z]{3})s$", "", gram) for gram in word_grams(text)}


def _biggest_gap(goals: list[Goal]) -> int:
    """The goal furthest below its target (else the first one)."""
    missed = [
        (g.gap_ratio or 0.0, i)
        for i, g in enumerate(goals)
        if g.verdict in (Verdict.missed, Verdict.far_missed)
    ]
    return min(missed)[1] if missed else 0


def _quantified(goal: Goal) -> bool:
    return goal.target_value is not None and goal.result_value is not None


def goal_line(t: Turn, goal: Goal) -> str:
    """'回款：目标 1.2亿，实际 9600万，差距 -20%（未达成）'."""
    gap = gap_text(goal, t.lang, digits=0)
    verdict = label(VERDICT, goal.verdict, t.lang) if goal.verdict is not None else None
    return render(
        "goal_line",
        t.lang,
        name=goal.name,
        target=goal.target or "—",
        result=goal.result or "—",
        gap=render("goal_gap", t.lang, gap=gap) if gap else "",
        verdict=render("goal_verdict", t.lang, verdict=verdict) if verdict else "",
    )


def _goal_lines(t: Turn, goals: list[Goal], numbered: bool = False) -> str:
    lines = [goal_line(t, g) for g in goals]
    return "\n".join(f"{i}. {line}" if numbered else f"· {line}" for i, line in enumerate(lines, 1))
