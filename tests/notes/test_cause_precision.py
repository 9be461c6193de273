"""Precision of cause chains on notes the extractor has not seen: one cause told in several pieces is one
chain, and text that only sits near causes (success reasons, lessons, asides, summaries, evidence) is none
(zh and en)."""

from __future__ import annotations

import pytest

from tests.notes.extracting import chains, extract, texts, words

# ---- one cause, told in pieces, is one chain --------------------------------------------------------


@pytest.mark.parametrize(
    ("note", "surface", "root"),
    [
        (
            "客服复盘\n\n## 原因分析\n- 现象：满意度下降 6 个点\n- 表因：周末排队时间长\n"
            "- 根因：排班按工作日模型排，周末人力只有一半（主因）\n",
            "周末排队",
            "排班按工作日模型排",
        ),
        (
            "Support review\n\n## Root cause analysis\n- Symptom: satisfaction fell 6 points\n"
            "- Surface cause: weekend queues were long\n"
            "- Root cause: the rota still follows the weekday model\n",
            "weekend queues",
            "weekday model",
        ),
    ],
)
def test_labelled_levels_of_a_drill_down_are_one_chain(note: str, surface: str, root: str) -> None:
    found = chains(note)
    assert len(found) == 1
    assert surface in (found[0].surface_cause or "") and root in (found[0].root_cause or "")


@pytest.mark.parametrize(
    "note",
    [
        "复盘\n\n## 原因\n- 知识库更新慢\n  - 新产品上线两周了，知识库还没有条目\n  - 客服只能去群里问\n"
        "- 排班不合理，周末人少\n",
        "Review\n\n## Causes\n- The knowledge base lags behind\n  - the new product has no articles yet\n"
        "  - agents ask in the chat instead\n- The rota leaves weekends short\n",
    ],
)
def test_bullets_indented_under_a_cause_detail_it(note: str) -> None:
    found = chains(note)
    assert len(found) == 2
    assert ("群里问" in words(found[0])) or ("chat" in words(found[0]))


@pytest.mark.parametrize(
    ("note", "evidence"),
    [
        ("复盘\n\n## 原因\n- 周末排班人手只有平时一半\n- 数据：投诉里 60% 提到等待时间\n", "60%"),
        (
            "Review\n\n## Causes\n- Weekend shifts run at half strength\n"
            "- Data: 60% of complaints mention waiting\n",
            "60%",
        ),
    ],
)
def test_a_datum_under_the_causes_is_evidence_not_a_cause(note: str, evidence: str) -> None:
    found = chains(note)
    assert len(found) == 1 and evidence not in words(found[0])


@pytest.mark.parametrize(
    ("note", "root"),
    [
        (
            "迁移复盘\n\n## 原因\n许文：工期延误的直接原因是改写量低估。为什么低估？因为只扫了主库。"
            "根本原因是没做资产盘点就排期了。\n",
            "资产盘点",
        ),
        (
            "Conversion review\n\n## Root cause analysis\n"
            "1. Why did conversion drop? Because mobile checkout errors doubled.\n"
            "2. Why did errors double? Because the payment SDK timed out on slow networks.\n"
            "3. Why was that not caught? Because we only test on office Wi-Fi. This is the root cause.\n",
            "office Wi-Fi",
        ),
    ],
)
def test_a_why_asked_of_the_cause_just_given_goes_one_level_down(note: str, root: str) -> None:
    found = chains(note)
    assert len(found) == 1
    assert root in (found[0].root_cause or "")


# ---- what is near causes but is no cause ------------------------------------------------------------


@pytest.mark.parametrize(
    "note",
    [
        "销售复盘\n参会：李娜、王总\n\n李娜：新客户超了，主要是因为展会线索转化得好。\n王总：大单丢了，是因为报价审批太慢。\n",
        "Partner review\nAttendees: Ben, Ann\n\n"
        "Ben: What went well: the webinars. They worked because we had real case studies.\n"
        "Ann: What went wrong: deals stalled because legal review took six weeks.\n",
    ],
)
def test_why_something_went_well_belongs_to_the_highlight(note: str) -> None:
    doc = extract(note)
    assert len(doc.cause_chains) == 1
    assert any("展会" in h.text or "case studies" in h.text for h in doc.highlights)


@pytest.mark.parametrize(
    "note",
    [
        "复盘\n参会：张强、王总\n\n张强：丢单是因为报价审批太慢。\n张强：下次要提前把报价准备好，因为一慢就丢单。\n",
        "Review\nAttendees: Ben, Ann\n\nBen: Deals stalled because legal review took six weeks.\n"
        "Ann: We should keep the webinar series, because it brings qualified leads.\n",
    ],
)
def test_a_rule_for_next_time_with_its_reason_is_a_lesson_not_a_cause(note: str) -> None:
    doc = extract(note)
    assert len(doc.cause_chains) == 1 and len(doc.lessons) == 1


@pytest.mark.parametrize(
    "note",
    [
        "复盘\n参会：张强、王总\n\n张强：丢单是因为报价审批太慢。\n王总：顺便说一下，因为办公室搬家，下周例会改线上。\n",
        "Review\nAttendees: Ben, Ann\n\nBen: Deals stalled because legal review took six weeks.\n"
        "Ann: By the way, because of the office move, next week's meeting is on Zoom.\n",
    ],
)
def test_an_aside_is_no_cause(note: str) -> None:
    assert len(chains(note)) == 1


@pytest.mark.parametrize(
    "note",
    [
        "复盘\n参会：张强、李娜、王总\n\n张强：丢单是因为报价审批太慢，客户等了三周。\n李娜：另外是因为售前人手不够。\n"
        "王总：总结一下，丢单主要是因为报价审批太慢。\n",
        "Review\nAttendees: Ben, Ann, Dana\n\n"
        "Ben: Deals stalled because legal review of contracts took six weeks.\n"
        "Ann: Also, deals were lost because two account managers left in April.\n"
        "Dana: To sum up, we lost mainly because legal review of contracts took six weeks.\n",
    ],
)
def test_a_summary_that_repeats_a_cause_adds_no_chain(note: str) -> None:
    assert len(chains(note)) == 2


