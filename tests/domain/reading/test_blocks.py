"""A message cut into the method's blocks by the words that open them, zh and en."""

from __future__ import annotations

import pytest

from coach.domain.reading.blocks import has_rung, opens, read_blocks, sentences


def _kinds(text: str) -> list[str]:
    return [b.kind for b in read_blocks(text)]


def test_findings_of_several_kinds_in_one_message_zh() -> None:
    blocks = read_blocks("做得好的是交付准时，靠的是排产系统。没做好的是良率；应当做却没做的是供应商评审。")
    assert [b.kind for b in blocks] == ["highlights", "shortfalls", "missed"]
    assert blocks[0].text.startswith("交付准时") and blocks[2].text.startswith("供应商评审")


def test_findings_of_several_kinds_in_one_message_en() -> None:
    blocks = read_blocks(
        "Went well: onboarding calls. Went badly: churn in EMEA. Should have: a pricing review."
    )
    assert [b.kind for b in blocks] == ["highlights", "shortfalls", "missed"]
    assert blocks[1].text == "churn in EMEA."


def test_sentences_without_a_cue_belong_to_the_block_before() -> None:
    assert _kinds("亮点：直播带货起量了。另外老客户复购也不错。") == ["highlights"]
    assert _kinds("Good: the new pipeline. And the on-call rota held.") == ["highlights"]


def test_a_bulleted_list_keeps_one_item_a_line() -> None:
    (block,) = read_blocks("不足：\n- 退货率高\n- 客服响应慢")
    assert block.text.splitlines() == ["- 退货率高", "- 客服响应慢"]


def test_a_drill_down_names_its_finding() -> None:
    (block,) = read_blocks("深挖退货率：现象是退货多，根因是尺码表不准。")
    assert block.kind == "chain" and block.topic == "退货率"
    (block,) = read_blocks("Drill into churn: the symptom is cancellations, the root cause is slow support.")
    assert block.kind == "chain" and block.topic == "churn"


def test_a_weighed_rest_is_a_chain_of_its_own() -> None:
    assert _kinds("其余两成是物流延误。") == ["rest"]
    assert _kinds("The rest is seasonality, 20%.") == ["rest"]


def test_plain_talk_opens_nothing() -> None:
    assert _kinds("我们下周再开个会吧") == ["text"]
    assert _kinds("see you all on Monday") == ["text"]


def test_a_rung_is_found_anywhere_in_a_sentence() -> None:
    assert has_rung("订单少了，根子上是报价太慢")
    assert has_rung("only two people can deploy, that's the root cause.")
    assert not has_rung("我们的根据地在华东")


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("问题最大的是返工，空调二次上门特别多", "shortfalls"),
        ("最大的问题是客服电话打不进去", "shortfalls"),
        ("早该做的是安装后的回访检查，说了两年一直没做", "missed"),
        ("The main problem was rework on air-con installs", "shortfalls"),
    ],
)
def test_the_biggest_problem_opens_the_shortfalls_and_what_should_long_have_been_done_the_missed(
    sentence: str, kind: str
) -> None:
    opened = opens(sentence)
    assert opened is not None and opened[0] == kind


@pytest.mark.parametrize(
    "text",
    [
        "Renewals slipped. Why? No onboarding call. Why? Because nobody owns onboarding. "
        "That's the root, about 70%. The other 30% is pricing.",
        "续费掉了。为什么？没有上线回访。为什么？因为上线没人负责。这就是根因，占七成。剩下三成是价格。",
    ],
)
def test_that_is_the_root_keeps_the_ladder_said_before_it_in_one_chain(text: str) -> None:
    blocks = read_blocks(text)
    assert [b.kind for b in blocks] == ["chain", "rest"]
    assert "Why" in blocks[0].text or "为什么" in blocks[0].text


