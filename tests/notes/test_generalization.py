"""Ways of writing KPI tables, owners and lesson tags that the dev notes do not use (zh and en)."""

from __future__ import annotations

import pytest

from coach.domain.parsing.owners import find_owner
from coach.domain.retrospective import Dimension, LessonAction
from coach.notes.actions import find_who
from coach.notes.extractor import RulesNotesExtractor


@pytest.mark.parametrize(
    ("header", "row", "name", "target", "result"),
    [
        ("| 指标 | 目标 | 实际 | 达成率 |", "| 回款 | 1.2亿 | 9600万 | 80% |", "回款", 1.2e8, 9.6e7),
        ("| Metric | Target | Actual | Status |", "| Win rate | 25% | 18% | missed |", "Win rate", 25, 18),
        ("| 项目 | 计划 | 完成 |", "| 新客户数 | 60 家 | 45 家 |", "新客户数", 60, 45),
    ],
)
def test_kpi_tables(header: str, row: str, name: str, target: float, result: float) -> None:
    note = f"# 复盘\n复盘日期：2026年5月8日\n\n{header}\n|---|---|---|---|\n{row}\n"
    goals = RulesNotesExtractor().extract(note, doc_id="t", title="t").goals
    assert [(g.name, g.target_value, g.result_value) for g in goals] == [(name, target, result)]


OWNERS = [
    ("@张三 下周五前出方案", "张三"),
    ("由张三牵头，月底前完成", "张三"),
    ("负责人：张三，月底前", "张三"),
    ("张三（PM）跟进，月底前", "张三"),
    ("张三（产品经理）负责", "张三"),
    ("补齐测试机型（老罗）", "老罗"),
    ("补齐测试机型，老罗", "老罗"),
    ("重写手册 —— 李娜，5月20日前", "李娜"),
    ("张三 下周五前出方案", "张三"),
    ("小马这周内把配置搞定", "小马"),
    ("周婷来定流程，5月20日前", "周婷"),
    ("李娜、王磊 月底前", "李娜"),
    ("跟进人：陈晨", "陈晨"),
    ("owner: Bob, by Friday", "Bob"),
    ("Owner Bob, due Friday", "Bob"),
    ("DRI: Marco", "Marco"),
    ("Bob to draft the plan by Friday", "Bob"),
    ("assigned to Bob, due May 3", "Bob"),
    ("Rewrite the runbook — Bob", "Bob"),
    ("Action: Tom — run discovery training", "Tom"),
    ("[Bob] fix the alert thresholds", "Bob"),
    ("Marco (RevOps) will draft it", "Marco"),
    ("drafting the MSA: Marco", "Marco"),
    ("Jen and Tom will pair on it by Friday", "Jen"),
    ("Sam follows up with sponsors by May 30", "Sam"),
    ("Chloe has the AV vendor review, end of June", "Chloe"),
    ("Fix the alerting by Friday", None),
    ("Update docs by Friday", None),
    ("负责人 待定", None),
    ("owner: TBD", None),
    ("张家口仓库补货，下周一", None),
]


@pytest.mark.parametrize(("text", "who"), OWNERS)
def test_owner_written_many_ways(text: str, who: str | None) -> None:
    assert find_who(text, None) == who


@pytest.mark.parametrize(
    "text", ["这个交给我吧，下周五前", "我认领，月底前", "I can own that, by Friday", "let me draft it"]
)
def test_speaker_volunteering(text: str) -> None:
    assert find_who(text, "老王") == "老王"


@pytest.mark.parametrize(
    ("cell", "who"),
    [
        ("@小马", "小马"),
        ("小马（iOS）", "小马"),
        ("Bob (PM)", "Bob"),
        ("王磊/李娜", "王磊"),
        ("待定", None),
        ("TBD", None),
    ],
)
def test_owner_column_cells(cell: str, who: str | None) -> None:
    table = f"| 事项 | 负责人 | 时间 |\n|---|---|---|\n| 补齐机型 | {cell} | 月底 |\n"
    note = f"# 复盘\n复盘日期：2026年5月8日\n\n{table}"
    actions = RulesNotesExtractor().extract(note, doc_id="a", title="t").actions
    assert [a.who for a in actions] == [who]


def test_find_owner_reads_past_asides() -> None:
    assert find_owner("陈静(SRE)负责，Q2") == "陈静"