def test_a_remark_pointing_back_at_no_cause_is_no_chain() -> None:
    assert chains("Review\n\nDana: That explains most of the gap.\n") == []


# ---- one turn, one cause, unless it says otherwise --------------------------------------------------


@pytest.mark.parametrize(
    ("note", "detail"),
    [
        (
            "烘焙复盘\n参会：老郑、周建\n\n老郑：报损多，表面上是晚上打折太晚。\n"
            "周建：根子上是订货。中央工厂按上月日均量配货，配额是总部定死的。\n",
            "配额",
        ),
        (
            "Bike retro\nAttendees: Diego, Hannah\n\nDiego: Stations are empty. On the surface, the trucks "
            "arrive too late. The reason they are late is the rebalancing plan itself. "
            "It is still built on last year's trip data.\n",
            "trip data",
        ),
    ],
)
def test_a_statement_naming_no_phenomenon_goes_on_with_the_cause_told_in_the_same_turn(
    note: str, detail: str
) -> None:
    found = chains(note)
    assert len(found) == 1 and detail in words(found[0])


@pytest.mark.parametrize(
    "note",
    [
        "复盘\n\n## 原因\n取消率高，周敏的看法是术前宣教没做到位。随访率低，是因为随访靠护士下班后打电话。"
        "马骁补充，接口要厂家配合开发，厂家排期排到了11月。\n",
        "Review\n\n## Why\nCancellations were high, Maria thinks the pre-op leaflet is too hard to read. "
        "Follow-ups were low because nurses call after their shift. "
        "Also, the vendor scheduled the interface work for November.\n",
    ],
)
def test_a_named_finding_another_teller_or_also_starts_another_chain(note: str) -> None:
    assert len(chains(note)) == 3


@pytest.mark.parametrize(
    ("note", "named"),
    [
        (
            "复盘\n参会：周建、孙丽\n\n周建：报损多，根子上是订货配额总部定死，店长没有权限调。\n"
            "孙丽：我也认为订货配额是主因。\n",
            "订货配额",
        ),
        (
            "Review\nAttendees: Diego, Hannah\n\nDiego: Stations are empty because the rebalancing plan "
            "is outdated.\nHannah: Okay, so the outdated plan is the main cause.\n",
            "outdated",
        ),
    ],
)
def test_naming_an_earlier_cause_the_main_one_marks_it_and_adds_no_chain(note: str, named: str) -> None:
    found = chains(note)
    assert len(found) == 1 and found[0].is_main and named in words(found[0])


@pytest.mark.parametrize(
    ("note", "root"),
    [
        (
            "复盘\n\n## 原因\n转化低，表面上是绑卡太慢。但更关键的是产品规定先绑卡才能开票。"
            "强制绑卡才是根本原因，能解释三分之二的缺口。\n",
            "强制绑卡",
        ),
        (
            "Review\n\n## Why\nOn the surface, users abandon because connecting a bank is slow. "
            "Ravi put it plainly: the mandatory bank connection is the root cause, "
            "and it explains two thirds.\n",
            "mandatory bank connection",
        ),
    ],
)
def test_a_cause_named_before_is_the_root_cause_is_the_root(note: str, root: str) -> None:
    found = chains(note)
    assert len(found) == 1 and root in (found[0].root_cause or "") and found[0].is_main


@pytest.mark.parametrize(
    "note",
    [
        "复盘\n参会：老李、小王\n\n## 不足\n- 取消率高\n\n## 原因\n"
        "老李：根本原因是配置改动一次推到了所有区域。没有灰度，因为配置变更不走发布流水线。\n",
        "Review\nAttendees: Luis, Omar\n\n## What went wrong\n- Detection was slow\n\n## Why\n"
        "Luis: Root cause, in my view: the TTL change was pushed to all regions at once. "
        "No canary, no staged rollout, because config changes don't go through the deploy pipeline.\n",
    ],
)
def test_in_one_turn_a_reason_for_something_that_is_no_finding_goes_on_with_the_cause(note: str) -> None:
    found = chains(note)
    assert len(found) == 1 and ("流水线" in words(found[0]) or "pipeline" in words(found[0]))


@pytest.mark.parametrize(
    "note",
    [
        "复盘\n\n## 不足\n- 取消率高\n- 随访率低\n\n## 原因\n"
        "取消率高是因为宣教没做到位。随访率低是因为护士下班后才打电话。而且排班表没人核对，因为主管休假。\n",
        "Review\n\n## What went wrong\n- Cancellations were high\n- Follow-ups were low\n\n## Why\n"
        "Cancellations were high because the leaflet is hard to read. "
        "Follow-ups were low because nurses call after their shift. "
        "And the rota was never checked, because the manager was on leave.\n",
    ],
)
def test_in_one_paragraph_another_finding_or_and_starts_another_chain(note: str) -> None:
    assert len(chains(note)) == 3


@pytest.mark.parametrize(
    ("note", "surface", "root"),
    [
        (
            "复盘\n\n## 问题与原因\n**发布慢（平均 48 分钟）**\n"
            "- 原因：集成测试串行跑。\n- 根本原因：没人负责 CI 性能。\n",
            "串行",
            "没人负责",
        ),
        (
            "Retro\n\n## Problems and root causes\n**Deploys were slow (48 min)**\n"
            "- Cause: the integration suite runs serially.\n- Root cause: nobody owns CI performance.\n",
            "serially",
            "nobody owns",
        ),
    ],
)
def test_a_root_cause_labelled_after_a_cause_under_one_finding_is_its_next_level(
    note: str, surface: str, root: str
) -> None:
    found = chains(note)
    assert len(found) == 1
    assert surface in (found[0].surface_cause or "") and root in (found[0].root_cause or "")


