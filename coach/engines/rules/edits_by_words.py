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

from coach.domain.reading import cues
from coach.domain.reading.blocks import sentences as split_sentences
from coach.domain.retrospective import ActionItem
from coach.engines.rules.text import quote, word_grams
from coach.engines.rules.turn import Turn

_ACRONYM = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Z0-9]{1,3}(?![A-Za-z0-9])")  # beside Chinese too


@dataclass
class WordEdit:
    index: int  # 0-based position of the action
    field: str  # "who", "when", or "delete"
    value: str


def read_word_edits(text: str, actions: list[ActionItem]) -> list[WordEdit]:
    """Every edit in the message that names exactly one action by its words; [] when any sentence fails."""
    sentences = [s.rstrip("。.;；") for s in split_sentences(text)]
    edits: list[WordEdit] = []
    for sentence in sentences:
        found = _read_one(cues.edit_lead().sub("", sentence.strip()), actions)
        if found:
            edits += found
        elif not _keeps(sentence, actions):
            return []  # a sentence that is no edit may be new data: the message is not an edit
    return edits


def _keeps(sentence: str, actions: list[ActionItem]) -> bool:
    """'Lucia keeps the comp plan', '日期不变': confirms what stands, changes nothing."""
    for pattern in cues.edit_keeps():
        if said := pattern.search(sentence):
            who = said.groupdict().get("who")
            if who is None or any(a.who == who for a in actions):
                return True
    return False


def _read_one(sentence: str, actions: list[ActionItem]) -> list[WordEdit]:
    changes = _changes(sentence, actions)
    if not changes:
        return []
    marked = next((m for p in cues.edit_marked() if (m := p.match(sentence))), None)
    ref = marked.group("ref") if marked else sentence[: min(start for start, _, _ in changes)]
    index = _named(ref, actions, strict=marked is None)
    if index is None and [field for _, field, _ in changes] == ["delete"]:
        index = _named(_deleted_object(sentence), actions, strict=True)
    return [] if index is None else [WordEdit(index, field, value) for _, field, value in changes]


def _deleted_object(sentence: str) -> str:
    """'drop the audit, the list replaces it' → 'the audit': the item named after the verb, not its reason."""
    deleted = cues.delete().search(sentence)
    after = sentence[deleted.end() :] if deleted else ""
    return re.split(r"[,，;；:：]", after, maxsplit=1)[0]


def _changes(sentence: str, actions: list[ActionItem]) -> list[tuple[int, str, str]]:
    """(where it starts, the field, the new value) of each change the sentence asks for, one per field."""
    found: dict[str, tuple[int, str, str]] = {}
    for pattern in cues.owner_changes():
        if (hit := pattern.search(sentence)) and "who" not in found:
            found["who"] = (hit.start(), "who", _without_role(hit.group("new")))
    for pattern in cues.date_changes():
        if (hit := pattern.search(sentence)) and "when" not in found:
            found["when"] = (hit.start(), "when", hit.group("new").strip())
    if swapped := next((m for p in cues.edit_swaps() if (m := p.search(sentence))), None):
        old, new = swapped.group("old").strip(), swapped.group("new").strip()
        if "who" not in found and any(a.who and a.who in old for a in actions):
            found["who"] = (swapped.start(), "who", _without_role(new))
        elif "when" not in found and any(a.when_text and a.when_text in old for a in actions):
            found["when"] = (swapped.start(), "when", new)
    if deleted := cues.delete().search(sentence):
        # an item taken out is changed in no other way; both at once is unclear
        return [] if found else [(deleted.start(), "delete", "")]
    return list(found.values())


def _without_role(name: str) -> str:
    """'数值策划何鹏' → '何鹏': the title said before a name is no part of it."""
    bare = cues.role_prefix().sub("", name.strip())
    return bare if len(bare) >= 2 else name.strip()


def _named(ref: str, actions: list[ActionItem], strict: bool) -> int | None:
    """The one action the words name: most words in common, and no tie; None when unsure."""
    grams = {g for g in _item_words(ref) if g not in cues.edit_stop()}
    if not grams:
        return None
    overlap = [len(grams & _item_words(f"{a.what} {a.how or ''}")) for a in actions]
    best = max(overlap, default=0)
    if best == 0 or overlap.count(best) > 1:
        return None
    if strict and best < min(2, len(grams)):
        return None
    return overlap.index(best)


def _item_words(text: str) -> set[str]:
    """The words that name an item; an acronym ('the CRM one', 'the DNO date') names one as a word does."""
    return word_grams(text) | {a.lower() for a in _ACRONYM.findall(text)}


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
