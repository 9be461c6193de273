"""How prose notes and transcripts phrase what a bullet list would label: mitigation, thanks, commitments.

The cue phrases are per-language data (coach/notes/words/); this module only says how they are used.
"""

from __future__ import annotations

import re
from functools import cache

from coach.notes.vocabulary import alternation
from coach.notes.wordlists import phrases

_JOINER = re.compile(r"^(?:and|so|then)\s+", re.I)


def is_mitigation(text: str) -> bool:
    """ "To resolve the issue, engineers …", "临时通过重启恢复": how service came back, no finding."""
    lead = phrases("mitigation_lead", anchored=True).search(_JOINER.sub("", text.strip()))
    return lead is not None or phrases("mitigation").search(text) is not None


def is_acknowledgement(text: str) -> bool:
    """ "Thanks to Lucy for …", "感谢赵老师…": a thank-you names no item and no owner."""
    text = text.strip()
    return phrases("acknowledgement", anchored=True).search(text) is not None or _reports_thanks(text)


def reports_praise(text: str) -> bool:
    """ "郝总最后表扬了杭州店的直播打法", "Dana praised the night crew": praise reported of one person is
    what they said, no task of anyone's."""
    return _reports_thanks(text, "reported_praise")


def _reports_thanks(text: str, words: str = "reported_thanks") -> bool:
    """ "郭晓琳特别感谢了孟经理，…", "Dana thanked the carrier for …": thanks reported of one person, told
    right after a short subject (a name, no clause before it), is a thank-you too."""
    thanks = phrases(words).search(text)
    if thanks is None:
        return False
    subject = text[: thanks.start()].strip()
    return (
        bool(subject)
        and not re.search(r"[,，;；:：]", subject)
        and len(subject.split()) <= 3
        and len(subject) <= 20
    )


def is_out_of_scope(text: str) -> bool:
    """ "…这一点会后由财务单独核算，不在本次行动里", "out of scope for this review": set aside, no item."""
    return phrases("out_of_scope").search(text) is not None


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}"
_TIMELINE = re.compile(
    rf"^(?:on|at|from|between|in the (?:early hours|morning|afternoon|evening|night) of)\s+"
    rf"(?:\w+day,?\s+)?(?:{_MONTH}|\d{{1,2}}:\d{{2}})|^\d{{1,2}}月\d{{1,2}}[日号](?:上午|下午|晚上|凌晨|早上)?[，,]",
    re.I,
)


def is_timeline(text: str) -> bool:
    """ "On March 9, between 09:12 and 13:40 UTC, …", "From 06:05, …", "3月9日晚上，…": what happened when."""
    return _TIMELINE.search(text.strip()) is not None


def is_closing_talk(text: str) -> bool:
    """ "会议结束", "Thanks everyone", "Great, thanks all.": the meeting's own logistics."""
    return phrases("small_talk").search(text) is not None or _only_thanks(text)


# "Great, …", "好的，…": what may come before a closing thank-you (per-language data, `thanks_lead`)
_THANKS_LEAD = re.compile(r"^(?:(?:" + alternation("thanks_lead") + r")[,，!！.。]?\s*)+", re.I)


def _only_thanks(text: str) -> bool:
    """A turn that only thanks the room: "Great, thanks all.", "好的，辛苦大家了。"."""
    bare = _THANKS_LEAD.sub("", text.strip()).strip(" .!。！~")
    return phrases("closing_thanks", anchored=True).fullmatch(bare) is not None


# "志刚你先说", "Marek, you go first": the name the floor is handed to
_FLOOR_TO = re.compile(r"^(?:[\u4e00-\u9fff]{2,3}(?=你)|[A-Z][a-z]+\s*[,，]\s*)")


def only_passes_the_floor(text: str) -> bool:
    """ "志刚你先说。", "我补充一下。", "Marek, you go first.": a turn that only passes the floor."""
    body = _FLOOR_TO.sub("", text.strip()).strip(" ，,。.!！")
    return phrases("turn_taking", anchored=True).fullmatch(body) is not None


