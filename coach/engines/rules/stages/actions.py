"""Actions (转化应用): turn each lesson into WHAT / HOW / WHEN / WHO, refusing a vague HOW."""

from __future__ import annotations

import datetime as dt
import re

from coach.domain.critique import is_no, is_vague_how, is_yes, normalize
from coach.domain.labels import ACTION_KIND, LESSON_ACTION, label
from coach.domain.parsing import DateMention, find_dates, find_owner
from coach.domain.retrospective import ActionItem, ActionKind, LessonAction
from coach.engines.rules import flow
from coach.engines.rules.state import ActionDraft
from coach.engines.rules.text import has_words, quote
from coach.engines.rules.turn import Turn

_CLAUSE_SPLIT = re.compile(r"\s*[，,;；。\n]\s*|\s+-\s+")
_NAME = r"[^\s，,;；。:：、]"
_OWNER_BITS = re.compile(
    rf"@\s*{_NAME}+|(负责人|责任人)\s*[:：是为]?\s*{_NAME}+|\b(owner|who)\s*[:：]\s*{_NAME}+|由\s*{_NAME}{{1,6}}\s*(来)?负责|"
    rf"{_NAME}{{1,6}}\s*(来)?负责|\bowned by\s+\S+|\b\S+\s+owns( it)?\b|\bassigned to\s+\S+",
    re.I,
)
# What is left of a clause once the owner and the date are taken out of it.
_LEFTOVER = re.compile(
    r"^(之前|以前|前|完成|截止|为止|负责|负责人|来负责|牵头|before|by|due|deadline|until|owner|owns it"
    r"|is the owner)$|"
    r"^(截止|deadline|due)\s*[:：]?\s*$",
    re.I,
)
_WHAT = re.compile(r"^(做什么|what)\s*[:：]\s*", re.I)
_HOW = re.compile(r"^(怎么做|关键动作|how)\s*[:：]\s*", re.I)
_KIND_CUES: list[tuple[ActionKind, re.Pattern[str]]] = [
    (ActionKind.opportunity, re.compile(r"机会|拓展|新市场|试点|抓住|opportunit|pilot|explore|expand", re.I)),
    (
        ActionKind.strategy,
        re.compile(r"策略|战略|方向|调整|转向|重新定位|strategy|strategic|pivot|reposition|shift", re.I),
    ),
    (
        ActionKind.improvement,
        re.compile(r"改进|优化|修复|完善|提升|规范|流程|improv|fix|optimi|streamline", re.I),
    ),
    (ActionKind.focus, re.compile(r"重点|聚焦|优先|专项|攻坚|focus|priorit", re.I)),
]
_NONE_MORE = re.compile(
    r"^(没有了?|没了|就这些|无|no( more)?|none|nothing( else)?|that'?s (all|it)|done)$", re.I
)


def enter(t: Turn) -> None:
    if t.review.actions:
        t.say("actions_so_far", actions=_listing(t))
        _ask_more(t)
        return
    t.state.action_lesson = 0
    _next_lesson(t, first=True)


def handle(t: Turn) -> None:
    step = t.state.step
    if step == "more":
        _more(t)
        return
    if t.state.draft is None:
        t.state.draft = ActionDraft(lesson_index=None)
    _fill(t, step)


def skip(t: Turn) -> None:
    if t.state.step == "more":
        flow.advance(t)
        return
    t.state.draft = None
    t.say("actions_skipped_one")
    t.state.action_lesson += 1
    _next_lesson(t)


def _next_lesson(t: Turn, first: bool = False) -> None:
    lessons = t.review.lessons
    index = t.state.action_lesson
    if index >= len(lessons):
        t.state.draft = None
        if first:
            t.state.step = "item"
            t.state.draft = ActionDraft(lesson_index=None)
            t.ask("actions_own")
        else:
            _ask_more(t)
        return
    t.state.draft = ActionDraft(lesson_index=index)
    t.state.step = "item"
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


def _ask_more(t: Turn) -> None:
    t.state.step = "more"
    t.state.draft = None
    t.ask("actions_more")


def _more(t: Turn) -> None:
    body = normalize(t.text)
    if _NONE_MORE.match(body) or (is_no(body) and len(body) <= 6):
        flow.advance(t)
        return
    if is_yes(body) and len(body) <= 4:
        t.state.step = "item"
        t.state.draft = ActionDraft(lesson_index=None)
        t.ask("actions_own")
        return
    t.state.step = "item"
    t.state.draft = ActionDraft(lesson_index=None)
    _fill(t, "item")


