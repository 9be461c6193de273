"""Localized labels for the document's enums and the method's steps (zh default, en)."""

from __future__ import annotations

from coach.domain.retrospective import ActionKind, Dimension, Language, LessonAction, Verdict

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
STEPS = {
    "followup": {"zh": "上次行动跟进", "en": "Follow-up"},
    "review": {"zh": "回顾评估", "en": "Review"},
    "analysis": {"zh": "分析根因", "en": "Root causes"},
    "reflection": {"zh": "个人反思", "en": "Reflection"},
    "lessons": {"zh": "总结提取", "en": "Lessons"},
    "actions": {"zh": "转化应用", "en": "Actions"},
    "done": {"zh": "完成", "en": "Done"},
}


def label(table: dict, key: object, lang: Language) -> str:  # type: ignore[type-arg]
    """The label of an enum value, or '—' when unset."""
    if key is None:
        return "—"
    return str(table[key][lang])