ORG, C, P, B = Dimension.organization, Dimension.culture, Dimension.people, Dimension.business
KEEP, STOP, OPT, START = LessonAction.continue_, LessonAction.stop, LessonAction.optimize, LessonAction.start
LESSONS = [
    ("【组织·新增】建立需求冻结机制", "需求冻结机制", ORG, START),
    ("【文化/停止】提测后加需求的习惯", "提测后加需求", C, STOP),
    ("(organization/start) a 48-hour rule for SE requests", "48-hour rule", ORG, START),
    ("[people, optimize] onboarding buddy program", "buddy program", P, OPT),
    ("继续（业务）：渠道返点政策透明化", "渠道返点", B, KEEP),
    ("组织｜优化：审批权限下放到区域经理", "审批权限", ORG, OPT),
    ("停止做：口头承诺交付时间", "口头承诺", None, STOP),
    ("Keep doing: the security-first outbound sequence", "security-first", None, KEEP),
    ("Start doing: weekly pipeline reviews", "pipeline reviews", None, START),
    ("Do less of: custom one-off demos", "one-off demos", None, STOP),
    ("Do more of: customer interviews", "customer interviews", None, KEEP),
    ("教训：不能再临时加需求", "临时加需求", None, STOP),
    # the dimension said in words of the lesson's own: "that's people", "这是业务上的…", "，业务"
    ("We keep the student ambassadors, that's people", "student ambassadors", P, KEEP),
    ("Start protecting a changeover window, that's organisation", "changeover window", ORG, START),
    ("保养套餐预售继续做，这是业务上的好打法", "保养套餐预售", B, KEEP),
    ("临时保洁不培训就上岗的做法要停，这个是人的问题", "临时保洁", P, STOP),
    ("配件安全库存每季度优化一次，业务", "配件安全库存", B, OPT),
    ("学邻店的打法要继续，这是人家门店的经验", "学邻店", B, KEEP),  # "人家" names no dimension
]


@pytest.mark.parametrize(("line", "words", "dimension", "action"), LESSONS)
def test_lesson_tags(line: str, words: str, dimension: Dimension | None, action: LessonAction) -> None:
    note = f"# 复盘\n复盘日期：2026年5月8日\n\n## 经验教训\n- {line}\n"
    lessons = RulesNotesExtractor().extract(note, doc_id="l", title="t").lessons
    assert len(lessons) == 1
    lesson = lessons[0]
    assert words in lesson.text and not lesson.text.startswith((":", "：", "【", "("))
    assert lesson.action == action
    if dimension is not None:
        assert lesson.dimension == dimension


@pytest.mark.parametrize(
    ("heading", "action"),
    [("## Stop", STOP), ("## Start", START), ("## Continue", KEEP), ("### 继续做", KEEP), ("## 停止", STOP)],
)
def test_keep_stop_start_headings_type_their_lessons(heading: str, action: LessonAction) -> None:
    note = f"# Retro\nDate: 2026-05-08\n\n{heading}\n- partner co-selling with resellers\n"
    lessons = RulesNotesExtractor().extract(note, doc_id="h", title="t").lessons
    assert [le.action for le in lessons] == [action]


@pytest.mark.parametrize("heading", ["## 心得", "## 改进建议", "## Insights", "## What we learned"])
def test_lesson_headings(heading: str) -> None:
    note = f"# 复盘\n复盘日期：2026年5月8日\n\n{heading}\n- 大客户的付款节点要提前锁定\n"
    assert len(RulesNotesExtractor().extract(note, doc_id="h", title="t").lessons) == 1


@pytest.mark.parametrize(
    "heading", ["## Misses", "## Lowlights", "## Setbacks", "## Pain points", "## 短板", "## 踩过的坑"]
)
def test_shortfall_headings(heading: str) -> None:
    note = f"# Retro\nDate: 2026-05-08\n\n{heading}\n- the new website launch slipped by five weeks\n"
    assert len(RulesNotesExtractor().extract(note, doc_id="h", title="t").shortfalls) == 1


@pytest.mark.parametrize("heading", ["## Successes", "## Bright spots", "## Kudos"])
def test_highlight_headings(heading: str) -> None:
    note = f"# Retro\nDate: 2026-05-08\n\n{heading}\n- partner co-marketing brought in 200 leads for free\n"
    assert len(RulesNotesExtractor().extract(note, doc_id="h", title="t").highlights) == 1