def proposes(text: str) -> bool:
    """ "认证流程是可以分级的", "We could split the suite": what could be done, not why it went wrong (a
    statement of what did not happen, "没有…可以…", "could not …", stays what it is)."""
    if re.search(r"[没不未无]|\b(?:not|never|no)\b|n't", text, re.I):
        return False
    return phrases("proposal").search(text) is not None


def rejects_cause(text: str) -> bool:
    """ "At first we thought it was the CDN, but it wasn't", "有人说是网络抖动，查了监控，排除了": a suspicion
    the meeting dropped, unless the same sentence goes on to the real one ("其实是…", "it was actually …")."""
    return (
        phrases("rejected_cause").search(text) is not None and phrases("corrected_cause").search(text) is None
    )


def starts_meeting(text: str) -> bool:
    """ "十二点四十正式开始", "… before getting to the numbers": the sentence that opens the meeting."""
    return phrases("meeting_start").search(text) is not None


def is_commitment(text: str) -> bool:
    """ "We will …", "Going forward, …", "Key improvements are …", "下一步我们要…", "后续将…"."""
    m = phrases("commitment").search(text)
    if m is None:
        return False
    rest = text[m.end() :]
    if re.fullmatch(rf"\s*(?:are|is|:|：)?\s*(?:{phrases('list_intro').pattern})\s*[.。:：]?\s*", rest, re.I):
        return False  # "Key improvements are the following." announces the list; the items are the work
    if re.match(r"\s*be\s+(?!\w+ing\b)", rest, re.I):
        return False  # "… or we'll be here till lunch" says where we will be, not what we will do
    # "We'll see." promises nothing: a commitment names some work
    return len(re.findall(r"[A-Za-z]+", rest)) >= 3 or len(re.findall(r"[\u4e00-\u9fff]", rest)) >= 4


def states_practice(text: str) -> bool:
    """ "Going forward, config changes must go through review": a rule to keep (a lesson), unless it says
    who will do what ("we will …")."""
    return phrases("practice").search(text) is not None and _WILL.search(text) is None


_WILL = re.compile(r"\b(?:we|I|the team)\s*(?:will|'ll|are going to|plan to)\s+(?:also\s+)?", re.I)


def commitment_lesson_verb(text: str) -> str | None:
    """ "keep"/"stop" when a commitment keeps or stops a practice ("We will keep X", "要停止…"): a lesson."""
    m = _WILL.search(text)
    if m is not None:
        rest = text[m.end() :]
        for name in ("keep", "stop"):
            if phrases(name, anchored=True).search(rest):
                return name
        return None
    for name in ("keep", "stop"):
        if re.search(r"(?:要|将)" + phrases(name).pattern, text):
            return name
    return None


_LIST_INTRO = re.compile(
    r"^.*?\b(?:improvements?|changes|fixes|follow-ups)\b[^.:]*?\b(?:are|is|include|:)\s+", re.I
)
_LIST_SPLIT = re.compile(r",?\s+and\s+(?=(?:also\s+)?[a-z]+ing\b)|,\s+and\s+|；|;", re.I)


def listed_improvements(text: str) -> list[str]:
    """The items of "Two key improvements identified are setting X and revising Y" ([] for no such list)."""
    m = _LIST_INTRO.match(text)
    if m is None or not phrases("commitment").search(text[: m.end()]):
        return []
    body = text[m.end() :].rstrip(" .。")
    return [part.strip(" ,，") for part in _LIST_SPLIT.split(body) if len(part.strip()) >= 6]


_AND_WE_WILL = re.compile(
    r",?\s+and\s+(?=(?:we|I)\s+(?:will|'ll)\s)|[;；]\s*(?=(?:we|I)\s+(?:will|'ll)\s)", re.I
)


def joined_commitments(text: str) -> list[str]:
    """ "We will keep X, and we will stop Y" → the two commitments; [text] when it makes one ("The checks
    proved their worth and we will keep investing in them" is one practice and its reason)."""
    parts = [p for p in (p.strip(" ,，;；") for p in _AND_WE_WILL.split(text)) if p]
    return parts if len(parts) > 1 and all(is_commitment(p) for p in parts) else [text]


