"""The method's four steps have one set of names (coach.domain.labels): the report, the web pages, the
LLM prompts and the docs name and number them the same way, with 个人反思 inside 分析根因."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coach.domain.labels import METHOD, METHOD_STEP, METHOD_STEPS, PERSONAL_REFLECTION, STEPS, gap_text
from coach.domain.report import render_markdown
from coach.domain.retrospective import Goal, Language, Retrospective

ROOT = Path(__file__).resolve().parents[2]
STATIC = ROOT / "coach" / "web" / "static"


def _names(lang: Language) -> list[str]:
    return [STEPS[stage][lang] for stage in METHOD]


def test_four_steps_in_order_with_the_reflection_inside_the_root_causes() -> None:
    assert METHOD == ("review", "analysis", "lessons", "actions") and METHOD_STEPS == 4
    assert _names("zh") == ["回顾评估", "分析根因", "总结提取", "转化应用"]
    assert _names("en") == ["Review", "Root causes", "Lessons", "Actions"]
    assert METHOD_STEP["reflection"] == METHOD_STEP["analysis"] == 2
    assert STEPS["reflection"]["zh"] == f"分析根因 · {PERSONAL_REFLECTION['zh']}"
    assert "done" not in METHOD_STEP  # "done" is no fifth step


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_report_heads_its_four_sections_with_the_step_names(lang: Language) -> None:
    report = render_markdown(Retrospective(id="r1", title="复盘", language=lang), lang)
    headings = re.findall(r"^## (?:[一二三四五六七八九]、|\d\. )(.+)$", report, re.M)
    assert headings == _names(lang)


@pytest.mark.parametrize("page", ["app.js", "widget.js"])
def test_the_web_pages_name_the_steps_as_the_labels_do(page: str) -> None:
    script = (STATIC / page).read_text(encoding="utf-8")
    arrays = [re.findall(r'"([^"]+)"', body) for body in re.findall(r"\bsteps:\s*\[([^\]]*)\]", script)]
    assert sorted(arrays) == sorted([_names("zh"), _names("en")])


def test_the_widget_numbers_the_stages_as_the_method_does() -> None:
    script = (STATIC / "widget.js").read_text(encoding="utf-8")
    order = re.search(r"var STEPS = \[([^\]]*)\]", script)
    numbers = re.search(r"var STAGE_STEP = \{([^}]*)\}", script)
    assert order and numbers
    assert tuple(re.findall(r'"(\w+)"', order[1])) == METHOD
    index = {stage: int(n) for stage, n in re.findall(r"(\w+):\s*(\d+)", numbers[1])}
    assert {stage: index[stage] + 1 for stage in METHOD_STEP} == METHOD_STEP


def _outlines(text: str) -> list[list[str]]:
    """Every Chinese 'A → B → C → D' outline of the steps in a text; asides that name no step are dropped
    ("分析根因 (现象→表因→根因→主因)" is one step and its ladder)."""
    names = _names("zh")
    found = []
    for line in text.splitlines():
        line = re.sub(r"[（(][^（()）]*[）)]", lambda m: m[0] if any(n in m[0] for n in names) else "", line)
        for outline in re.findall(r"[\u4e00-\u9fff]+(?:\s*→\s*[\u4e00-\u9fff]+)+", line):
            items = [item.strip() for item in outline.split("→")]
            if set(items) & set(names):
                found.append(items)
    return found


@pytest.mark.parametrize(
    "path",
    [
        "README.md",
        "docs/web.md",
        *sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "prompts").glob("coach-*.zh.md")),
    ],
)
def test_the_docs_and_prompts_outline_the_same_four_steps(path: str) -> None:
    outlines = _outlines((ROOT / path).read_text(encoding="utf-8"))
    assert outlines and all(items == _names("zh") for items in outlines), outlines


def test_the_outline_check_catches_a_fifth_step() -> None:
    assert _outlines("回顾评估 → 分析根因 → 个人反思 → 总结提取 → 转化应用") != [_names("zh")]


@pytest.mark.parametrize(
    ("lang", "ratio", "shown"),
    [
        ("en", -0.004, "-0.4 pp (-0.4% relative)"),  # a small relative gap is shown, never "-0%"
        ("zh", -0.14, "-3.5 个百分点（相对 -14%）"),
    ],
)
def test_a_percentage_gap_is_in_points_with_the_relative_gap_beside_it(
    lang: Language, ratio: float, shown: str
) -> None:
    points = -0.4 if lang == "en" else -3.5
    goal = Goal(name="x", unit="%", gap_value=points, gap_ratio=ratio)
    assert gap_text(goal, lang, digits=0) == shown
