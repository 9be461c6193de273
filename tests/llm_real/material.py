"""What the real-model suite types: a zh and an en retrospective, and a zh and an en meeting note.

Written for this suite (teams, people and numbers invented). Each dialogue walks the method —
KPIs, a drill-down to a root cause with its share, a reflection, lessons, actions with an
owner and a date — in the words a team lead would use, so the model sees every step's prompt.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Dialogue:
    language: str
    team: str
    date: str
    turns: tuple[str, ...]


ZH_DIALOGUE = Dialogue(
    language="zh",
    team="华南渠道部",
    date="2026-04-30",
    turns=(
        "一季度回款目标8000万，实际6400万；新签经销商目标30家，实际34家",
        "没有别的指标了",
        "回款最要紧",
        "亮点是新签经销商超了，因为3月份办了两场区域招商会",
        "不足是回款差了两成，大客户的账期普遍拖到了90天以上",
        "挖回款这一条",
        "为什么拖：合同里没写逾期违约条款，客户没压力",
        "为什么没写：法务模板是三年前的，销售签单时也不敢提",
        "根因是合同模板没有账期约束，大概占七成",
        "反思跳过",
        "经验：合同模板必须加逾期条款，属于组织层面，开始做",
        "修订经销商合同模板，加上逾期违约条款，王芳负责，5月20日前完成",
        "结束",
    ),
)

EN_DIALOGUE = Dialogue(
    language="en",
    team="Nordics Support",
    date="2026-05-15",
    turns=(
        "First response time target was 2 hours, we averaged 3.5 hours. CSAT target 90%, we got 91%.",
        "That's all the KPIs",
        "First response time matters most",
        "Highlight: CSAT held up because the new macros made answers consistent",
        "Shortfall: tickets piled up every Monday morning and nobody triaged them until noon",
        "Let's dig into the Monday backlog",
        "Why: weekend tickets land in one shared queue with no owner",
        "Why no owner: the on-call rota only covers phone, not the ticket queue",
        "So the root cause is that the rota ignores the ticket queue; about 60% of the gap",
        "skip the reflection",
        "Lesson: put the ticket queue on the on-call rota, an organization change, start doing it",
        "Add the ticket queue to the weekend rota with a Monday 8am triage; Lena owns it, by 2026-06-05",
        "finish",
    ),
)

DIALOGUES = {"zh": ZH_DIALOGUE, "en": EN_DIALOGUE}

ZH_NOTE = """# 华北仓储 4月复盘会纪要

参会：刘洋（仓储经理）、陈静、赵磊

## 目标回顾
- 订单准时出库率：目标98%，实际93%，未达成。
- 拣货差错率：目标不超过0.5%，实际0.4%，达成。

## 亮点
拣货差错率下降，是因为上月给拣货员配了扫码枪，出库前必须扫码核对。

## 不足
五一前一周订单暴涨，准时出库率掉得厉害，大量订单隔天才发出。

## 原因分析
现象：节前一周出库延迟。
为什么：临时工到岗晚了三天。
为什么：劳务公司是节前五天才通知的，我们没有提前锁定人力。
根因：没有大促前的人力预案，预计占差距的六成。

## 经验
- 大促前两周锁定临时工，写进人力预案（组织层面，开始做）。
- 扫码核对出库要继续坚持（方法层面，继续做）。

## 行动
- 制定大促人力预案，刘洋负责，5月15日前完成。
- 和两家劳务公司签框架协议，陈静负责，5月31日前。
"""

EN_NOTE = """Retro: Web checkout, sprint 14 (2026-04-24)
Attendees: Priya (EM), Tom, Aiko

Goals
- Checkout conversion: target 3.2%, actual 2.7%. Missed.
- p95 page load: target under 2.0 s, actual 1.8 s. Met.

What went well
- Page load beat the target because we lazy-loaded the payment widget.

What did not go well
- Conversion dropped after the new address form shipped; many users abandoned at the postcode field.

Why
- Symptom: users abandoned at the postcode field.
- Why: the form rejected postcodes with spaces.
- Why: validation was copied from the old mobile app and never tested with real UK addresses.
- Root cause: no test data for international address formats. Roughly 70% of the drop.

Lessons
- Start keeping a shared set of real international addresses for form tests (method).
- Keep lazy-loading heavy widgets (method, continue).

Actions
- Build the international address test set, Tom, by 2026-05-08.
- Fix postcode validation and add a regression test, Aiko, by 2026-05-01.
"""

NOTES = {"zh": ("huabei-warehouse-april.md", ZH_NOTE), "en": ("checkout-sprint-14.txt", EN_NOTE)}