def commitment_parts(text: str) -> list[str]:
    """The pieces of work a commitment names: a list of improvements, or "we will X, and we will Y"."""
    listed = listed_improvements(text)
    if listed:
        return listed
    parts = [p.strip(" ,，;；") for p in _AND_WE_WILL.split(text)]
    return [p for p in parts if p] if len(parts) > 1 else [text]


_OWNER_PHRASE = re.compile(
    r"(?:\bowner\s*[:：]\s*|\bowned by\s+|\bled by\s+|\bassigned to\s+)"
    r"(?P<name>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)"
    r"|^(?P<lead>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(?:owns|will own|takes)\b"
    # "这件事由苏晴负责"; "由运营部负责人…主持" names a role, not who does the work
    r"|由(?P<zh>[\u4e00-\u9fff]{2,3}?)(?<![部组科处室])(?:来)?(?:负责|牵头|落实|跟进)(?!人)"
    # "王芳负责把这件事落实下去": the name first, then what it takes on
    r"|^(?P<zh_lead>[\u4e00-\u9fff]{2,3}?)(?:负责|牵头)把"
)
# "I'll", "我来": the speaker takes the work (per-language data, `self_owner`)
_SELF_OWNER = re.compile(
    r"\b(?:" + alternation("self_owner", ("en",)) + r")\b|" + alternation("self_owner", ("zh",)), re.I
)


_NAME_WILL = re.compile(r"^(?P<name>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+will\s+(?!be\b|not\b)")


def named_owner(text: str, speaker: str | None) -> str | None:
    """The person a sentence names as owner ("owner: Ingrid", "led by Kofi", "Aiko owns this", "Marta will
    build …"), or the speaker who takes it ("I'll own that")."""
    from coach.domain.parsing.owners import person_name

    m = _OWNER_PHRASE.search(text)
    if m:
        return m.group("name") or m.group("lead") or m.group("zh") or m.group("zh_lead")
    will = _NAME_WILL.match(text.strip())
    if will and person_name(will.group("name")):
        return will.group("name")
    if speaker and _SELF_OWNER.search(text):
        return speaker
    return None


def accepts_task(text: str) -> bool:
    """ "Sure, I can have a draft by next Friday", "可以，我来吧，11月20日前把方案拿出来": yes, and how."""
    from coach.notes.actions import mentions_date

    yes = phrases("confirmation", anchored=True).search(text.strip())
    return yes is not None and (mentions_date(text) or _SELF_OWNER.search(text) is not None)


def closes_meeting(text: str) -> bool:
    """ "就这样，散会。", "OK, that's a wrap.": the meeting is closed by this line."""
    end = phrases("meeting_end").pattern
    return re.search(rf"(?:{end})\s*[。.!！]?\s*$", text.strip(), re.I) is not None


def passes_on(text: str) -> bool:
    """ "I'll tell him.", "我会后跟他说。": a promise to pass a task on, said in a few words."""
    if phrases("pass_on", anchored=True).search(text.strip()) is None:
        return False  # the phrase first: most sentences have none, and counting their words costs more
    words = len(re.findall(r"[A-Za-z']+", text)) + len(re.findall(r"[\u4e00-\u9fff]", text)) / 2
    return words <= 6


_AGREES_ONLY = re.compile(
    r"^\s*(?:对|对的|是的|没错|嗯|行|好|yes|right|exactly|agreed)\s*[，,。.!！]\s*"
    r"(?:加上|加上吧|加进去|记上|add (?:that|it)|put it in)?\s*[。.!！]?\s*$",
    re.I,
)


def only_agrees(text: str) -> bool:
    """ "对，加上。", "Right, add that.": agreeing to what was just said, no new words."""
    return _AGREES_ONLY.match(text) is not None


def reports_agreement(text: str) -> bool:
    """ "Marek agreed.", "简总也同意。": a note that someone agreed with what was just said adds nothing."""
    body = text.strip().rstrip(".。!！")
    said = phrases("reported_agreement").search(body)
    if said is None or body[said.end() :].strip(" ,，"):
        return False
    subject = body[: said.start()].strip()
    return 0 < len(subject) <= 12 and len(subject.split()) <= 3 and not re.search(r"[,，;；:：]", subject)


