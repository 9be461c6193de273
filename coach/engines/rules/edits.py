"""Edits by number at the lessons and actions steps: "删掉第4条", "第1条的截止日期改成6月30日", "delete 4",
"change 1's owner to Tom", "第3条删掉，加一条：…" (both), and a protest ("不是新行动，我是要改第1条").

An edit names its item by number; it never lands on an item it does not name. A protest is never filed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from coach.domain.lesson_corrections import parse_lesson_correction
from coach.domain.reading import cues, edit_cues
from coach.domain.retrospective import ActionItem
from coach.engines.rules.edits_by_words import apply_word_edits, read_word_edits
from coach.engines.rules.text import item_numbers, quote
from coach.engines.rules.turn import Turn

# The words of the patterns below are the language files' lists named in them; the patterns only set them.


_FIELDS = ("when", "who", "how", "what")  # the order in which a field named is read


@cache
def _change() -> re.Pattern[str]:
    """The words before an edit's new value ("改成", "to"), with the colon after them."""
    return re.compile(rf"(?:{cues.alternatives('edit_change_to')})\s*[:：]?\s*", re.I)


@cache
def _add_after() -> re.Pattern[str]:
    """A new item added after an edit in the same message ("…。再加一条：…", "…, add another: …")."""
    again, add = cues.alternatives("edit_add_again"), cues.alternatives("edit_add_after")
    return re.compile(rf"(?:[，,;；。]|\.(?=\s))\s*(?:{again})?(?:{add})\s*[:：,，]?\s*", re.I)


@cache
def _correction_lead() -> re.Pattern[str]:
    return re.compile(rf"^(?:{cues.alternatives('edit_correction_lead')})\s*[:：,，]\s*", re.I)


@cache
def _protest_lead() -> re.Pattern[str]:
    return re.compile(rf"^(?:{cues.alternatives('edit_protest_lead')})[\s,，.。!！]*", re.I)


@cache
def _add_lead() -> re.Pattern[str]:
    """'加一条：…', 'Add one: …': a new item, whatever was being assembled."""
    again, add = cues.alternatives("edit_add_again"), cues.alternatives("edit_add_lead")
    return re.compile(rf"^(?:{again})?(?:{add})\s*[:：,，]\s*", re.I)


@cache
def _number() -> re.Pattern[str]:
    """An item named by its number: "第2条", "#2", "item 2", "the one I just added"."""
    return re.compile(rf"{cues.alternatives('edit_item_number')}|#\s*\d+", re.I)


@cache
def _is_not() -> re.Pattern[str]:
    """ "Number 2 is Nadia, not Sam", "第2条是李娜，不是王强": the new value beside the old one."""
    of, owner = cues.alternatives("edit_is_not_of"), cues.alternatives("edit_is_not_owner")
    is_, not_ = cues.alternatives("edit_is_not_is"), cues.alternatives("edit_is_not_not")
    new_first = rf"(?:{is_})\s*(?P<new>[^,，;；.。]+?)\s*[,，]?\s*(?:{not_})\s*(?P<old>[^,，;；.。]+?)"
    # "负责人不是王芳，是李静", "owner is not Wang Fang, it's Li Jing": the old value said first
    old_first = (
        rf"(?:(?:{is_})\s*)?(?:{not_})\s*(?P<old2>[^,，;；.。]+?)\s*[,，]\s*(?:而|but\s+)?"
        rf"(?:(?:it|that)(?:'s|\s+is)\s+|(?:{is_})\s*)(?P<new2>[^,，;；.。]+?)"
    )
    return re.compile(
        rf"^\s*(?:{of})?(?:{owner})?\s*(?:{new_first}|{old_first})\s*[.。!！]?$",
        re.I,
    )


@cache
def _goes_to() -> re.Pattern[str]:
    """ "number 2 goes to Bea", "第2条交给李娜": a new owner. Case counts: a name is capitalised."""
    return re.compile(
        rf"^\s*(?:{cues.alternatives('edit_hand_to')})\s*"
        r"(?P<new>[A-Z][a-z]{1,15}(?: [A-Z][a-z]{1,15})?|[\u4e00-\u9fff]{2,3})\s*[.。!！]?$"
    )


