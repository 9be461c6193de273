"""One action item as said: its WHAT and HOW read from the clauses, the lesson it serves, its owner, and
the line the coach says it back in. The actions stage asks; this module only reads and words."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from coach.domain.critique import is_no, is_vague_how, normalize, wants_finish
from coach.domain.labels import ACTION_KIND, label
from coach.domain.parsing import DateMention
from coach.domain.parsing.owner_person import owner_person
from coach.domain.reading import cues
from coach.domain.reading.action_kind import action_kind
from coach.domain.reading.language import han_pairs
from coach.domain.reading.people import in_full
from coach.domain.retrospective import ActionItem
from coach.engines.rules.action_words import deadline, owner_in, owner_me, work_clauses
from coach.engines.rules.replies import render
from coach.engines.rules.state import ActionDraft
from coach.engines.rules.text import clipped
from coach.engines.rules.turn import Turn


@cache
def _label(name: str) -> re.Pattern[str]:
    """A label that gives an action's WHAT or HOW ("做什么：", "how:"), dropped from it."""
    return re.compile(rf"^(?:{cues.alternatives(name)})\s*[:：]\s*", re.I)


def _grams(text: str) -> set[str]:
    low = text.lower()
    return set(re.findall(r"[a-z][a-z-]{3,}", low)) | han_pairs(low)


def lesson_for(t: Turn, text: str, asked: int | None) -> int | None:
    """The lesson an action serves: the one asked about unless the words plainly belong to another."""
    lessons = t.review.lessons
    if not lessons:
        return None
    grams = _grams(" ".join(work_clauses(text, deadline(text, t.today))))  # the owner and date say nothing
    overlap = [len(grams & _grams(lesson.text)) for lesson in lessons]
    best = max(range(len(lessons)), key=lambda i: (overlap[i], i == asked))
    if asked is not None and 0 <= asked < len(lessons) and overlap[asked] >= overlap[best]:
        return asked
    if overlap[best] >= 2:
        return best
    # No word in common: the user names an action of their own rather than one for this lesson.
    return asked if len(work_clauses(text, None)) < 2 else None


def owner_of(t: Turn, text: str) -> str | None:
    """The owner named, or a person of this review who leads the item ("刘洋整理话术，下周五前")."""
    if who := owner_in(text):
        return who
    if owner_me().search(text) and (me := the_one_talking(t)):
        return me  # "…，我自己来，4月15日前" from the lead who said "我是店长何丽君"
    people = {r.person for r in t.review.reflections} | {a.who for a in t.review.actions}
    body = text.strip()
    known = sorted(filter(None, people), key=lambda p: (-len(p), p))
    return next((p for p in known if body.startswith(p)), None)


def said_again(actions: list[ActionItem], item: ActionItem) -> ActionItem | None:
    """The action already on the list that a new one only says again: same due date, the same owner (or
    their first name), and three quarters of the shorter one's words; None for a new action."""
    words = _grams(item.what or "") | _grams(item.how or "")
    for known in actions:
        same_owner = bool(item.who and known.who) and (
            item.who == known.who
            or (known.who or "").split()[0] == item.who
            or (item.who or "").split()[0] == known.who
        )
        if not same_owner or item.when != known.when or not words:
            continue
        theirs = _grams(known.what or "") | _grams(known.how or "")
        common = len(words & theirs)
        # three quarters of the shorter one's words: "道闸雷达换成新款" says "道闸雷达换新" again; "write the
        # rota" and "review the rota" are two
        if common >= 3 and common * 4 >= min(len(words), len(theirs)) * 3:
            return known
    return None


def the_one_talking(t: Turn) -> str | None:
    """The person typing: the one person who reflected in this review and introduced themself ("我是何丽君",
    "Me, Gareth Pryce"), else the first one who said who they are in the chat; None when unsure."""
    people = {r.person for r in t.review.reflections if r.person}
    if len(people) != 1:
        return t.state.speaker if not people or t.state.speaker in people else None
    (person,) = people
    intro = re.compile(rf"(?:{cues.alternatives('self')})[^，,。；;:：]{{0,12}}?{re.escape(person)}", re.I)
    said = " ".join(r.evidence or "" for r in t.review.reflections)
    return person if intro.search(said) else t.state.speaker


@cache
def _remark_tail() -> re.Pattern[str]:
    """ "…, that's a must" / "…，这个必须做" / "…，先记上，别回头忘了" / "…. Just so it's on there.": how
    much it matters or a note to keep it, no part of what to do."""
    return re.compile(rf"(?:[,，.。]\s*(?:{cues.alternatives('action_remark_tail')}))+[.!。！]*\s*$", re.I)