def only_confirms(text: str) -> bool:
    """ "没问题。", "Great.", "好的，没问题": a turn that is nothing but a word of assent holds no item."""
    rest = phrases("confirmation").sub("", text)
    return rest != text and re.fullmatch(r"[\s，,。.!！、~～]*", rest) is not None


def points_to_then(text: str) -> bool:
    """ "…, I'll have the paper in by then", "…，我那之前交": a date given for the task just agreed to."""
    return phrases("by_then").search(text) is not None


def is_confirmation(text: str) -> bool:
    """ "By March 6, yes.", "Sure.", "好的，没问题": agreeing to what was just asked, no new content."""
    words = re.sub(r"\b(?:by|before|on)\b|\d+|[A-Z][a-z]+\s+\d+", " ", text)
    return (
        bool(phrases("confirmation").search(text))
        and len(re.findall(r"[A-Za-z]+|[\u4e00-\u9fff]", words)) <= 6
    )


# "Sam, can you …?" and, typed in a chat without the comma, "Sam can you …?", "刘强你能不能…？"
_ADDRESSEE = re.compile(
    # "And Stuart, an on-call rota for nights?", "那小韩，…？": a word that only goes on to the next task
    r"^(?:(?i:and|so|then)\s+|那)?@?(?P<name>[A-Z][a-z]+|[\u4e00-\u9fff]{2,3})"
    r"(?:\s*[,，]|(?=\s+(?i:can|could|would|will)\s+you\b)|(?=你))\s*(?P<task>.+?)[？?]$"
)
# "车流预测排班的方案，严红你来？", "The inspection checklist, Kwame?": the task first, then whose it is
_ADDRESSEE_LAST = re.compile(
    r"^(?P<task>[^,，]{4,}?)\s*[,，]\s*@?(?P<name>[A-Z][a-z]+|[\u4e00-\u9fff]{2,3}?)"
    r"(?:你来|你负责|你牵头|你跟一下|你看)?(?:吧|呢)?[？?]$"
)


def addressed_task(text: str) -> tuple[str, str] | None:
    """(name, task) for a question that hands a task to someone: "Luis, staged rollout by March 6?"."""
    from coach.domain.parsing.owners import person_name

    m = _ADDRESSEE.match(text.strip())
    if m is None or len(m.group("task")) < 8:
        last = _ADDRESSEE_LAST.match(text.strip())
        if last is None or not person_name(last.group("name")):
            return None
        return last.group("name"), last.group("task")
    # "Diego, the empty stations are mostly mornings, right?" asks for a fact, not for work
    if re.search(rf"[,，\s](?:{phrases('tag_question').pattern})\s*$", m.group("task"), re.I):
        return None
    # "Ellie, are you getting all this?", "小吴，你有没有记下来？" ask how things are, not for work
    if phrases("fact_question", anchored=True).match(m.group("task").strip()):
        return None
    return m.group("name"), m.group("task")


_MORE_WORK = re.compile(
    r"\b(?:and|then)\s+(?!(?:it|this|that)\s+(?:is|will be)\s+due\b|is\s+due\b|due\b)\w+", re.I
)


