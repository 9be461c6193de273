"""The cue phrases of every language, compiled once: a message may mix languages, so all are tried."""

from __future__ import annotations

import re
from functools import cache

from coach.domain.reading.vocabulary import fragments, keyed_fragments, languages, per_language, words


def _union(parts: list[str]) -> str:
    return "|".join(f"(?:{part})" for part in parts)


def _own_groups(fragment: str, group: str, suffix: str) -> str:
    """A fragment whose named group gets a name of its own, so every language's can sit in one pattern."""
    return fragment.replace(f"?P<{group}>", f"?P<{group}_{suffix}>")


def named(match: re.Match[str], group: str) -> str | None:
    """The text of a group that each language's fragment names on its own (`topic_zh`, `topic_en`, …)."""
    return next((v for k, v in match.groupdict().items() if k.startswith(f"{group}_") and v), None)


def _lead(parts: list[str]) -> re.Pattern[str]:
    """Fragments said at the start of a sentence, followed by an optional colon or comma."""
    return re.compile(rf"^(?:{_union(parts)})\s*[：:，,]?\s*", re.I)


@cache
def heads() -> dict[str, re.Pattern[str]]:
    return {key: _lead(listed) for key, listed in keyed_fragments("heads").items()}


@cache
def rungs() -> dict[str, re.Pattern[str]]:
    return {key: _lead(listed) for key, listed in keyed_fragments("rungs").items()}


@cache
def reflection_cues() -> dict[str, re.Pattern[str]]:
    return {key: _lead(listed) for key, listed in keyed_fragments("reflection").items()}


@cache
def dig() -> re.Pattern[str]:
    digs = [_own_groups(dig, "topic", lang) for lang, dig in per_language("dig").items()]
    return re.compile(rf"^(?:{_union(digs)})\s*", re.I)


@cache
def rest() -> re.Pattern[str]:
    return _lead(fragments("rest"))


@cache
def rest_inside() -> re.Pattern[str]:
    return re.compile(_union(fragments("rest_inside")), re.I)


@cache
def fillers() -> re.Pattern[str]:
    return re.compile(rf"^(?:{_union(fragments('fillers'))})(?![A-Za-z])\s*[，,:：]?\s*", re.I)


@cache
def self_intro() -> re.Pattern[str]:
    return re.compile(rf"^(?:{_union(fragments('self'))})(?![A-Za-z])\s*", re.I)


@cache
def relay() -> re.Pattern[str]:
    relays = [
        _own_groups(relay, "name", f"{lang}{i}")
        for lang in languages()
        for i, relay in enumerate(words(lang).get("relay", []))
    ]
    return re.compile(rf"^(?:{_union(relays)})\s*")


@cache
def role_prefix() -> re.Pattern[str]:
    return re.compile(rf"^(?:{_union(fragments('role_words'))})+")


@cache
def alternatives(name: str) -> str:
    """One list of every language as one alternation, for a reader that sets the words in a pattern of its
    own ("^(?:…)$"): the words are data, the structure stays with the reader. A list no language fills
    matches nothing (an empty alternation would match everywhere)."""
    return _union(fragments(name)) or "(?!)"


def owner_label() -> str:
    """An owner's label and the mark after it ("负责人：", "owner is "), as a fragment for the owner reader
    to put before the name's own pattern."""
    return _union(fragments("owner_label"))


def owner_label_glued() -> str:
    """The labels also written glued to the name ("负责人刘洋"), the mark optional, as a fragment."""
    return _union(fragments("owner_label_glued"))


def owner_lead_verbs() -> str:
    """Verbs right after a name that make that person the owner ("孙倩主持"), as a fragment."""
    return _union(fragments("owner_lead_verbs"))


@cache
def skipped() -> re.Pattern[str]:
    return re.compile(_union(fragments("skipped")), re.I)


@cache
def reflection_done() -> re.Pattern[str]:
    return re.compile(_union(fragments("reflection_done")), re.I)


@cache
def back_reference() -> re.Pattern[str]:
    return re.compile(rf"(?:{_union(fragments('back_reference'))})\s*[：:，,]?\s*", re.I)