@pytest.mark.parametrize(
    "note",
    [
        "复盘\n\n## 原因\n1. 首响超标\n   原因：咨询量翻倍，排班没调整。\n2. 解决率低\n"
        "   原因：知识库更新不及时。根本原因是发布流程里没有更新知识库这一步。\n",
        "Retro\n\n## Causes\n1. First response too slow\n"
        "   Cause: volume doubled and the rota was not changed.\n"
        "2. Resolution rate low\n"
        "   Cause: the knowledge base lags. The root cause is that releases skip it.\n",
    ],
)
def test_each_finding_keeps_its_own_labelled_cause(note: str) -> None:
    found = chains(note)
    assert len(found) == 2 and found[1].root_cause


@pytest.mark.parametrize(
    "note",
    [
        "复盘\n\n做得对的几件事。限价保护自动生效，因为我们去年就做了熔断，没有乘客多付钱。\n\n"
        "## 原因\n根本原因是接入服务没有限流。\n",
        "Incident report\n\nA few things worked as intended. The surge-pricing guard did its job: no rider "
        "was charged a surge fare for a trip that was only available because of our failure.\n\n"
        "## Root cause\nThe root cause was that the ingestion service had no rate limit.\n",
    ],
)
def test_a_reason_told_among_what_worked_is_no_cause(note: str) -> None:
    assert len(chains(note)) == 1


@pytest.mark.parametrize(
    "note",
    [
        "复盘\n\n## 原因\n根子上是没有专职麻醉医生。"
        "何院长在这里插话，说全院麻醉医生紧张也不是一天两天了，然后就先走了。\n",
        "Retro\n\n## Why\nThe root cause is that we have no anaesthetist of our own. "
        "Off topic, but the director said staff have been short for years, "
        "and then left for another meeting.\n",
    ],
)
def test_an_interjection_among_the_causes_is_no_cause(note: str) -> None:
    assert len(chains(note)) == 1


@pytest.mark.parametrize(
    "note",
    [
        "复盘\n\n## 原因\n两个因素让影响更大。"
        "第二，7.12 版打了热修复标签，因为它带了支付修复，所以没走 5% 灰度。\n",
        "Report\n\n## Why\nTwo contributing factors made it worse. "
        "Second, 7.12 was shipped with the hotfix label "
        "because it carried a payment fix, so it went to all drivers at once instead of 5% first.\n",
    ],
)
def test_a_cause_told_with_numbers_is_a_cause_not_a_goal(note: str) -> None:
    doc = extract(note)
    assert doc.goals == [] and len(doc.cause_chains) == 1


@pytest.mark.parametrize(
    ("note", "cause", "work"),
    [
        (
            "复盘\n\n## 问题分析\n\n| 问题 | 原因 | 改进措施 | 负责人 |\n|---|---|---|---|\n"
            "| 发货延迟 | 人工拣货慢 | 上线波次拣货 | 老黄 |\n",
            "人工拣货慢",
            "上线波次拣货",
        ),
        (
            "Retro\n\n## Problems\n\n| Problem | Root cause | Fix | Owner |\n|---|---|---|---|\n"
            "| Late shipments | picking is manual | roll out wave picking | Tom |\n",
            "picking is manual",
            "roll out wave picking",
        ),
    ],
)
def test_a_table_row_gives_its_cause_column_as_a_cause_and_its_measure_as_the_work(
    note: str, cause: str, work: str
) -> None:
    doc = extract(note)
    assert [c.surface_cause for c in doc.cause_chains] == [cause]
    assert [a.what for a in doc.actions] == [work]


# ---- a conversation: captions, turns and questions ---------------------------------------------------


@pytest.mark.parametrize(
    ("note", "root"),
    [
        (
            "1\n00:00:01,000 --> 00:00:04,000\n王磊：延期主要是因为支付 SDK 升级\n\n"
            "2\n00:00:05,000 --> 00:00:08,000\n比预估多花了三倍时间。退款接口的改动没人看过更新日志。\n\n"
            "3\n00:00:09,000 --> 00:00:12,000\n李娜：那为什么没人看更新日志？\n\n"
            "4\n00:00:13,000 --> 00:00:16,000\n王磊：因为第三方依赖没有负责人。\n",
            "第三方依赖没有负责人",
        ),
        (
            "1\n00:00:01,000 --> 00:00:04,000\nSam: The delay was mostly because the payment SDK upgrade\n\n"
            "2\n00:00:05,000 --> 00:00:08,000\ntook three times longer. Nobody had read the changelog.\n\n"
            "3\n00:00:09,000 --> 00:00:12,000\nMaria: And why did nobody read the changelog?\n\n"
            "4\n00:00:13,000 --> 00:00:16,000\nSam: Because no one owns third-party dependencies.\n",
            "no one owns third-party dependencies",
        ),
    ],
)
def test_a_turn_over_several_captions_and_the_answer_to_a_why_asked_of_it_are_one_chain(
    note: str, root: str
) -> None:
    found = extract(note, name="call.srt").cause_chains
    assert len(found) == 1 and root in (found[0].root_cause or "")


@pytest.mark.parametrize(
    "note",
    [
        "付款延迟复盘\n\n一句话总结：商户打款延迟，是因为银行文件被退回没人发现。\n\n## 原因\n"
        "直接原因是银行改了文件格式。根本原因是银行对接没有负责人。\n\n"
        "总的来看，问题主要出在银行对接没有负责人上。\n",
        "Payout postmortem\n\n"
        "TL;DR: payouts were late because a bank file was rejected and nobody noticed.\n\n"
        "## Why it happened\nThe direct cause was the bank's new file format. "
        "Underneath that, we have no owner for bank integrations.\n\n"
        "All told, the delay came from having no owner for bank integrations.\n",
    ],
)
def test_a_summary_before_or_after_the_causes_adds_no_chain(note: str) -> None:
    assert len(chains(note)) == 1


@pytest.mark.parametrize(
    "note",
    [
        "采购复盘\n参会：苏晴、彭工\n\n## 原因\n"
        "苏晴：独家供应没解决，是因为新供应商认证周期太长。\n"
        "彭工：认证流程是可以分级的，低风险物料可以简化。\n",
        "Procurement retro\nAttendees: Sue, Pete\n\n## Why\n"
        "Sue: Single sourcing persists because qualifying a "
        "new supplier takes six months.\nPete: We could split the qualification by risk, and low-risk parts "
        "could be fast-tracked.\n",
    ],
)
def test_what_could_be_done_told_among_the_causes_is_no_cause(note: str) -> None:
    assert len(chains(note)) == 1


