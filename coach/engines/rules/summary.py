"""The running summary of a review: counts for the progress line, a paragraph for `review.summary`."""

from __future__ import annotations

from coach.domain.labels import STEPS, VERDICT, gap_text, label
from coach.domain.retrospective import Goal, Language, Retrospective
from coach.engines.rules.replies import render


def counts(review: Retrospective, lang: Language) -> str:
    """'2 个目标 · 1 个亮点 · … · 2 项行动'."""
    r = review
    return render(
        "counts",
        lang,
        goals=len(r.goals),
        highlights=len(r.highlights),
        shortfalls=len(r.shortfalls),
        chains=len(r.cause_chains),
        lessons=len(r.lessons),
        actions=len(r.actions),
    )


def summarize(review: Retrospective, lang: Language) -> str:
    """A short paragraph a lead can paste: gaps, main cause, lessons and actions."""
    zh = lang == "zh"
    sep = "；" if zh else "; "
    parts: list[str] = []
    goals = [_goal(g, lang) for g in review.goals]
    if goals:
        parts.append(render("summary_goals", lang, goals=("、" if zh else ", ").join(goals)))
    main = next((c for c in review.cause_chains if c.is_main), None) or (
        review.cause_chains[0] if review.cause_chains else None
    )
    if main and main.root_cause:
        share = f"{main.share * 100:.0f}%" if main.share is not None else "?"
        parts.append(render("summary_main", lang, root=main.root_cause, share=share))
    if review.lessons:
        parts.append(render("summary_lessons", lang, count=len(review.lessons)))
    if review.actions:
        items = [
            render("summary_action", lang, what=a.what, who=a.who or "?", when=a.when or a.when_text or "?")
            for a in review.actions
        ]
        parts.append(render("summary_actions", lang, actions=sep.join(items)))
    if not parts:
        return render("summary_empty", lang)
    return render("summary_paragraph", lang, parts=sep.join(parts))


def _goal(goal: Goal, lang: Language) -> str:
    """'回款 -20%（未达成）'; the name alone when the gap is unknown."""
    gap = gap_text(goal, lang, digits=0)
    if gap is None:
        return goal.name
    if goal.verdict is None:
        return f"{goal.name} {gap}"
    return render("summary_goal", lang, name=goal.name, gap=gap, verdict=label(VERDICT, goal.verdict, lang))


def stage_label(stage: str, lang: Language) -> str:
    return STEPS.get(stage, {}).get(lang, stage)
