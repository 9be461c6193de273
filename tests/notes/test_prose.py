"""Prose notes and transcripts give the same facts as structured notes (issue #12, item 5), zh and en."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from coach.domain.retrospective import LessonAction, Verdict
from coach.notes import prose
from tests.notes.extracting import extract, texts

# ---- commitments become actions or lessons ---------------------------------------------------


def test_a_list_of_improvements_becomes_one_action_per_piece_of_work() -> None:
    doc = extract(
        "Billing export outage\n\n"
        "The main improvements identified are adding a retry budget to the exporter and moving the "
        "nightly cron jobs off the primary database."
    )
    whats = [a.what for a in doc.actions]
    assert any("retry budget" in w for w in whats)
    assert any("cron jobs" in w for w in whats)
    assert len(doc.actions) == 2


def test_we_will_names_work_to_do_and_keep_or_stop_names_a_practice() -> None:
    doc = extract(
        "Release retro\n\n"
        "Going forward, we will add a smoke test for the checkout page to the release checklist. "
        "We will keep the Thursday demo, it caught two bugs. We will stop merging on Friday afternoons."
    )
    assert any("smoke test" in a.what for a in doc.actions)
    lessons = {le.action: le.text for le in doc.lessons}
    assert "Thursday demo" in lessons[LessonAction.continue_]
    assert "Friday afternoons" in lessons[LessonAction.stop]
    assert not any("Thursday demo" in a.what or "Friday" in a.what for a in doc.actions)


def test_two_practices_joined_by_and_we_will_are_two_lessons() -> None:
    doc = extract(
        "Packing retro\n\nWe will keep the pre-picking switch as the standard play for any stoppage, "
        "and we will stop accepting machines from contractors without an asset record.\n"
    )
    assert [(le.action, "pre-picking" in le.text, "asset record" in le.text) for le in doc.lessons] == [
        (LessonAction.continue_, True, False),
        (LessonAction.stop, False, True),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The order-integrity checks proved their worth and we will keep investing in them.",
        "这套对账检查证明很有用，我们会继续投入。",
    ],
)
def test_a_practice_with_its_reason_stays_one_lesson(sentence: str) -> None:
    doc = extract(f"Review\n\nWhat we take from this. {sentence}\n")
    assert len(doc.lessons) == 1 and doc.lessons[0].action is LessonAction.continue_
    assert doc.actions == []


def test_chinese_next_steps_in_a_paragraph_become_actions_and_kept_practices_lessons() -> None:
    doc = extract(
        "机房巡检月度复盘\n\n"
        "下一步我们要把自动巡检脚本推广到全部三个机房，由韩梅负责，6月10日前完成。"
        "后续将继续保留每周一次的交接班记录抽查。"
    )
    action = next(a for a in doc.actions if "巡检脚本" in a.what)
    assert (action.who, action.when) == ("韩梅", dt.date(2026, 6, 10))
    assert any("交接班记录" in le.text and le.action is LessonAction.continue_ for le in doc.lessons)


def test_a_later_sentence_gives_owner_and_date_to_the_task_just_named() -> None:
    doc = extract(
        "Search latency review\n\n"
        "We will rebuild the synonym index on a separate node. Marco owns this and it is due May 29."
    )
    assert [(a.who, a.when) for a in doc.actions] == [("Marco", dt.date(2026, 5, 29))]


@pytest.mark.parametrize(
    ("text", "who", "when"),
    [
        (
            "We will alert on the decline rate of top-ups. Tom Whitfield will have that live by May 29.",
            "Tom Whitfield",
            dt.date(2026, 5, 29),
        ),
        (
            "We will write a paper fallback and drill it. Ana Costa will run the first drill by May 29.",
            "Ana Costa",
            dt.date(2026, 5, 29),
        ),
        ("下一步我们要给收费口做纸质备用方案。这个由王芳负责，5月29日前。", "王芳", dt.date(2026, 5, 29)),
    ],
)
def test_who_will_have_that_done_or_run_it_owns_the_task_just_named(
    text: str, who: str, when: dt.date
) -> None:
    doc = extract(f"Review\n\n{text}\n")
    assert [(a.who, a.when) for a in doc.actions] == [(who, when)]


def test_both_changes_go_to_the_owner_named_after_them() -> None:
    doc = extract(
        "Queue backlog review\n\n"
        "Two key improvements are capping the batch size and alerting on consumer lag. "
        "The data team (owner: Farah Haddad) will ship both changes by June 12."
    )
    assert [(a.who, a.when) for a in doc.actions] == [("Farah Haddad", dt.date(2026, 6, 12))] * 2


def test_a_named_task_replaces_the_ownerless_mention_of_the_same_work() -> None:
    doc = extract(
        "Mail delivery review\n\n"
        "Key improvements are splitting the bounce handler from the sender, and alerting on spool size. "
        "Rosa owns the bounce handler split, due June 1."
    )
    bounce = [a for a in doc.actions if "bounce" in a.what]
    assert [(a.who, a.when) for a in bounce] == [("Rosa", dt.date(2026, 6, 1))]


# ---- mitigation is not a shortfall ----------------------------------------------------------


@pytest.mark.parametrize(
    "paragraph",
    [
        "To restore service, the on-call engineer rolled back the release and flushed the CDN cache. "
        "Traffic was back to normal by 11:20.",
        "As a workaround, support switched customers to the backup login page for the afternoon.",
    ],
)
def test_how_service_was_restored_is_neither_a_shortfall_nor_an_action(paragraph: str) -> None:
    doc = extract(f"Login outage\n\nWhat went wrong. Nobody was paged for 40 minutes.\n\n{paragraph}")
    assert [s.text for s in doc.shortfalls] == ["Nobody was paged for 40 minutes"]
    assert doc.actions == []


def test_chinese_temporary_recovery_is_not_a_shortfall() -> None:
    doc = extract("门店系统故障复盘\n\n不足方面，收银系统宕机两小时。当晚临时通过切换备用线路恢复了收银。")
    assert len(doc.shortfalls) == 1 and "宕机" in doc.shortfalls[0].text


@pytest.mark.parametrize(
    ("note", "cause"),
    [
        (
            "# Review\n\n## Why\n\nThe sprayers mix from paper tint cards because the camera is broken.\n\n"
            "Mitigation, not a fix: for the jobs in the queue we borrowed a camera from the supplier. "
            "That is damage control and changes nothing about how we work.\n",
            "tint cards",
        ),
        (
            "# 复盘\n\n## 原因\n\n绝当多是因为手表估值偏高，一直靠一个评估师凭经验给价。\n\n"
            "另外说明一点：已经绝当的手表，业务部已委托拍卖公司分批处置，尽量减少损失，这是补救，不算改进。\n",
            "估值偏高",
        ),
    ],
)
def test_mitigation_said_to_be_no_fix_is_no_cause(note: str, cause: str) -> None:
    chains = extract(note).cause_chains
    assert len(chains) == 1
    assert cause in (chains[0].surface_cause or "") + (chains[0].root_cause or "") + chains[0].phenomenon


# ---- sections announced inside sentences and paragraphs ---------------------------------------


def test_a_section_cue_inside_a_sentence_files_the_rest_of_it() -> None:
    doc = extract(
        "WEBVTT\n\n00:00:01.000 --> 00:00:06.000\n<v Ines>What went well? The rollback took four minutes.\n\n"
        "00:00:07.000 --> 00:00:12.000\n<v Ines>What went badly: the pager rotation had a gap on Sunday.\n",
        name="t.vtt",
    )
    assert [h.text for h in doc.highlights] == ["The rollback took four minutes"]
    assert [s.text for s in doc.shortfalls] == ["the pager rotation had a gap on Sunday"]


def test_a_topic_named_in_a_paragraph_holds_only_for_that_paragraph() -> None:
    doc = extract(
        "Payroll run review\n\n"
        "Several things did not go as planned. The bank file was rejected twice. "
        "Two contractors were paid late.\n\n"
        "Some things worked well. The finance hotline answered every call within a minute."
    )
    assert [s.text for s in doc.shortfalls] == [
        "The bank file was rejected twice",
        "Two contractors were paid late",
    ]
    assert [h.text for h in doc.highlights] == ["The finance hotline answered every call within a minute"]


def test_a_because_clause_under_what_went_wrong_stays_with_the_shortfall() -> None:
    doc = extract(
        "Import delay review\n\n"
        "What went wrong. The import ran six hours late because the upstream file arrived after midnight.\n\n"
        "Why. The root cause is that the vendor has no delivery deadline in the contract."
    )
    assert len(doc.shortfalls) == 1 and "six hours late" in doc.shortfalls[0].text
    assert len(doc.cause_chains) == 1 and "delivery deadline" in (doc.cause_chains[0].root_cause or "")
    assert doc.cause_chains[0].is_main


@pytest.mark.parametrize(
    ("lead", "section"),
    [
        ("Our response also had problems.", "shortfall"),
        ("There were also things that went wrong after detection.", "shortfall"),
        ("We also did some things less well than we should have.", "shortfall"),
        ("我们也有做得不够的地方。", "shortfall"),
        ("响应这块也出了问题。", "shortfall"),
        ("There were also things that went well.", "highlight"),
        ("这次也有亮点。", "highlight"),
    ],
)
def test_a_paragraph_opened_by_a_finding_lead_files_its_sentences(lead: str, section: str) -> None:
    doc = extract(f"Review\n\nThe sale ran for a week.\n\n{lead} The night queue waited 40 minutes.\n")
    found = doc.shortfalls if section == "shortfall" else doc.highlights
    other = doc.highlights if section == "shortfall" else doc.shortfalls
    assert [f.text for f in found] == ["The night queue waited 40 minutes"]
    assert other == []


@pytest.mark.parametrize(
    ("sentence", "section", "rest"),
    [
        (
            "The main miss was the onboarding funnel: only 40% finished setup.",
            "shortfall",
            "onboarding funnel",
        ),
        ("Where we fell short was the night shift, which answered late.", "shortfall", "night shift"),
        ("The bright spot was the new script, which cut calls by a third.", "highlight", "new script"),
        ("问题主要出在夜班，接听慢了一倍。", "shortfall", "夜班"),
        ("没达成的是新客，只有4.1万。", "shortfall", "新客"),
        ("做得比较好的是新话术，转化高了两成。", "highlight", "新话术"),
    ],
)
def test_a_finding_named_before_is_or_是_is_filed_without_its_lead(
    sentence: str, section: str, rest: str
) -> None:
    doc = extract(f"Review\n\nThe sale ran for a week.\n\n{sentence}\n")
    found = doc.shortfalls if section == "shortfall" else doc.highlights
    assert len(found) == 1 and rest in found[0].text
    assert not re.search(r"miss|fell short|bright spot|问题|没达成|做得比较好", found[0].text)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Our response also had problems. The on-call engineer's first step was to roll back the dispatcher. "
        "The rollback took 25 minutes and changed nothing.",
        "响应这块也出了问题。值班同学的第一反应是重启服务。重启花了25分钟，没有任何效果。",
    ],
)
def test_the_first_step_of_the_response_is_the_story_not_a_shortfall(paragraph: str) -> None:
    doc = extract(f"Review\n\n{paragraph}\n")
    assert len(doc.shortfalls) == 1 and "25" in doc.shortfalls[0].text


@pytest.mark.parametrize(
    ("paragraph", "cause"),
    [
        (
            "Our response also had problems. The rollback took 25 minutes and changed nothing. The release "
            "was not on the deploy dashboard, so nobody connected the timing.",
            "deploy dashboard",
        ),
        ("响应这块也出了问题。回滚花了25分钟，没有效果。告警发到了旧群里，所以没人看到。", "旧群"),
    ],
)
def test_what_is_told_before_so_nobody_is_a_cause(paragraph: str, cause: str) -> None:
    doc = extract(f"Review\n\n{paragraph}\n")
    assert len(doc.shortfalls) == 1 and "25" in doc.shortfalls[0].text
    assert any(cause in (c.phenomenon or "") + (c.surface_cause or "") for c in doc.cause_chains)


def test_chinese_paragraph_cues_file_findings() -> None:
    doc = extract(
        "仓储二季度复盘纪要\n\n"
        "做得好的地方，一是拣货路径优化后人均效率提高了；二是夜班交接顺畅了很多。\n\n"
        "不足方面，退货上架经常拖到第二天，盘点差异也偏大。"
    )
    assert [h.text for h in doc.highlights] == ["拣货路径优化后人均效率提高了", "夜班交接顺畅了很多"]
    assert len(doc.shortfalls) == 1 and "退货上架" in doc.shortfalls[0].text


def test_a_drill_down_told_in_two_sentences_is_one_chain() -> None:
    doc = extract(
        "客服复盘\n\n"
        "原因分析。投诉上升的现象是周末排队太久，表面原因是周末排班少。"
        "根本原因是排班只按工作日话务量做，这一条占了七成。"
    )
    assert len(doc.cause_chains) == 1
    chain = doc.cause_chains[0]
    assert "周末排班少" in (chain.surface_cause or "") and "工作日话务量" in (chain.root_cause or "")
    assert chain.is_main


def test_the_cause_just_named_is_the_main_one_when_a_remark_points_back() -> None:
    doc = extract(
        "Cache outage review\n\n"
        "Why. The first cause is that the cache keys collided. "
        "The second is that the retry loop had no backoff. That one explains most of the outage."
    )
    mains = [c for c in doc.cause_chains if c.is_main]
    assert len(mains) == 1 and "backoff" in (mains[0].surface_cause or mains[0].phenomenon)


# ---- goals in prose ---------------------------------------------------------------------------


def test_a_target_sentence_and_its_result_clause_make_one_goal() -> None:
    doc = extract(
        "Support incident review\n\n"
        "Our target for the first customer reply is 15 minutes; the median reply took 40 minutes. "
        "We aim to resolve 90% of tickets within 24 hours; this week only 72% were."
    )
    goals = {g.name: g for g in doc.goals}
    reply = next(g for name, g in goals.items() if "first customer reply" in name)
    assert (reply.target_value, reply.result_value, reply.verdict) == (15, 40, Verdict.far_missed)
    resolve = next(g for name, g in goals.items() if "resolve" in name)
    assert (resolve.target_value, resolve.result_value) == (90, 72)


# ---- speakers, thanks and small talk ---------------------------------------------------------


def test_a_task_handed_to_someone_who_agrees_is_theirs_with_the_date_they_confirm() -> None:
    doc = extract(
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ruth>Action items.\n\n"
        "00:00:05.000 --> 00:00:09.000\n<v Ruth>Ana, move the backup job to the new scheduler?\n\n"
        "00:00:10.000 --> 00:00:12.000\n<v Ana>By May 22, yes.\n\n"
        "00:00:13.000 --> 00:00:15.000\n<v Ruth>Thanks everyone.\n",
        name="t.vtt",
    )
    assert [(a.what, a.who, a.when) for a in doc.actions] == [
        ("move the backup job to the new scheduler", "Ana", dt.date(2026, 5, 22))
    ]


@pytest.mark.parametrize(
    ("lines", "task", "who", "when"),
    [
        (
            [
                "Ruth: Actions then.",
                "Ruth: Ana, the retention policy, can you take it to the security board?",
                "Ana: I can.",
                "Ana: The board meets on the 28th, I'll have the paper in by then.",
                "Ruth: Thanks everyone.",
                "Ana: You're welcome.",
            ],
            "retention policy",
            "Ana",
            dt.date(2026, 5, 28),
        ),
        (
            [
                "陈海燕：行动这块。",
                "陈海燕：刘强，夜班排班方案你能重新做一下吗？",
                "刘强：我可以。",
                "刘强：周会是25号，我在那之前交。",
                "陈海燕：谢谢大家。",
                "刘强：不客气。",
            ],
            "夜班排班方案",
            "刘强",
            dt.date(2026, 5, 25),
        ),
    ],
)
def test_a_task_agreed_to_takes_the_date_given_right_after_for_it(
    lines: list[str], task: str, who: str, when: dt.date
) -> None:
    doc = extract("\n".join(lines) + "\n", name="t.txt")
    assert [(task in a.what, a.who, a.when) for a in doc.actions] == [(True, who, when)]


def test_a_speaker_who_takes_the_task_just_named_owns_it() -> None:
    doc = extract(
        "WEBVTT\n\n00:00:01.000 --> 00:00:05.000\n"
        "<v Kenji>Next steps. We will document the failover runbook.\n\n"
        "00:00:06.000 --> 00:00:08.000\n<v Paula>I'll own that, end of June.\n",
        name="t.vtt",
    )
    assert [(a.who, a.when) for a in doc.actions] == [("Paula", dt.date(2026, 6, 30))]


def test_thanked_people_are_no_owners_and_no_items() -> None:
    doc = extract(
        "DNS incident review\n\n"
        "Thanks to Priya from the network team for staying on the bridge all night.\n\n"
        "感谢法务部的周老师帮我们看了合同条款。"
    )
    assert doc.actions == [] and doc.highlights == [] and doc.shortfalls == []


@pytest.mark.parametrize(
    "opening", ["大家周末都过得怎么样？", "Did anyone catch the game last night?", "好的，我们开始吧"]
)
def test_small_talk_never_becomes_the_title(opening: str) -> None:
    doc = extract(f"{opening}\n\n不足：发版延期了一周。")
    assert doc.title == "fallback"


def test_a_plain_text_transcript_is_read_by_its_speakers() -> None:
    doc = extract(
        "赵敏: 先说亮点吧，灰度发布很稳。\n"
        "钱坤: 不足的话，回滚脚本没测过。\n"
        "赵敏: 行动。回滚脚本我来补测试，下周三前。\n",
        name="t.txt",
    )
    assert doc.title == "fallback"
    assert [h.text for h in doc.highlights] == ["灰度发布很稳"]
    assert [(a.who, a.when) for a in doc.actions] == [("赵敏", dt.date(2026, 5, 20))]


# ---- YAML front matter -----------------------------------------------------------------------


def test_front_matter_is_metadata_not_content() -> None:
    doc = extract(
        "---\ntitle: 华南门店 四月复盘\ndate: 2026-05-06\nteam: 华南运营部\n"
        "id: 3f2a9c1e-77b0-4d1c-9e55-0a1b2c3d4e5f\n---\n\n"
        "不足方面，周末缺货率偏高。下一步我们要调整补货频次，由刘洋负责，下周五前。",
        review_date=None,
    )
    assert (doc.title, doc.date, doc.team) == ("华南门店 四月复盘", dt.date(2026, 5, 6), "华南运营部")
    everything = texts(doc.shortfalls) + texts(doc.actions) + texts(doc.highlights) + texts(doc.lessons)
    assert "3f2a9c1e" not in everything and "title" not in everything
    assert [(a.who, a.when) for a in doc.actions] == [("刘洋", dt.date(2026, 5, 15))]


# ---- what is told but is no item -------------------------------------------------------------


def test_the_story_of_the_incident_is_no_shortfall() -> None:
    doc = extract(
        "Storage incident review\n\n"
        "On April 2, between 14:05 and 15:30 UTC, uploads to the media bucket failed for most users. "
        "From 14:20, the retry queue grew without bound.\n\n"
        "What went wrong. The disk alarm was muted."
    )
    assert [s.text for s in doc.shortfalls] == ["The disk alarm was muted"]


def test_a_point_set_aside_for_later_is_no_item() -> None:
    doc = extract(
        "会员运营复盘\n\n"
        "原因分析。复购低是因为提醒短信发晚了。王会计提醒，短信费用也要算清楚，这一点另行讨论，不在本次行动里。"
    )
    assert len(doc.cause_chains) == 1 and "短信发晚" in (doc.cause_chains[0].surface_cause or "")


def test_a_rule_stated_going_forward_is_a_lesson_and_work_promised_is_an_action() -> None:
    doc = extract(
        "Deploy review\n\n"
        "Going forward, schema changes must be reviewed by a second engineer. "
        "Going forward, we will add a lint step for migrations."
    )
    assert [le.text for le in doc.lessons] == [
        "Going forward, schema changes must be reviewed by a second engineer"
    ]
    assert [a.what for a in doc.actions] == ["Going forward, we will add a lint step for migrations"]


def test_a_numbered_paragraph_starts_with_its_heading() -> None:
    doc = extract(
        "客服季度复盘纪要\n\n"
        "三、存在的问题。夜间值班只有一个人，高峰时接不过来。知识库三个月没更新，新人常答错。\n"
        "四、原因分析。值班少是因为排班表按白天话务量排的。"
    )
    assert len(doc.shortfalls) == 2
    assert "夜间值班" in doc.shortfalls[0].text and "知识库" in doc.shortfalls[1].text
    assert len(doc.cause_chains) == 1


def test_a_why_question_in_a_transcript_turns_to_causes() -> None:
    doc = extract(
        "孙磊: 不足的话，发货慢了两天。\n何璐: 为啥会慢？\n"
        "孙磊: 是因为打包台只有两个，排队等着。\n何璐: 好。\n",
        name="t.txt",
    )
    assert [s.text for s in doc.shortfalls] == ["发货慢了两天"]
    assert len(doc.cause_chains) == 1 and "打包台" in (doc.cause_chains[0].surface_cause or "")


def test_on_the_other_hand_turns_highlights_into_shortfalls() -> None:
    doc = extract(
        "Launch review\n\nWhat went well. The beta signups doubled. "
        "On the other hand, the onboarding emails went to spam for a week."
    )
    assert [h.text for h in doc.highlights] == ["The beta signups doubled"]
    assert [s.text for s in doc.shortfalls] == ["the onboarding emails went to spam for a week"]


@pytest.mark.parametrize("remark", ["We'll see.", "接下来要看看。"])
def test_a_promise_of_nothing_is_no_action(remark: str) -> None:
    assert extract(f"Retro\n\n{remark}").actions == []


def test_a_task_for_after_the_meeting_is_still_an_action() -> None:
    doc = extract("采购复盘\n\n行动。会后由吴倩负责整理新的比价模板，下周二前发出。")
    assert [(a.who, a.when) for a in doc.actions] == [("吴倩", dt.date(2026, 5, 19))]


def test_what_a_finding_is_named_by_its_topic_word_and_is() -> None:
    doc = extract(
        "[00:00:01] 韩雪：先看数据，退款率目标2%，实际2.5%。\n"
        "[00:00:09] 吕鹏：做得好的是售后话术统一了。\n"
        "[00:00:15] 韩雪：问题是周末没人审核退款。\n"
        "[00:00:20] 吕鹏：原因是审核权限只给了两个人。\n"
    )
    assert [h.text for h in doc.highlights] == ["售后话术统一了"]
    assert [s.text for s in doc.shortfalls] == ["周末没人审核退款"]
    assert len(doc.cause_chains) == 1 and "审核权限" in (doc.cause_chains[0].surface_cause or "")


@pytest.mark.parametrize(
    "line",
    [
        "[00:00:05] 周航：行动。新的报价单周五前发给我。",
        "[00:00:05] Greg: Action items. Send me the capacity numbers by Friday.",
    ],
)
def test_a_speaker_who_asks_for_work_does_not_own_it(line: str) -> None:
    doc = extract(f"[00:00:01] 周航：开始。\n{line}\n")
    assert len(doc.actions) == 1 and doc.actions[0].who is None


def test_a_bare_yes_with_a_date_dates_the_task_before_it_and_is_no_task() -> None:
    doc = extract(
        "[00:00:01] Lena: Action items. Omar will migrate the cron jobs to the new cluster.\n"
        "[00:00:06] Omar: By May 27, yes.\n"
    )
    assert [(a.who, a.when) for a in doc.actions] == [("Omar", dt.date(2026, 5, 27))]


@pytest.mark.parametrize(
    ("note", "lesson", "action"),
    [
        (
            "Rollout postmortem\n\nWhat we learned\n\n"
            "Staged rollouts must watch signals a failing device can still send.\n\n"
            "What we will do\n\nWe will add every hardware variant to the test lab.\n",
            "Staged rollouts must watch signals a failing device can still send",
            "We will add every hardware variant to the test lab",
        ),
        (
            "Food drive retro\n\n## What we take from it\n\nShift reminders should move to text messages.\n\n"
            "## Next steps\n\nOwen will switch reminders to text by May 20.",
            "Shift reminders should move to text messages",
            "Owen will switch reminders to text by May 20",
        ),
        (
            "门店复盘\n\n## 这次学到了什么\n\n开业前的预热要继续做。\n\n"
            "## 我们要做的\n\n刘芳负责修改考核方案，5月31日前提交。",
            "开业前的预热要继续做",
            "刘芳负责修改考核方案，5月31日前提交",
        ),
    ],
)
def test_headings_that_ask_what_we_take_away_and_what_we_will_do_open_lessons_and_actions(
    note: str, lesson: str, action: str
) -> None:
    doc = extract(note)
    assert [le.text for le in doc.lessons] == [lesson]
    assert [a.what for a in doc.actions] == [action]


@pytest.mark.parametrize(
    ("note", "task", "owner"),
    [
        (
            "Rollout review\n\nWhat we will do\n\n"
            "Going forward, the support rota will be planned against the release calendar. "
            "Dana Whitfield will set this up by May 22.",
            "support rota",
            "Dana Whitfield",
        ),
        (
            "门店复盘\n\n## 行动\n\n下一步要把社群预热写进开业手册。这件事由苏晴落实，6月15日前完成。",
            "开业手册",
            "苏晴",
        ),
    ],
)
def test_a_follow_up_that_sets_up_the_task_just_named_gives_it_owner_and_date(
    note: str, task: str, owner: str
) -> None:
    doc = extract(note)
    assert len(doc.actions) == 1
    assert task in doc.actions[0].what and doc.actions[0].who == owner and doc.actions[0].when is not None


@pytest.mark.parametrize(
    ("note", "owners"),
    [
        (
            "Rollout review\n\nWhat we will do\n\nKey improvements are adding every sensor model to the lab, "
            "and changing the pause rule. Lina Okafor owns the lab change, due May 29. "
            "Marco Bellini owns the new pause rule and will ship it by June 5.",
            {"pause rule": "Marco Bellini", "Lina Okafor owns": "Lina Okafor"},
        ),
        (
            "排班复盘\n\n## 行动\n\n"
            "下一步要调整排班规则。刘强负责夜班排班方案，下周一交。这个由周梅跟进，6月15日前完成。",
            {"调整排班规则": "周梅", "夜班排班方案": "刘强"},
        ),
    ],
)
def test_a_task_that_names_its_owner_is_not_handed_to_the_next_person(
    note: str, owners: dict[str, str]
) -> None:
    doc = extract(note)
    for words, owner in owners.items():
        assert [a.who for a in doc.actions if words in a.what] == [owner], words


@pytest.mark.parametrize(
    ("note", "count"),
    [
        ("复盘\n\n经验方面，大家讨论了几条。凭经验订货的习惯要停止。晚间打折要优化。\n", 2),
        (
            "Report\n\nWhat we take from this. "
            "We have to stop tuning alert thresholds on weekday traffic alone. "
            "We must stop sending alerts to mailing lists; alerts go to the on-call rota or nowhere.\n",
            2,
        ),
    ],
)
def test_a_paragraph_of_lessons_gives_one_lesson_per_rule(note: str, count: int) -> None:
    lessons = extract(note).lessons
    assert len(lessons) == count
    assert "讨论了几条" not in texts(lessons)


def test_a_goal_not_reached_opens_a_drill_down_as_the_shortfall_and_the_weather_is_a_cause() -> None:
    doc = extract(
        "供暖首月复盘纪要\n\n"
        "室温不达标集中在老旧小区，居民反映暖气不热。表面上看是二次网水力不平衡。"
        "说到底是考核只看改造公里数。温志刚估计这一条占不达标户的六成左右。"
        "另外11月下旬有一波寒潮，也拖了一部分，这是天气原因。\n"
    )
    assert [s.text for s in doc.shortfalls] == ["室温不达标集中在老旧小区，居民反映暖气不热"]
    assert any("寒潮" in (c.surface_cause or "") and not c.is_main for c in doc.cause_chains)
    main = [c for c in doc.cause_chains if c.is_main]
    assert len(main) == 1 and "公里数" in (main[0].root_cause or "")


def test_the_weather_named_as_a_cause_is_no_shortfall() -> None:
    doc = extract(
        "Winter review\n\nRepairs were slow in November. "
        "The cold snap in late November slowed repairs down, which was the weather.\n"
    )
    assert not any("cold snap" in s.text for s in doc.shortfalls)
    assert any("cold snap" in (c.phenomenon or "") + (c.surface_cause or "") for c in doc.cause_chains)


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        (
            "We said we would publish a public status page; it still does not exist, so riders learned "
            "about the outage from social media.",
            "social media",
        ),
        (
            "We said we would publish a status page; it never shipped, and we learned that the hard way.",
            "hard way",
        ),
    ],
)
def test_the_clause_after_a_semicolon_tells_the_shortfall_on(sentence: str, words: str) -> None:
    doc = extract(f"Review\n\nThe sale ran for a week.\n\n{sentence}\n")
    assert len(doc.shortfalls) == 1 and words in doc.shortfalls[0].text
    assert doc.lessons == []


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("包小军：险情少，是因为今年救生员提前两周到岗，全部做了实操考核。", "提前两周到岗"),
        ("Ola: Fewer complaints came in because the new menu board lists every allergen.", "allergen"),
        ("客服：投诉少了，是因为新菜单把过敏原都标出来了。", "过敏原"),
    ],
)
def test_why_fewer_bad_things_happened_is_a_highlight_not_a_cause(line: str, words: str) -> None:
    doc = extract(f"暑期复盘 / summer review\n\n主持：好，开始。\n{line}\n", name="t.txt")
    assert any(words in h.text for h in doc.highlights)
    assert doc.cause_chains == []


@pytest.mark.parametrize(
    ("paragraph", "owners"),
    [
        (
            "下一步我们要做这几件事：一是制定统一测配流程，甘雨负责，5月30日前完成；二是采购数码瞳高仪，"
            "马骁负责，5月底前；三是加工中心分批排单，鲁建平负责，下周一开始执行。",
            ["甘雨", "马骁", "鲁建平"],
        ),
        (
            "We agreed three things. Jon owns the triage script rewrite, by May 29; second, the rota change, "
            "which Priya takes; third, the kiosk repair, Sam, within two weeks.",
            ["Jon", "Priya", "Sam"],
        ),
    ],
)
def test_the_next_places_of_a_list_of_actions_are_actions(paragraph: str, owners: list[str]) -> None:
    doc = extract(f"Review\n\n{paragraph}\n")
    assert [a.who for a in doc.actions] == owners


@pytest.mark.parametrize(
    "lead",
    ["Some things held up well.", "也有扛住的地方。"],
)
def test_what_held_up_is_announced_as_what_went_well(lead: str) -> None:
    doc = extract(f"Review\n\nThe sale ran for a week.\n\n{lead} The fare-capping service was untouched.\n")
    assert [h.text for h in doc.highlights] == ["The fare-capping service was untouched"]


@pytest.mark.parametrize(
    ("paragraph", "main_words", "other_words"),
    [
        (
            "Riders saw errors on every top-up. Put plainly, integrations lose their owner when we "
            "reorganise: this one had no named owner at all, and we believe that explains about 80% of "
            "what happened. Two things made the night longer. Our alerting watches latency, not declines, "
            "so the first alert came late.",
            "no named owner",
            "alerting watches latency",
        ),
        (
            "充值全部失败。说白了就是外部对接在组织调整后没人管了，这个接口合并后连负责人都没有，这一条大概占了八成。"
            "另外几个因素让影响更大。告警只看延迟不看拒付率，因为当初是照着旧系统配的。",
            "没人管",
            "告警只看延迟",
        ),
    ],
)
def test_a_cause_told_and_weighed_in_one_sentence_is_the_main_one(
    paragraph: str, main_words: str, other_words: str
) -> None:
    doc = extract(f"Review\n\n{paragraph}\n")
    main = [c for c in doc.cause_chains if c.is_main]
    assert len(main) == 1 and main_words in " ".join(
        filter(None, (main[0].phenomenon, main[0].surface_cause, main[0].root_cause))
    )
    assert not any(main_words in s.text for s in doc.shortfalls)


@pytest.mark.parametrize("lead", ["Two things made the night longer.", "另外几个因素让影响更大。"])
def test_a_count_of_things_that_made_it_worse_announces_causes(lead: str) -> None:
    from coach.notes.sections import announced_topic

    assert announced_topic(lead) == ("cause", "")


@pytest.mark.parametrize("text", ["没问题。", "好的，没问题", "Great.", "Sure, no problem."])
def test_a_turn_of_assent_only_confirms(text: str) -> None:
    assert prose.only_confirms(text)


@pytest.mark.parametrize(
    "text",
    [
        "直播效果很好，复购翻了一倍。",
        "没问题的单子都在周末。",
        "Great turnout at the open day.",
        "Good catch on the alerts.",
    ],
)
def test_a_statement_with_words_of_its_own_does_not_only_confirm(text: str) -> None:
    assert not prose.only_confirms(text)


@pytest.mark.parametrize(
    ("note", "name"),
    [
        (
            "1\n00:00:01,000 --> 00:00:04,000\n陈海燕：说说亮点？\n\n"
            "2\n00:00:04,000 --> 00:00:08,000\n周梅：没问题。\n",
            "n.srt",
        ),
        (
            "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Hannah>What went well?\n\n"
            "00:00:04.000 --> 00:00:08.000\n<v Aisha>Great.\n",
            "n.vtt",
        ),
    ],
)
def test_assent_under_a_voiced_topic_is_no_highlight(note: str, name: str) -> None:
    assert not extract(note, name=name).highlights


@pytest.mark.parametrize(
    "lead", ["We also fell short on something we had promised.", "还有一件事没做到，而且是答应过的。"]
)
def test_a_miss_named_as_something_announces_the_shortfall_that_follows(lead: str) -> None:
    from coach.notes.sections import announced_topic

    assert announced_topic(lead) == ("shortfall", "")


@pytest.mark.parametrize(
    ("note", "name"),
    [
        (
            "Card outage review\n\nWe also fell short on something we had promised. "
            "We said we would publish a status page; it still does not exist.\n",
            "note.md",
        ),
        (
            "1\n00:00:01,000 --> 00:00:06,000\n"
            "马洪涛：还有一件事没做到。国庆前说要做排队提示屏，结果没做。\n",
            "note.srt",
        ),
    ],
)
def test_the_announcement_of_a_miss_is_not_itself_a_shortfall(note: str, name: str) -> None:
    shortfalls = extract(note, name=name).shortfalls
    assert len(shortfalls) == 1 and ("status page" in shortfalls[0].text or "提示屏" in shortfalls[0].text)


@pytest.mark.parametrize(
    ("note", "name", "deferred", "kept"),
    [
        (
            "月度复盘纪要\n\n行动。刘芳负责新包装的跌落测试，下周五前出结果；溯源码的事这次先不排，放到明年一季度再议。\n",
            "note.txt",
            "溯源码",
            "跌落测试",
        ),
        (
            "WEBVTT\n\n00:00:01.000 --> 00:00:06.000\n"
            "<v Hannah>Actions. Diego owns the new rebalancing plan, by the 20th. "
            "The e-bike leasing idea is parked for now, we revisit it in Q1.\n",
            "note.vtt",
            "leasing",
            "rebalancing",
        ),
    ],
)
def test_work_put_off_for_later_is_no_action(note: str, name: str, deferred: str, kept: str) -> None:
    found = texts(extract(note, name=name).actions)
    assert deferred not in found and kept in found


@pytest.mark.parametrize(
    "sentence",
    [
        "The leasing pilot is parked for now.",
        "Leasing stays on hold for now.",
        "溯源码的事先不排。",
        "放到明年一季度再议。",
    ],
)
def test_a_deferral_is_out_of_scope(sentence: str) -> None:
    assert prose.is_out_of_scope(sentence)


@pytest.mark.parametrize("sentence", ["We will pilot leasing in Q1.", "溯源码明年一季度上线，刘芳负责。"])
def test_work_with_a_later_date_is_not_out_of_scope(sentence: str) -> None:
    assert not prose.is_out_of_scope(sentence)


@pytest.mark.parametrize(
    ("note", "name", "what", "who"),
    [
        (
            "1\n00:00:01,000 --> 00:00:04,000\n陈海燕：管家巡楼这个做法要继续。落实一下。\n\n"
            "2\n00:00:04,000 --> 00:00:08,000\n陈海燕：刘强，夜班排班方案你重新做，下周一交给我。\n",
            "n.srt",
            "排班方案",
            "刘强",
        ),
        (
            "Retro\nAttendees: Hannah, Diego\n\nHannah: We keep the student passes. Owners and dates.\n"
            "Hannah: Diego, the rebalancing plan is yours, by Friday.\n",
            "n.txt",
            "rebalancing plan",
            "Diego",
        ),
    ],
)
def test_a_call_to_assign_the_work_opens_the_actions(note: str, name: str, what: str, who: str) -> None:
    actions = extract(note, name=name).actions
    assert [(what in a.what, a.who) for a in actions] == [(True, who)]


def test_a_lesson_labelled_as_one_stays_a_lesson_with_the_same_words() -> None:
    # a bulleted list with a label: "落实到人" inside a lesson is no call to assign work
    doc = extract(
        "复盘\n\n- 经验：问题要落实到人，不能只开会\n- Lesson: owners and dates on every follow-up\n"
    )
    assert len(doc.lessons) == 2 and not doc.actions


@pytest.mark.parametrize(
    "note",
    [
        "双11复盘纪要\n\n二、做得好的\nGMV超了，主要靠定金翻倍。郭晓琳特别感谢了孟经理，仓库爆单那几天他们多派了两辆车。\n",
        "Peak season review\n\nWhat went well\nOrders beat the plan, mostly thanks to the pre-sale. "
        "Dana thanked the carrier, who sent two extra vans during the rush.\n",
    ],
)
def test_thanks_reported_of_a_person_is_no_highlight(note: str) -> None:
    found = texts(extract(note, name="note.txt").highlights)
    assert "GMV" in found or "Orders" in found
    assert "感谢" not in found and "thanked" not in found


@pytest.mark.parametrize(
    "note",
    [
        # a finding with thanks told later in its clause (a transcript, a list) stays a finding
        "WEBVTT\n\n00:00:01.000 --> 00:00:06.000\n<v Mia>What went well: NPS rose from 30 to 42, "
        "and many customers thanked the support team in the survey.\n",
        "复盘\n\n## 做得好的\n- 满意度从85%升到93%，不少客户在回访里感谢了客服团队\n",
    ],
)
def test_thanks_told_after_a_finding_leaves_the_finding(note: str) -> None:
    name = "note.vtt" if note.startswith("WEBVTT") else "note.md"
    assert "thanked" in texts(extract(note, name=name).highlights) or "感谢" in texts(
        extract(note, name=name).highlights
    )