def _fill(t: Turn, step: str) -> None:
    """Read whatever of WHAT/HOW/WHEN/WHO the message gives, then ask for what is still missing."""
    draft = t.state.draft
    assert draft is not None
    text = t.text
    draft.evidence.append(text)
    # An owner already named stays unless the user is answering "who?" (later words may merely mention one).
    who = find_owner(text) if draft.who is None or step == "who" else None
    if who is None and step == "who" and has_words(text) and len(normalize(text)) <= 20:
        who = re.sub(r"(负责|来做|来负责|吧)$", "", text.strip(" @。.")).strip() or None
    if who:
        draft.who = who
    mention = deadline(text, t.today) if draft.when is None or step == "when" else None
    if mention is not None:
        draft.when, draft.when_text = mention.date.isoformat(), mention.text
    elif step == "when" and has_words(text) and draft.when is None:
        draft.when_text = text.strip()
    if step in ("item", "how"):
        _read_what_how(t, draft, text, mention.text if mention else None)
    _ask_missing(t, draft)


def deadline(text: str, today: dt.date) -> DateMention | None:
    """When an action is due: the last date named that is no recurrence ("每周一") and not past."""
    mentions = []
    for mention in find_dates(text, today):
        start = text.find(mention.text)
        before = text[max(0, start - 6) : start].lower()
        if re.search(r"(每|每个|every|each)\s*$", before):
            continue
        mentions.append(mention)
    ahead = [m for m in mentions if m.date >= today]
    chosen = ahead or mentions
    return chosen[-1] if chosen else None


def _read_what_how(t: Turn, draft: ActionDraft, text: str, date_text: str | None) -> None:
    rest = _OWNER_BITS.sub(" ", text)
    if date_text:
        rest = rest.replace(date_text, " ")
    clauses = [c.strip() for c in _CLAUSE_SPLIT.split(rest)]
    clauses = [c for c in clauses if has_words(c) and not _LEFTOVER.match(normalize(c))]
    for clause in list(clauses):
        if _WHAT.match(clause):
            draft.what = _WHAT.sub("", clause)
            clauses.remove(clause)
        elif _HOW.match(clause):
            draft.how = _HOW.sub("", clause)
            clauses.remove(clause)
    if not clauses:
        return
    if draft.lesson_index is None and draft.what is None:
        draft.what = clauses.pop(0)
    if clauses and draft.how is None:
        if len(clauses) >= 2 and draft.what is None:
            draft.what = clauses.pop(0)
        draft.how = "，".join(clauses) if t.lang == "zh" else ", ".join(clauses)


def _ask_missing(t: Turn, draft: ActionDraft) -> None:
    if draft.how is not None and is_vague_how(draft.how):
        vague = draft.how
        draft.how = None
        t.state.step = "how"
        t.ask("actions_vague", how=quote(vague, t.lang))
        return
    if draft.how is None:
        t.state.step = "how"
        t.ask("actions_how")
        return
    if not draft.who:
        t.state.step = "who"
        t.ask("actions_who", how=quote(draft.how, t.lang))
        return
    if not draft.when:
        t.state.step = "when"
        if draft.when_text:
            t.ask("actions_when_unclear", when=quote(draft.when_text, t.lang))
        else:
            t.ask("actions_when")
        return
    _save(t, draft)


def _save(t: Turn, draft: ActionDraft) -> None:
    lesson = (
        t.review.lessons[draft.lesson_index]
        if draft.lesson_index is not None and draft.lesson_index < len(t.review.lessons)
        else None
    )
    what = draft.what or (lesson.text if lesson else draft.how or "")
    item = ActionItem(
        what=what,
        how=draft.how,
        when=dt.date.fromisoformat(draft.when) if draft.when else None,
        when_text=draft.when_text,
        who=draft.who,
        kind=action_kind(" ".join([what, draft.how or ""]), lesson.action if lesson else None),
        evidence=" / ".join(draft.evidence),
    )
    t.review.actions.append(item)
    t.say("actions_saved", line=_line(t, item))
    if draft.lesson_index is not None:
        t.state.action_lesson = draft.lesson_index + 1
        _next_lesson(t)
    else:
        _ask_more(t)


def action_kind(text: str, lesson_action: LessonAction | None) -> ActionKind:
    """重点事项/策略调整/改进点/机会点 by cue words, else from the lesson it came from."""
    for kind, pattern in _KIND_CUES:
        if pattern.search(text):
            return kind
    if lesson_action in (LessonAction.optimize, LessonAction.stop):
        return ActionKind.improvement
    return ActionKind.focus


def _line(t: Turn, item: ActionItem) -> str:
    kind = label(ACTION_KIND, item.kind, t.lang)
    when = item.when.isoformat() if item.when else "—"
    when_text = (
        f"（{item.when_text}）"
        if t.lang == "zh" and item.when_text
        else (f" ({item.when_text})" if item.when_text else "")
    )
    if t.lang == "zh":
        return f"【{kind}】{item.what} — {item.how}；负责人 {item.who}；{when}{when_text}"
    return f"[{kind}] {item.what} — {item.how}; owner {item.who}; {when}{when_text}"


def _listing(t: Turn) -> str:
    return "\n".join(f"{i}. {_line(t, a)}" for i, a in enumerate(t.review.actions, 1))