@cache
def _next_edit() -> re.Pattern[str]:
    """Where the next of several edits starts: "number 2 goes to Bea, and number 3 to Raj",
    "change #3's owner to Dylan and drop #4", "第3条负责人改成李娜，再删掉第4条"."""
    then, and_ = cues.alternatives("edit_next_then"), cues.alternatives("edit_next_and")
    verb, item = cues.alternatives("edit_next_verb"), cues.alternatives("edit_next_item")
    return re.compile(
        rf"(?:\s*(?:[,，;；。]|\.(?=\s))\s*(?:{then})?|\s*\n\s*(?:[-*•·]\s*)?|\s+(?:{and_})\s+)"
        rf"(?=(?:{verb})?(?:{item}|#)\s*\S)",
        re.I,
    )


@dataclass
class Edit:
    number: int  # 1-based; -1 is the last one
    delete: bool = False
    field: str | None = None
    value: str | None = None
    then_add: str | None = None
    old: str | None = None  # the value being replaced, when the message names it


def read_edit(text: str) -> Edit | None:
    """The edit a message asks for, when it names an item by number; None otherwise."""
    named = _number().search(text)
    if named is None:
        return None
    numbers = item_numbers(named.group(0)) or [int(re.sub(r"\D", "", named.group(0)) or 0)]
    head, then_add = text, None
    if added := _add_after().search(text):
        head, then_add = text[: added.start()], text[added.end() :].strip() or None
    own = _sentence_of(head, named.start())
    if edit_cues.delete().search(own):
        return Edit(numbers[0], delete=True, then_add=then_add)
    if swapped := _is_not().match(head[named.end() :]):
        new = swapped.group("new") or swapped.group("new2")
        old = swapped.group("old") or swapped.group("old2")
        return Edit(numbers[0], value=new.strip(), old=old.strip())
    if handed := _goes_to().match(head[named.end() :]):
        return Edit(numbers[0], field="who", value=handed.group("new").strip())
    if not (cues.words_pattern("edit_verb").search(own) or cues.words_pattern("edit_protest").search(head)):
        return None
    field = next((name for name in _FIELDS if cues.words_pattern(f"edit_field_{name}").search(head)), None)
    change = _change().search(head, named.end())
    value = head[change.end() :].strip(" 。.，,") if change else None
    return Edit(numbers[0], field=field, value=value or None)


_SENTENCE_END = re.compile(r"[；;。！!？?\n]")


def _sentence_of(text: str, at: int) -> str:
    """The sentence holding position `at`: an edit's verb is said with its number, not in another item
    ("…下午加开第三条线…；预约超时自动改签的规则…" changes nothing)."""
    ends = [m.start() for m in _SENTENCE_END.finditer(text)]
    start = max((e + 1 for e in ends if e < at), default=0)
    end = min((e for e in ends if e >= at), default=len(text))
    return text[start:end]


def then_add(text: str) -> tuple[str, str] | None:
    """(what comes first, the new item) for "…负责人改成马骏。再加一条：…", "…, add another: …"; None when the
    message adds nothing after its first words."""
    added = _add_after().search(text)
    if added is None or not text[added.end() :].strip() or not text[: added.start()].strip():
        return None
    return text[: added.start()].strip(), text[added.end() :].strip()


def add_item(t: Turn, text: str) -> None:
    """A new item at this step, whatever was being assembled."""
    _add(t, text)


def is_protest(text: str) -> bool:
    """'不是新行动', 'not a new action', 'I meant to change …'."""
    return bool(cues.words_pattern("edit_protest").search(text))


def handle_edit(t: Turn) -> bool:
    """Apply an edit by number at the lessons or actions step (several when listed); True when it was one."""
    if t.state.stage not in ("lessons", "actions"):
        return False
    parts = [p for p in _next_edit().split(_correction_lead().sub("", t.text.strip())) if p.strip()]
    if len(parts) < 2 or not all(read_edit(p) for p in parts):
        return _handle_mixed(t) or _handle_one(t)
    text = t.text
    for part in parts:
        t.text = part
        if not _handle_one(t) and t.state.stage == "lessons":
            from coach.engines.rules import flow  # the lessons step reads a retype ("第3条改成组织的")

            flow.handler("lessons").handle(t)
    t.text = text
    _asked_once(t)
    return True


