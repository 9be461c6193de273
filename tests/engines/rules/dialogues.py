"""Two scripted coaching dialogues as plain data, replayed by the engine tests and the HTTP tests.

Each turn: the user's message, the stage the coach is in after it, and words its reply must contain.
`final` lists what the finished review must hold.
"""

from __future__ import annotations

from typing import Any

Dialogue = dict[str, Any]

ZH_DIALOGUE: Dialogue = {
    "language": "zh",
    "team": "华东销售",
    "title": "华东销售 Q1 复盘",
    "review_date": "2026-04-30",
    "opening": {"stage": "review", "reply_contains": ["KPI"]},
    "turns": [
        {
            "user": "回款目标1.2亿，实际9600万；新客户数目标50，实际62",
            "stage": "review",
            "reply_contains": ["-20%", "未达成", "超额完成"],
        },
        {"user": "客户满意度", "stage": "review", "reply_contains": ["量化"]},
        {"user": "这个无法量化", "stage": "review", "reply_contains": ["KPI"]},
        {"user": "没有了", "stage": "review", "reply_contains": ["抓大放小"]},
        {"user": "回款最重要", "stage": "analysis", "reply_contains": ["回款", "亮点"]},
        {"user": "到哪了", "stage": "analysis", "reply_contains": ["分析根因", "亮点"]},
        {"user": "新客户数超额完成，因为渠道推广做得好", "stage": "analysis", "reply_contains": ["亮点"]},
        {"user": "没别的亮点了", "stage": "analysis", "reply_contains": ["不足"]},
        {"user": "回款没达成", "stage": "analysis", "reply_contains": ["「回款没达成」", "为什么"]},
        {"user": "大客户回款拖延", "stage": "analysis", "reply_contains": ["应该做"]},
        {"user": "应该提前做客户信用评估，但没做", "stage": "analysis", "reply_contains": ["深挖"]},
        {"user": "1", "stage": "analysis", "reply_contains": ["为什么"]},
        {"user": "因为大客户的付款审批周期变长了", "stage": "analysis", "reply_contains": ["为什么"]},
        {"user": "我们的销售只管签单，不跟进回款", "stage": "analysis", "reply_contains": ["为什么"]},
        {
            "user": "根本原因是没有回款跟踪机制，回款没有明确负责人",
            "stage": "analysis",
            "reply_contains": ["根因吗"],
        },
        {"user": "是的", "stage": "analysis", "reply_contains": ["现象", "表因", "根因", "多少"]},
        {"user": "大概占七成", "stage": "analysis", "reply_contains": ["30%"]},
        {"user": "还有一个原因是新销售不熟悉回款流程", "stage": "analysis", "reply_contains": ["为什么"]},
        {"user": "缺少新人带教机制", "stage": "analysis", "reply_contains": ["根因吗"]},
        {"user": "对", "stage": "analysis", "reply_contains": ["多少"]},
        {"user": "20%", "stage": "analysis", "reply_contains": ["主因", "没有回款跟踪机制"]},
        {"user": "不用了", "stage": "reflection", "reply_contains": ["我是李娜"]},
        {"user": "我是李娜", "stage": "reflection", "reply_contains": ["最触动"]},
        {"user": "回款比签单难得多", "stage": "reflection", "reply_contains": ["新发现"]},
        {"user": "我太相信客户的口头承诺", "stage": "reflection", "reply_contains": ["重来"]},
        {"user": "签合同时就约定回款节点", "stage": "reflection", "reply_contains": ["改进行动"]},
        {"user": "每周看一次账龄表", "stage": "reflection", "reply_contains": ["下一位"]},
        {"user": "没有了", "stage": "lessons", "reply_contains": ["【业务·继续】", "确认"]},
        {"user": "第4条不是优化，是新增", "stage": "lessons", "reply_contains": ["改好了", "新增"]},
        {"user": "看看总结", "stage": "lessons", "reply_contains": ["回款", "确认"]},
        {"user": "确认", "stage": "actions", "reply_contains": ["已确认", "关键动作"]},
        {"user": "跳过", "stage": "actions", "reply_contains": ["没有回款跟踪机制"]},
        {
            "user": "加强沟通，@王磊 负责，下周五前",
            "stage": "actions",
            "reply_contains": ["「加强沟通」", "笼统"],
        },
        {"user": "每周一对齐大客户回款台账", "stage": "actions", "reply_contains": ["记下了", "王磊"]},
        {
            "user": "给每个新销售配一名带教导师，负责人：李娜，5月31日前",
            "stage": "actions",
            "reply_contains": ["李娜", "2026-05-31"],
        },
        {"user": "跳过", "stage": "actions", "reply_contains": ["还有别的行动"]},
        {"user": "没有了", "stage": "done", "reply_contains": ["复盘完成", "2 项行动"]},
    ],
    "final": {
        "goal": {"name": "回款", "gap_ratio": -0.2, "verdict": "missed"},
        "main_root_contains": "回款跟踪机制",
        "main_share": 0.7,
        "min_lessons": 3,
        "min_actions": 2,
        "action_owners": ["王磊", "李娜"],
    },
}

