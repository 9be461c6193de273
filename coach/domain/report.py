"""The Markdown report a team pastes into its wiki: the four steps of the method."""

from __future__ import annotations

from coach.domain.labels import (
    ACTION_KIND,
    DIMENSION,
    LESSON_ACTION,
    STEPS,
    VERDICT,
    gap_text,
    label,
)
from coach.domain.retrospective import Goal, Language, Retrospective

_REFLECTION_QUESTIONS = {
    "zh": ("最触动", "新发现", "重来会做得更好", "下一步改进"),
    "en": ("Moved me most", "Found about myself", "Would do better", "Next step"),
}

_T: dict[str, dict[str, str]] = {
    "zh": {
        "meta": "团队：{team} · 日期：{date}",
        "s1": f"## 一、{STEPS['review']['zh']}",
        "s2": f"## 二、{STEPS['analysis']['zh']}",
        "s2a": "### 亮点",
        "s2b": "### 不足",
        "s2c": "### 现象 → 表因 → 根因",
        "s2d": "### 个人反思",
        "s3": f"## 三、{STEPS['lessons']['zh']}",
        "s4": f"## 四、{STEPS['actions']['zh']}",
        "summary": "## 摘要",
        "goal_head": "| 目标 | 目标值 | 结果 | 差距 | 评估 |",
        "chain_head": "| 现象 | 表因 | 根因 | 占比 | 主因 |",
        "lesson_head": "| 经验教训 | 维度 | 动作 |",
        "action_head": "| 做什么 (WHAT) | 怎么做 (HOW) | 何时 (WHEN) | 谁 (WHO) | 类型 |",
        "none": "（暂无）",
        "causes": "（原因：{causes}）",
        "cause_sep": "；",
        "main": "✅ 主因",
        "someone": "成员",
    },
    "en": {
        "meta": "Team: {team} · Date: {date}",
        "s1": f"## 1. {STEPS['review']['en']}",
        "s2": f"## 2. {STEPS['analysis']['en']}",
        "s2a": "### Highlights",
        "s2b": "### Shortfalls",
        "s2c": "### Phenomenon → surface cause → root cause",
        "s2d": "### Personal reflections",
        "s3": f"## 3. {STEPS['lessons']['en']}",
        "s4": f"## 4. {STEPS['actions']['en']}",
        "summary": "## Summary",
        "goal_head": "| Goal | Target | Result | Gap | Verdict |",
        "chain_head": "| Phenomenon | Surface cause | Root cause | Share | Main |",
        "lesson_head": "| Lesson | Dimension | Action |",
        "action_head": "| WHAT | HOW | WHEN | WHO | Kind |",
        "none": "(none yet)",
        "causes": " (causes: {causes})",
        "cause_sep": "; ",
        "main": "✅ main",
        "someone": "Member",
    },
}


def _cell(text: object) -> str:
    """Table-safe text: pipes and newlines would break the row."""
    if text is None or text == "":
        return "—"
    return str(text).replace("|", "\\|").replace("\n", " ")


def _causes(causes: list[str], t: dict[str, str]) -> str:
    """A finding's causes after it, in the report's language: "（原因：A；B）", " (causes: A; B)"."""
    return t["causes"].format(causes=t["cause_sep"].join(causes)) if causes else ""


def _gap(goal: Goal, lang: Language) -> str:
    return gap_text(goal, lang) or "—"


def _table(head: str, rows: list[list[object]]) -> list[str]:
    columns = head.count("|") - 1
    return [head, "|" + "---|" * columns, *("| " + " | ".join(_cell(c) for c in row) + " |" for row in rows)]


def render_markdown(doc: Retrospective, lang: Language | None = None) -> str:
    lang = lang or doc.language
    t = _T[lang]
    out = [f"# {doc.title}", "", t["meta"].format(team=doc.team or "—", date=doc.date or "—"), ""]
    if doc.summary:
        out += [t["summary"], "", doc.summary, ""]
    out += [t["s1"], ""]
    goal_rows: list[list[object]] = [
        [g.name, g.target, g.result, _gap(g, lang), label(VERDICT, g.verdict, lang)] for g in doc.goals
    ]
    out += (_table(t["goal_head"], goal_rows) if goal_rows else [t["none"]]) + [""]

    out += [t["s2"], "", t["s2a"], ""]
    out += [f"- {f.text}" + _causes(f.causes, t) for f in doc.highlights] or [t["none"]]
    out += ["", t["s2b"], ""]
    out += [f"- {f.text}" + _causes(f.causes, t) for f in doc.shortfalls] or [t["none"]]
    out += ["", t["s2c"], ""]
    chain_rows: list[list[object]] = [
        [
            c.phenomenon,
            c.surface_cause,
            c.root_cause,
            f"{c.share:.0%}" if c.share is not None else None,
            t["main"] if c.is_main else "",
        ]
        for c in doc.cause_chains
    ]
    out += (_table(t["chain_head"], chain_rows) if chain_rows else [t["none"]]) + [""]
    if doc.reflections:
        out += [t["s2d"], ""]
        for r in doc.reflections:
            out.append(f"**{r.person or t['someone']}**")
            answers = (r.most_touched, r.self_discovery, r.do_better, r.next_step)
            out += [f"- {q}：{a}" for q, a in zip(_REFLECTION_QUESTIONS[lang], answers, strict=True) if a]
            out.append("")

    out += [t["s3"], ""]
    lesson_rows: list[list[object]] = [
        [le.text, label(DIMENSION, le.dimension, lang), label(LESSON_ACTION, le.action, lang)]
        for le in doc.lessons
    ]
    out += (_table(t["lesson_head"], lesson_rows) if lesson_rows else [t["none"]]) + [""]

    out += [t["s4"], ""]
    action_rows: list[list[object]] = [
        [
            a.what,
            a.how,
            a.when.isoformat() if a.when else a.when_text,
            a.who,
            label(ACTION_KIND, a.kind, lang),
        ]
        for a in doc.actions
    ]
    out += (_table(t["action_head"], action_rows) if action_rows else [t["none"]]) + [""]
    return "\n".join(out)