@pytest.mark.parametrize(
    "note",
    [
        "故障复盘\n\n## 概述\n结算失败 40 分钟。诱因：缓存配置过期、支付队列没有告警。\n\n## 原因\n"
        "- 缓存配置过期：三月迁移后缓存配置没人更新，所有请求都打穿了缓存。\n"
        "- 支付队列没有告警：队列积压时没有人被呼叫。\n",
        "Outage review\n\n## Summary\nCheckout failed for 40 minutes. Contributing factors: a stale cache "
        "config and missing alerting on the payment queue.\n\n## Contributing factors\n"
        "- A stale cache config: the cache config was not updated after the March migration.\n"
        "- Missing alerting on the payment queue: nobody was paged when the queue backed up.\n",
    ],
)
def test_a_list_naming_causes_told_in_full_elsewhere_adds_no_chain(note: str) -> None:
    assert len(chains(note)) == 2


@pytest.mark.parametrize(
    ("note", "detail"),
    [
        (
            "复盘\n\n## 原因\n- 告警阈值设得太高\n"
            "- 还有一点补充：告警阈值设得太高，内存到 95% 才报警，几乎没有处理时间\n",
            "95%",
        ),
        (
            "Review\n\n## Why\n- The memory alert threshold was too high\n"
            "- More on that: the memory alert threshold was too high, firing only at 95% usage\n",
            "95%",
        ),
    ],
)
def test_a_cause_told_twice_is_one_chain_in_its_fuller_telling(note: str, detail: str) -> None:
    found = chains(note)
    assert len(found) == 1 and detail in words(found[0])


@pytest.mark.parametrize(
    ("note", "count"),
    [
        (
            "大促复盘\n参会：郑凯、Tony、阿May\n\n郑凯：为什么会在高价期加预算？\n"
            "Tony：因为投放看板是 T+1 的，当天看不到真实 ROI。\n郑凯：ROI 的问题八成是这个。\n"
            "阿May：另外设计资源太紧，主会场页面改了 9 版。\n",
            2,
        ),
        (
            "Campaign retro\nAttendees: Ken, Tony, May\n\nKen: Why did we add budget at peak prices?\n"
            "Tony: Because the dashboard is a day behind, so we could not see the real ROI.\n"
            "Ken: Most of the gap was this.\nMay: Also, design was short-staffed and the page went "
            "through nine versions.\n",
            2,
        ),
    ],
)
def test_asked_why_a_share_pointing_back_marks_the_cause_and_another_cause_is_its_own(
    note: str, count: int
) -> None:
    found = chains(note)
    assert len(found) == count and found[0].is_main and not found[1].is_main


@pytest.mark.parametrize(
    "note",
    [
        "复盘\n参会：何斌、小吴\n\n小吴：一次解决率低，我觉得是知识库太旧了。\n",
        "Review\nAttendees: Ben, Wu\n\n"
        "Wu: First-contact resolution was low, I think it's the stale knowledge base.\n",
    ],
)
def test_a_cause_given_as_an_opinion_is_a_cause(note: str) -> None:
    assert len(chains(note)) == 1


@pytest.mark.parametrize(
    "note",
    [
        "复盘\n参会：爱莎、汉娜\n\n汉娜：电动车为什么可用率低？\n"
        "爱莎：外部原因是电池供应商把备件推迟到了 11 月。\n",
        "Retro\nAttendees: Aisha, Hannah\n\nHannah: What didn't go well. Fleet availability was low.\n"
        "Aisha: Our battery supplier pushed the spares to November, nothing we could do about it.\n",
    ],
)
def test_an_external_cause_is_a_cause(note: str) -> None:
    assert len(chains(note)) == 1


@pytest.mark.parametrize(
    "note",
    [
        "复盘\n参会：迭戈、汉娜\n\n迭戈：空站多，根子上是调度计划还用去年的数据。\n迭戈：大头就是这个，占七成多。\n",
        "Retro\nAttendees: Diego, Hannah\n\n"
        "Diego: Stations are empty because the plan uses last year's data.\n"
        "Diego: And that's most of the empty-station problem.\n",
    ],
)
def test_a_short_remark_that_this_is_most_of_it_marks_the_cause_main(note: str) -> None:
    found = chains(note)
    assert len(found) == 1 and found[0].is_main


@pytest.mark.parametrize(
    ("note", "cause"),
    [
        (
            "故障复盘\n参会：陈静、老王\n\n老王：一开始大家以为是数据库，因为报错里有超时，后来查了不是数据库。\n"
            "老王：真正的原因是新节点的配置文件没同步。\n陈静：有人提到网络抖动，我们查了监控，排除了。\n",
            "配置文件没同步",
        ),
        (
            "Outage review\nAttendees: Omar, Priya\n\n"
            "Omar: At first we thought it was the CDN, because the errors started at the edge, "
            "but it wasn't the CDN.\nOmar: The actual cause was an expired certificate.\n"
            "Priya: Some said it was the load balancer config, but we ruled that out.\n",
            "expired certificate",
        ),
    ],
)
def test_a_suspicion_the_meeting_ruled_out_is_no_cause(note: str, cause: str) -> None:
    found = chains(note)
    assert len(found) == 1 and cause in words(found[0])


@pytest.mark.parametrize(
    ("note", "root"),
    [
        (
            "质量复盘\n\n## 5 Why 分析\n- Why1：客诉为什么多？因为发错货多。\n"
            "- Why2：为什么发错货？因为看错库位。\n"
            "- Why3：为什么看错库位？因为库位标签褪色了，一直没换。\n"
            "- Why4：为什么没换？因为没人负责库位标签的维护（根本原因）。\n",
            "没人负责库位标签的维护",
        ),
        (
            "Quality retro\n\n## 5 Whys\n- Why 1: Why so many complaints? Because of wrong shipments.\n"
            "- Why 2: Why wrong shipments? Because pickers misread the bin labels.\n"
            "- Why 3: Why misread them? Because the labels faded and nobody replaced them (root cause).\n",
            "labels faded and nobody replaced them",
        ),
    ],
)
def test_numbered_whys_with_a_tagged_root_are_one_chain(note: str, root: str) -> None:
    found = chains(note)
    assert len(found) == 1 and (found[0].root_cause or "").endswith(root)


