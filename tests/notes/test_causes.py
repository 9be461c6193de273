"""Cause chains from prose: a drill-down told over several sentences is one chain, remarks on causes are no
causes, and the main cause is the one the note says explains most of the gap (zh and en)."""

from __future__ import annotations

import re

import pytest

from tests.notes.extracting import chains, words

# ---- a drill-down told as a story is one chain ------------------------------------------------


def test_a_chinese_drill_down_over_several_clauses_is_one_chain_rooted_at_its_deepest_step() -> None:
    found = chains(
        "流失复盘\n\n原因分析。客户流失多，表面上看是价格偏高；往下追，是竞品推出了低价套餐；"
        "再往下挖，说到底是我们没有做分层定价，老客户只能按原价续费。"
    )
    assert len(found) == 1
    chain = found[0]
    assert chain.phenomenon == "客户流失多"
    assert "价格偏高" in (chain.surface_cause or "") and "低价套餐" in (chain.surface_cause or "")
    assert "分层定价" in (chain.root_cause or "") and "价格偏高" not in (chain.root_cause or "")


def test_an_english_drill_down_announced_as_deeper_is_one_chain_rooted_at_the_next_sentence() -> None:
    found = chains(
        "Sign-up review\n\n## Why\n\n"
        "On the surface, the landing page was slow, because the new image carousel loaded 8 MB of pictures. "
        "But the real problem sits deeper. "
        "Nobody owned page performance, so no one checked the page weight before launch."
    )
    assert len(found) == 1
    assert "carousel" in (found[0].surface_cause or "")
    assert (found[0].root_cause or "").startswith("Nobody owned page performance")


@pytest.mark.parametrize(
    ("note", "surface", "root"),
    [
        (
            "Refund review\n\nRefunds were slow, because finance approves them once a week. "
            "The underlying cause is that nobody owns the refund queue.",
            "finance approves them once a week",
            "nobody owns the refund queue",
        ),
        (
            "退货复盘\n\n退货多，表面原因是尺码不准。深层原因是版型改了没人通知客服。",
            "尺码不准",
            "版型改了没人通知客服",
        ),
    ],
)
def test_an_underlying_cause_told_next_finishes_the_chain_of_the_surface_cause(
    note: str, surface: str, root: str
) -> None:
    found = chains(note)
    assert len(found) == 1
    assert found[0].surface_cause == surface and found[0].root_cause == root


@pytest.mark.parametrize(
    "note",
    [
        "流失复盘\n\n原因分析。客户流失多，表面上看是价格偏高；根子上，是我们没有做分层定价。"
        "王经理说这是客户流失的主要原因，占了大概七成。",
        "Sign-up review\n\n## Why\n\nOn the surface, the landing page was slow. But the real problem sits "
        "deeper. Nobody owned page performance, so no one checked the page weight. The root cause was this "
        "missing ownership, and we think it explains about two thirds of the drop.",
    ],
)
def test_a_remark_that_restates_the_root_and_its_share_marks_the_chain_main(note: str) -> None:
    found = chains(note)
    assert len(found) == 1
    assert found[0].is_main and found[0].share in (0.7, 0.67)
    assert not (found[0].root_cause or "").lower().startswith(("this", "这"))


@pytest.mark.parametrize(
    "note",
    [
        "Review\n\n## Why\n\nChanges to the formula database have no review step, so the contractor ran "
        "the script directly. We believe this explains about 75% of the off-shade batches; the sampling rate "
        "let the remainder through.",
        "Review\n\n## Why\n\nNobody owned page performance, so no one checked the page weight. "
        "I think that accounts for two thirds of the drop.",
    ],
)
def test_a_sentence_that_opens_by_weighing_the_cause_is_no_root(note: str) -> None:
    found = chains(note)
    assert len(found) == 1 and found[0].is_main
    assert "explains" not in (found[0].root_cause or "") and "accounts" not in (found[0].root_cause or "")


@pytest.mark.parametrize(
    ("note", "root"),
    [
        (
            "Outage review\n\n## Why\n\nThe cache was cold because the warm-up job was skipped. "
            "The root cause is that this service had no owner, which explains most of the outage.",
            "this service had no owner",
        ),
        (
            "故障复盘\n\n## 原因\n\n缓存是冷的，因为预热任务被跳过了。"
            "根本原因是这个服务没有负责人，这一条能解释大部分故障。",
            "这个服务没有负责人",
        ),
    ],
)
def test_a_root_that_says_something_new_about_this_or_that_is_kept(note: str, root: str) -> None:
    found = chains(note)
    assert len(found) == 1 and found[0].is_main
    assert (found[0].root_cause or "").startswith(root)


