"""The running summary of a review: counts for the progress line, a paragraph for `review.summary`."""

from __future__ import annotations

from coach.domain.labels import STEPS, VERDICT, gap_text, label
from coach.domain.retrospective import Language, Retrospective


def counts(review: Retrospective, lang: Language) -> str:
    """'2 个目标 · 1 条因果链 · 4 条经验 · 2 项行动'."""
    r = review
    if lang == "zh":
        return (
            f"{len(r.goals)} 个目标 · {len(r.highlights)} 个亮点 · {len(r.shortfalls)} 个不足 · "
            f"{len(r.cause_chains)} 条因果链 · {len(r.lessons)} 条经验 · {len(r.actions)} 项行动"
        )
    return (
        f"{len(r.goals)} goals · {len(r.highlights)} highlights · {len(r.shortfalls)} shortfalls · "
        f"{len(r.cause_chains)} cause chains · {len(r.lessons)} lessons · {len(r.actions)} actions"
    )


def summarize(review: Retrospective, lang: Language) -> str:
    """A short paragraph a lead can paste: gaps, main cause, lessons and actions."""
    zh = lang == "zh"
    sep = "；" if zh else "; "
    parts: list[str] = []
    goals = [
        f"{g.name} {gap_text(g, lang, digits=0)}"
        + (
            f"（{label(VERDICT, g.verdict, lang)}）"
            if zh and g.verdict
            else f" ({label(VERDICT, g.verdict, lang)})"
            if g.verdict
            else ""
        )
        if gap_text(g, lang) is not None
        else g.name
        for g in review.goals
    ]
    if goals:
        parts.append(("目标：" if zh else "Goals: ") + ("、" if zh else ", ").join(goals))
    main = next((c for c in review.cause_chains if c.is_main), None) or (
        review.cause_chains[0] if review.cause_chains else None
    )
    if main and main.root_cause:
        share = f"{main.share * 100:.0f}%" if main.share is not None else "?"
        parts.append(
            f"主因：{main.root_cause}（约 {share}）" if zh else f"Main cause: {main.root_cause} (~{share})"
        )
    if review.lessons:
        parts.append(f"经验 {len(review.lessons)} 条" if zh else f"{len(review.lessons)} lessons")
    if review.actions:
        items = [
            f"{a.what}（{a.who or '?'}，{a.when or a.when_text or '?'}）"
            if zh
            else f"{a.what} ({a.who or '?'}, {a.when or a.when_text or '?'})"
            for a in review.actions
        ]
        parts.append(("行动：" if zh else "Actions: ") + sep.join(items))
    if not parts:
        return "还没有内容。" if zh else "Nothing recorded yet."
    return sep.join(parts) + ("。" if zh else ".")


def stage_label(stage: str, lang: Language) -> str:
    return STEPS.get(stage, {}).get(lang, stage)
