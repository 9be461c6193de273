"""Localized labels for the document's enums and the method's steps (zh default, en)."""

from __future__ import annotations

from coach.domain.retrospective import ActionKind, Dimension, Goal, Language, LessonAction, Verdict

DIMENSION = {
    Dimension.organization: {"zh": "组织", "en": "Organization"},
    Dimension.culture: {"zh": "文化", "en": "Culture"},
    Dimension.people: {"zh": "人", "en": "People"},
    Dimension.business: {"zh": "业务", "en": "Business"},
}
LESSON_ACTION = {
    LessonAction.continue_: {"zh": "继续", "en": "Continue"},
    LessonAction.stop: {"zh": "停止", "en": "Stop"},
    LessonAction.optimize: {"zh": "优化", "en": "Optimize"},
    LessonAction.start: {"zh": "新增", "en": "Start"},
}
VERDICT = {
    Verdict.exceeded: {"zh": "超额完成", "en": "exceeded"},
    Verdict.met: {"zh": "达成", "en": "met"},
    Verdict.missed: {"zh": "未达成", "en": "missed"},
    Verdict.far_missed: {"zh": "差距很大", "en": "far missed"},
}
ACTION_KIND = {
    ActionKind.focus: {"zh": "重点事项", "en": "Focus"},
    ActionKind.strategy: {"zh": "策略调整", "en": "Strategy"},
    ActionKind.improvement: {"zh": "改进点", "en": "Improvement"},
    ActionKind.opportunity: {"zh": "机会点", "en": "Opportunity"},
}
# The one source of the method's step names: replies, report headings, the CLI and the LLM prompts' stage.
METHOD = ("review", "analysis", "lessons", "actions")  # the four steps (四步), in order
# the personal reflection sits inside 分析根因: it is no step of its own
PERSONAL_REFLECTION = {"zh": "个人反思", "en": "personal reflection"}
_ROOT_CAUSES = {"zh": "分析根因", "en": "Root causes"}
STEPS = {
    "followup": {"zh": "上次行动跟进", "en": "Follow-up"},
    "review": {"zh": "回顾评估", "en": "Review"},
    "analysis": _ROOT_CAUSES,
    "reflection": {lang: f"{name} · {PERSONAL_REFLECTION[lang]}" for lang, name in _ROOT_CAUSES.items()},
    "lessons": {"zh": "总结提取", "en": "Lessons"},
    "actions": {"zh": "转化应用", "en": "Actions"},
    "done": {"zh": "完成", "en": "Done"},
}

# the step number of each stage; the personal reflection sits inside 分析根因, the follow-up comes before
METHOD_STEP = {stage: n for n, stage in enumerate(METHOD, 1)} | {"reflection": METHOD.index("analysis") + 1}
METHOD_STEPS = len(METHOD)


def label(table: dict, key: object, lang: Language) -> str:  # type: ignore[type-arg]
    """The label of an enum value, or '—' when unset."""
    if key is None:
        return "—"
    return str(table[key][lang])


def gap_text(goal: Goal, lang: Language, digits: int = 1) -> str | None:
    """The gap as a lead reads it: "-3.5 个百分点（相对 -14%）" for a % KPI, else "-20%"; None if unknown."""
    if goal.unit == "%" and goal.gap_value is not None:
        points = f"{round(goal.gap_value, 2):+g}"
        text = f"{points} 个百分点" if lang == "zh" else f"{points} pp"
        if goal.gap_ratio is not None:
            relative = _percent(goal.gap_ratio, digits)
            text += f"（相对 {relative}）" if lang == "zh" else f" ({relative} relative)"
        return text
    if goal.gap_ratio is not None:
        return _percent(goal.gap_ratio, digits)
    if goal.gap_value is not None:
        return f"{goal.gap_value:+g}{goal.unit or ''}"
    return None


def _percent(ratio: float, digits: int) -> str:
    """ "+15%"; a small gap keeps the digits that show it ("-0.4%", never "-0%")."""
    while ratio and round(ratio * 100, digits) == 0 and digits < 2:
        digits += 1
    return f"{ratio * 100:+.{digits}f}%"
