"""A meeting line that carries a fact no question asked for: "李娜：回款差了两百多万，主要是两个大客户拖款…",
"张伟：交付评审流程我来定，下周五前出。", "Jo: Backlog missed its target, mostly because …". Said before any
list or question opened its part of the method, such a line is still the finding or the task it states."""

from __future__ import annotations

from coach.domain.parsing import has_date
from coach.domain.reading import cues
from coach.domain.reading.language import HAN, han_pairs
from coach.domain.reading.meeting_tasks import assigns, more_than_a_date
from coach.domain.reading.told_verdict import told_verdict


def unasked_fact(said: str, before: list[str]) -> str | None:
    """The chat message for a line whose fact opens its own part (a task taken with its date, a finding told
    by how a KPI the meeting named went); None for any other line. `said` already names its speaker as
    the owner ("交付评审流程张伟来定"); `before` is what the meeting said so far."""
    chinese = bool(HAN.search(said))
    if has_date(said) and assigns(said) and more_than_a_date(said) and not cues.decline().search(said):
        return ("行动：" if chinese else "Actions: ") + said
    told = told_verdict(said)
    if told is not None and _named_before(told.head, before):
        head = {"highlights": ("亮点：", "Highlights: "), "shortfalls": ("不足：", "Shortfalls: ")}[told.kind]
        return head[0 if chinese else 1] + said
    return None


def _named_before(head: str, before: list[str]) -> bool:
    """The finding's subject names something the meeting already spoke of (a KPI with its numbers)."""
    said = han_pairs(head) | {w.lower() for w in head.split() if len(w) >= 3}
    earlier = " ".join(before)
    return bool(said & (han_pairs(earlier) | {w.lower() for w in earlier.split() if len(w) >= 3}))
