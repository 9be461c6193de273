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
        "开放心态",  # "开放日", "开放前" are a venue's opening, no culture
        "开放沟通",
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
        # how the work is set up and paced: configuration, environments, quotas, rules of thumb, the tools,
        # a fixed cadence, planning
        "configuration",
        "config",
        "macro",
        "rollout",
        "staged",
        "test lab",
        "test environment",
        "staging",
        "quota",
        "planning",
        "re-plan",
        "unmanaged",
        "every quarter",
        "each quarter",
        "quarterly",
        "every year",
        "each year",
        "once a year",
        "配置",
        "测试环境",
        "生产环境",
        "配额",
        "规矩",
        "小程序",
        "排期",
        "工序",
        "工艺",
        "每季度",
        "每年",
        "定期",
        # where internal notices land, how changes are tested and frozen, who keeps watch, what is on record
        "mailbox",
        "inbox",
        "邮箱",
        "load test",
        "load-test",
        "压测",
        "压力测试",
        "freeze ",  # a change freeze, not a freezer
        "freezes",
        "冻结期",
        "封版",
        "值守",
        "排单",
        # equipment kept within its rated life, and work run on a fixed route whatever the demand
        "maintenance",
        "rated hours",
        "rated hrs",
        "rated life",
        "额定",
        "fixed loop",
        "fixed route",
        "固定路线",
        "asset record",
        "asset register",
        "资产登记",
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

# the action words themselves, which name the action whatever else the lesson says
NAMED_ACTIONS: dict[LessonAction, tuple[str, ...]] = {
    LessonAction.stop: ("停止", "停掉", "要停", "该停", "得停", "必须停", "stop "),
    LessonAction.start: ("新增", "start "),
    LessonAction.optimize: ("优化",),
    LessonAction.continue_: ("继续", "keep "),
}
# a rule said to hold from now on, with no action word, is a rule to start ("must" alone is not: "X must
# follow what purchasing buys" improves a rule as often as it starts one)
_NEW_RULE = ("mandatory", "from now on", "from today", "从现在起", "从今天起", "今后一律", "强制")

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


_STOPS = re.compile(r"[;；,，.。:：!?！？)）]")


def _dimension(text: str) -> tuple[Dimension, int]:
    # a cue ending in a space is a whole word ("freeze "), before a stop or at the end of the text as well
    text = _STOPS.sub(" ", text) + " "
    scores = {dim: _hits(text, cues) for dim, cues in DIMENSION_CUES.items()}
    best = max(scores, key=lambda d: scores[d])
    if scores[best] == 0:
        return Dimension.business, 0
    return best, scores[best]


def _first_cue(text: str, table: dict[LessonAction, tuple[str, ...]]) -> LessonAction | None:
    found: list[tuple[int, LessonAction]] = []
    for action, cues in table.items():
        positions = [text.find(c) for c in cues if c in text]
        if positions:
            found.append((min(positions), action))
    return min(found, key=lambda p: p[0])[1] if found else None


def _action(text: str, source: LessonSource) -> tuple[LessonAction, bool]:
    """The action the text names outright ("要新增", "stop"), else the first action cue in it, else the
    default for the source; True when a cue hit. "主播不能全靠外面，要新增自有主播": the named action beats
    a negation in the reason."""
    named = _first_cue(text, NAMED_ACTIONS)
    if named is not None:
        return named, True
    cued = _first_cue(text, ACTION_CUES)
    if cued is not None:
        return cued, True
    if any(word in text for word in _NEW_RULE):
        return LessonAction.start, False  # "failover tests become mandatory from now on": a new rule
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
