"""Done: the review is complete; show the summary, and let the user go back to change things."""

from __future__ import annotations

from coach.domain.reading.people import in_full
from coach.engines.rules.replies import render
from coach.engines.rules.summary import counts, summarize
from coach.engines.rules.turn import Turn


def enter(t: Turn) -> None:
    t.state.done.step = ""
    _people_in_full(t)
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


def _people_in_full(t: Turn) -> None:
    """A reflection filed under a short name ("Kofi", "老廖") is the one owner of an action named in full;
    an owner named short is the one person named in full later in the chat ("Hannah's full name is …")."""
    owners = {a.who for a in t.review.actions if a.who}
    for reflection in t.review.reflections:
        reflection.person = in_full(reflection.person, owners)
    known = owners | {r.person for r in t.review.reflections if r.person} | set(t.state.names)
    for action in t.review.actions:
        action.who = in_full(action.who, known)


def _missing(t: Turn) -> str:
    """What the method expects that this review still lacks."""
    zh = t.lang == "zh"
    review = t.review
    gaps = []
    if not review.goals:
        gaps.append(render("missing_goals", t.lang))
    if not review.cause_chains:
        gaps.append(render("missing_root_causes", t.lang))
    if not review.lessons:
        gaps.append(render("missing_lessons", t.lang))
    if not review.actions:
        gaps.append(render("missing_actions", t.lang))
    return ("、" if zh else ", ").join(gaps)
