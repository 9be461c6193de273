"""The cue phrases of every language, compiled once: a message may mix languages, so all are tried.

The builders (`alternatives`, `words_pattern`, …) and the cues of the chat at large are here; the edits and
list heads of the lessons and actions steps are in `edit_cues`."""

from __future__ import annotations

import re
from functools import cache

from coach.domain.reading.vocabulary import fragments, keyed_fragments, languages, per_language, words


def _union(parts: list[str]) -> str:
    return "|".join(f"(?:{part})" for part in parts)


def own_groups(fragment: str, group: str, suffix: str) -> str:
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
    digs = [own_groups(dig, "topic", lang) for lang, dig in per_language("dig").items()]
    return re.compile(rf"^(?:{_union(digs)})\s*", re.I)


@cache
def rest() -> re.Pattern[str]:
    return _lead(fragments("rest"))


def rest_inside() -> re.Pattern[str]:
    return words_pattern("rest_inside")


@cache
def fillers() -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternatives('fillers')})(?![A-Za-z])\s*[，,:：]?\s*", re.I)


@cache
def self_intro() -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternatives('self')})(?![A-Za-z])\s*", re.I)


@cache
def self_bracketed() -> re.Pattern[str]:
    """The speaker with their name and role in brackets; without the word for "me", the brackets must
    open with a self-introduction ("反思（我是工程经理周海）：")."""
    return re.compile(
        rf"^(?:(?:{alternatives('self_bracketed')})\s*[（(](?P<inner>[^（()）]{{1,40}})"
        rf"|[（(](?P<intro>(?:{alternatives('self')})[^（()）]{{1,40}}))[）)]\s*[:：,，]?\s*",
        re.I,
    )


@cache
def next_person() -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternatives('next_person')})\s*[:：,，]?\s*", re.I)


@cache
def role_before_name() -> re.Pattern[str]:
    """A role before a Chinese name of two or three characters, the name left whole."""
    return re.compile(rf"^(?:{alternatives('role_before_name')})(?=[\u4e00-\u9fff]{{2,3}}$)")


@cache
def role_said() -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternatives('role_said')})$", re.I)


@cache
def relay() -> re.Pattern[str]:
    relays = [
        own_groups(relay, "name", f"{lang}{i}")
        for lang in languages()
        for i, relay in enumerate(words(lang).get("relay", []))
    ]
    return re.compile(rf"^(?:{_union(relays)})\s*")


@cache
def no_finding() -> re.Pattern[str]:
    """A whole item that names no finding ("没有", "none really", "一直没做", "we didn't")."""
    return re.compile(rf"^(?:{alternatives('no_finding')})$", re.I)


@cache
def moves_on() -> re.Pattern[str]:
    """Words opening a part that turns to another matter ("另外", "separately"): the question is done."""
    return re.compile(rf"^(?:{alternatives('moves_on')})", re.I)


@cache
def not_a_name() -> re.Pattern[str]:
    """Words that stand where a name could and are none ("——算了，这个负责人写…")."""
    return re.compile(rf"^(?:{alternatives('not_a_name')})$")


@cache
def role_prefix() -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternatives('role_words')})+")


@cache
def alternatives(name: str) -> str:
    """One list of every language as one alternation, for a reader that sets the words in a pattern of its
    own ("^(?:…)$"): the words are data, the structure stays with the reader. A list no language fills
    matches nothing (an empty alternation would match everywhere)."""
    return _union(fragments(name)) or "(?!)"


@cache
def words_pattern(name: str) -> re.Pattern[str]:
    """A list's words found anywhere in a text, case aside: the readers below that need no more than that."""
    return re.compile(alternatives(name), re.I)


def words_by_key(name: str, flags: int = re.I) -> dict[str, re.Pattern[str]]:
    """A table of lists (`direction`, `outcome`, …), each key's words as one pattern found anywhere."""
    return {key: re.compile(_union(listed), flags) for key, listed in keyed_fragments(name).items()}


def fragment_patterns(name: str, flags: int = 0) -> list[re.Pattern[str]]:
    """One pattern a fragment, tried in turn: each may name the same groups (`new`, `old`, `who`)."""
    return [re.compile(fragment, flags) for fragment in fragments(name)]


def owner_label() -> str:
    """An owner's label and the mark after it ("负责人：", "owner is "), as a fragment for the owner reader
    to put before the name's own pattern."""
    return alternatives("owner_label")


def owner_label_glued() -> str:
    """The labels also written glued to the name ("负责人刘洋"), the mark optional, as a fragment."""
    return alternatives("owner_label_glued")


def owner_lead_verbs() -> str:
    """Verbs right after a name that make that person the owner ("孙倩主持"), as a fragment."""
    return alternatives("owner_lead_verbs")


def skipped() -> re.Pattern[str]:
    return words_pattern("skipped")