def test_a_slash_parts_sentences_unless_told_not_to() -> None:
    assert sentences("Highlights: renewals / Shortfalls: churn") == [
        "Highlights: renewals",
        "Shortfalls: churn",
    ]
    assert sentences("亮点：回款 / 不足：流失") == ["亮点：回款", "不足：流失"]
    assert sentences("重来会把培训 / 上线陪跑提前做。下一步：每周复盘", slashes=False) == [
        "重来会把培训 / 上线陪跑提前做。",
        "下一步：每周复盘",
    ]
    assert sentences("Better: onboarding / training earlier. Next: weekly check", slashes=False) == [
        "Better: onboarding / training earlier.",
        "Next: weekly check",
    ]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The good news is turnover, the buddy shifts work.", "highlights"),
        ("Good news first, the first-timers.", "highlights"),
        ("Bad news is the no-shows.", "shortfalls"),
        ("先说好的：未遂上报多了。", "highlights"),
        ("不好的：手部夹伤。", "shortfalls"),
        ("还有一个该做没做的，收衣拍照存档。", "missed"),
    ],
)
def test_plain_words_for_good_and_bad_news_open_the_findings(sentence: str, kind: str) -> None:
    opened = opens(sentence)
    assert opened is not None and opened[0] == kind


@pytest.mark.parametrize(
    "sentence", ["Good news, everyone is here.", "好的，我们开始。", "No news from finance."]
)
def test_an_ok_or_a_greeting_opens_nothing(sentence: str) -> None:
    assert opens(sentence) is None or opens(sentence)[0] != "highlights"  # type: ignore[index]


@pytest.mark.parametrize(
    "text",
    [
        "Returns pile up in the back room. Why? Only Saturday staff sort them. "
        "And why's that? No shelving role.",
        "骑手不够。为什么不够？临时平台也爆单。为什么只靠临时平台？从没签保底运力。",
    ],
)
def test_a_why_asked_after_plain_sentences_makes_them_a_ladder(text: str) -> None:
    assert _kinds(text) == ["chain"]


@pytest.mark.parametrize(
    "text",
    [
        "Went well:\n- app relaunch\nDidn't:\n- reshelving slow\n- no-shows",
        "做得好的：\n- 新版APP\n不好的：\n- 上架慢\n- 爽约多",
    ],
)
def test_the_short_other_half_of_went_well_opens_the_shortfalls(text: str) -> None:
    assert _kinds(text) == ["highlights", "shortfalls"]


@pytest.mark.parametrize(
    "text",
    [
        "做得好的：\n- 交付准时\n没做好：\n- 良率低\n- 返工多",
        "Went well:\n- on-time delivery\nDidn't:\n- yield low\n- rework up",
    ],
)
def test_a_shortfalls_heading_cut_short_opens_the_shortfalls(text: str) -> None:
    assert _kinds(text) == ["highlights", "shortfalls"]


@pytest.mark.parametrize(
    "sentence",
    [
        "说白了根子在夜班人手是按编制定的",  # a hedge before the root's words
        "说实话，根因是两个组各做各的",
        "Honestly, the root cause is that nobody owns the rules",
        "The root of it is that nobody owns the parts plan",
    ],
)
def test_a_rung_said_after_a_hedge_or_as_the_root_of_it(sentence: str) -> None:
    assert has_rung(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "说白了就是大家都太忙",  # a hedge alone names no rung
        "我们的根据地在华东",
        "The roots of the oak broke the wall",
        "Honestly, the weather was fine",
    ],
)
def test_a_hedge_or_a_root_in_other_words_names_no_rung(sentence: str) -> None:
    assert not has_rung(sentence)


@pytest.mark.parametrize(
    "text",
    [
        "The rest were council press releases that were wrong at source.",
        "The other quarter of the late handbacks was weather.",
        "剩下三成是志愿者少了。",
    ],
)
def test_a_rest_said_in_the_past_or_of_a_finding_is_a_chain_of_its_own(text: str) -> None:
    assert _kinds(text) == ["rest"]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Anything we should've done and didn't:", "missed"),
        ("有没有该做没做的：", "missed"),
    ],
)
def test_the_missed_asked_as_a_question_opens_the_missed(sentence: str, kind: str) -> None:
    opened = opens(sentence)
    assert opened is not None and opened[0] == kind


@pytest.mark.parametrize(
    "sentence",
    [
        "Missed scans: patients late -> porters pulled to A&E -> root cause: dispatch rules never updated",
        "漏检：病人没到 -> 护工被抽走 -> 根因：派单规则没改",
    ],
)
def test_a_rung_after_an_arrow_is_found(sentence: str) -> None:
    assert has_rung(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Move the stand-up -> 9:30, Tom, next week",  # an arrow with no rung
        "晨会时间 -> 9点半，小王负责",
    ],
)
def test_an_arrow_alone_names_no_rung(sentence: str) -> None:
    assert not has_rung(sentence)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Bad:\n- Sickness up\n- Never did: the radiology porter", ["shortfalls", "missed"]),
        ("不足：\n- 病假多\n- 一直没做的：放射科专职护工", ["shortfalls", "missed"]),
    ],
)
def test_never_did_as_a_list_items_label_opens_the_missed(text: str, kinds: list[str]) -> None:
    assert _kinds(text) == kinds