@cache
def acknowledge() -> re.Pattern[str]:
    return re.compile(rf"^(?:{_union(fragments('acknowledge'))})(?=[\s,，.。!！]|$)[\s,，.。!！]*", re.I)


@cache
def why() -> re.Pattern[str]:
    return re.compile(_union(fragments("why")), re.I)


@cache
def first_person_task() -> re.Pattern[str]:
    return re.compile(rf"(?<![A-Za-z])(?:{_union(fragments('first_person_task'))})(?![A-Za-z])", re.I)


@cache
def kpi_words() -> re.Pattern[str]:
    return re.compile(_union(fragments("kpi_words")), re.I)


@cache
def self_assign() -> re.Pattern[str]:
    """Words by which a speaker takes the task just named ("that's me", "算我的")."""
    return re.compile(rf"(?<![A-Za-z])(?:{_union(fragments('self_assign'))})(?![A-Za-z])", re.I)


@cache
def ask_task() -> re.Pattern[str]:
    """Words that ask the person addressed to take a task ("can you", "你能")."""
    return re.compile(rf"(?<![A-Za-z])(?:{_union(fragments('ask_task'))})(?![A-Za-z])", re.I)


@cache
def decline() -> re.Pattern[str]:
    return re.compile(_union(fragments("decline")), re.I)


@cache
def reflection_skip() -> re.Pattern[str]:
    return re.compile(_union(fragments("reflection_skip")), re.I)


@cache
def lesson_in_passing() -> re.Pattern[str]:
    """A sentence that says a lesson outside any list ("以后要坚持", "We should stop …")."""
    return re.compile(_union(fragments("lesson_in_passing")), re.I)


@cache
def dimension_label() -> re.Pattern[str]:
    """A whole clause that only names a lesson's dimension ("算组织的", "that's people")."""
    return re.compile(rf"^(?:{_union(fragments('dimension_label'))})$", re.I)


@cache
def lesson_in_passing_modal() -> re.Pattern[str]:
    return re.compile(_union(fragments("lesson_in_passing_modal")), re.I)


@cache
def open_ask() -> re.Pattern[str]:
    """A question handing a task to whoever answers ("谁来？", "who talks to the supplier?")."""
    return re.compile(_union(fragments("open_ask")), re.I)


@cache
def task_ask_bare() -> re.Pattern[str]:
    """A task asked in an action list with no one named ("跟货运平台对接呢？"); group `task` via `named`."""
    asks = [
        _own_groups(ask, "task", f"{lang}{i}")
        for lang in languages()
        for i, ask in enumerate(words(lang).get("task_ask_bare", []))
    ]
    return re.compile(rf"^(?:{_union(asks)})", re.I)


@cache
def not_a_task() -> re.Pattern[str]:
    """Words of a question that asks for more talk, not for a task ("有要补充的吗？", "anything else?")."""
    return re.compile(_union(fragments("not_a_task")), re.I)


@cache
def missed_said() -> re.Pattern[str]:
    """A sentence saying a thing was due and never done, with no heading ("was due in June and never …")."""
    return re.compile(_union(fragments("missed_said")), re.I)


@cache
def talk_about() -> re.Pattern[str]:
    """A sentence that only names what to talk about next ("困人说一下吧。", "Let's talk about cost.")."""
    return re.compile(_union(fragments("talk_about")), re.I)


@cache
def task_state() -> re.Pattern[str]:
    """The state a task is to reach by its date, said in agreeing to it ("live by …", "…前上线")."""
    return re.compile(_union(fragments("task_state")), re.I)


@cache
def highlight_said() -> re.Pattern[str]:
    """A highlight said without its heading ("按时取衣率好，是因为…", "Sickness is the good news.")."""
    return re.compile(_union(fragments("highlight_said")), re.I)


@cache
def apposition() -> re.Pattern[str]:
    """Words that open a clause explaining the name before it ("meaning …", "也就是…")."""
    return re.compile(rf"^(?:{_union(fragments('definition_lead'))})(?![A-Za-z])", re.I)


@cache
def aside() -> re.Pattern[str]:
    return re.compile(rf"^(?:{_union(fragments('aside'))})\s*[：:，,]?\s*", re.I)


