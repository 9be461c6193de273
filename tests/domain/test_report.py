"""The Markdown report has the four steps of the method, in the document's language."""

from __future__ import annotations

from coach.domain.report import render_markdown
from coach.domain.retrospective import Retrospective
from tests.domain.test_retrospective import FULL


def test_the_chinese_report_has_all_four_steps_and_the_content() -> None:
    text = render_markdown(Retrospective.model_validate(FULL))
    for heading in ("## 一、回顾评估", "## 二、分析根因", "## 三、总结提取", "## 四、转化应用"):
        assert heading in text
    assert "| 回款 | 1.2亿 | 9600万 | -20.0% | 未达成 |" in text
    assert "没有渠道负责人" in text and "70%" in text and "主因" in text
    assert "| 渠道要有人负责 | 组织 | 新增 |" in text
    assert "| 设渠道负责人 | 每周一对齐 | 2026-05-08 | 李娜 | 重点事项 |" in text


def test_the_english_report_uses_english_labels() -> None:
    text = render_markdown(Retrospective.model_validate(FULL), "en")
    for heading in ("## 1. Review", "## 2. Root causes", "## 3. Lessons", "## 4. Actions"):
        assert heading in text
    assert "| Organization | Start |" in text


def test_pipes_in_user_text_do_not_break_the_tables() -> None:
    data = {**FULL, "lessons": [{"text": "a | b", "dimension": "people", "action": "stop"}]}
    text = render_markdown(Retrospective.model_validate(data))
    assert "| a \\| b | 人 | 停止 |" in text


def test_an_empty_review_still_renders_every_step() -> None:
    text = render_markdown(Retrospective(id="x", title="空", language="en"))
    assert text.count("(none yet)") >= 5


def test_a_percentage_kpi_gap_is_in_points_with_the_relative_gap_beside_it() -> None:
    margin = {"name": "毛利率", "target": "25%", "result": "21.5%", "target_value": 25, "result_value": 21.5}
    margin |= {"unit": "%", "gap_value": -3.5, "gap_ratio": -0.14, "verdict": "missed"}
    doc = Retrospective.model_validate({**FULL, "goals": [margin]})
    assert "| 毛利率 | 25% | 21.5% | -3.5 个百分点（相对 -14.0%） | 未达成 |" in render_markdown(doc)
    assert "| -3.5 pp (-14.0% relative) | missed |" in render_markdown(doc, "en")


def test_a_findings_causes_are_written_in_the_reports_language() -> None:
    data = {
        **FULL,
        "highlights": [
            {"text": "Paged within 4 minutes", "causes": ["the runbook links the dashboard", "drills"]}
        ],
    }
    english = render_markdown(Retrospective.model_validate(data), "en")
    assert "- Paged within 4 minutes (causes: the runbook links the dashboard; drills)" in english
    chinese = render_markdown(Retrospective.model_validate(data), "zh")
    assert "- Paged within 4 minutes（原因：the runbook links the dashboard；drills）" in chinese
