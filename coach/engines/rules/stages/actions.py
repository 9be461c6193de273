"""Actions (转化应用): turn each lesson into WHAT / HOW / WHEN / WHO, refusing a vague HOW."""

from __future__ import annotations

import re
from functools import cache

from coach.domain.critique import is_vague_how, is_yes, normalize, wants_finish
from coach.domain.labels import LESSON_ACTION, label
from coach.domain.parsing import DateMention
from coach.domain.reading import cues, edit_cues
from coach.domain.reading.blocks import has_rung, sentences, strip_filler
from coach.domain.reading.meta import protests_asked_again, without_meta
from coach.engines.rules import flow
from coach.engines.rules.action_words import LEFTOVER, deadline, owner_in, plain_item, work_clauses
from coach.engines.rules.edits import add_item, then_add
from coach.engines.rules.edits_by_words import full_name_given, named_action
from coach.engines.rules.replies import render
from coach.engines.rules.stages import action_lessons
from coach.engines.rules.stages.action_item import (
    ends_actions,
    enough,
    finish_tail,
    lesson_for,
    line,
    listing,
    make_item,
    none_more,
    owner_of,
    read_what_how,
    said_again,
)
from coach.engines.rules.stages.action_list import DASH_BULLET, set_apart, split_items
from coach.engines.rules.state import ActionDraft, ActionsStep
from coach.engines.rules.text import has_words, quote
from coach.engines.rules.turn import Turn

# The cue words are the language files' lists named below; the patterns here only set them.


@cache
def _cause_lead() -> re.Pattern[str]:
    """An answer that opens with a cause ("原因是…", "Why: …") is never an action."""
    return re.compile(rf"^(?:{cues.alternatives('action_cause_lead')})", re.I)


def enter(t: Turn) -> None:
    if t.review.actions:
        t.say("actions_so_far", actions=listing(t))
        _ask_more(t)
        return
    t.state.actions.lesson = 0
    _next_lesson(t, first=True)


def handle(t: Turn) -> None:
    t.text = plain_item(t.text, t.lang)
    step = t.state.actions.step
    if cues.room_talk().search(t.text) and deadline(t.text, t.today) is None:
        t.reask()  # "谢谢大家啊，特别是小代…", "thanks all, esp. Maya": no action, the question stands
        return
    if full_name_given(t):
        return
    if step in ("item", "how", "who", "when") and (split := then_add(t.text)) is not None:
        _answer_then_add(t, *split)
        return
    unstarted = step == "item" and (t.state.actions.draft is None or not t.state.actions.draft.evidence)
    if (step in ("how", "who", "when") and ends_actions(t.text)) or (
        unstarted and ends_actions(t.text, False)
    ):
        _finish_with_draft(t)
        return
    if step in ("item", "more", "how") and _several(t):
        return
    if step in ("how", "who", "when") and _another_action(t):
        return
    if step == "more":
        _more(t)
        return
    if t.state.actions.draft is None:
        t.state.actions.draft = ActionDraft(lesson_index=None)
    _fill(t, step)


def _answer_then_add(t: Turn, answer: str, new: str) -> None:
    """ "团课表那条负责人改成马骏。再加一条：…": the answer to what was asked, then a new action; the
    action being assembled is kept as it stands."""
    t.text = answer
    handle(t)
    draft = t.state.actions.draft
    if draft is not None and draft.evidence and (draft.what or draft.how):
        item = make_item(t, draft)
        t.review.actions.append(item)
        t.say("actions_saved", line=line(t, item))
    t.unask()  # the question the answer led to is not asked: a new action comes
    add_item(t, new)


def _finish_with_draft(t: Turn) -> None:
    """The user is done while an action still lacks a part: keep what was said, never the closing words."""
    draft = t.state.actions.draft
    if draft is not None and (draft.what or draft.how) and (draft.who or draft.when):
        item = make_item(t, draft)
        t.review.actions.append(item)
        t.say("actions_saved", line=line(t, item))
    elif draft is not None and draft.evidence:
        # with no owner and no date it may be talk ("no, the second one is Lin Chen"): said back, not filed
        t.say("actions_not_kept", said=quote(draft.evidence[0], t.lang, 60))
    t.state.actions.draft = None
    if wants_finish(finish_tail().sub("", normalize(t.text))):
        flow.go_to(t, "done")
    else:
        flow.advance(t)


def skip(t: Turn) -> None:
    if t.state.actions.step == "more":
        flow.advance(t)
        return
    t.state.actions.draft = None
    t.say("actions_skipped_one")
    t.state.actions.lesson += 1
    _next_lesson(t)