def read_what_how(t: Turn, draft: ActionDraft, text: str, mention: DateMention | None) -> None:
    clauses = work_clauses(_remark_tail().sub("", text), mention)
    for clause in list(clauses):
        if _label("action_what_label").match(clause):
            draft.what = _label("action_what_label").sub("", clause)
            clauses.remove(clause)
        elif _label("action_how_label").match(clause):
            draft.how = _label("action_how_label").sub("", clause)
            clauses.remove(clause)
    if not clauses:
        return
    # the user's own action says its WHAT; only an action asked for a lesson takes that lesson's words
    if (draft.lesson_index is None or not draft.walk) and draft.what is None:
        draft.what = clauses.pop(0)
        draft.what_from = len(draft.evidence)
    if clauses and draft.how is None:
        if len(clauses) >= 2 and draft.what is None:
            draft.what = clauses.pop(0)
            draft.what_from = len(draft.evidence)
        draft.how = "，".join(clauses) if t.lang == "zh" else ", ".join(clauses)
    elif not clauses and draft.how is None and draft.what is not None and not is_vague_how(draft.what):
        draft.how = draft.what  # one concrete clause is both what and how ("更换模具，张敏负责，4月20日前")


def make_item(t: Turn, draft: ActionDraft) -> ActionItem:
    lesson = (
        t.review.lessons[draft.lesson_index]
        if draft.lesson_index is not None and draft.lesson_index < len(t.review.lessons)
        else None
    )
    what = draft.what or (lesson.text if lesson else draft.how or "")
    return ActionItem(
        what=what,
        how=draft.how,
        when=dt.date.fromisoformat(draft.when) if draft.when else None,
        when_text=draft.when_text,
        who=_in_full(t, owner_person(draft.who)),
        kind=action_kind(" ".join([what, draft.how or ""]), lesson.action if lesson else None),
        evidence=" / ".join(draft.evidence),
    )


def _in_full(t: Turn, who: str | None) -> str | None:
    """A short name ("hana", "Fiona", "老包") is the one person of this review named in full that it stands
    for: a reflection's person, an owner, or a name said anywhere in the chat."""
    people = {r.person for r in t.review.reflections} | {a.who for a in t.review.actions}
    return in_full(who, {p for p in people if p} | set(t.state.names))


def line(t: Turn, item: ActionItem) -> str:
    """One action as the coach says it back: kind, what — how, owner, date."""
    kind = label(ACTION_KIND, item.kind, t.lang)
    when = item.when.isoformat() if item.when else "—"
    said = render("action_when_said", t.lang, when_text=item.when_text) if item.when_text else ""
    body = clipped(item.what if not item.how or item.how == item.what else f"{item.what} — {item.how}")
    return render("action_line", t.lang, kind=kind, body=body, who=item.who or "—", when=when, when_said=said)


def listing(t: Turn) -> str:
    return "\n".join(f"{i}. {line(t, a)}" for i, a in enumerate(t.review.actions, 1))


@cache
def none_more() -> re.Pattern[str]:
    """A whole answer that says there are no (more) actions ("没有了", "that's all")."""
    # "好的就这些", "OK, that's all": an acknowledgement before it says no more
    ack = cues.alternatives("acknowledge")
    return re.compile(rf"^(?:(?:{ack})[\s,，]*)?(?:{cues.alternatives('actions_none_more')})$", re.I)


@cache
def finish_tail() -> re.Pattern[str]:
    """ "没有别的了，结束" / "that's all, wrap up": no more actions, and the review is done."""
    return re.compile(rf"^(?:(?:{cues.alternatives('actions_finish_tail')})[\s,，.。]*)+", re.I)


@cache
def _thanks() -> re.Pattern[str]:
    return re.compile(
        rf"(?:^|(?<=[\s,，.。!！]))(?:{cues.alternatives('closing_thanks')})(?=$|[\s,，.。!！])", re.I
    )


@cache
def enough() -> re.Pattern[str]:
    """An answer that opens by saying the actions are enough ("先这些", "nothing else")."""
    return re.compile(rf"^(?:{cues.alternatives('actions_enough')})", re.I)


def ends_actions(text: str, bare_no: bool = True) -> bool:
    """'没有了', '就这些，结束吧', "that's all, wrap up": no more actions (a bare "no" too, for a part)."""
    body = normalize(text)
    thanked = _thanks().sub("", body).strip(" ,，.。!！")  # "finish, thanks": the thanks end nothing more
    body = thanked or body
    words = [w for w in re.split(r"[\s,，.。!！]+", body) if w]
    return bool(
        none_more().match(body)
        or (bare_no and is_no(body) and len(body) <= 12)
        or enough().search(body)
        or wants_finish(finish_tail().sub("", body))
        or (words and all(none_more().match(w) or wants_finish(w) for w in words))  # "done. finish"
    )