_CLAUSE_END = re.compile(r"[；;]\s*")


def _handle_mixed(t: Turn) -> bool:
    """ "第2条删掉，…；送餐路线那条负责人换成程伟；再加一条：…": edits by number and by words, then new
    items, each clause on its own; deletions by number go last, so the numbers the user read still hold.
    False (nothing done) unless every clause is one of these."""
    if t.state.stage != "actions":
        return False
    clauses = [c for c in _CLAUSE_END.split(t.text.strip()) if c.strip()]
    if len(clauses) < 2:
        return False
    numbered = [read_edit(c) for c in clauses]
    by_words = [
        read_word_edits(c, t.review.actions) if n is None else []
        for c, n in zip(clauses, numbered, strict=True)
    ]
    added = [bool(_add_lead().match(c.strip())) for c in clauses]
    if not all(n or w or a for n, w, a in zip(numbered, by_words, added, strict=True)) or not any(numbered):
        return False
    said = list(zip(clauses, numbered, added, strict=True))
    deletions = [(c, n) for c, n, _ in said if n is not None and n.delete and not n.then_add]
    deletions.sort(key=lambda d: d[1].number if d[1].number > 0 else 10**6, reverse=True)  # -1: the last one
    deleted = {c for c, _ in deletions}
    ordered = [c for c, _, a in said if not a and c not in deleted] + [c for c, _ in deletions]
    ordered += [c for c, _, a in said if a]
    text = t.text
    for clause in ordered:
        t.text = clause
        _handle_one(t)
    t.text = text
    _asked_once(t)
    return True


def _asked_once(t: Turn) -> None:
    """Each edit of several re-asked the question: the reply asks it once, at the end."""
    asked = t.lines[-1] if t.lines else None
    t.lines = [line for i, line in enumerate(t.lines) if line != asked or i == len(t.lines) - 1]


def _handle_one(t: Turn) -> bool:
    stage = t.state.stage
    pending, t.state.edit_target = t.state.edit_target, None
    if stage == "actions" and (added := _add_lead().match(t.text.strip())):
        t.state.actions.draft = None  # what was being assembled is dropped: the user starts a new item
        _add(t, t.text.strip()[added.end() :])
        return True
    text = t.text
    if stage == "actions" and t.state.actions.draft is not None and is_protest(text):
        # "that's not what I said. Number 2 is Nadia": the protest is never filed
        t.state.actions.draft = None
    edit = read_edit(_protest_lead().sub("", text))
    if edit is None and pending is not None and _change().search(t.text):
        edit = read_edit(f"第{pending}条{t.text}")  # the answer to "第1条要改成什么？"
    if edit is None:
        if apply_word_edits(t):  # "国庆那条负责人换成何鹏", "the macros go to Marco, not Aiko"
            return True
        if is_protest(t.text) and stage == "actions" and t.state.actions.draft is not None:
            t.state.actions.draft = None  # what was being assembled was not meant as a new action
            t.say("protest_noted")
            t.reask()
            return True
        return False
    draft = t.state.actions.draft
    if stage == "actions" and edit.delete and edit.number == -1 and draft is not None and draft.evidence:
        # "刚加的那条不要了" while it is still being assembled: the newest item is that one
        t.state.actions.draft = None
        t.say("edit_dropped_draft", item=quote(draft.what or draft.how or draft.evidence[0], t.lang, 60))
        t.state.actions.step = "more"
        t.ask("actions_more")
        return True
    items: list[Any] = t.review.lessons if stage == "lessons" else t.review.actions
    if (
        stage == "lessons"
        and not edit.delete
        and (edit.value is not None or any(parse_lesson_correction(t.text)))
    ):
        return False  # "第2条改成：…", "第2条改一下，不是新增，是优化": the lessons step reads these
    index = len(items) - 1 if edit.number == -1 else edit.number - 1
    if not 0 <= index < len(items):
        t.say("edit_no_item", n=edit.number, total=len(items))
        t.reask()
        return True
    if stage == "actions" and t.state.actions.draft is not None and is_protest(t.text):
        t.state.actions.draft = None
    if edit.delete:
        removed = items.pop(index)
        if stage == "lessons" and index < len(t.state.lessons.confidence):
            t.state.lessons.confidence.pop(index)
            t.state.lessons.cursor = None
        t.say("edit_deleted", n=index + 1, item=quote(_text(removed), t.lang, 60))
        if edit.then_add:
            _add(t, edit.then_add)
        else:
            t.reask()
        return True
    if stage == "actions" and edit.value is not None:
        _change_action(t, t.review.actions[index], edit)
        t.say("edit_updated", n=index + 1, item=updated_line(t, t.review.actions[index]))
        t.reask()
        return True
    t.state.edit_target = index + 1
    t.say("edit_ask_value", n=index + 1)
    return True