@cache
def _follow_up_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(takes, scheduled, zh) patterns, built once from the word lists."""
    verbs = phrases("assign_verbs").pattern
    refs = phrases("back_reference").pattern
    # "owns setting that up", "负责把这件事落实下去": the work is the task just named, said again by a pointer
    return (
        re.compile(verbs + r"\s+(?:[a-z]+ing\s+)?" + refs, re.I),
        re.compile(r"^(?:the\s+first\s+\w+\s+|" + refs + r"\s+)?(?:is|are)\s+(?:due|scheduled)", re.I),
        re.compile(refs + r".{0,6}?" + verbs + "|^[\u4e00-\u9fff]{2,3}" + verbs + "把" + refs),
    )


def announces_list(text: str) -> bool:
    """ "Key improvements are the following.", "关键改进如下。": it only announces the list after it."""
    body = text.strip().rstrip(" .。:：")
    if re.search(rf"(?:{phrases('list_intro').pattern})$", body, re.I) is None:
        return False
    return len(re.findall(r"[A-Za-z]+", body)) <= 8 and len(re.findall(r"[\u4e00-\u9fff]", body)) <= 12


def _only_schedules(text: str) -> bool:
    """ "Let's say in Q4, owner to be decided.", "负责人待定，Q4 再说": a date and no owner for the task just
    named, and no work of its own."""
    unassigned = phrases("unassigned").search(text)
    if unassigned is None:
        return False
    rest = (text[: unassigned.start()] + text[unassigned.end() :]).strip(" ,，.。;；")
    rest = re.sub(r"^(?:let's say|say|maybe|就|先)\s*", "", rest, flags=re.I)
    words = re.findall(r"[A-Za-z]+", rest) + re.findall(r"[\u4e00-\u9fff]{2}", rest)
    return len(words) <= 3


def takes_over_previous(text: str) -> bool:
    """A sentence that gives an owner or a date to the action(s) just named, and names no work of its own.

    "I'll own that, end of October.", "Aiko owns this and it is due October 9", "will ship both changes
    by April 30", "这件事由王芳负责".
    """
    takes_pattern, scheduled_pattern, zh_pattern = _follow_up_patterns()
    if _only_schedules(text) or opens_with("self_take", text):
        return True  # "算我的，月底前谈下来", "That's me, by Friday": the speaker takes the task just named
    takes = takes_pattern.search(text)
    if takes and _MORE_WORK.search(text, takes.end()):
        return False  # "I'll take it and fix the doc" names work of its own
    return bool(takes or scheduled_pattern.search(text) or zh_pattern.match(text))


def references_count(text: str) -> int:
    """How many of the actions just named a back-reference takes: "both changes" → 2, "this" → 1."""
    if re.search(r"\bboth\b|两件|两项", text, re.I):
        return 2
    if re.search(r"\ball (?:three|of them)\b|这几件|这三件", text, re.I):
        return 3
    return 1


def is_aside(text: str) -> bool:
    """ "By the way, because of the office move …", "顺便说一下…": an aside, no item of the review."""
    return opens_with("aside", text) or phrases("aside_anywhere").search(text) is not None


def opens_with(name: str, text: str) -> bool:
    return phrases(name, anchored=True).search(LEADING_CONNECTIVE.sub("", text.strip())) is not None


def prescribes(text: str) -> bool:
    """ "We should keep the webinars, because …", "下次要提前报价，因为…": a rule for next time that gives its
    reason is a lesson, not a cause."""
    return opens_with("prescription", text)


def is_summary(text: str) -> bool:
    """ "To sum up, we lost mainly because …", "总结一下，…": the note restating what it already said."""
    return opens_with("summary_lead", text)


# "fell", "下滑": a figure that went the wrong way (per-language data, `figure_fell`)
_WENT_DOWN = re.compile(
    r"\b(?:" + alternation("figure_fell", ("en",)) + r")\b|" + alternation("figure_fell", ("zh",)), re.I
)


def explains_success(text: str, section: str | None) -> bool:
    """ "It worked because we had case studies", "新客户超了，主要是因为展会线索": why something went well is
    part of the highlight, not a cause of a gap."""
    from coach.notes import cues

    m = cues.CAUSE.search(text)
    head = text[: m.start()] if m else text
    if cues.FEWER_BAD.search(head):
        return True  # "投诉少了，是因为…": fewer of a bad thing, however the bad thing is named
    if cues.SHORTFALL.search(head) or _WENT_DOWN.search(head):
        return False  # "Win rate fell to 18% because …", "赢单率掉到18%，因为…": why it went badly
    return section == "highlight" or cues.HIGHLIGHT.search(head) is not None


# "And, …", "所以…": a word that only joins the sentence to the one before (per-language data)
LEADING_CONNECTIVE = re.compile(r"^(?:(?:" + alternation("leading_connective") + r")[,，]?\s+)+", re.I)