@pytest.mark.parametrize(
    ("note", "root"),
    [
        (
            "接口超时复盘\n\n## 原因\n根本原因是表结构变更后订单表少了索引。当时的处理是手工补上索引，"
            "补完后因为不再全表扫描，延迟马上恢复。之后为了保险又回滚了表结构变更。\n",
            "表结构变更后订单表少了索引",
        ),
        (
            "API latency review\n\n## Root cause\nThe root cause was a missing index on the orders table. "
            "The fix was to add the index manually, which brought latency back because the scans stopped. "
            "We then rolled back the schema change to be safe.\n",
            "a missing index on the orders table",
        ),
    ],
)
def test_how_service_came_back_is_no_part_of_the_cause(note: str, root: str) -> None:
    found = chains(note)
    assert len(found) == 1 and found[0].root_cause == root


@pytest.mark.parametrize(
    "note",
    [
        "销售复盘\n参会：王磊、赵强\n\n## 原因\n**赵强**：根本原因是签合同时不看回款条款，这个占七成。\n"
        "【王磊】同意，这是主因。另外渠道费用超支，是因为促销政策定得太松。\n",
        "Sales retro\nAttendees: Wang, Zhao\n\n## Why\n"
        "**Zhao**: The root cause is that we sign contracts without reading the payment terms. "
        "That explains most of it.\n"
        "[Wang] Agreed, that's the main cause. "
        "Separately, channel costs overran because the promotion was too loose.\n",
    ],
)
def test_a_speaker_set_off_in_bold_or_brackets_is_the_speaker(note: str) -> None:
    found = chains(note)
    assert len(found) == 2 and found[0].is_main and "同意" not in words(found[0])


@pytest.mark.parametrize(
    ("note", "phenomenon"),
    [
        ("迁移复盘\n\n## 原因\n工期延误是因为改写量低估。\n另外，类型映射规则没人 review。\n", "工期延误"),
        (
            "Migration retro\n\n## Why\nThe schedule slipped because we underestimated the rewrite.\n"
            "Also, nobody reviewed the type mapping rules.\n",
            "The schedule slipped",
        ),
    ],
)
def test_a_separate_cause_does_not_borrow_the_phenomenon_of_the_one_before(
    note: str, phenomenon: str
) -> None:
    found = chains(note)
    assert len(found) == 2 and found[0].phenomenon == phenomenon and phenomenon not in found[1].phenomenon


@pytest.mark.parametrize(
    "note",
    [
        "复盘\n\n## 原因\n- 审批节点太多，一张请购单要6个人签字\n"
        "- 比如上周的紧急采购，签字就花了4天\n- 新供应商认证周期太长\n",
        "Retro\n\n## Causes\n- Too many approval steps: one request needs six signatures\n"
        "- For example, last week's urgent order took four days to sign\n"
        "- Qualifying a new supplier takes too long\n",
    ],
)
def test_an_example_of_a_cause_is_part_of_it(note: str) -> None:
    found = chains(note)
    assert len(found) == 2 and ("4天" in words(found[0]) or "four days" in words(found[0]))


# ---- what is said beside the causes and is none ---------------------------------------------------


@pytest.mark.parametrize(
    ("note", "missed"),
    [
        (
            "复盘\n\n## 不足和原因\n- 交车慢，因为洗车房只有一台设备\n"
            "- 还有一件该做没做的事：预约接车年初就定了，因为排期一直往后推，到现在还没上线\n",
            "预约接车",
        ),
        (
            "Retro\n\n## Why\n- Check-in was slow because the card printers kept jamming\n"
            "- And we said we'd run a pre-arrival inspection on every floor and we didn't\n",
            "pre-arrival inspection",
        ),
    ],
)
def test_what_should_have_been_done_and_was_not_is_a_shortfall_not_a_cause(note: str, missed: str) -> None:
    doc = extract(note)
    assert len(doc.cause_chains) == 1 and not any(missed in words(c) for c in doc.cause_chains)
    assert missed in texts(doc.shortfalls)


@pytest.mark.parametrize(
    "note",
    [
        "复盘\n\n## 原因\n- 根本原因是没有技术案例库\n- 因为没人负责，培训一直没做，这是第二个原因\n",
        "Retro\n\n## Why\n- The root cause is that nobody owned the runbook\n"
        "- Capacity was short because the load test was never done\n",
    ],
)
def test_what_was_not_done_told_as_the_reason_stays_a_cause(note: str) -> None:
    assert len(chains(note)) == 2


@pytest.mark.parametrize(
    "note",
    [
        "复盘\n\n## 原因\n- 根本原因是没有技术案例库\n"
        "- 需要说明一下，6月初车间换举升机停工三天，这是计划内的，不算原因\n",
        "Retro\n\n## Why\n- The root cause is that nobody owned the runbook\n"
        "- The planned network maintenance that night was not a factor\n",
    ],
)
def test_what_the_note_says_is_no_cause_is_none(note: str) -> None:
    assert len(chains(note)) == 1


@pytest.mark.parametrize(
    "note",
    [
        # said in prose that a factor is not counted as a cause of its own
        "复盘\n\n大间隔为什么这么多？根子上是考核只看发车班次，王主任判断占七成。"
        "5月还有11天下雨，但大家认为雨天影响不大，不单独算原因。\n",
        "Retro\n\nWhy so many gaps? At root, dispatchers are judged only on trips run, about 70% of it.\n\n"
        "Heavy rain on 11 days also slowed traffic, because roads flooded, "
        "but it is not counted as a cause.\n",
        # "不单独算", "not counted separately": the same, without naming it a cause
        "复盘\n\n大间隔为什么这么多？根子上是考核只看发车班次，王主任判断占七成。"
        "还有下雨的情况，这属于天气原因，不单独算。\n",
        "Retro\n\nWhy so many gaps? At root, dispatchers are judged only on trips run, about 70% of it.\n\n"
        "Heavy rain on 11 days also slowed traffic, because roads flooded, "
        "but we don't count it separately.\n",
    ],
)
def test_a_factor_the_note_does_not_count_as_a_cause_is_none(note: str) -> None:
    found = chains(note)
    assert len(found) == 1 and not any(w in words(found[0]) for w in ("下雨", "rain"))


