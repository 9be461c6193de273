"""Synthetic meeting notes of realistic shape, for the benchmark and the tests (never for evals)."""

from __future__ import annotations

import random

_TEAMS = ("华东销售", "支付网关", "客服中心", "研发招聘", "二车间", "财务共享", "客户成功", "仓储物流")
_PEOPLE = ("老王", "李娜", "张强", "小陈", "刘敏", "赵磊", "孙悦", "何斌", "小吴", "陈静")
_METRICS = (("回款", "万"), ("新签客户数", "家"), ("毛利率", "%"), ("首次响应时长", "小时"), ("不良率", "%"))


def synthetic_note(seed: int, target_chars: int = 1500) -> str:
    """A Chinese note with goals, findings, causes, lessons, actions and a digression (~target_chars)."""
    rng = random.Random(seed)
    team = rng.choice(_TEAMS)
    lines = [
        f"# 2026-04-{rng.randint(1, 28):02d} {team} 复盘",
        "",
        f"参会：{'、'.join(rng.sample(_PEOPLE, 4))}",
        "",
    ]
    lines += ["## 目标 vs 结果"]
    for name, unit in rng.sample(_METRICS, 3):
        target = rng.randint(20, 90)
        lines.append(f"- {name}：目标{target}{unit}，实际{target + rng.randint(-15, 10)}{unit}")
    lines += ["", "## 亮点"]
    lines += [f"- {rng.choice(_PEOPLE)}坚持每周回访老客户，复购做得不错，贡献了{rng.randint(2, 9)}成收入"] * 1
    lines += ["- 灰度发布第一次真正用起来了，问题都在小流量里发现", "", "## 不足"]
    lines += [
        "- 报价审批太慢，平均要5天，有两单被竞品抢走",
        "- 新人基本没出单，带教全靠自己摸",
        "",
        "## 原因",
    ]
    lines += [
        "- 表面上看是客户验收慢，但根本原因是合同付款节点全部绑定终验，这是主因",
        "- 新人没出单：因为带教没有明确的人负责",
        "",
        "（会前闲聊：楼下停车场下个月开始收费 —— 不记）",
        "",
        "## 教训",
        "- 继续：老客户季度回访（业务）",
        "- 停止：提测后再加需求的习惯（文化）",
        "- 优化：新人带教要有明确的师傅（人）",
        "- 新增：大区折扣审批权限（组织）",
        "",
        "## 下一步",
    ]
    lines += [
        f"- 合同模板改成分期付款，@{rng.choice(_PEOPLE)} 5月15日前出新模板",
        f"- 新人带教配师傅，{rng.choice(_PEOPLE)}负责，两周内排好",
    ]
    body = "\n".join(lines)
    filler = "本季度整体节奏偏紧，各组反馈资源不足，需要在下季度规划时统筹考虑"
    background = ["## 背景"]
    while len(body) + sum(len(b) + 1 for b in background) < target_chars:
        background.append(f"{filler}，第{len(background)}点。")
    head, _, rest = body.partition("## 目标 vs 结果")
    return head + "\n".join(background) + "\n\n## 目标 vs 结果" + rest