# ---- sentences around the causes are no causes --------------------------------------------------


def test_a_sentence_that_names_what_the_next_one_explains_is_its_phenomenon_not_a_cause() -> None:
    found = chains(
        "Delivery review\n\n## Why\n\nThe late deliveries have a simpler explanation. "
        "Our route planner still uses last year's depot list, so drivers start from the closed depot."
    )
    assert len(found) == 1
    assert "late deliveries" in found[0].phenomenon and "depot list" in (found[0].surface_cause or "")


@pytest.mark.parametrize(
    "note",
    [
        "Outage review\n\n## Why\n\nThe outage started with a bad config push.",
        "延误复盘\n\n## 原因\n\n这次延误要从供应商换人说起。",
    ],
)
def test_an_introduction_that_nothing_explains_further_is_the_cause_itself(note: str) -> None:
    assert len(chains(note)) == 1


def test_a_chinese_count_of_causes_introduces_them_and_is_not_one() -> None:
    found = chains("退款复盘\n\n## 原因\n\n退款慢原因有两个。一是财务每周只批一次；二是系统不能批量退款。")
    assert [("批一次" in words(c), "批量退款" in words(c)) for c in found] == [(True, False), (False, True)]
    assert all(c.surface_cause != "退款慢原因有两个" for c in found)


@pytest.mark.parametrize(
    ("note", "kept"),
    [
        (
            "采购复盘\n\n## 原因\n\n另外有外部因素：一是原料涨价；二是汇率波动。"
            "这两条我们左右不了，但可以提前备货。市场部插话说明年可能有出口补贴，这个还没定。",
            ["原料涨价", "汇率波动"],
        ),
        (
            "Shipping review\n\n## Why\n\nPart of the delay also came from outside: the port strike held our "
            "containers for a week. Both of these were outside our control. Sales mentioned a possible new "
            "distributor next year; it is not decided yet.",
            ["port strike"],
        ),
    ],
)
def test_remarks_on_the_causes_and_unsettled_news_are_no_causes(note: str, kept: list[str]) -> None:
    found = chains(note)
    assert len(found) == len(kept)
    assert all(k in words(c) for k, c in zip(kept, found, strict=True))


# ---- the main cause ----------------------------------------------------------------------------


def test_most_of_a_group_of_people_does_not_make_a_cause_the_main_one() -> None:
    found = chains(
        "Volunteer review\n\n## Why\n\nShift reminders go out only by email, and most of our volunteers "
        "rarely read it."
    )
    assert len(found) == 1 and not found[0].is_main


@pytest.mark.parametrize(
    "note",
    [
        "Volunteer review\n\n## Why\n\nReminders went out late because the tool was down, which explains "
        "about two thirds of the missed shifts.",
        "志愿者复盘\n\n## 原因\n\n提醒发晚了，因为排班工具停机，这一条大概能解释三分之二的缺岗。",
    ],
)
def test_a_cause_said_to_explain_two_thirds_of_the_gap_is_the_main_one(note: str) -> None:
    found = chains(note)
    assert len(found) == 1 and found[0].is_main and found[0].share == 0.67


# ---- causes told inside the story of an incident ----------------------------------------------


@pytest.mark.parametrize(
    ("note", "root", "factors"),
    [
        (
            "App crash postmortem\n\n## What happened\n\nThe app crashed on start. The root cause was that "
            "the new build read an old settings file.\n\nTwo contributing factors made it worse. The crash "
            "reporter was switched off in that build. And the release went to everyone at once, because "
            "the staged rollout was skipped.",
            "old settings file",
            ["crash reporter", "staged rollout"],
        ),
        (
            "应用崩溃复盘\n\n## 事件经过\n\n应用启动即崩溃。根本原因是新版本读取了旧的配置文件。\n\n"
            "还有两个因素让影响扩大了。崩溃上报在这个版本里被关掉了。而且版本一次性推给了所有人，因为灰度发布被跳过了。",
            "旧的配置文件",
            ["崩溃上报", "灰度发布"],
        ),
    ],
)
def test_the_root_cause_and_counted_contributing_factors_in_what_happened_are_causes(
    note: str, root: str, factors: list[str]
) -> None:
    found = chains(note)
    mains = [c for c in found if c.is_main]
    assert len(mains) == 1 and root in (mains[0].root_cause or "")
    others = [words(c) for c in found if not c.is_main]
    assert len(others) == len(factors) and all(f in o for f, o in zip(factors, others, strict=True))