def _text(item: object) -> str:
    return str(getattr(item, "text", None) or getattr(item, "what", ""))


def _change_action(t: Turn, action: ActionItem, edit: Edit) -> None:
    from coach.engines.rules.action_words import deadline

    value = edit.value or ""
    field = (
        edit.field
        or _field_holding(action, edit.old)
        or ("when" if deadline(value, t.today) else "who" if _only_an_owner(value) else "how")
    )
    change_action(t, action, field, value)


def change_action(t: Turn, action: ActionItem, field: str, value: str) -> None:
    """Set one field of an action to what the user said ("6月30日", "Tom", a new HOW)."""
    from coach.domain.parsing.owner_person import owner_person
    from coach.domain.reading.action_kind import action_kind
    from coach.engines.rules.action_words import deadline, owner_in

    if field == "when" and (mention := deadline(value, t.today)) is not None:
        action.when, action.when_text = mention.date, mention.text
    elif field == "who" and _ME.fullmatch(value.strip()):
        from coach.engines.rules.stages.action_item import the_one_talking

        action.who = the_one_talking(t)  # "负责人写我吧": nobody rather than a guess when unsure who types
    elif field == "who":
        # the owner the user replaces is wrong even when the new words name no one; why follows the name
        # ("换成物业对接的季凡，汤昊忙不过来")
        value = re.split(r"[，,;；]", value, maxsplit=1)[0]
        action.who = owner_person(owner_in(value) or value) or owner_person(owner_in(f"负责人：{value}"))
    elif field == "what":
        action.what = value
    else:
        action.how = value
        action.kind = action_kind(f"{action.what} {value}", None)
    action.evidence = " / ".join(e for e in (action.evidence, t.text) if e)


def _only_an_owner(value: str) -> bool:
    """ "小陈负责", "由小陈牵头", "Tom owns it": the new words only name who takes the item on."""
    from coach.engines.rules.action_words import owner_in

    who = owner_in(value)
    if not who:
        return False
    rest = value.replace(who, " ")
    return not re.search(r"[\u4e00-\u9fff]{3,}|[A-Za-z]{3,}(?:\s+[A-Za-z]+){2,}", rest)


_ME = re.compile(r"(?:我|我自己|我本人|me|myself)[吧了来]?", re.I)


def _field_holding(action: ActionItem, old: str | None) -> str | None:
    """The field whose value the user names as the old one ("…, not Sam" → the owner)."""
    if not old:
        return None
    said = old.strip().lower()
    for name, value in (
        ("who", action.who),
        ("when", action.when_text),
        ("how", action.how),
        ("what", action.what),
    ):
        if value and (said == value.lower() or (len(said) >= 3 and said in value.lower())):
            return name
    return None


def updated_line(t: Turn, action: ActionItem) -> str:
    """An action as said back after an edit."""
    from coach.engines.rules.stages.action_item import line

    return line(t, action)


def _add(t: Turn, text: str) -> None:
    """The "加一条：…" after a deletion: a new item at this step."""
    from coach.engines.rules import flow
    from coach.engines.rules.state import ActionDraft

    if t.state.stage == "lessons":
        t.text = f"加一条：{text}"
    else:
        t.text = text
        t.state.actions.step = "item"
        t.state.actions.draft = ActionDraft(lesson_index=None)
    flow.handler(t.state.stage).handle(t)