@pytest.mark.parametrize(
    "note",
    [
        # a cause counted on its own beside the main one stays (a list, another style)
        "复盘\n\n## 原因\n- 根本原因是考核只看发车班次\n- 另外下雨天多，单独算一个原因\n",
        "Retro\n\n## Why\n- The root cause is that dispatchers are judged only on trips run\n"
        "- Rain on 11 days also counted as a separate factor\n",
    ],
)
def test_a_factor_counted_on_its_own_stays_a_cause(note: str) -> None:
    assert len(chains(note)) == 2


@pytest.mark.parametrize(
    "note",
    [
        "故障复盘\n\n【根本原因】\n迁移手册里没有恢复定时任务这一步。\n\n【处理过程】\n"
        "值班同事把归档挪到另一块盘，因为磁盘已满，服务到17点10分才恢复正常。\n",
        "INCIDENT REVIEW\n\nROOT CAUSE\n\nThe migration runbook had no step to re-enable paused jobs.\n\n"
        "RESOLUTION\n\nEngineers moved the archive to another volume because the disk was full; "
        "normal flow resumed at 17:10.\n",
    ],
)
def test_a_plain_text_heading_ends_the_causes_and_resolution_is_no_cause(note: str) -> None:
    found = chains(note)
    assert len(found) == 1 and ("runbook" in words(found[0]) or "定时任务" in words(found[0]))


@pytest.mark.parametrize(
    "note",
    [
        "复盘\n\n不足和原因。损耗高，根子上是损耗不考核店长。大家讨论下来，一致认为这一条解释了损耗超标的大概六成。\n",
        "Retro\n\nWhat went wrong. Waste was high, and the root cause is that store managers are not "
        "measured on waste. We agreed this explains about 60 percent of the gap.\n",
    ],
)
def test_a_remark_that_a_cause_explains_sixty_percent_marks_it_main_and_adds_no_chain(note: str) -> None:
    found = chains(note)
    assert len(found) == 1 and found[0].is_main


ROOT_ZH = "根本原因是连接池上限沿用了旧集群的配置。"
ROOT_EN = "The root cause was a connection pool limit copied from the old cluster."


@pytest.mark.parametrize(
    "beside",
    [
        "14点12分告警触发，因为错误率超了阈值，值班被叫起来。",  # a step of the timeline
        "结果请求排队，30秒后都超时了。",  # what followed
        "这导致了4000笔订单失败。",
        "所以大概4000笔订单受影响，因为报错持续了75分钟。",  # how many were affected
        "值班同学临时把连接池调到200，报错随即消失。",  # a step taken to recover
        "At 14:12 on-call was paged because the error-rate alert fired.",
        "As a result, requests queued and timed out after 30 seconds.",
        "This led to 4,000 failed orders.",
        "About 4,000 orders were affected, because the errors lasted 75 minutes.",
        "Engineers manually raised the pool size to 200, which stopped the errors.",
    ],
)
def test_the_timeline_consequences_impact_and_recovery_told_among_the_causes_are_no_causes(
    beside: str,
) -> None:
    zh = any("\u4e00" <= ch <= "\u9fff" for ch in beside)
    heading, root = ("## 原因分析", ROOT_ZH) if zh else ("## Root cause", ROOT_EN)
    found = chains(f"Review\n\n{heading}\n{root}\n{beside}\n")
    assert len(found) == 1 and ("连接池上限" in words(found[0]) or "pool limit" in words(found[0]))
    assert not any(w in words(found[0]) for w in ("4000", "4,000", "14:12", "14点12分", "200"))


@pytest.mark.parametrize(
    ("beside", "lesson"),
    [
        ("以后配置变更要先压测，因为配置也是代码。", "压测"),
        ("Next time we should load-test config changes, because config is code.", "load-test"),
    ],
)
def test_a_rule_for_next_time_told_among_the_causes_is_a_lesson(beside: str, lesson: str) -> None:
    zh = lesson == "压测"
    heading, root = ("## 原因分析", ROOT_ZH) if zh else ("## Root cause", ROOT_EN)
    doc = extract(f"Review\n\n{heading}\n{root}\n{beside}\n")
    assert len(doc.cause_chains) == 1 and lesson in texts(doc.lessons)


@pytest.mark.parametrize(
    "note",
    [
        "复盘\n参会：安娜、老白\n\n老白：为什么断货？因为临时把安全库存调低了，这是主因。\n"
        "安娜：另外结果是没人盯补货，所以断了三天。\n",
        "Retro\nAttendees: Anna, Ben\n\nBen: Why did we run out? Because someone manually lowered the safety "
        "stock, that's the main cause.\n"
        "Anna: And at first nobody watched the reorders, because the owner left.\n",
    ],
)
def test_a_reason_that_names_a_recovery_step_or_a_result_is_still_a_cause(note: str) -> None:
    assert len(chains(note)) == 2


@pytest.mark.parametrize(
    "note",
    [
        "复盘\n\n问题主要在损耗。根子上是损耗不考核店长。\n\n"
        "另外还有几个原因。一是寒潮，蔬菜进价涨了一倍。二是冷柜压缩机老化。\n",
        "Retro\n\nWhat went wrong was waste. The root cause is that store managers are not measured "
        "on it.\n\n"
        "There were other factors too. First, the cold snap doubled vegetable prices. "
        "Second, old fridge compressors lost temperature.\n",
    ],
)
def test_a_paragraph_announcing_other_causes_gives_each_of_them(note: str) -> None:
    assert len(chains(note)) == 3