@pytest.mark.parametrize(
    ("note", "cause"),
    [
        (
            "Delivery review\n\nOrders shipped two days late. Another contributing factor was that nobody "
            "covered the weekend rota.",
            "nobody covered the weekend rota",
        ),
        ("配送复盘\n\n订单晚发了两天。诱因是周末没人值班。", "周末没人值班"),
    ],
)
def test_a_contributing_factor_named_as_such_is_a_cause(note: str, cause: str) -> None:
    found = chains(note)
    assert len(found) == 1 and found[0].surface_cause == cause


# ---- a cause told twice ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "note",
    [
        "Backup review\n\n## Why\n\nThe root cause was that the backup job never verified its archives."
        "\n\n## Root cause analysis\n\n"
        "The root cause was that the backup job never verified its archives at all.",
        "备份复盘\n\n## 原因\n\n根本原因是备份任务从不校验归档文件。\n\n"
        "## 根因分析\n\n根本原因是备份任务从来不校验归档文件。",
    ],
)
def test_a_cause_told_twice_in_near_identical_words_is_one_chain(note: str) -> None:
    assert len(chains(note)) == 1


# ---- a detail in the same turn -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("note", "detail"),
    [
        (
            "产品复盘\n参会：老张、小王\n\n## 原因\n\n"
            "老张：退货多是因为尺码表不准。去年换了版型，表一直没改。\n小王：物流慢是因为仓库只有一个班次。",
            "版型",
        ),
        (
            "Launch review\nAttendees: Tom, Ana\n\n## Why\n\n"
            "Tom: the demo failed because the projector was never tested. We had no setup time.\n"
            "Ana: sign-ups were low because the form was broken on mobile.",
            "no setup time",
        ),
    ],
)
def test_a_sentence_without_cause_words_in_the_same_turn_details_the_cause_just_given(
    note: str, detail: str
) -> None:
    found = chains(note)
    assert len(found) == 2
    assert detail in (found[0].surface_cause or "") and detail not in words(found[1])


@pytest.mark.parametrize(
    "note",
    [
        # a reason whose subject points at the cause just told goes one level down, even after "And"
        "Incident report\n\nThe checkout lost sessions because the session cache was evicting entries. "
        "It was evicting because the cluster had been sized for last year's peak. And it was sized that way "
        "because our capacity plan is never refreshed from the demand forecast. This explains about 75%.\n",
        "故障复盘\n\n结账丢会话，是因为会话缓存在内存压力下淘汰条目。缓存集群是按去年的峰值配的。"
        "这又是因为我们的容量规划从来不按需求预测更新，这一条大概占七成五。\n",
    ],
)
def test_a_reason_pointing_at_the_cause_just_told_is_the_next_level_down(note: str) -> None:
    found = chains(note)
    assert len(found) == 1 and found[0].is_main
    assert any(w in (found[0].root_cause or "") for w in ("never refreshed", "从来不按需求预测"))


@pytest.mark.parametrize(
    "note",
    [
        # "And …" with a subject of its own is another cause beside the first (a plain list, another style)
        "Retro\n\n## Why\n- Checkout lost sessions because the cache was evicting entries\n"
        "- And the load test skipped seat selection because the script was old\n",
        "复盘\n\n## 原因\n- 结账丢会话，是因为缓存在淘汰条目\n- 另外压测没覆盖选座，是因为脚本太旧\n",
    ],
)
def test_and_with_a_subject_of_its_own_is_a_cause_beside_the_first(note: str) -> None:
    assert len(chains(note)) == 2


@pytest.mark.parametrize(
    "note",
    [
        # told by a person named with their role, going one level down after "那为什么…？"
        "复盘\n\n大间隔为什么这么多？调度科刘敏先说了现象：车串成一串。表面上看是路况，但往下追，是调度员凭经验发车，"
        "系统建议基本没人用。那为什么不用？二分公司调度长孙海涛接着说，再往下问，是因为考核只看发车班次，"
        "王主任判断这一条占七成。\n",
        "Retro\n\nWhy so many gaps? Dispatch lead Maria said, on the surface it is traffic, "
        "but dig deeper and dispatchers still send buses by feel, nobody uses the system's advice. "
        "Why not? Ops manager Tom said, going deeper, it is because dispatchers are judged only on trips "
        "run, about 70% of it.\n",
    ],
)
def test_a_drill_down_told_by_people_named_with_their_roles_is_one_chain(note: str) -> None:
    found = chains(note)
    assert len(found) == 1 and found[0].is_main


