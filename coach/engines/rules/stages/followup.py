"""Follow-up: go through the open actions of the team's earlier review, one at a time."""

from __future__ import annotations

import re

from coach.domain.critique import is_no, is_yes, normalize
from coach.engines.base import ActionStatusUpdate, OpenAction
from coach.engines.rules import flow
from coach.engines.rules.text import quote
from coach.engines.rules.turn import Turn

_NOT_DONE = re.compile(
    r"没(有)?(完成|做完|做|搞定|落实)|未完成|还没|没来得及|延期|搁置|放弃|"
    r"\bnot( yet)? (done|finished|completed)\b|"
    r"\bdidn'?t\b|\bhaven'?t\b|\bno\b|\bnope\b|\bnot yet\b|\bdropped\b|\bslipped\b",
    re.I,
)
_DONE = re.compile(
    r"完成|做完|搞定|落实了|已经?做|上线了|done|finished|completed|shipped|yes|yep|did it", re.I
)
_PARTIAL = re.compile(
    r"一半|部分|进行中|在做|还在|推进中|partly|partially|half|in progress|ongoing|working on", re.I
)
# one answer for every open action left: "都完成了", "都跳过", "稍后再说", "all done", "skip all"
_ALL_DONE = re.compile(
    r"^(?:剩下的?|其余的?|其他的?)?(?:都|全都|全部|所有的?都?|这些都|上次的都)(?:已经)?(?:完成|做完|搞定|落实)了?"
    r"|^(?i:(?:the rest (?:are|is) )?all (?:done|finished|completed)|the rest (?:are|is) (?:done|finished)"
    r"|(?:they'?re|they are|all of them are|everything(?:'s| is)) (?:all )?(?:done|finished|completed))"
)
_ALL_SKIPPED = re.compile(
    r"^(?:剩下的?|其余的?)?(?:都|全都|全部|统统)跳过|^跳过(?:全部|所有|这些)"
    r"|^(?i:skip (?:all|them all|everything|the rest)|skip all of (?:them|it))"
)
_ALL_LATER = re.compile(
    r"^(?:稍后|以后|回头|下次|改天)再说|^先不跟进"
    r"|^(?i:later|not now|let'?s do (?:this|that|it) later|another time"
    r"|(?:we'?ll )?(?:come back to|revisit) (?:this|them|it) later)"
)
_WHY = re.compile(r"[，,。;；\s]*(因为|由于|原因是|because|since|due to)\s*", re.I)


def enter(t: Turn) -> None:
    t.state.followup.index = 0
    t.say("followup_intro", count=len(t.state.followup.actions))
    _ask_current(t)


def handle(t: Turn) -> None:
    action = _current(t)
    if action is None:
        flow.advance(t)
        return
    if t.state.followup.step == "why":
        _record(t, action, "not_done", t.text)
        return
    if _all_at_once(t):
        return
    status = _status(t.text)
    if status is None:
        t.say("followup_unclear")
        t.reask()
        return
    why = _reason(t.text)
    if status == "not_done" and why is None:
        t.state.followup.step = "why"
        t.ask("followup_why", what=quote(action.what, t.lang))
        return
    _record(t, action, status, why)


def skip(t: Turn) -> None:
    t.say("followup_skipped")
    _next(t)


def _all_at_once(t: Turn) -> bool:
    """Settle every open action left in one message, then move on; True when the message did."""
    body = normalize(t.text)
    left = t.state.followup.actions[t.state.followup.index :]
    if _ALL_DONE.match(body):
        for action in left:
            t.updates.append(ActionStatusUpdate(action_id=action.id, status="done"))
            t.state.followup.answers[action.id] = "done"
        t.say("followup_all_done", count=len(left))
    elif _ALL_SKIPPED.match(body):
        t.say("followup_all_skipped", count=len(left))  # no update: they stay open
    elif _ALL_LATER.match(body):
        t.say("followup_all_later", count=len(left))  # kept open for the next review
    else:
        return False
    t.state.followup.index = len(t.state.followup.actions)
    t.state.followup.step = ""
    flow.advance(t)
    return True


def _status(text: str) -> str | None:
    body = normalize(text)
    if _PARTIAL.search(body):
        return "open"
    if _NOT_DONE.search(body) or is_no(body):
        return "not_done"
    if _DONE.search(body) or is_yes(body):
        return "done"
    return None


def _reason(text: str) -> str | None:
    """The 'why' part of '没完成，因为数据没拿到'; the whole text when it is long enough to be one."""
    match = _WHY.search(text)
    if match:
        return text[match.end() :].strip(" ，,。.") or None
    return None


def _record(t: Turn, action: OpenAction, status: str, note: str | None) -> None:
    note = (note or "").strip() or None
    t.updates.append(ActionStatusUpdate(action_id=action.id, status=status, note=note))  # type: ignore[arg-type]
    t.state.followup.answers[action.id] = status
    t.say(f"followup_{status}", what=quote(action.what, t.lang), note=quote(note, t.lang) if note else "")
    _next(t)


def _next(t: Turn) -> None:
    t.state.followup.index += 1
    t.state.followup.step = ""
    if _current(t) is None:
        t.say("followup_finished")
        flow.advance(t)
    else:
        _ask_current(t)


def _current(t: Turn) -> OpenAction | None:
    index = t.state.followup.index
    return t.state.followup.actions[index] if 0 <= index < len(t.state.followup.actions) else None


def _ask_current(t: Turn) -> None:
    action = _current(t)
    if action is None:
        flow.advance(t)
        return
    t.state.followup.step = "status"
    t.ask(
        "followup_ask",
        n=t.state.followup.index + 1,
        total=len(t.state.followup.actions),
        what=quote(action.what, t.lang, 60),
        who=action.who or "—",
        due=action.due.isoformat() if action.due else "—",
    )