@cache
def lesson_aside() -> re.Pattern[str]:
    return re.compile(_union(fragments("lesson_aside")), re.I)


@cache
def meta_remark() -> re.Pattern[str]:
    """A whole clause that talks about the review ("不用挖了", "skip it"), not content."""
    return re.compile(rf"^(?:{_union(fragments('meta_remark'))})$", re.I)


@cache
def skip_rest() -> re.Pattern[str]:
    return re.compile(_union(fragments("skip_rest")), re.I)


@cache
def listener() -> re.Pattern[str]:
    return re.compile(_union(fragments("listener")), re.I)


@cache
def share_lead() -> re.Pattern[str]:
    """Words that give a share as an estimate: "I'd say", "call it", "我看", "估计"."""
    return re.compile(rf"^(?:{_union(fragments('share_lead'))})(?![A-Za-z])", re.I)


@cache
def direction() -> dict[str, re.Pattern[str]]:
    """Words in a KPI's name that say which way it is better: `lower` ("no-show", "误报"), `higher`."""
    return {key: re.compile(_union(listed), re.I) for key, listed in keyed_fragments("direction").items()}


@cache
def share_said() -> dict[str, re.Pattern[str]]:
    """Words that name a share without a number, by the share they name: `most` ("大部分", "the bulk")."""
    return {key: re.compile(_union(listed)) for key, listed in keyed_fragments("share_said").items()}


@cache
def outcome() -> dict[str, re.Pattern[str]]:
    """Words that say how a KPI came out: `worse` than its target ("没达标", "missed"), `better` ("超额")."""
    return {key: re.compile(_union(listed), re.I) for key, listed in keyed_fragments("outcome").items()}


@cache
def named_lead() -> re.Pattern[str]:
    """A person named before their answers ("Kwame from the learning team:", "还有兽医助理阿杰，他只说了")."""
    leads = [
        _own_groups(lead, "name", f"{lang}{i}")
        for lang in languages()
        for i, lead in enumerate(words(lang).get("named_lead", []))
    ]
    return re.compile(rf"^(?:{_union(leads)})\s*")


@cache
def relayed_lead() -> re.Pattern[str]:
    """A person named with their role whose answers were passed on ("Dev Patel, our lead, sent his.")."""
    leads = [
        _own_groups(lead, "name", f"{lang}{i}")
        for lang in languages()
        for i, lead in enumerate(words(lang).get("relayed_lead", []))
    ]
    return re.compile(rf"^(?:{_union(leads)})\s*")


@cache
def meta_retract() -> re.Pattern[str]:
    """A whole clause that takes back the one before it ("不算这次的行动", "not an action for today")."""
    return re.compile(rf"^(?:{_union(fragments('meta_retract'))})$", re.I)


@cache
def not_addressed() -> re.Pattern[str]:
    """Words that head a sentence before a comma and are no person addressed ("Also,", "Next,")."""
    return re.compile(rf"^(?:{_union(fragments('not_addressed'))})$", re.I)


@cache
def another_topic() -> re.Pattern[str]:
    """Words that open a sentence on another finding after a drill-down ("另外NPS低…", "Separately, …")."""
    return re.compile(_union(fragments("another_topic")), re.I)


@cache
def finding_goes_on() -> re.Pattern[str]:
    """Words that open a remark on the finding just said ("it's still not live", "这个到现在还没做")."""
    return re.compile(_union(fragments("finding_goes_on")), re.I)


@cache
def speaker_aside() -> re.Pattern[str]:
    """The speaker pointing at themselves in brackets inside a cause: "（就是我）", "(that's me)"."""
    return re.compile(_union(fragments("speaker_aside")), re.I)


@cache
def also_a_cause() -> re.Pattern[str]:
    """Words that make a sentence another cause beside the one drilled ("这也是一部分", "part of it too")."""
    return re.compile(_union(fragments("also_a_cause")), re.I)


@cache
def another_finding() -> re.Pattern[str]:
    """Words that make a sentence among findings another finding, or the cause of the one before."""
    return re.compile(_union(fragments("another_finding")), re.I)


# --- edits and confirmations at the lessons and actions steps ---