@cache
def skipped_pointers() -> re.Pattern[str]:
    """The words that point at a left-out question and its person, each a whole word."""
    return re.compile(rf"(?<![A-Za-z])(?:{alternatives('skipped_pointers')})(?![A-Za-z])", re.I)


def reflection_done() -> re.Pattern[str]:
    return words_pattern("reflection_done")


@cache
def back_reference() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternatives('back_reference')})\s*[：:，,]?\s*", re.I)


@cache
def acknowledge() -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternatives('acknowledge')})(?=[\s,，.。!！]|$)[\s,，.。!！]*", re.I)


def why() -> re.Pattern[str]:
    return words_pattern("why")


@cache
def first_person_task() -> re.Pattern[str]:
    return re.compile(rf"(?<![A-Za-z])(?:{alternatives('first_person_task')})(?![A-Za-z])", re.I)


def kpi_words() -> re.Pattern[str]:
    return words_pattern("kpi_words")


@cache
def self_assign() -> re.Pattern[str]:
    """Words by which a speaker takes the task just named ("that's me", "算我的")."""
    return re.compile(rf"(?<![A-Za-z])(?:{alternatives('self_assign')})(?![A-Za-z])", re.I)


@cache
def ask_task() -> re.Pattern[str]:
    """Words that ask the person addressed to take a task ("can you", "你能")."""
    return re.compile(rf"(?<![A-Za-z])(?:{alternatives('ask_task')})(?![A-Za-z])", re.I)


def decline() -> re.Pattern[str]:
    return words_pattern("decline")


def reflection_skip() -> re.Pattern[str]:
    return words_pattern("reflection_skip")


def lesson_in_passing() -> re.Pattern[str]:
    """A sentence that says a lesson outside any list ("以后要坚持", "We should stop …")."""
    return words_pattern("lesson_in_passing")


@cache
def dimension_label() -> re.Pattern[str]:
    """A whole clause that only names a lesson's dimension ("算组织的", "that's people")."""
    return re.compile(rf"^(?:{alternatives('dimension_label')})$", re.I)


def lesson_action_label() -> re.Pattern[str]:
    """A whole clause that only names a lesson's action ("这个要新增", "continue")."""
    return re.compile(rf"^(?:{alternatives('lesson_action_label')})$", re.I)


def lesson_action_head() -> re.Pattern[str]:
    """A lesson's action said as its label before its words ("Start: …", "新增：…")."""
    return re.compile(rf"^(?:{alternatives('lesson_action_head')})\s*", re.I)


def lesson_in_passing_modal() -> re.Pattern[str]:
    return words_pattern("lesson_in_passing_modal")


def open_ask() -> re.Pattern[str]:
    """A question handing a task to whoever answers ("谁来？", "who talks to the supplier?")."""
    return words_pattern("open_ask")


@cache
def task_ask_bare() -> re.Pattern[str]:
    """A task asked in an action list with no one named ("跟货运平台对接呢？"); group `task` via `named`."""
    asks = [
        own_groups(ask, "task", f"{lang}{i}")
        for lang in languages()
        for i, ask in enumerate(words(lang).get("task_ask_bare", []))
    ]
    return re.compile(rf"^(?:{_union(asks)})", re.I)


def not_a_task() -> re.Pattern[str]:
    """Words of a question that asks for more talk, not for a task ("有要补充的吗？", "anything else?")."""
    return words_pattern("not_a_task")


def missed_said() -> re.Pattern[str]:
    """A sentence saying a thing was due and never done, with no heading ("was due in June and never …")."""
    return words_pattern("missed_said")


def talk_about() -> re.Pattern[str]:
    """A sentence that only names what to talk about next ("困人说一下吧。", "Let's talk about cost.")."""
    return words_pattern("talk_about")


def task_state() -> re.Pattern[str]:
    """The state a task is to reach by its date, said in agreeing to it ("live by …", "…前上线")."""
    return words_pattern("task_state")


def highlight_said() -> re.Pattern[str]:
    """A highlight said without its heading ("按时取衣率好，是因为…", "Sickness is the good news.")."""
    return words_pattern("highlight_said")


@cache
def apposition() -> re.Pattern[str]:
    """Words that open a clause explaining the name before it ("meaning …", "也就是…")."""
    return re.compile(rf"^(?:{alternatives('definition_lead')})(?![A-Za-z])", re.I)


@cache
def aside() -> re.Pattern[str]:
    reminder = alternatives("aside_reminder")
    return re.compile(rf"^(?:{alternatives('aside')})\s*[：:，,]?\s*(?:(?:{reminder})\s*[：:，,]?\s*)?", re.I)


def lesson_aside() -> re.Pattern[str]:
    return words_pattern("lesson_aside")


@cache
def meta_remark() -> re.Pattern[str]:
    """A whole clause that talks about the review ("不用挖了", "skip it"), not content."""
    return re.compile(rf"^(?:{alternatives('meta_remark')}|{alternatives('asked_again')})$", re.I)