@pytest.mark.parametrize(
    ("note", "root"),
    [
        (
            "复盘纪要\n\n原因方面。主任的判断是，没有分时段预约是根子上的问题，占候检超标的八成左右。\n",
            "没有分时段预约",
        ),
        ("复盘纪要\n\n原因方面。没人对设备参数负责是根本原因，占了七成。\n", "没人对设备参数负责"),
        (
            "Postmortem\n\nWhy it happened. Nobody owning the plant settings is the root cause, and it "
            "explains about 80% of the closures.\n",
            "Nobody owning the plant settings",
        ),
    ],
)
def test_the_words_before_is_the_root_problem_are_the_root(note: str, root: str) -> None:
    found = chains(note)
    assert any(chain.root_cause == root for chain in found), [c.root_cause for c in found]


@pytest.mark.parametrize(
    "note",
    [
        "仓库复盘\n参会：老郑、邓娟、彭刚\n\n老郑：货损为什么这么高？\n邓娟：主要是温度超标，冷冻品化了又冻。\n"
        "老郑：为什么老超标？\n彭刚：说到底是没有到车预约，门一直开着。这个占七成。\n",
        "Pool retro\nAttendees: Kate, Jamal, Priya\n\nKate: Why so many closures?\n"
        "Jamal: The chlorine kept drifting low after busy sessions.\nKate: Why?\n"
        "Priya: Put plainly, nobody is responsible for the plant settings. I'd say 80% of the closures.\n",
    ],
)
def test_a_why_asked_right_after_a_cause_takes_the_answer_one_level_down_the_same_chain(note: str) -> None:
    found = chains(note)
    assert len(found) == 1, [words(c) for c in found]


@pytest.mark.parametrize(
    ("note", "reasons"),
    [
        (
            "复盘纪要\n\n随访率低，是因为护士下班后才打电话。孙凯补了一句，目录申报拖着，一是今年医保局改了申报表格，"
            "二是医保办人手只有两个。\n",
            ["申报表格", "人手只有两个"],
        ),
        (
            "Review notes\n\nFollow-ups were low because nurses call after their shift. The catalogue filing "
            "slipped, first because the regulator changed the form this year, and second because only two "
            "staff handle filings.\n",
            ["changed the form", "only two staff"],
        ),
    ],
)
def test_reasons_counted_out_in_one_sentence_are_causes_of_their_own(note: str, reasons: list[str]) -> None:
    found = chains(note)
    holding = [next((c for c in found if r in words(c)), None) for r in reasons]
    assert all(holding) and holding[0] is not holding[1], [words(c) for c in found]
    assert not any(r in words(found[0]) for r in reasons)  # not told as more of the cause before


@pytest.mark.parametrize(
    ("note", "reasons"),
    [
        (
            "复盘纪要\n\n就餐人次没到，一方面是10月中旬秋季流感，不少学生请假回家；"
            "另一方面外卖平台进校园以后，晚饭的人次明显少了。\n",
            ["秋季流感", "外卖平台"],
        ),
        (
            "Review notes\n\nCanteen visits fell short, on the one hand because of the autumn flu, many "
            "students went home; on the other hand, delivery apps came onto campus and dinners dropped.\n",
            ["autumn flu", "delivery apps"],
        ),
    ],
)
def test_the_two_sides_of_why_are_causes_of_their_own(note: str, reasons: list[str]) -> None:
    # "一方面…；另一方面…", "on the one hand …; on the other hand …": one finding, two causes side by side
    found = chains(note)
    holding = [next((c for c in found if r in words(c)), None) for r in reasons]
    assert all(holding) and holding[0] is not holding[1], [words(c) for c in found]


@pytest.mark.parametrize(
    ("note", "cause"),
    [
        (
            "Crew retro\n\nNadia: Why were there so many crew delays?\n"
            "Carla: Nobody re-bases the block times "
            "for winter. I'd put that at 70% of the crew delays.\nNadia: Agreed, that's the main one.\n"
            "Ben: The rest is sickness, we had the flu wave in the second week.\n",
            "flu wave",
        ),
        (
            "质量月度会\n\n钱国栋：金属异物客诉为什么还有这么多？\n周凯：检测机的灵敏度被夜班调低了，我看这一条占七成。\n"
            "钱国栋：同意，这是主因。\n李娜：剩下的是刀片崩口，供应商这批刀片质量不行。\n",
            "刀片崩口",
        ),
    ],
)
def test_the_rest_of_the_gap_named_with_its_detail_in_the_talk_is_a_cause_of_its_own(
    note: str, cause: str
) -> None:
    found = chains(note)
    assert any(cause in words(c) and not c.is_main for c in found), [words(c) for c in found]


