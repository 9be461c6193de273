"""Action edits that name their item by its words, not its number, at the actions step (zh and en).

"国庆那条负责人换成何鹏，日期改成9月5日", "推荐奖励那条负责人改一下，不是赵敏，是孙丽",
"the macros go to Marco, not Aiko", "the value-story pack is due February 20, not next Friday";
"智能血压计那条删掉，经费还没批", "Drop the CRM one, no budget" take the action out.

An edit lands only on the one action its words name; when no action or several fit, nothing changes and
the message is read as before. Each sentence is one edit, so "A goes to Arjun; B is due May 3" edits two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coach.domain.parsing import ANY_DAY, find_dates, has_date
from coach.domain.reading import cues, edit_cues
from coach.domain.reading.blocks import sentences as split_sentences
from coach.domain.retrospective import ActionItem
from coach.engines.rules.action_words import deadline
from coach.engines.rules.stages.action_item import line
from coach.engines.rules.text import naming_words, quote
from coach.engines.rules.turn import Turn


@dataclass
class WordEdit:
    index: int  # 0-based position of the action
    field: str  # "who", "when", or "delete"
    value: str


def read_word_edits(text: str, actions: list[ActionItem]) -> list[WordEdit]:
    """Every edit in the message that names exactly one action by its words; [] when any sentence fails.

    A sentence that holds no edit whole is read clause by clause ("X goes to Farah, and push the booking
    estimates to Oct 22, dev team's on a release till then"): a clause that names an item ("I'm changing
    the fence one") makes it the one that later clauses without words of their own change ("owner
    Ravi.", "delete it"); a remark with no name and no date beside the edits changes nothing."""
    edits: list[WordEdit] = []
    remarks = 0
    referent: int | None = None
    for sentence in (s.rstrip("。.;；") for s in split_sentences(text)):
        whole = _read_one(edit_cues.edit_lead().sub("", sentence.strip()), actions)
        by_clause = _clause_edits(sentence, actions, referent)
        if by_clause is not None and len(by_clause[0]) > len(whole):
            found, referent, remarked = by_clause
            edits, remarks = edits + found, remarks + remarked
        elif whole:
            edits += whole
            referent = whole[-1].index
        elif _keeps(sentence, actions) or _full_name(sentence, actions) is not None:
            continue  # what stands, or an owner's full name (written in by `apply_word_edits`)
        elif by_clause is not None:
            found, referent, remarked = by_clause
            edits, remarks = edits + found, remarks + remarked
        else:
            return []  # a sentence that is no edit may be new data: the message is not an edit
    return edits if edits or not remarks else []


def _clause_edits(
    sentence: str, actions: list[ActionItem], referent: int | None
) -> tuple[list[WordEdit], int | None, int] | None:
    """(the edits, the item named last, the remarks) of a sentence read clause by clause; None when a
    clause is neither an edit, nor names an item, nor is a remark."""
    edits: list[WordEdit] = []
    remarks = 0
    for clause in _clauses(sentence):
        found = _read_one(clause, actions) or _read_pointing(clause, actions, referent)
        if found:
            edits += found
            referent = found[-1].index
        elif (named := _named_only(clause, actions)) is not None:
            referent = named
        elif _keeps(clause, actions) or _remark(clause):
            remarks += 1
        else:
            return None
    return edits, referent, remarks


_CLAUSE_SPLIT = re.compile(
    r"\s*(?:[,，;；]\s*(?:and\s+|but\s+|然后|另外|还有|再)?|\s+and\s+(?=(?:push|move|pull|bring|shift|drop|delete|scrap)\b))\s*",
    re.I,
)


def _clauses(sentence: str) -> list[str]:
    parts = (edit_cues.edit_lead().sub("", part.strip()) for part in _CLAUSE_SPLIT.split(sentence.strip()))
    return [part for part in parts if part.strip(" .。")]


def _read_pointing(clause: str, actions: list[ActionItem], referent: int | None) -> list[WordEdit]:
    """The changes of a clause that names no item ("owner Ravi", "delete it"), made to the one the message
    named last; [] when it named none."""
    changes = _changes(clause, actions)
    if referent is None or not changes:
        return []
    ref = clause[: min(start for start, _, _ in changes)]
    deleted = _deleted_object(clause) if [field for _, field, _ in changes] == ["delete"] else ""
    if any(g not in edit_cues.edit_stop() for g in naming_words(f"{ref} {deleted}")):
        # "跟厂家开会那条删掉", "drop the vendor meeting one": an item of its own (not on the list) is
        # named, never the one before
        return []
    return [WordEdit(referent, field, value) for _, field, value in changes]


def _named_only(clause: str, actions: list[ActionItem]) -> int | None:
    """The item a clause names and marks, changing nothing in it: "I'm changing the fence one"."""
    for pattern in edit_cues.edit_marks_within():
        if said := pattern.search(clause):
            return _named(said.group("ref"), actions, strict=False)
    return None


def _remark(clause: str) -> bool:
    """A clause beside the edits that says why or what it is not ("dev team's on a release till then",
    "that's not an action"): no name that could own an item, and no date."""
    if has_date(clause):
        return False
    return not re.search(
        r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{1,15}\b", clause.strip()
    ) and not _HAN_NAME_HINT.search(clause)


# a Chinese clause with a person in it: "交给王磊", "负责人周敏"
_HAN_NAME_HINT = re.compile(r"(?:交给|给|由|负责人|找)[\u4e00-\u9fff]{2,3}")


def _keeps(sentence: str, actions: list[ActionItem]) -> bool:
    """'Lucia keeps the comp plan', '日期不变': confirms what stands, changes nothing."""
    for pattern in edit_cues.edit_keeps():
        if said := pattern.search(sentence):
            who = said.groupdict().get("who")
            if who is None or any(a.who == who for a in actions):
                return True
    return False


def _read_one(sentence: str, actions: list[ActionItem]) -> list[WordEdit]:
    changes = _changes(sentence, actions)
    if not changes:
        return []
    marked = next((m for p in edit_cues.edit_marked() if (m := p.match(sentence))), None)
    ref = marked.group("ref") if marked else sentence[: min(start for start, _, _ in changes)]
    index = _named(ref, actions, strict=marked is None)
    if index is None and [field for _, field, _ in changes] == ["delete"]:
        index = _named(_deleted_object(sentence), actions, strict=True)
    return [] if index is None else [WordEdit(index, field, value) for _, field, value in changes]


def _deleted_object(sentence: str) -> str:
    """'drop the audit, the list replaces it' → 'the audit': the item named after the verb, not its reason."""
    deleted = edit_cues.delete().search(sentence)
    after = sentence[deleted.end() :] if deleted else ""
    return re.split(r"[,，;；:：]", after, maxsplit=1)[0]


def _changes(sentence: str, actions: list[ActionItem]) -> list[tuple[int, str, str]]:
    """(where it starts, the field, the new value) of each change the sentence asks for, one per field."""
    found: dict[str, tuple[int, str, str]] = {}
    for pattern in edit_cues.owner_changes():
        if (
            (hit := pattern.search(sentence))
            and "who" not in found
            and not _a_date_at(sentence, hit.start("new"))
        ):
            # the item may be named inside the change ("give the stock audit to Carl")
            start = hit.end("ref") if "ref" in hit.groupdict() else hit.start()
            found["who"] = (start, "who", _without_role(hit.group("new")))
    for pattern in edit_cues.date_changes():
        if (hit := pattern.search(sentence)) and "when" not in found:
            # the item may be named inside the change ("push the booking estimates to Oct 22")
            start = hit.end("ref") if "ref" in hit.groupdict() else hit.start()
            found["when"] = (start, "when", hit.group("new").strip())
    if swapped := next((m for p in edit_cues.edit_swaps() if (m := p.search(sentence))), None):
        old, new = swapped.group("old").strip(), swapped.group("new").strip()
        if "who" not in found and any(a.who and a.who in old for a in actions):
            found["who"] = (swapped.start(), "who", _without_role(new))
        elif "when" not in found and any(a.when_text and a.when_text in old for a in actions):
            found["when"] = (swapped.start(), "when", new)
    if deleted := edit_cues.delete().search(sentence):
        # an item taken out is changed in no other way; both at once is unclear
        return [] if found else [(deleted.start(), "delete", "")]
    return list(found.values())


def _a_date_at(sentence: str, at: int) -> bool:
    """ "the date moves to May 29": the words after "moves to" are a date, not a new owner."""
    rest = sentence[at:]
    return any(rest.startswith(m.text) for m in find_dates(rest, ANY_DAY))


def _without_role(name: str) -> str:
    """'数值策划何鹏' → '何鹏': the title said before a name is no part of it."""
    bare = cues.role_prefix().sub("", name.strip())
    return bare if len(bare) >= 2 else name.strip()


def _named(ref: str, actions: list[ActionItem], strict: bool) -> int | None:
    """The one action the words name: most words in common, and no tie; None when unsure."""
    grams = {g for g in naming_words(ref) if g not in edit_cues.edit_stop()}
    if not grams:
        return None
    overlap = [len(grams & naming_words(f"{a.what} {a.how or ''}")) for a in actions]
    best = max(overlap, default=0)
    if best == 0 or overlap.count(best) > 1:
        return None
    if strict and best < min(2, len(grams)):
        return None
    return overlap.index(best)


def apply_word_edits(t: Turn) -> bool:
    """Apply the edits a message makes to actions named by their words; True when it made any."""
    from coach.engines.rules.edits import add_item, change_action, then_add, updated_line

    if t.state.stage != "actions" or not t.review.actions:
        return False
    # "托班那条删掉，场地还没批；再加一条：…": the edit, then a new action
    head, new = then_add(t.text) or (t.text, None)
    edits = read_word_edits(head, t.review.actions)
    if not edits:
        return False
    t.state.actions.draft = None  # what was being assembled was this edit, not a new action
    _write_in_full(t, head)  # "Couple of edits: Hannah's full name is Hannah Boyce, …"
    for edit in edits:
        if edit.field != "delete":
            change_action(t, t.review.actions[edit.index], edit.field, edit.value)
            t.say("edit_updated", n=edit.index + 1, item=updated_line(t, t.review.actions[edit.index]))
    # taken out last, from the end, so that the other edits' numbers still hold
    for index in sorted({e.index for e in edits if e.field == "delete"}, reverse=True):
        removed = t.review.actions.pop(index)
        t.say("edit_deleted", n=index + 1, item=quote(removed.what, t.lang, 60))
    if new is not None:
        add_item(t, new)
        return True
    t.reask()
    return True


# an owner's full name given for the short one: "小潘是潘一鸣，写全名吧", "Dan is Dan Whitlock"
_FULL_NAME = re.compile(
    r"(?P<short>[\u4e00-\u9fff]{2,3}?)(?:的?全名(?:是|叫)|(?:就)?是)(?P<full>[\u4e00-\u9fff]{2,4})(?![\u4e00-\u9fff])"
    r"|\b(?P<short_en>[A-Z][a-z]+)(?:['’]s (?:full|real|last) name)?\s+is\s+"
    r"(?P<full_en>[A-Z][a-z]+\s+[A-Z][a-z'’]+)\b"
)


def full_name_given(t: Turn) -> bool:
    """Every action of the owner said short gets the full name given for them; True when it did."""
    if deadline(t.text, t.today) is not None or not _write_in_full(t, t.text):
        return False
    t.reask()
    return True


def _full_name(sentence: str, actions: list[ActionItem]) -> tuple[str, str] | None:
    """(short, full) when the sentence gives the full name of an owner said short ("Hannah's full name is
    Hannah Boyce", "小潘是潘一鸣"); None otherwise."""
    said = _FULL_NAME.search(sentence)
    if said is None:
        return None
    short, full = (
        (said.group("short"), said.group("full"))
        if said.group("short")
        else (said["short_en"], said["full_en"])
    )
    owned = short != full and any(a.who == short for a in actions)
    # "小潘是潘一鸣" shares the surname; "滕飞是执行的" says what 滕飞 does, it names no one
    kin = not said.group("short") or bool(set(short.lstrip("小老阿")) & set(full))
    return (short, full) if owned and kin else None


def _write_in_full(t: Turn, text: str) -> bool:
    """The owners said short written in full where the text gives their full name; True when any was."""
    written = False
    for sentence in split_sentences(text):
        if (named := _full_name(sentence, t.review.actions)) is None:
            continue
        short, full = named
        for index, action in enumerate(t.review.actions):
            if action.who == short:
                action.who = full
                t.say("edit_updated", n=index + 1, item=line(t, action))
                written = True
    return written
