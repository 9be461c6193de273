"""The cue phrases of the lessons and actions steps, compiled once: edits and confirmations of what was
filed ("国庆那条负责人换成何鹏", "不是赵敏，是孙丽", "Drop the CRM one"), a thing taken back as it is said,
and the words that head a list dictated there ("经验我说三条：", "行动：")."""

from __future__ import annotations

import re
from functools import cache

from coach.domain.reading import cues
from coach.domain.reading.vocabulary import fragments


@cache
def taken_back() -> re.Pattern[str]:
    """Taking back what was just said mid-item ("…, no wait, that's continue", "…，不对，是继续")."""
    return re.compile(rf"[\s,，]*(?:{cues.alternatives('taken_back')})[\s,，:：]*", re.I)


@cache
def edit_lead() -> re.Pattern[str]:
    """Words that open a correction and are no part of it ("更正：", "Sorry,", "Change of owner:")."""
    return re.compile(rf"^(?:{cues.alternatives('edit_lead')})[\s,，.。:：!！]*", re.I)


@cache
def edit_stop() -> frozenset[str]:
    """Words too common to name an action by."""
    return frozenset(fragments("edit_stop"))


@cache
def edit_marked() -> list[re.Pattern[str]]:
    """An item named by its words and marked as such ("国庆那条…"); group `ref` holds the words."""
    return [re.compile(rf"^{fragment}", re.I) for fragment in fragments("edit_marked")]


@cache
def edit_marks_within() -> list[re.Pattern[str]]:
    """The marked names anywhere in a clause, so that "A那条和B那条都删掉" yields both."""
    return [re.compile(fragment, re.I) for fragment in fragments("edit_marked")]


@cache
def owner_changes() -> list[re.Pattern[str]]:
    """A new owner said for an item; names are capitalised, so case matters."""
    return cues.fragment_patterns("owner_change")


@cache
def date_changes() -> list[re.Pattern[str]]:
    return cues.fragment_patterns("date_change", re.I)


@cache
def edit_swaps() -> list[re.Pattern[str]]:
    """ "不是赵敏，是孙丽": groups `old` and `new`."""
    return cues.fragment_patterns("edit_swap")


@cache
def edit_keeps() -> list[re.Pattern[str]]:
    """What stands is confirmed ("日期不变", "Lucia keeps …"); a group `who` names the owner kept."""
    return cues.fragment_patterns("edit_keeps")


@cache
def edit_taken_from() -> list[re.Pattern[str]]:
    """The owner an item is taken from ("不给小罗了", "take it off Chloe"); group `old`."""
    return cues.fragment_patterns("edit_taken_from")


@cache
def edit_reason() -> re.Pattern[str]:
    """Why an edit is made ("Marco's leaving us", "她忙不过来"): no edit of its own."""
    return cues.words_pattern("edit_reason")


def delete() -> re.Pattern[str]:
    return cues.words_pattern("delete")


@cache
def lesson_confirm() -> re.Pattern[str]:
    return re.compile(rf"^(?:{cues.alternatives('lesson_confirm')})\b", re.I)


def lesson_delete() -> re.Pattern[str]:
    return cues.words_pattern("lesson_delete")


@cache
def lesson_add() -> re.Pattern[str]:
    return re.compile(rf"^(?:{cues.alternatives('lesson_add')})\s*[:：,，]?\s*", re.I)


@cache
def lesson_list_lead() -> re.Pattern[str]:
    """The lead-in of a dictated list of lessons ("经验我说三条：", "Lessons:")."""
    return re.compile(rf"^(?:{cues.alternatives('lesson_list_lead')})", re.I)


def lesson_action_cue() -> re.Pattern[str]:
    return cues.words_pattern("lesson_action_cue")


@cache
def lesson_action_words() -> dict[str, re.Pattern[str]]:
    """Plain words for a lesson's action (`stop`, `continue`) beyond the shared correction reader's."""
    return cues.words_by_key("lesson_action_words")


@cache
def lesson_rewrite() -> re.Pattern[str]:
    return re.compile(rf"(?:{cues.alternatives('lesson_rewrite')})\s*[:：]?\s*", re.I)


@cache
def action_head_only() -> re.Pattern[str]:
    """The actions step named alone, nothing of it said yet ("行动三项", "action items")."""
    return re.compile(rf"^(?:{cues.alternatives('action_head_only')})[\s.。!！:：]*$")


@cache
def action_set_aside() -> re.Pattern[str]:
    """A list item that files no action: a person with no task, a lesson, an item left without an owner."""
    said = f"{cues.alternatives('action_set_aside')}|{cues.alternatives('action_said_as_lesson')}"
    return re.compile(said, re.I)


@cache
def action_said_as_lesson() -> re.Pattern[str]:
    """A list item said to be a lesson, not an action ("这个算经验，不算行动", "that's a lesson more than an
    action"): the words before it are the lesson."""
    return re.compile(cues.alternatives("action_said_as_lesson"), re.I)


@cache
def action_same_date() -> list[re.Pattern[str]]:
    """A due date said as another item's ("same date as the runner", "和参数表同一天"); group `ref`."""
    return cues.fragment_patterns("action_same_date", re.I)


@cache
def action_list_lead() -> re.Pattern[str]:
    """A list's own words before its items ("行动：", "一是", "Actions on top of the first one:")."""
    return re.compile(rf"^(?:{cues.alternatives('action_list_lead')})\s*")