EN_DIALOGUE: Dialogue = {
    "language": "en",
    "team": "Platform",
    "title": "Platform Q1 review",
    "review_date": "2026-04-30",
    "opening": {"stage": "review", "reply_contains": ["KPI"]},
    "turns": [
        {
            "user": "Revenue target 1.2M, actual 960k; new customers target 50, actual 62",
            "stage": "review",
            "reply_contains": ["-20%", "missed", "exceeded"],
        },
        {"user": "that's all", "stage": "review", "reply_contains": ["matter most"]},
        {"user": "revenue", "stage": "analysis", "reply_contains": ["Focus: Revenue", "went right"]},
        {
            "user": "New customers beat the target because the partner channel worked well",
            "stage": "analysis",
            "reply_contains": ["highlights"],
        },
        {"user": "no more highlights", "stage": "analysis", "reply_contains": ["shortfalls"]},
        {"user": "Renewals slipped", "stage": "analysis", "reply_contains": ["“Renewals slipped”", "Why"]},
        {
            "user": "Big accounts waited for the new pricing",
            "stage": "analysis",
            "reply_contains": ["should have"],
        },
        {
            "user": "We should have run a pricing review with customers but didn't",
            "stage": "analysis",
            "reply_contains": ["Pick"],
        },
        {"user": "the first one", "stage": "analysis", "reply_contains": ["why"]},
        {"user": "Because the pricing release was late", "stage": "analysis", "reply_contains": ["why"]},
        {
            "user": "Sales and product each assumed the other would announce it",
            "stage": "analysis",
            "reply_contains": ["why"],
        },
        {
            "user": "The root cause is that nobody owns pricing changes end to end",
            "stage": "analysis",
            "reply_contains": ["root cause?"],
        },
        {"user": "yes", "stage": "analysis", "reply_contains": ["surface cause", "How much"]},
        {"user": "about 60 percent", "stage": "analysis", "reply_contains": ["40%", "What else"]},
        {
            "user": "Another cause: the renewal reminders go out too late",
            "stage": "analysis",
            "reply_contains": ["why"],
        },
        {
            "user": "There is no process for renewal reminders",
            "stage": "analysis",
            "reply_contains": ["root cause?"],
        },
        {"user": "correct", "stage": "analysis", "reply_contains": ["How much"]},
        {"user": "0.3", "stage": "analysis", "reply_contains": ["main cause", "nobody owns pricing"]},
        {"user": "no", "stage": "reflection", "reply_contains": ["four questions"]},
        {"user": "skip", "stage": "lessons", "reply_contains": ["[Business·Continue]", "ok"]},
        {"user": "#3 is culture", "stage": "lessons", "reply_contains": ["Updated", "Culture"]},
        {"user": "it's optimize not stop", "stage": "lessons", "reply_contains": ["Optimize"]},
        {
            "user": "add: keep the weekly pricing sync with customers",
            "stage": "lessons",
            "reply_contains": ["Added", "Continue"],
        },
        {"user": "where are we", "stage": "lessons", "reply_contains": ["Lessons"]},
        {"user": "ok", "stage": "actions", "reply_contains": ["confirmed", "key action"]},
        {"user": "skip", "stage": "actions", "reply_contains": ["nobody owns pricing"]},
        {
            "user": "be more careful, @Maria, by next Friday",
            "stage": "actions",
            "reply_contains": ["too vague"],
        },
        {
            "user": "name one pricing owner and add a release checklist to the deploy script",
            "stage": "actions",
            "reply_contains": ["Saved", "Maria"],
        },
        {
            "user": "set up a weekly renewal reminder report, owner: Tom, by end of May",
            "stage": "actions",
            "reply_contains": ["Tom", "2026-05-31"],
        },
        {"user": "skip", "stage": "actions", "reply_contains": []},
        {"user": "skip", "stage": "actions", "reply_contains": ["Any other action"]},
        {"user": "that's all", "stage": "done", "reply_contains": ["Review complete", "2 actions"]},
    ],
    "final": {
        "goal": {"name": "Revenue", "gap_ratio": -0.2, "verdict": "missed"},
        "main_root_contains": "nobody owns pricing",
        "main_share": 0.6,
        "min_lessons": 3,
        "min_actions": 2,
        "action_owners": ["Maria", "Tom"],
    },
}

DIALOGUES = {"zh": ZH_DIALOGUE, "en": EN_DIALOGUE}