def _each(name: str, flags: int = 0) -> list[re.Pattern[str]]:
    """One pattern a fragment, tried in turn: each may name the same groups (`new`, `old`, `who`)."""
    return [re.compile(fragment, flags) for fragment in fragments(name)]


@cache
def room_talk() -> re.Pattern[str]:
    """Talk about the meeting itself while a question waits ("OK, carry on.", "插一句"): no answer."""
    return re.compile(_union(fragments("room_talk")), re.I)


@cache
def taken_back() -> re.Pattern[str]:
    """Taking back what was just said mid-item ("…, no wait, that's continue", "…，不对，是继续")."""
    return re.compile(rf"[\s,，]*(?:{_union(fragments('taken_back'))})[\s,，:：]*", re.I)


@cache
def edit_lead() -> re.Pattern[str]:
    """Words that open a correction and are no part of it ("更正：", "Sorry,", "Change of owner:")."""
    return re.compile(rf"^(?:{_union(fragments('edit_lead'))})[\s,，.。:：!！]*", re.I)


@cache
def edit_stop() -> frozenset[str]:
    """Words too common to name an action by."""
    return frozenset(fragments("edit_stop"))


@cache
def edit_marked() -> list[re.Pattern[str]]:
    """An item named by its words and marked as such ("国庆那条…"); group `ref` holds the words."""
    return [re.compile(rf"^{fragment}", re.I) for fragment in fragments("edit_marked")]


@cache
def owner_changes() -> list[re.Pattern[str]]:
    """A new owner said for an item; names are capitalised, so case matters."""
    return _each("owner_change")


@cache
def date_changes() -> list[re.Pattern[str]]:
    return _each("date_change", re.I)


@cache
def edit_swaps() -> list[re.Pattern[str]]:
    """ "不是赵敏，是孙丽": groups `old` and `new`."""
    return _each("edit_swap")


@cache
def edit_keeps() -> list[re.Pattern[str]]:
    """What stands is confirmed ("日期不变", "Lucia keeps …"); a group `who` names the owner kept."""
    return _each("edit_keeps")


@cache
def delete() -> re.Pattern[str]:
    return re.compile(_union(fragments("delete")), re.I)


@cache
def lesson_confirm() -> re.Pattern[str]:
    return re.compile(rf"^(?:{_union(fragments('lesson_confirm'))})\b", re.I)


@cache
def lesson_delete() -> re.Pattern[str]:
    return re.compile(_union(fragments("lesson_delete")), re.I)


@cache
def lesson_add() -> re.Pattern[str]:
    return re.compile(rf"^(?:{_union(fragments('lesson_add'))})\s*[:：,，]?\s*", re.I)


@cache
def lesson_list_lead() -> re.Pattern[str]:
    """The lead-in of a dictated list of lessons ("经验我说三条：", "Lessons:")."""
    return re.compile(rf"^(?:{_union(fragments('lesson_list_lead'))})", re.I)


@cache
def lesson_action_cue() -> re.Pattern[str]:
    return re.compile(_union(fragments("lesson_action_cue")), re.I)


@cache
def lesson_action_words() -> dict[str, re.Pattern[str]]:
    """Plain words for a lesson's action (`stop`, `continue`) beyond the shared correction reader's."""
    return {
        key: re.compile(_union(listed), re.I)
        for key, listed in keyed_fragments("lesson_action_words").items()
    }


@cache
def lesson_rewrite() -> re.Pattern[str]:
    return re.compile(rf"(?:{_union(fragments('lesson_rewrite'))})\s*[:：]?\s*", re.I)


@cache
def action_head_only() -> re.Pattern[str]:
    """The actions step named alone, nothing of it said yet ("行动三项", "action items")."""
    return re.compile(rf"^(?:{_union(fragments('action_head_only'))})[\s.。!！:：]*$")


@cache
def action_list_lead() -> re.Pattern[str]:
    """A list's own words before its items ("行动：", "一是", "Actions on top of the first one:")."""
    return re.compile(rf"^(?:{_union(fragments('action_list_lead'))})\s*")


@cache
def finding_points_back() -> re.Pattern[str]:
    """A finding's head that only points at the one before ("it worked", "这")."""
    return re.compile(rf"^(?:{_union(fragments('finding_points_back'))})$", re.I)