def _next_lesson(t: Turn, first: bool = False) -> None:
    lessons = t.review.lessons
    index = t.state.actions.lesson
    if index >= len(lessons):
        t.state.actions.draft = None
        if first:
            t.state.actions.step = "item"
            t.state.actions.draft = ActionDraft(lesson_index=None)
            t.ask("actions_own")
        else:
            _ask_more(t)
        return
    t.state.actions.draft = ActionDraft(lesson_index=index, walk=True)
    t.state.actions.step = "item"
    lesson = lessons[index]
    if first:
        t.say("actions_intro")
    t.ask(
        "actions_for_lesson",
        n=index + 1,
        total=len(lessons),
        lesson=quote(lesson.text, t.lang, 60),
        action=label(LESSON_ACTION, lesson.action, t.lang),
    )


def _several(t: Turn) -> bool:
    """Several action items in one message ("1. …，张伟，月底前；2. …，@李娜 下周五"): take each.

    Each item must name an owner or a date, so that one action whose HOW holds a "；" stays whole.
    """
    items = split_items(t.text)
    said_apart = [s for i in items if i for s in sentences(i, capitalised=True)]
    # terse lists are typed in lower case: "x - dev - feb 27. y - hana - next fri." (each item must still
    # name its owner or date, so a sentence that goes on after a period stays whole)
    lower_case = [s for i in items if i for s in sentences(i)]
    return (
        _take_several(t, items)
        or _take_several(t, _with_owner_sentences(t, said_apart))
        or _take_several(t, _with_owner_sentences(t, lower_case))
    )


def _with_owner_sentences(t: Turn, said: list[str]) -> list[str]:
    """Sentences with a sentence that only names who and by when ("Owner: Dev Patel, by November 13.")
    joined to the work said in the sentence before it."""
    joined: list[str] = []
    for sentence in said:
        only_who_and_when = (owner_of(t, sentence) or deadline(sentence, t.today)) and not work_clauses(
            sentence, deadline(sentence, t.today)
        )
        if joined and only_who_and_when:
            joined[-1] = f"{joined[-1].rstrip(' .。')}{'，' if t.lang == 'zh' else ', '}{sentence}"
        else:
            joined.append(sentence)
    return joined


def _take_several(t: Turn, pieces: list[str]) -> bool:
    """File each piece as an action when every piece names an owner or a date, and one names both."""
    items = [
        edit_cues.action_list_lead().sub("", DASH_BULLET.sub("", i.strip(" ，,。."))).strip()
        for i in pieces
        if i and has_words(i)
    ]
    items = [
        edit_cues.action_list_lead().sub("", i)
        for i in items
        if has_words(i) and not edit_cues.action_head_only().match(i)
    ]
    items, aside = set_apart(items)
    placed = [
        i for i in items if (owner_of(t, i) or deadline(i, t.today)) and work_clauses(i, deadline(i, t.today))
    ]
    full = [i for i in placed if owner_of(t, i) and deadline(i, t.today)]
    if len(items) + len(aside) < 2 or len(placed) < len(items) or not full:
        return False
    for said in aside:
        if not action_lessons.take(t, said):
            t.say("actions_set_aside", said=quote(said, t.lang, 60))
    walk = t.state.actions.draft.walk if t.state.actions.draft else False
    lesson = t.state.actions.draft.lesson_index if t.state.actions.draft else None
    for n, item in enumerate(items):
        t.state.actions.draft = ActionDraft(lesson_index=lesson if n == 0 else None, walk=False)
        t.text = item
        _fill(t, "item")
        if t.state.actions.draft is not None and n < len(items) - 1:
            _keep_as_said(t, t.state.actions.draft)  # an incomplete item among several: keep the rest going
            t.state.actions.draft = None
    t.text = "\n".join(items)
    _only_last_question(t)
    if walk and t.state.actions.draft is None:
        t.state.actions.lesson = max(t.state.actions.lesson + len(full), t.state.actions.lesson)
    return True


def _keep_as_said(t: Turn, draft: ActionDraft) -> None:
    """An item of a list that lacks a part is filed in the user's words, never dropped; the reply
    names what it lacks and how to add it by its number, instead of the question asked about it."""
    t.unask()
    t.state.asked = None
    draft.how = draft.how or draft.vague_how
    if not (draft.evidence and (draft.what or draft.how)):
        return
    item = make_item(t, draft)
    t.review.actions.append(item)
    number = len(t.review.actions)
    if draft.vague_how is not None and draft.how == draft.vague_how:
        t.say("actions_kept_vague", line=line(t, item), how=draft.vague_how, n=number)
    elif not item.who:
        t.say("actions_kept_no_owner", line=line(t, item), n=number)
    elif not item.when:
        t.say("actions_kept_no_date", line=line(t, item), n=number)
    else:
        t.say("actions_saved", line=line(t, item))