@pytest.mark.parametrize(
    "note",
    [
        "复盘\n\n先交代一下背景。三季度一向是淡季，因为有暑假，所以目标定得比二季度低。\n\n"
        "## 原因\n- 根本原因是法务审核拖了六周\n",
        "Retro\n\nSome background. Q3 is always our slowest quarter because of the summer holidays, "
        "which is why the target was lower.\n\n"
        "## Why\n- The root cause is that legal review took six weeks\n",
    ],
)
def test_a_paragraph_announced_as_background_holds_no_cause(note: str) -> None:
    found = chains(note)
    assert len(found) == 1 and ("法务" in words(found[0]) or "legal" in words(found[0]))


@pytest.mark.parametrize(
    ("note", "first", "second"),
    [
        (
            "复盘\n\n## 原因\n- 交车慢，一部分是因为返修车占了工位，另一部分是洗车房只有一台设备\n",
            "工位",
            "洗车房",
        ),
        (
            "Retro\n\n## Why\n- Check-in was slow partly because the card printers jammed, "
            "and partly because only two desks were open\n",
            "printers",
            "two desks",
        ),
    ],
)
def test_a_finding_split_between_two_causes_gives_two_chains(note: str, first: str, second: str) -> None:
    found = chains(note)
    assert len(found) == 2
    assert first in words(found[0]) and second not in words(found[0]) and second in words(found[1])


@pytest.mark.parametrize(
    ("note", "cause"),
    [
        (
            "复盘\n参会：马洪涛、严红\n\n马洪涛：充电桩为什么排队？\n"
            "严红：充电桩是电力公司的扩容没批下来，原计划国庆前从8个桩加到16个，现在还是8个，外部原因。\n",
            "扩容没批下来",
        ),
        (
            "Retro\nAttendees: Hannah, Diego\n\nHannah: Why were the chargers queued?\n"
            "Diego: The grid upgrade was never approved, we planned to go from 8 to 16 chargers and we still "
            "have 8, an external cause.\n",
            "grid upgrade",
        ),
    ],
)
def test_a_plan_told_inside_a_cause_is_the_cause_not_a_goal(note: str, cause: str) -> None:
    doc = extract(note)
    assert not doc.goals and any(cause in words(c) for c in doc.cause_chains)


@pytest.mark.parametrize(
    "note",
    [
        "复盘\n\n赢单率掉到18%，因为丢了三个大单。\n",
        "Retro\n\nWin rate fell to 18% because we lost three large deals.\n",
    ],
)
def test_a_finding_that_went_down_with_its_reason_is_no_highlight(note: str) -> None:
    assert not extract(note).highlights


@pytest.mark.parametrize(
    "note",
    [
        "复盘\n\n## 原因\n根本原因是迁移手册里没有恢复定时任务这一步，我们估计这解释了四分之三的延误。\n"
        "另外，磁盘使用率到了80%时告警发到了一个没人看的邮件组。\n",
        "Retro\n\n## Root cause\nThe root cause was that the migration runbook had no step to re-enable "
        "paused jobs. We estimate this explains around three quarters of the delay.\n"
        "Also, the disk warning fired at 80% full, but it went to a mailing list nobody reads.\n",
    ],
)
def test_a_level_something_stood_at_is_no_share_of_the_gap(note: str) -> None:
    found = chains(note)
    assert len(found) == 2 and found[0].is_main and not found[1].is_main


TURNS_ZH = (
    "运营复盘\n参会：玛丽、老汤\n\n老汤：没做好的是激活，激活率掉到22%。\n"
    "玛丽：主要是因为新版引导在Safari上打不开。\n"
)
TURNS_EN = (
    "Ops retro\nAttendees: Maria, Tom\n\nTom: What went badly was activation, it dropped to 22%.\n"
    "Maria: Mostly because the new setup wizard breaks on Safari.\n"
)


@pytest.mark.parametrize(
    ("turn", "kind"),
    [
        ("玛丽：不好意思来晚了，因为桥又封了。", None),  # talk
        ("老汤：直播课要继续，因为用户一直在要。", "lessons"),  # a rule for next time, then why
        ("玛丽：我发现自己应该更早要浏览器清单，因为我以为测试那边有。", "reflections"),
        ("Maria: Sorry I'm late, because the bridge was closed again.", None),
        ("Tom: We will keep the webinars because customers asked for more.", "lessons"),
        (
            "Maria: I learned that I should ask for a browser matrix earlier, because I assumed QA had it.",
            "reflections",
        ),
    ],
)
def test_a_reason_given_in_talk_a_promise_or_a_reflection_is_no_cause(turn: str, kind: str | None) -> None:
    base = TURNS_ZH if "玛丽：" in turn or "老汤：" in turn else TURNS_EN
    doc = extract(base + turn + "\n")
    assert len(doc.cause_chains) == 1
    if kind is not None:
        assert len(getattr(doc, kind)) == 1


@pytest.mark.parametrize(
    "note",
    [
        "复盘\n参会：玛丽、老汤\n\n玛丽：直播课做得很好，因为每个讲师都提前彩排了。\n",
        "Retro\nAttendees: Maria, Tom\n\n"
        "Maria: The webinars went really well because Priya prepped every speaker.\n",
    ],
)
def test_why_something_went_really_well_is_a_highlight(note: str) -> None:
    doc = extract(note)
    assert not doc.cause_chains and len(doc.highlights) == 1


@pytest.mark.parametrize(
    "beside",
    [
        "The incident was declared at 14:20 because error rates crossed 5%.",  # a step of the timeline
        # a decision in the response
        "We decided not to roll back because the migration could not be reversed.",
        "This matters because checkout is our main revenue path.",  # why it matters
        "Because of this outage, about 2,000 customers contacted support.",  # the incident is the reason
        "We apologise to everyone affected because this should not have happened.",
        "值班同学在14点20分宣布故障，因为错误率超过了5%。",
        "我们决定不回滚，因为迁移无法撤销。",
        "这件事很重要，因为下单是我们的主要收入来源。",
        "因为这次故障，大约2000名用户联系了客服。",
        "我们深表歉意，因为这本不该发生。",
    ],
)
def test_a_reason_given_for_the_response_or_for_why_it_matters_is_no_cause(beside: str) -> None:
    zh = any("\u4e00" <= ch <= "\u9fff" for ch in beside)
    head = (
        "故障复盘\n\n不足方面，下单失败持续了75分钟。"
        if zh
        else "Review\n\nWhat went wrong. Checkout failed for 75 minutes. "
    )
    root = ROOT_ZH if zh else ROOT_EN
    assert len(chains(f"{head}{root}\n\n{beside}\n")) == 1


