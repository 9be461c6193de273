"""Words told beside the causes that explain no finding: what should have been done (a shortfall), the
timeline, what followed, how many were affected, the steps taken to recover, a reason given for the
response or for why something matters, a rule for next time, a promise, an apology, a bullet labelled
impact or fix.

The cue phrases are per-language data (coach/notes/words/); this module only says how they are used.
"""

from __future__ import annotations

import re

from coach.notes.prose import LEADING_CONNECTIVE, opens_with, prescribes
from coach.notes.wordlists import phrases


def is_missed_practice(text: str) -> bool:
    """ "还有一件该做没做的事：…", "We said in June we'd inspect every floor and we didn't": what should have
    been done and was not is a shortfall of the review (the method's 该做没做), whatever reason it gives
    after; inside a reason ("because the review was never done") it is the cause's words."""
    from coach.notes import cues

    missed = phrases("missed_practice").search(text)
    if missed is None or re.match(r"\s*(?:出来)?的原因", text[missed.end() :]):
        return False  # "…一直没做出来的原因": the miss is what the reason explains
    reason = cues.CAUSE.search(text)
    return reason is None or missed.start() < reason.start()


_CLOCK = re.compile(
    r"^(?:at|by|around|about)?\s*\d{1,2}[:：]\d{2}\b|"
    r"^(?:当天|当晚|次日|第二天)?(?:上午|下午|晚上|凌晨|早上|中午|傍晚)?\d{1,2}[点时](?:\d{1,2}分|半)?",
    re.I,
)
_MODAL = re.compile(
    r"\b(?:should|must|need to|next time|going forward|from now on|in future)\b|要|必须|应该|下次|以后|今后",
    re.I,
)


def tells_mitigation_step(text: str) -> bool:
    """ "值班同学临时把连接池调到200", "Engineers manually raised the pool size": a step taken to recover,
    told among the causes (a reason given before it, "因为临时把库存调低了", keeps it a cause)."""
    from coach.notes import cues

    step = phrases("mitigation_step").search(text)
    reason = cues.CAUSE.search(text)
    return step is not None and (reason is None or step.start() < reason.start())


_CLOCK_ANYWHERE = re.compile(r"\b\d{1,2}[:：]\d{2}\b|\d{1,2}[点时](?:\d{1,2}分|半)")


def explains_the_response(text: str) -> bool:
    """ "The incident was declared at 14:20 because …", "We decided not to roll back because …", "This matters
    because …", "Because of this outage, 2,000 customers called": the reason is given for a step of the
    response, for why something matters, or the incident itself is the reason; none explains a finding."""
    from coach.notes import cues

    reason = cues.CAUSE.search(text)
    if reason is None:
        return False
    head, rest = text[: reason.start()], text[reason.end() :]
    if phrases("incident_ref", anchored=True).search(re.sub(r"^\s*of\s+", "", rest, flags=re.I).strip()):
        return True
    if _CLOCK_ANYWHERE.search(head) or phrases("importance").search(head):
        return True
    return phrases("response_step").search(head) is not None and cues.SHORTFALL.search(head) is None


def tells_first_response(text: str) -> bool:
    """ "The on-call engineer's first step was to roll back the dispatcher", "值班的第一反应是重启": the
    first step of the response, told in a paragraph of what went wrong before what it led to; no finding
    itself unless it says what went wrong or how much ("The rollback took 25 minutes" does)."""
    from coach.notes import cues

    step = phrases("first_response").search(text)
    return step is not None and cues.SHORTFALL.search(text) is None and re.search(r"\d", text) is None


def explains_a_lapse(text: str) -> bool:
    """ "The dashboard shows only server deployments, so nobody connected the timing", "告警发到了旧群里，
    所以没人看到": what is told before ", so nobody …" is why a thing was missed, a cause, also in a
    paragraph of what went wrong."""
    return phrases("lapse_consequence").search(text) is not None


def labelled_beside_cause(text: str) -> bool:
    """ "影响：约3000名用户…", "What we did on the day: …", "Improvement: …": a bullet among the causes
    whose own label says it is the impact, the response or a fix."""
    label = re.match(r"^\s*([^:：，,。.]{1,24})\s*[:：]", text)
    return (
        label is not None
        and phrases("beside_cause_label", anchored=True).fullmatch(label.group(1)) is not None
    )


def opens_with_clock(text: str) -> bool:
    """ "At 14:12 on-call was paged because …", "14点40分我们回滚了配置，因为…": a step of the timeline."""
    return _CLOCK.search(LEADING_CONNECTIVE.sub("", text.strip())) is not None


def tells_consequence(text: str) -> bool:
    """ "As a result, requests queued", "结果请求排队": what followed from a cause, not a cause ("结果是…"
    says what it turned out to be, and stays what it is)."""
    body = LEADING_CONNECTIVE.sub("", text.strip())
    return (
        not body.startswith("结果是") and phrases("consequence_lead", anchored=True).search(body) is not None
    )


def tells_impact(text: str) -> bool:
    """ "So about 4,000 orders were affected, because …", "大概4000笔订单受影响": how many were affected is
    the size of the finding; a reason given after it explains the count, not the finding."""
    from coach.notes import cues

    impact = phrases("impact").search(text)
    if impact is None or not re.search(r"\d|[一二三四五六七八九十百千万]+(?:笔|人|单|家|个|名)", text):
        return False
    reason = cues.CAUSE.search(text)
    return reason is None or impact.start() < reason.start()


_ZH_RULE = re.compile(r"要(?:继续|坚持|停止|停掉|优化|新增|保持)|必须|不能再|应该要?|下次要|以后要|今后要")


def prescribes_next_time(text: str) -> bool:
    """ "Next time we should load-test config changes, because …", "以后配置变更要先压测，因为…", "直播课要
    继续，因为…": a rule for next time (with its modal) told among the causes is a lesson."""
    from coach.notes import cues

    if prescribes(text) and _MODAL.search(text) is not None:
        return True
    rule, reason = _ZH_RULE.search(text), cues.CAUSE.search(text)
    return rule is not None and reason is not None and rule.start() < reason.start()


def commits_before_reason(text: str) -> bool:
    """ "We will keep the webinars because customers asked for more": work promised, then why."""
    from coach.notes import cues

    promise, reason = phrases("commitment").search(text), cues.CAUSE.search(text)
    return promise is not None and reason is not None and promise.start() < reason.start()


def apologises(text: str) -> bool:
    """ "Sorry I'm late, because the bridge was closed", "不好意思来晚了，因为…": talk, no cause."""
    return opens_with("apology_lead", text)