def _only_last_question(t: Turn) -> None:
    """Items taken one after another each ask "anything else?": the reply asks it once, at the end."""
    if t.state.asked is None:
        return
    question = render(t.state.asked.key, t.lang, **t.state.asked.params)
    last = max((i for i, line in enumerate(t.lines) if line == question), default=-1)
    t.lines = [line for i, line in enumerate(t.lines) if line != question or i == last]


def _another_action(t: Turn) -> bool:
    """A whole action for someone else while one is still being assembled: a new action, never merged."""
    draft = t.state.actions.draft
    if draft is None or not draft.evidence or not looks_like_action(t):
        return False
    who = owner_in(t.text)
    if draft.who is None and who is not None and t.state.actions.step == "who" and (draft.what or draft.how):
        # asked who owns the last one, the user gives a whole new action: keep the last one without an owner
        item = make_item(t, draft)
        t.review.actions.append(item)
        t.say("actions_saved", line=line(t, item))
        t.state.actions.draft = ActionDraft(lesson_index=None)
        _fill(t, "item")
        return True
    if draft.who is None or who is None or who == draft.who:
        return False  # the same owner refining the plan ("加强培训" → the concrete key action)
    t.say("actions_left_unfinished", item=quote(draft.what or draft.how or draft.evidence[0], t.lang))
    t.state.actions.draft = ActionDraft(lesson_index=None)
    _fill(t, "item")
    return True


def _ask_more(t: Turn) -> None:
    t.state.actions.step = "more"
    t.state.actions.draft = None
    t.ask("actions_more")


def _more(t: Turn) -> None:
    body = normalize(t.text)
    if ends_actions(t.text):
        flow.advance(t)
        return
    if is_yes(body) and len(body) <= 4:
        t.state.actions.step = "item"
        t.state.actions.draft = ActionDraft(lesson_index=None)
        t.ask("actions_own")
        return
    if protests_asked_again(t.text) and t.review.actions:
        _answer_not_asked(t)
        return
    t.state.actions.step = "item"
    t.state.actions.draft = ActionDraft(lesson_index=None)
    _fill(t, "item")


def _answer_not_asked(t: Turn) -> None:
    """ "你怎么又问怎么做？约谈就是约谈，把…定下来" after an action was filed: the rest answers the HOW of
    that last action when it has none of its own; it never starts a new action."""
    last = t.review.actions[-1]
    rest = without_meta(t.text).strip(" 。.")
    if rest != t.text.strip(" 。.") and has_words(rest) and (last.how is None or last.how == last.what):
        last.how = rest
        last.evidence = f"{last.evidence} / {t.text}"
        t.say("edit_updated", n=len(t.review.actions), item=line(t, last))
    else:
        t.say("protest_noted")
    _ask_more(t)


def _fill(t: Turn, step: ActionsStep) -> None:
    """Read whatever of WHAT/HOW/WHEN/WHO the message gives, then ask for what is still missing."""
    draft = t.state.actions.draft
    assert draft is not None
    text = t.text
    if (
        step in ("item", "how")
        and not draft.evidence
        and (none_more().match(normalize(text)) or enough().search(normalize(text)))
    ):
        # "没有了" where an action was asked: no (more) actions.
        t.state.actions.draft = None
        flow.advance(t)
        return
    draft.evidence.append(text)
    text = without_meta(text)  # "社区食堂那个前面说过了", "不算这次的行动": talk, no part of the action
    text = edit_cues.action_list_lead().sub("", text.strip(), count=1) or text  # "行动：…" heads it, no HOW
    if not has_words(text):
        _ask_missing(t, draft)
        return
    found = deadline(text, t.today)
    if found is None and (same := _same_date(t, text)) is not None:
        text, found = same
    # An owner already named stays unless the user is answering "who?" (later words may merely mention one).
    who = owner_of(t, text) if draft.who is None or step == "who" else None
    if who is None and step == "who" and has_words(text) and len(normalize(text)) <= 20:
        bare = text.replace(found.text, " ") if found else text
        tail = rf"(?:{cues.alternatives('owner_answer_tail')})$"  # "李明来负责": the name alone
        bare = re.sub(tail, "", bare.strip(" @。.,，")).strip(" @。.,，")
        if has_words(bare) and not LEFTOVER.match(normalize(bare)):
            who = bare
    if who:
        draft.who = who
    mention = found if draft.when is None or step == "when" else None
    if mention is not None:
        draft.when, draft.when_text = mention.date.isoformat(), mention.text
    elif step == "when" and has_words(text) and draft.when is None:
        draft.when_text = text.strip()
    if step in ("item", "how"):
        if len(draft.evidence) == 1:
            draft.lesson_index = lesson_for(t, text, draft.lesson_index)
        read_what_how(t, draft, text, found)  # a date named again is still no part of the HOW
    _ask_missing(t, draft)