@pytest.mark.parametrize(
    "text",
    [
        "We never did find out why the alarm went off.",  # no label: a sentence about something else
        "这个我们一直没做过统计。",
    ],
)
def test_never_did_in_a_sentence_opens_nothing(text: str) -> None:
    assert "missed" not in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "工单慢是因为按单结算。顺便这条算经验：运营商的通知以后要有人专门盯，新增，组织层面。",
        "Tickets were slow. And this one counts as a lesson: "
        "someone owns the carrier notices, start, organisation.",
    ],
)
def test_a_lesson_said_on_the_way_opens_the_lessons(text: str) -> None:
    assert _kinds(text)[-1] == "lessons"


@pytest.mark.parametrize("text", ["这算经验吗？我觉得不算。", "That is a lesson for all of us, honestly."])
def test_calling_something_a_lesson_without_a_colon_opens_nothing(text: str) -> None:
    assert "lessons" not in _kinds(text)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        (
            "Went badly: late handbacks, slow quotes, and the thing we should have done: a parts pre-order.",
            ["shortfalls", "missed"],
        ),
        ("不足：投诉多、工单慢，还有该做没做的：巡检路线一直没重排。", ["shortfalls", "missed"]),
    ],
)
def test_the_missed_headed_at_the_end_of_a_list_is_its_own_block(text: str, kinds: list[str]) -> None:
    assert _kinds(text) == kinds


@pytest.mark.parametrize(
    "text",
    [
        "Went badly: late handbacks, and we should have done more, honestly.",  # no heading with a colon
        "不足：投诉多，该做没做的事情很多。",
    ],
)
def test_missed_words_inside_a_finding_open_nothing(text: str) -> None:
    assert _kinds(text) == ["shortfalls"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Highlights.\n- Cost per tonne under budget: routes cut 2 rounds a day\n- Subscriptions sold out",
            "highlights",
        ),
        ("Shortfalls.\n- Missed bins on the new estates", "shortfalls"),
        ("亮点。\n- 成本低于预算：新路线一天少跑两趟\n- 订阅3周卖完", "highlights"),
    ],
)
def test_a_findings_heading_said_as_a_sentence_of_its_own_heads_the_items_after_it(
    text: str, kind: str
) -> None:
    assert [b.kind for b in read_blocks(text)] == [kind]


@pytest.mark.parametrize(
    "text", ["Our highlights. Not many.", "We reviewed the highlights.", "我们回顾了亮点。没几个。"]
)
def test_a_sentence_that_only_mentions_highlights_heads_nothing(text: str) -> None:
    assert [b.kind for b in read_blocks(text)] == ["text"]


@pytest.mark.parametrize(
    "text",
    [
        "亮点：餐饮收入高，因为推了烧烤套餐；安全事件少，因为夜巡加到两轮。顺便说一下，退款的根因我心里有数：政策太宽。",
        "Highlights: food sales up, because of the barbecue packs; fewer incidents, two night patrols. "
        "By the way, I know the refunds' root cause: the policy is too loose.",
    ],
)
def test_a_sentence_that_turns_aside_is_no_more_of_the_list_before_it(text: str) -> None:
    blocks = read_blocks(text)
    assert blocks[0].kind == "highlights"
    assert not any("顺便" in s or "By the way" in s for s in blocks[0].sentences)
    assert len(blocks) == 2


