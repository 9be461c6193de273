"""Type a lesson by cue words: dimension (组织/文化/人/业务) × action (继续/停止/优化/新增).

Pure and deterministic; shared by the rules coach and the notes summarizer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from coach.domain.retrospective import Dimension, LessonAction

LessonSource = Literal["highlight", "shortfall", "other"]

# Order matters only for ties: the more specific dimensions (culture, people) come first; business is
# the fallback.
DIMENSION_CUES: dict[Dimension, tuple[str, ...]] = {
    Dimension.culture: (
        "氛围",
        "文化",
        "信任",
        "透明",
        "问责",
        "坦诚",
        "甩锅",
        "心态",
        "价值观",
        "士气",
        "认同",
        "开放",
        "担当",
        "互相指责",
        "blame",
        "culture",
        "trust",
        "transparen",
        "candor",
        "candid",
        "morale",
        "accountab",
        "psychological safety",
        "mindset",
        "习惯",
        "惯性",
        "拍脑袋",
        "硬扛",
        "风气",
        "观念",
        "意识",
        "侥幸",
        "报喜不报忧",
        "habit",
        "norm",
        "heroic",
        "attitude",
        "complacen",
    ),
    Dimension.people: (
        "培训",
        "招聘",
        "能力",
        "人手",
        "新人",
        "带教",
        "技能",
        "经验不足",
        "人员",
        "人力",
        "梯队",
        "辅导",
        "离职",
        "编制",
        "绩效",
        "激励",
        "skills",
        "skill",
        "hiring",
        "hire",
        "training",
        "staffing",
        "onboarding",
        "coaching",
        "headcount",
        "mentor",
        "turnover",
        "capacity",
        "ab角",
        "备岗",
        "顶岗",
        "岗位",
        "请假",
        "讲师",
        "导师",
        "人才",
        "成长",
        "练习",
        "实操",
        "演练",
        "practis",
        "practic",
        "drill",
        "game day",
        "upskill",
        "cross-train",
        "backup person",
        "talent",
        "career",
    ),
    Dimension.organization: (
        # how work is triggered, checked and rolled back is the organization's way of working
        "触发",
        "维保",
        "保养",
        "复查",
        "台账",
        "调货",
        "调拨",
        "回滚",
        "灰度",
        "rollback",
        "roll back",
        "canary",
        "pipeline",
        "runbook",
        "流程",
        "分工",
        "职责",
        "组织",
        "机制",
        "制度",
        "规范",
        "标准",
        "评审",
        "审批",
        "协作",
        "跨部门",
        "对齐",
        "例会",
        "周会",
        "跟踪",
        "站会",
        "会议",
        "同步",
        "架构",
        "权责",
        "负责人",
        "owner",
        "owns",
        "owned by",
        "process",
        "review",
        "workflow",
        "structure",
        "handoff",
        "hand-off",
        "responsibilit",
        "cadence",
        "sync",
        "预案",
        "监控",
        "告警",
        "大盘",
        "看板",
        "知识库",
        "复核",
        "双人",
        "抽检",
        "首件",
        "三检",
        "巡检",
        "点检",
        "验收",
        "考核",
        "纳入",
        "排班",
        "夜班",
        "班次",
        "对账",
        "对单",
        "上报",
        "reporting channel",
        "reconcil",
        "night shift",
        "shift pattern",
        "值班",
        "轮值",
        "日历",
        "节点",
        "截止时间",
        "清单",
        "模板",
        "sop",
        "额度",
        "权限",
        "授权",
        "可批",
        "一律",
        "规则",
        "规定",
        "角色",
        "工具",
        "自动化",
        "alert",
        "monitoring",
        "dashboard",
        "runbook",
        "playbook",
        "checklist",
        "template",
        "rota",
        "rotation",
        "on-call",
        "commander",
        "role",
        "policy",
        "rule",
        "approval",
        "escalation",
        "governance",
        "tooling",
        "pipeline",
        "knowledge base",
    ),
    Dimension.business: (
        "客户",
        "产品",
        "渠道",
        "价格",
        "销售",
        "上线",
        "发布",
        "市场",
        "回款",
        "合同",
        "需求",
        "竞品",
        "定价",
        "推广",
        "营销",
        "订单",
        "收入",
        "customer",
        "product",
        "channel",
        "pricing",
        "price",
        "sales",
        "release",
        "launch",
        "market",
        "revenue",
        "deal",
        "contract",
        "feature",
        "质量",
        "quality",
    ),
}

ACTION_CUES: dict[LessonAction, tuple[str, ...]] = {
    LessonAction.stop: (
        "停止",
        "不再",
        "取消",
        "避免",
        "杜绝",
        "禁止",
        "别再",
        "砍掉",
        "去掉",
        "减少",
        "停掉",
        "停下",
        "叫停",
        "不要再",
        "不能再",
        "不要",
        "不能",
        "别",
        "stop",
        "don't",
        "do not",
        "never",
        "no longer",
        "no more",
        "avoid",
        "drop",
        "cancel",
        "eliminate",
        "quit",
        "cut",
    ),
    LessonAction.start: (
        "新增",
        "建立",
        "引入",
        "增加",
        "开始",
        "设立",
        "搭建",
        "上线一个",
        "补上",
        "start",
        "introduce",
        "set up",
        "establish",
        "add ",
        "create",
        "begin",
        "launch a",
    ),
    LessonAction.optimize: (
        "优化",
        "改进",
        "提高",
        "提升",
        "完善",
        "加快",
        "缩短",
        "调整",
        "改善",
        "improve",
        "optimi",
        "better",
        "refine",
        "speed up",
        "tighten",
        "streamline",
    ),
    LessonAction.continue_: (
        "继续",
        "保持",
        "坚持",
        "沿用",
        "延续",
        "keep",
        "continue",
        "maintain",
        "sustain",
        "carry on",
        "stick with",
    ),
}

# A shortfall that names something missing calls for starting it; an excess calls for stopping it.
_MISSING = (
    "没有",
    "缺少",
    "缺乏",
    "缺失",
    "未建立",
    "没建立",
    "不存在",
    "无人",
    "lack",
    "missing",
    "no ",
    "nobody",
    "no one",
    "without",
)
_EXCESS = ("过多", "太多", "过度", "频繁", "反复", "too many", "too much", "excessive")


@dataclass(frozen=True)
class LessonTyping:
    """A lesson's dimension and action with how sure the cues make us (0..1)."""

    dimension: Dimension
    action: LessonAction
    confidence: float


