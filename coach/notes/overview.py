"""The per-batch overview: goals met/missed, causes and lessons that recur across notes, all actions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coach.domain.labels import VERDICT, label
from coach.domain.retrospective import Language, Retrospective, Verdict
from coach.notes.similarity import similarity

_T = {
    "zh": {
        "title": "# 批量复盘总览",
        "count": "共 {n} 份笔记：{ok} 份成功，{bad} 份失败。",
        "goals": "## 目标达成",
        "goal_line": "达成或超额 {met} 个，未达成 {missed} 个，无法判断 {unknown} 个。",
        "goal_head": "| 笔记 | 目标 | 目标值 | 结果 | 评估 |",
        "causes": "## 反复出现的原因",
        "lessons": "## 反复出现的经验教训",
        "recur_head": "| 内容 | 出现次数 | 笔记 |",
        "actions": "## 全部行动（按负责人、日期）",
        "action_head": "| 负责人 | 日期 | 事项 | 笔记 |",
        "errors": "## 未能处理的文件",
        "none": "（无）",
        "unassigned": "（未指定）",
    },
    "en": {
        "title": "# Batch overview",
        "count": "{n} notes: {ok} summarized, {bad} failed.",
        "goals": "## Goals",
        "goal_line": "{met} met or exceeded, {missed} missed, {unknown} undetermined.",
        "goal_head": "| Note | Goal | Target | Result | Verdict |",
        "causes": "## Causes that recur",
        "lessons": "## Lessons that recur",
        "recur_head": "| Text | Times | Notes |",
        "actions": "## All actions (by owner and date)",
        "action_head": "| Owner | Date | Action | Note |",
        "errors": "## Files that could not be summarized",
        "none": "(none)",
        "unassigned": "(unassigned)",
    },
}


@dataclass(frozen=True)
class NoteResult:
    """One note of a batch: its document, or the error that stopped it."""

    name: str
    doc: Retrospective | None = None
    error: str | None = None


def _cell(text: object) -> str:
    return "—" if text in (None, "") else str(text).replace("|", "\\|").replace("\n", " ")


def _row(cells: list[object]) -> str:
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def recurring(entries: list[tuple[str, str]], threshold: float = 0.3) -> list[tuple[str, list[str]]]:
    """Texts said in at least two different notes, clustered by wording: (text, note names)."""
    clusters: list[tuple[str, list[str]]] = []
    for note, text in entries:
        for head, notes in clusters:
            if similarity(head, text) >= threshold:
                if note not in notes:
                    notes.append(note)
                break
        else:
            clusters.append((text, [note]))
    return sorted((c for c in clusters if len(c[1]) >= 2), key=lambda c: -len(c[1]))


def _language(results: list[NoteResult]) -> Language:
    docs = [r.doc for r in results if r.doc]
    en = sum(1 for d in docs if d.language == "en")
    return "en" if docs and en > len(docs) / 2 else "zh"


def render_overview(results: list[NoteResult], lang: Language | None = None) -> str:
    """The batch overview as Markdown."""
    lang = lang or _language(results)
    t = _T[lang]
    done = [r for r in results if r.doc is not None]
    failed = [r for r in results if r.doc is None]
    out = [t["title"], "", t["count"].format(n=len(results), ok=len(done), bad=len(failed)), ""]

    goals = [(r.name, g) for r in done if r.doc for g in r.doc.goals]
    met = sum(1 for _, g in goals if g.verdict in (Verdict.met, Verdict.exceeded))
    missed = sum(1 for _, g in goals if g.verdict in (Verdict.missed, Verdict.far_missed))
    out += [
        t["goals"],
        "",
        t["goal_line"].format(met=met, missed=missed, unknown=len(goals) - met - missed),
        "",
    ]
    if goals:
        out += [t["goal_head"], "|---|---|---|---|---|"]
        out += [_row([n, g.name, g.target, g.result, label(VERDICT, g.verdict, lang)]) for n, g in goals]
        out.append("")

    causes = [
        (r.name, c.root_cause or c.surface_cause or c.phenomenon)
        for r in done
        if r.doc
        for c in r.doc.cause_chains
    ]
    lessons = [(r.name, le.text) for r in done if r.doc for le in r.doc.lessons]
    for heading, entries in ((t["causes"], causes), (t["lessons"], lessons)):
        out += [heading, ""]
        found = recurring(entries)
        if found:
            out += [t["recur_head"], "|---|---|---|"]
            out += [_row([text, len(notes), ", ".join(notes)]) for text, notes in found]
        else:
            out.append(t["none"])
        out.append("")

    actions = [(r.name, a) for r in done if r.doc for a in r.doc.actions]
    actions.sort(key=lambda na: (na[1].who is None, na[1].who or "", na[1].when or dt.date.max))
    out += [t["actions"], ""]
    if actions:
        out += [t["action_head"], "|---|---|---|---|"]
        out += [
            _row([a.who or t["unassigned"], a.when.isoformat() if a.when else a.when_text, a.what, n])
            for n, a in actions
        ]
    else:
        out.append(t["none"])
    out.append("")
    if failed:
        out += [t["errors"], ""] + [f"- {r.name}: {r.error}" for r in failed] + [""]
    return "\n".join(out)