@pytest.mark.parametrize(
    ("text", "aside", "after"),
    [
        (
            "Highlights: tonnage up, we picked at night. "
            "And honestly the root cause of the rejects is that we picked by calendar. "
            "Pickers came back because we paid the travel bonus on day one.",
            "root cause of the rejects",
            "Pickers came back",
        ),
        (
            "亮点：出货多，因为提前锁单。退款的根因我心里有数：政策太宽。回头客多，因为首日发了路费补贴。",
            "退款的根因",
            "回头客多",
        ),
    ],
)
def test_another_findings_root_said_among_the_list_is_one_sentence_aside_and_the_list_goes_on(
    text: str, aside: str, after: str
) -> None:
    blocks = read_blocks(text)
    # the aside names a root: a cause chain of its own
    assert [b.kind for b in blocks] == ["highlights", "chain", "highlights"]
    assert aside in blocks[1].text and aside not in blocks[0].text + blocks[2].text
    assert after in blocks[2].text


@pytest.mark.parametrize(
    "text",
    [
        "Actions besides Fen's table: sampling sheet, Aroha, by Dec 18. Spare seal kit, Tomasz, next Friday.",
        "行动除了程野那条：退改政策加改期选项，祁岚，9月25日前；企业团建产品，祁岚，Q4。",
    ],
)
def test_the_other_actions_beside_one_already_filed_are_the_actions(text: str) -> None:
    assert _kinds(text) == ["actions"]


@pytest.mark.parametrize(
    "text",
    [
        "现象：退款多。表因：重复扣款。退款的根因是计费没人管。",
        "Phenomenon: refunds. Surface: double charges. "
        "The root cause of the refunds is that nobody owns billing.",
    ],
)
def test_a_root_named_inside_a_ladder_stays_on_the_ladder(text: str) -> None:
    (block,) = read_blocks(text)
    assert block.kind == "chain" and len(block.sentences) == 3


@pytest.mark.parametrize(
    ("text", "highlight"),
    [
        ("好的亮点先说：营收超了，主要靠小型追思会套餐。不好的：投诉多、开场晚。", "小型追思会"),
        ("好的先说：夜间接运一次都没迟到。不好的：投诉多。", "夜间接运"),
        ("Good things first. Lost kids - the wristband scheme. Bad: vacancies.", "wristband scheme"),
    ],
)
def test_what_went_well_announced_first_heads_the_highlights(text: str, highlight: str) -> None:
    kinds = {b.kind: b.text for b in read_blocks(text)}
    assert highlight in kinds.get("highlights", "")
    assert not kinds.get("highlights", "").lstrip().startswith(".")


def test_what_went_badly_said_as_is_heads_the_shortfalls() -> None:
    assert [(b.kind, b.text) for b in read_blocks("不好的就是返工和延期。")] == [
        ("shortfalls", "返工和延期。")
    ]


@pytest.mark.parametrize(
    "said",
    [
        "Actions, several: hairiness test for every new lot - Priya, end of December.",
        "Action items, quickly: hairiness test for every new lot - Priya, end of December.",
        "Actions, three of them: hairiness test for every new lot - Priya, end of December.",
        "行动，有几条：新批次纱线毛羽检测，质检部李萍负责，12月底前。",
    ],
)
def test_the_actions_head_may_say_how_many_or_how_they_come(said: str) -> None:
    assert _kinds(said) == ["actions"]


@pytest.mark.parametrize(
    "text",
    [
        "first response slipped because mornings are understaffed; underneath that, the rota is old; "
        "root cause is nobody owns capacity planning.",
        "次日达没完成是因为晚上分拣跟不上；往下挖是排班按白天单量做的；根子上是没人负责产能规划。",
    ],
)
def test_a_finding_said_with_its_cause_tops_the_ladder_that_goes_below_it(text: str) -> None:
    assert _kinds(text) == ["chain"]


def test_a_plain_sentence_before_a_ladder_stays_apart() -> None:
    text = "we had a rough quarter; underneath that, the rota is old; root cause is nobody owns planning."
    assert _kinds(text)[0] == "text"


# "为什么偏干：…" inside a drill-down asks the next level down: it opens no drill-down of its own
@pytest.mark.parametrize(
    "text",
    [
        "碎米多，往下挖：\n现象：糙米裂纹多\n表因：稻谷偏干\n为什么偏干：烘干温度还是老参数\n根因：参数没有按品种定标准",
        "Digging into broken rice:\nSymptom: cracked grains\nSurface cause: the paddy is too dry\n"
        "Why so dry: the dryer runs on last year's settings\nRoot: no settings per variety",
    ],
)
def test_a_why_heading_inside_a_drill_down_goes_on_with_it(text: str) -> None:
    assert [b.kind for b in read_blocks(text)] == ["chain"]