def _hits(text: str, cues: tuple[str, ...]) -> int:
    return sum(1 for cue in cues if cue in text)


def _dimension(text: str) -> tuple[Dimension, int]:
    scores = {dim: _hits(text, cues) for dim, cues in DIMENSION_CUES.items()}
    best = max(scores, key=lambda d: scores[d])
    if scores[best] == 0:
        return Dimension.business, 0
    return best, scores[best]


def _action(text: str, source: LessonSource) -> tuple[LessonAction, bool]:
    """The action cue found first in the text, else the default for the source; True when a cue hit."""
    found: list[tuple[int, LessonAction]] = []
    for action, cues in ACTION_CUES.items():
        positions = [text.find(c) for c in cues if c in text]
        if positions:
            found.append((min(positions), action))
    if found:
        return min(found, key=lambda p: p[0])[1], True
    if source == "highlight":
        return LessonAction.continue_, False
    if source == "shortfall":
        if any(cue in text for cue in _EXCESS):
            return LessonAction.stop, False
        if any(cue in text for cue in _MISSING):
            return LessonAction.start, False
        return LessonAction.optimize, False
    return LessonAction.optimize, False


def classify_lesson(text: str, source: LessonSource = "other") -> LessonTyping:
    """Type a lesson from its wording and where it came from (a highlight, a shortfall, other)."""
    low = (text or "").lower()
    dimension, dim_hits = _dimension(low)
    action, action_hit = _action(low, source)
    confidence = 0.3 + min(dim_hits, 2) * 0.2 + (0.25 if action_hit else 0.05 if source != "other" else 0.0)
    return LessonTyping(dimension, action, round(min(confidence, 0.95), 2))


# ---- corrections in plain words ----------------------------------------------------------------

_DIMENSION_WORDS: dict[Dimension, tuple[str, ...]] = {
    Dimension.organization: ("组织", "organization", "organisation", "org"),
    Dimension.culture: ("文化", "culture"),
    Dimension.people: ("人员", "人才", "人的", "人", "people", "person", "talent"),
    Dimension.business: ("业务", "business"),
}
_ACTION_WORDS: dict[LessonAction, tuple[str, ...]] = {
    LessonAction.continue_: ("继续", "保持", "continue", "keep"),
    LessonAction.stop: ("停止", "不再做", "stop"),
    LessonAction.optimize: ("优化", "改进", "optimize", "optimise", "improve"),
    LessonAction.start: ("新增", "开始", "start", "new"),
}
# "不是停止，是优化" / "not stop but optimize": the word after the negation is the wrong one.
_NEGATED = re.compile(
    r"(不是|并非|而非|不算|\bnot|isn't|isnt|rather than|instead of)\s*[:：]?\s*((a|an|the)\s+)?$", re.I
)


_CHANGED_TO = re.compile(r"(?:改成|改为|换成|调成|改到|\bto|\binto|\bas)\s*[:：]?\s*((a|an|the)\s+)?$", re.I)


def _mentions(text: str, words: tuple[str, ...]) -> list[int]:
    positions = []
    for word in words:
        if word.isascii():
            positions += [m.start() for m in re.finditer(rf"\b{re.escape(word)}\b", text)]
        else:
            start = text.find(word)
            while start >= 0:
                positions.append(start)
                start = text.find(word, start + 1)
    return positions


def _pick(text: str, table: dict) -> object | None:  # type: ignore[type-arg]
    """The mentioned value that is not negated; the last one when several remain."""
    candidates: list[tuple[int, object]] = []
    for value, words in table.items():
        for pos in _mentions(text, words):
            if not _NEGATED.search(text[:pos]):
                candidates.append((pos, value))
    if not candidates:
        return None
    # "change 3 to optimize, we'll keep the rest": the value the change names wins over words in its reason
    named = [c for c in candidates if _CHANGED_TO.search(text[: c[0]])]
    if named:
        return min(named, key=lambda c: c[0])[1]
    return max(candidates, key=lambda c: c[0])[1]


def parse_lesson_correction(text: str) -> tuple[Dimension | None, LessonAction | None]:
    """Read a plain correction ("这条属于文化", "不是停止，是优化", "dimension: people")."""
    low = (text or "").lower()
    # "人" alone is too common a character ("有人", "人手" is a cue word, not a label); only count it in
    # label-like phrasing.
    dim_text = re.sub(r"(?<![属是为于归成])人(?![的员才]|问题|的问题)", "", low)
    dimension = _pick(dim_text, _DIMENSION_WORDS)
    action = _pick(low, _ACTION_WORDS)
    return (
        dimension if isinstance(dimension, Dimension) else None,
        action if isinstance(action, LessonAction) else None,
    )