@pytest.mark.parametrize(
    "note",
    [
        "复盘\n参会：孙悦、老周\n\n老周：根本原因是批处理和网关共用一个库。\n"
        "孙悦：还有一点，排查走了弯路，先去回滚风控规则，浪费了40分钟，因为看板上没有连接池的监控。\n",
        "Retro\nAttendees: Sue, Joe\n\n"
        "Joe: The root cause is that the batch job shares the gateway database.\n"
        "Sue: Also, we wasted 40 minutes rolling back the fraud rules, "
        "because the dashboard had no pool metrics.\n",
    ],
)
def test_why_the_response_itself_went_wrong_is_a_cause(note: str) -> None:
    assert len(chains(note)) == 2


@pytest.mark.parametrize(
    ("note", "cause"),
    [
        (
            "复盘\n参会：葛佳、许文斌\n\n葛佳：亮点。客单价高，是因为餐厅改成了三档套餐，大部分人选中间那档。\n"
            "许文斌：不足是卫生间投诉多。表面原因是保洁跟不上，大巴一来就排长队。\n",
            "保洁跟不上",
        ),
        (
            "Retro\nAttendees: Gia, Will\n\nGia: What went well. Basket size was up because the set menus "
            "worked, most people took the middle one.\n"
            "Will: What went badly was the restrooms. "
            "The surface cause is that cleaning could not keep up.\n",
            "cleaning could not keep up",
        ),
    ],
)
def test_a_success_explained_with_most_is_a_highlight_and_a_surface_cause_is_a_cause(
    note: str, cause: str
) -> None:
    doc = extract(note)
    assert len(doc.cause_chains) == 1 and cause in words(doc.cause_chains[0])
    assert len(doc.highlights) == 1


@pytest.mark.parametrize(
    "note",
    [
        "大促复盘\n\n## 不足\n- 客服接通率只有62%\n\n## 原因分析\n"
        "- 根本原因：排班按平日模型排，人力只有需求的一半\n"
        "- 影响：约3000名用户放弃咨询\n- 当时的处理：临时从售后调了8个人支援\n"
        "- 改进方向：大促前两周按预测重新排班\n",
        "Sale retro\n\n## What went wrong\n- Support answer rate was only 62%\n\n## Root cause analysis\n"
        "- Root cause: the rota follows the weekday model, so we had half the staff we needed\n"
        "- Impact: about 3,000 customers gave up\n"
        "- What we did on the day: pulled 8 people over from returns\n"
        "- Improvement: re-plan the rota from the forecast two weeks before the sale\n",
    ],
)
def test_bullets_labelled_impact_response_or_improvement_among_the_causes_are_no_causes(note: str) -> None:
    found = chains(note)
    assert len(found) == 1 and found[0].is_main


@pytest.mark.parametrize(
    ("note", "name", "finding"),
    [
        (
            "WEBVTT\n\n00:00:01.000 --> 00:00:06.000\n<v Hannah>And the route optimisation pilot we promised "
            "in the spring, we still haven't started it.\n",
            "n.vtt",
            "route optimisation pilot",
        ),
        (
            "1\n00:00:01,000 --> 00:00:06,000\n陈海燕：说好的维修工技能培训，今年一直没开起来。\n",
            "n.srt",
            "技能培训",
        ),
    ],
)
def test_a_promised_piece_of_work_never_started_is_a_shortfall(note: str, name: str, finding: str) -> None:
    assert finding in texts(extract(note, name=name).shortfalls)


@pytest.mark.parametrize(
    "note",
    [
        # inside a reason (a postmortem's cause sentence, a 纪要's), it is the cause's words
        "Incident review\n\nRoot cause. Routes stayed manual because the optimisation pilot "
        "still has not started.\n",
        "复盘纪要\n\n原因方面。晚高峰超时，是因为路线优化试点到现在还没启动。\n",
    ],
)
def test_a_work_not_started_told_as_the_reason_is_no_shortfall(note: str) -> None:
    # the finding it explains ("晚高峰超时") may stand as one; the work not started is the cause's words
    shortfalls = texts(extract(note, name="note.txt").shortfalls)
    assert not any("pilot" in s or "试点" in s for s in shortfalls)


@pytest.mark.parametrize(
    ("note", "name", "finding"),
    [
        (
            "Payroll review\n\nWe promised in June to move our file testing onto the bank's sandbox, "
            "and it never happened.\n",
            "n.txt",
            "sandbox",
        ),
        ("复盘纪要\n\n我们六月份承诺要把文件测试搬到银行的沙箱环境，结果一直没做。\n", "n.txt", "沙箱"),
        (
            "Ops sync\n\nLeo: The shared runbook we promised the night team, but it never happened.\n",
            "n.txt",
            "runbook",
        ),
    ],
)
def test_a_promise_that_never_happened_is_a_shortfall(note: str, name: str, finding: str) -> None:
    assert finding in texts(extract(note, name=name).shortfalls)


@pytest.mark.parametrize(
    "note",
    [
        # told as the reason, the broken promise is the cause's words, not a finding of its own
        "Incident review\n\nRoot cause. Nobody tested against the sandbox because the move we promised "
        "in June and it never happened.\n",
        "复盘纪要\n\n原因方面。文件没测出问题，是因为搬到沙箱的事结果一直没做。\n",
        # a question in a transcript asks for one; it is none
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Nadia>Anything we promised and it never happened?\n",
    ],
)
def test_a_broken_promise_told_as_the_reason_or_asked_is_no_shortfall(note: str) -> None:
    assert not extract(note, name="note.vtt" if note.startswith("WEBVTT") else "note.txt").shortfalls