@pytest.mark.parametrize(
    ("note", "seen", "surface"),
    [
        (
            "复盘纪要\n\n候检为什么这么长？姚敏先说现象：B超门口挤满人，平均要等五十分钟。孔杰接着讲：表面原因是团检"
            "单位都约在同一个早上。卢主任的判断是，没有分时段预约是根子上的问题，占八成左右。\n",
            "B超门口挤满人",
            "团检单位",
        ),
        (
            "Review notes\n\nWhy so many gaps? Maria first described what we saw: buses bunch up at peak. "
            "Tom said, on the surface it is traffic. Put plainly, dispatchers are judged only on trips run, "
            "about 70% of it.\n",
            "buses bunch up",
            "traffic",
        ),
    ],
)
def test_the_phenomenon_one_person_tells_is_what_the_next_person_s_cause_explains(
    note: str, seen: str, surface: str
) -> None:
    found = chains(note)
    assert len(found) == 1, [words(c) for c in found]
    assert seen in found[0].phenomenon and surface in words(found[0])


@pytest.mark.parametrize(
    ("note", "main", "part"),
    [
        (
            "复盘纪要\n\n损耗超标，说到底是没有把刷卡数据用起来做备餐预测，这一条大概占六成五。"
            "另外国庆放假前后人数波动大，也有一部分是这个。\n",
            "刷卡数据",
            "国庆放假",
        ),
        (
            "Review notes\n\nWaste ran high. At bottom we never used the card data to forecast meals, "
            "and we think this accounts for about 65% of the waste. Also, attendance swung a lot around the "
            "national holiday, and that's part of it too.\n",
            "card data",
            "national holiday",
        ),
    ],
)
def test_a_statement_said_to_be_part_of_it_is_a_cause_beside_the_main_one(
    note: str, main: str, part: str
) -> None:
    found = chains(note)
    mains = [c for c in found if main in words(c)]
    parts = [c for c in found if part in words(c)]
    assert mains and parts and mains[0] is not parts[0], [words(c) for c in found]
    assert mains[0].is_main and not parts[0].is_main


def test_a_chain_told_without_its_phenomenon_leaves_it_empty_rather_than_repeating_the_cause() -> None:
    (chain,) = chains("Retro\n\n## Causes\n\nThe parts aren't picked the night before.\n")
    assert chain.surface_cause == "The parts aren't picked the night before"
    assert chain.phenomenon == ""  # the report shows "—", not the cause twice


@pytest.mark.parametrize(
    "note",
    [
        "Review\n\n## Why\n\nA second contributing factor was outside our control: the new black colourant "
        "from our supplier is about 4% stronger than the old one.",
        "Review\n\n## Why\n\nAnother contributing factor was the new colourant, which is 4% stronger.",
        "复盘\n\n## 原因\n\n另一个原因是供应商的新色浆浓度高了4%。",
        "复盘\n\n## 原因\n\n第二个原因是供应商的新色浆浓度高了4%。",
    ],
)
def test_the_place_of_a_cause_in_their_count_is_no_phenomenon(note: str) -> None:
    (chain,) = chains(note)
    assert "4%" in words(chain)
    assert not re.search(r"second|another|另一个|第二个", chain.phenomenon, re.I)


@pytest.mark.parametrize(
    ("note", "reason"),
    [
        (
            "复盘\n\n## 原因\n\n鉴定差错的5起里，有3起是把高仿包当成了正品。"
            "桑梅说，一是新来的两位评估师经验还不足，二是高仿的做工越来越好，光靠肉眼已经不够了。",
            "经验还不足",
        ),
        (
            "Review\n\n## Why\n\nOf the 5 errors, 3 were fakes taken for the real thing. First, the two new "
            "appraisers are still short of experience; second, the fakes are getting better.",
            "short of experience",
        ),
    ],
)
def test_a_count_broken_down_is_what_the_next_cause_explains(note: str, reason: str) -> None:
    found = chains(note)
    assert len(found) == 2
    assert reason in words(found[0]) and ("5" in found[0].phenomenon)