@cache
def asked_again() -> re.Pattern[str]:
    """A clause protesting a question asked again ("你怎么又问怎么做？", "why are you asking how again")."""
    return re.compile(rf"^(?:{alternatives('asked_again')})$", re.I)


def skip_rest() -> re.Pattern[str]:
    return words_pattern("skip_rest")


def listener() -> re.Pattern[str]:
    return words_pattern("listener")


def retype_same() -> re.Pattern[str]:
    """Words that open a clause typing the lesson just retyped further ("but make it", "不过改成")."""
    return re.compile(rf"^(?:{alternatives('retype_same')})", re.I)


def share_question() -> re.Pattern[str]:
    """A question about how much of a result a cause explains ("how much of X is Y?", "占多少")."""
    return words_pattern("share_question")


def reflection_decline() -> re.Pattern[str]:
    """A person named in the reflections who writes none ("他说他不写了", "she's not writing one")."""
    return words_pattern("reflection_decline")


@cache
def share_lead() -> re.Pattern[str]:
    """Words that give a share as an estimate: "I'd say", "call it", "我看", "估计"."""
    return re.compile(rf"^(?:{alternatives('share_lead')})(?![A-Za-z])", re.I)


@cache
def direction() -> dict[str, re.Pattern[str]]:
    """Words in a KPI's name that say which way it is better: `lower` ("no-show", "误报"), `higher`."""
    return words_by_key("direction")


@cache
def share_said() -> dict[str, re.Pattern[str]]:
    """Words that name a share without a number, by the share they name: `most` ("大部分", "the bulk")."""
    return words_by_key("share_said", flags=0)


@cache
def outcome() -> dict[str, re.Pattern[str]]:
    """Words that say how a KPI came out: `worse` than its target ("没达标", "missed"), `better` ("超额")."""
    return words_by_key("outcome")


@cache
def named_lead() -> re.Pattern[str]:
    """A person named before their answers ("Kwame from the learning team:", "还有兽医助理阿杰，他只说了")."""
    leads = [
        own_groups(lead, "name", f"{lang}{i}")
        for lang in languages()
        for i, lead in enumerate(words(lang).get("named_lead", []))
    ]
    return re.compile(rf"^(?:{_union(leads)})\s*")


@cache
def relayed_lead() -> re.Pattern[str]:
    """A person named with their role whose answers were passed on ("Dev Patel, our lead, sent his.")."""
    leads = [
        own_groups(lead, "name", f"{lang}{i}")
        for lang in languages()
        for i, lead in enumerate(words(lang).get("relayed_lead", []))
    ]
    return re.compile(rf"^(?:{_union(leads)})\s*")


@cache
def chain_root_of() -> list[re.Pattern[str]]:
    """A clause that names the phenomenon and says its root follows ("纠纷多的根子我心里有数"); group
    `phen` holds the phenomenon."""
    return [re.compile(rf"^{fragment}$", re.I) for fragment in fragments("chain_root_of")]


@cache
def meta_retract() -> re.Pattern[str]:
    """A whole clause that takes back the one before it ("不算这次的行动", "not an action for today")."""
    return re.compile(rf"^(?:{alternatives('meta_retract')})$", re.I)


@cache
def not_addressed() -> re.Pattern[str]:
    """Words that head a sentence before a comma and are no person addressed ("Also,", "Next,")."""
    return re.compile(rf"^(?:{alternatives('not_addressed')})$", re.I)


def another_topic() -> re.Pattern[str]:
    """Words that open a sentence on another finding after a drill-down ("另外NPS低…", "Separately, …")."""
    return words_pattern("another_topic")


def finding_goes_on() -> re.Pattern[str]:
    """Words that open a remark on the finding just said ("it's still not live", "这个到现在还没做")."""
    return words_pattern("finding_goes_on")


def speaker_aside() -> re.Pattern[str]:
    """The speaker pointing at themselves in brackets inside a cause: "（就是我）", "(that's me)"."""
    return words_pattern("speaker_aside")


def also_a_cause() -> re.Pattern[str]:
    """Words that make a sentence another cause beside the one drilled ("这也是一部分", "part of it too")."""
    return words_pattern("also_a_cause")


def another_finding() -> re.Pattern[str]:
    """Words that make a sentence among findings another finding, or the cause of the one before."""
    return words_pattern("another_finding")


def room_talk() -> re.Pattern[str]:
    """Talk about the meeting itself while a question waits ("OK, carry on.", "插一句"): no answer."""
    return words_pattern("room_talk")


@cache
def rest_named() -> list[re.Pattern[str]]:
    """A rest that names the finding it is the rest of (group `named`): "The rest of the rejects is…"."""
    return fragment_patterns("rest_named", re.I)


@cache
def finding_points_back() -> re.Pattern[str]:
    """A finding's head that only points at the one before ("it worked", "这")."""
    return re.compile(rf"^(?:{alternatives('finding_points_back')})$", re.I)