def _same_date(t: Turn, text: str) -> tuple[str, DateMention] | None:
    """(the text without it, the date) for "…, same date as the runner" / "…，和参数表同一天": the due date
    of the one action filed whose words it names; None when none or several fit."""
    for pattern in edit_cues.action_same_date():
        if (said := pattern.search(text)) is None:
            continue
        index = named_action(said.group("ref"), t.review.actions)
        when = t.review.actions[index].when if index is not None else None
        if when is not None:
            rest = f"{text[: said.start()]}{text[said.end() :]}"
            return rest, DateMention(text=said.group(0), date=when)
    return None


def take_aside(t: Turn, text: str) -> bool:
    """An action said in passing while another step is asked: filed whole when it names who and by when.

    "对了我先说个要做的：冷链车加装温控记录仪，后勤老宋负责，7月底前", "Before I forget: Priya will set up a
    CODEOWNERS file by next Friday". Nothing is asked about it now; the actions step shows it later.
    """
    text = text.strip().rstrip("。.!！;；")
    due = deadline(text, t.today)
    who = owner_of(t, text)
    if due is None or who is None or not (due.deadline or re.search(r"\d", due.text) or due.date > t.today):
        return False  # "今天" said in passing is no due date; "下周一" in a noted action is one
    draft = ActionDraft(lesson_index=None, evidence=[text], who=who)
    draft.when, draft.when_text = due.date.isoformat(), due.text
    read_what_how(t, draft, text, due)
    if not (draft.what or draft.how):
        return False
    item = make_item(t, draft)
    t.review.actions.append(item)
    t.say("actions_aside", line=line(t, item))
    return True


def looks_like_action(t: Turn) -> bool:
    """A message that is an action item: something to do, with an owner and a due date.

    An answer that gives a cause ("Why: shifts are fixed…, Monday…", "根因是…") is never one, whatever
    day or name it mentions.
    """
    text = t.text
    if _cause_lead().match(strip_filler(text)) or has_rung(text):
        return False
    due = deadline(text, t.today)
    if owner_of(t, text) is None or due is None:
        return False
    if t.state.stage != "actions" and not (due.deadline or re.search(r"\d", due.text)):
        return False  # "she's only listening today": a day mentioned in passing is no due date
    return any(has_words(c) for c in work_clauses(text, deadline(text, t.today)))


def jump_in(t: Turn) -> None:
    """An action item said while another step was asked: go to the actions and take it."""
    if t.state.stage == "lessons" and t.review.lessons:
        t.lessons_confirmed = True
        t.say("lessons_confirmed", count=len(t.review.lessons))
    t.state.enter("actions")
    t.state.actions.step = "item"
    t.state.analysis.drill = None
    t.state.actions.lesson = len(t.review.lessons)  # the user leads; no walk through the lessons
    t.state.actions.draft = ActionDraft(lesson_index=None)
    if edit_cues.action_head_only().match(t.text.strip()):
        t.ask("actions_own")  # "actions" alone: the user is ready to list them
        return
    t.say("actions_taken")
    t.text = plain_item(
        edit_cues.action_list_lead().sub("", t.text.strip(), count=1) or t.text, t.lang
    )  # "Action items: …" heads the list only
    if not _several(t):
        _fill(t, "item")


def _ask_missing(t: Turn, draft: ActionDraft) -> None:
    if draft.what is not None and draft.how is None and is_vague_how(draft.what):
        draft.how = draft.what  # "值班加强培训，老李负责" is a vague plan, not a what to keep
        draft.what = None
    if draft.how is not None and is_vague_how(draft.how):
        vague = draft.how
        draft.how, draft.vague_how = None, vague
        if draft.what_from == len(draft.evidence) and draft.what is not None and is_vague_how(draft.what):
            draft.what = None  # the vague words are not kept as the WHAT either
        t.state.actions.step = "how"
        t.ask("actions_vague", how=quote(vague, t.lang))
        return
    if draft.how is None:
        t.state.actions.step = "how"
        t.ask("actions_how")
        return
    if not draft.who:
        t.state.actions.step = "who"
        t.ask("actions_who", how=quote(draft.how, t.lang))
        return
    if not draft.when:
        t.state.actions.step = "when"
        if draft.when_text:
            t.ask("actions_when_unclear", when=quote(draft.when_text, t.lang))
        else:
            t.ask("actions_when")
        return
    _save(t, draft)


def _save(t: Turn, draft: ActionDraft) -> None:
    item = make_item(t, draft)
    if (known := said_again(t.review.actions, item)) is not None:
        t.say(
            "actions_said_again", line=line(t, known)
        )  # "Also: …, Kwame, before the 15th. Just so it's on there."
    else:
        t.review.actions.append(item)
        t.say("actions_saved", line=line(t, item))
    if draft.walk:
        t.state.actions.lesson += 1
        _next_lesson(t)
    else:
        _ask_more(t)
