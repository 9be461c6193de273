"""Done: the review is complete; show the summary, and let the user go back to change things."""

from __future__ import annotations

from coach.engines.rules.summary import counts, summarize
from coach.engines.rules.turn import Turn


def enter(t: Turn) -> None:
    t.state.step = ""
    t.review.summary = summarize(t.review, t.lang)
    t.say("done", counts=counts(t.review, t.lang), summary=t.review.summary)
    missing = _missing(t)
    if missing:
        t.say("done_missing", missing=missing)
    t.ask("done_next")


def handle(t: Turn) -> None:
    t.review.summary = summarize(t.review, t.lang)
    t.ask("done_next")


def skip(t: Turn) -> None:
    handle(t)


def _missing(t: Turn) -> str:
    """What the method expects that this review still lacks."""
    zh = t.lang == "zh"
    review = t.review
    gaps = []
    if not review.goals:
        gaps.append("目标" if zh else "goals")
    if not review.cause_chains:
        gaps.append("根因" if zh else "root causes")
    if not review.lessons:
        gaps.append("经验" if zh else "lessons")
    if not review.actions:
        gaps.append("行动" if zh else "actions")
    return ("、" if zh else ", ").join(gaps)
