"""What the model may propose for the document in one turn, and how our code vets it.

The model proposes; the method decides. A proposal is merged only into the sections of
the step the conversation is in, fills gaps without overwriting what the team already
said, and is checked against the method: a lesson needs a dimension and an action; an
action is saved only with a concrete HOW, an owner and a date, and the coach asks for
whatever is missing; a main cause needs a share; gaps and verdicts are computed by us,
not by the model.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, create_model

from coach.domain.critique import is_vague_how
from coach.domain.parsing import assess, lower_is_better
from coach.domain.retrospective import (
    ActionItem,
    ActionKind,
    CauseChain,
    Dimension,
    Finding,
    Goal,
    Lesson,
    LessonAction,
    Reflection,
    Retrospective,
)

MAX_PER_SECTION = 6


class _In(BaseModel):
    model_config = ConfigDict(extra="ignore")


class GoalIn(_In):
    name: str
    target: str | None = None
    result: str | None = None
    target_value: float | None = None
    result_value: float | None = None
    unit: str | None = None
    evidence: str | None = None


class FindingIn(_In):
    text: str
    causes: list[str] = Field(default_factory=list)
    evidence: str | None = None


class CauseIn(_In):
    phenomenon: str
    surface_cause: str | None = None
    root_cause: str | None = None
    share: float | None = None
    is_main: bool = False
    evidence: str | None = None


class ReflectionIn(_In):
    person: str | None = None
    most_touched: str | None = None
    self_discovery: str | None = None
    do_better: str | None = None
    next_step: str | None = None


class LessonIn(_In):
    text: str
    dimension: str | None = None
    action: str | None = None
    evidence: str | None = None


class ActionIn(_In):
    what: str
    how: str | None = None
    when: str | None = Field(default=None, description="YYYY-MM-DD when the date is known")
    when_text: str | None = None
    who: str | None = None
    kind: str | None = None
    evidence: str | None = None


class DocumentSections(_In):
    """The document's sections as a model may propose them (loosely typed; `vet` decides)."""

    goals: list[GoalIn] = Field(default_factory=list)
    highlights: list[FindingIn] = Field(default_factory=list)
    shortfalls: list[FindingIn] = Field(default_factory=list)
    cause_chains: list[CauseIn] = Field(default_factory=list)
    reflections: list[ReflectionIn] = Field(default_factory=list)
    lessons: list[LessonIn] = Field(default_factory=list)
    actions: list[ActionIn] = Field(default_factory=list)


def _level(value: Any) -> Any:
    """An answer level the model made up reads as none."""
    return value if value in ("phenomenon", "surface", "root") else None


class TurnProposal(DocumentSections):
    """The model's reading of the user's latest message, for the current step only."""

    answer_level: Annotated[Literal["phenomenon", "surface", "root"] | None, BeforeValidator(_level)] = Field(
        default=None, description="drill-down critique: where the user's latest answer sits"
    )
    critique: str | None = Field(default=None, description="one short remark for the coach's reply, or null")


SECTIONS_BY_STAGE: dict[str, tuple[str, ...]] = {
    "followup": (),
    "review": ("goals",),
    "analysis": ("highlights", "shortfalls", "cause_chains"),
    "reflection": ("reflections",),
    "lessons": ("lessons",),
    "actions": ("actions",),
    "done": (),
}


@lru_cache(maxsize=32)
def proposal_schema(stages: tuple[str, ...]) -> type[BaseModel]:
    """The proposal as asked of the model in these steps: their sections, the drill level, the critique.

    Other steps' sections would be dropped by `vet` anyway; leaving them out of the schema the
    prompt carries takes hundreds of tokens off every turn's prompt (SmolLM2 counts 1,117 for
    the whole TurnProposal schema without titles, 253 for the review step's, 397 for analysis).
    """
    sections = dict.fromkeys(s for stage in stages for s in SECTIONS_BY_STAGE.get(stage, ()))
    names = [*sections, *(["answer_level"] if "analysis" in stages else []), "critique"]
    fields: dict[str, Any] = {
        name: (TurnProposal.model_fields[name].annotation, TurnProposal.model_fields[name]) for name in names
    }
    return create_model("TurnProposal", __base__=_In, **fields)


_DIMENSIONS = {
    **{d.value: d for d in Dimension},
    "组织": Dimension.organization,
    "文化": Dimension.culture,
    "人": Dimension.people,
    "人员": Dimension.people,
    "业务": Dimension.business,
}
_ACTIONS = {
    **{a.value: a for a in LessonAction},
    "继续": LessonAction.continue_,
    "停止": LessonAction.stop,
    "优化": LessonAction.optimize,
    "新增": LessonAction.start,
}
_KINDS = {
    **{k.value: k for k in ActionKind},
    "重点事项": ActionKind.focus,
    "策略调整": ActionKind.strategy,
    "改进点": ActionKind.improvement,
    "机会点": ActionKind.opportunity,
}


def norm(text: str | None) -> str:
    return re.sub(r"[\s\W_]+", "", (text or "").casefold())


def _clean(text: str | None, limit: int = 500) -> str | None:
    text = (text or "").strip()
    return text[:limit] or None


def _evidence(proposed: str | None, message: str) -> str | None:
    """A quote only when it really is the user's words; otherwise nothing is invented."""
    quote = _clean(proposed, 300)
    if quote and norm(quote) and norm(quote) in norm(message):
        return quote
    return None


def compute_gap(goal: Goal) -> Goal:
    """gap_value, gap_ratio and verdict from the two numbers (ours, never the model's)."""
    t, r = goal.target_value, goal.result_value
    if t is None or r is None:
        return goal
    gap, ratio, verdict = assess(t, r, lower_is_better(goal.name))
    return goal.model_copy(
        update={
            "gap_value": round(gap, 6),
            "gap_ratio": round(ratio, 4) if ratio is not None else None,
            "verdict": verdict,
        }
    )


@dataclass
class Vetting:
    """The document after the merge, and what the coach must still ask."""

    review: Retrospective
    must_ask: list[str] = field(default_factory=list)
    accepted: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)


def _fill(existing: BaseModel, updates: dict[str, Any]) -> BaseModel:
    """Only empty fields are filled: what the team said before is never overwritten."""
    gaps = {
        k: v for k, v in updates.items() if v is not None and getattr(existing, k, None) in (None, "", [])
    }
    return existing.model_copy(update=gaps) if gaps else existing


def vet(
    review: Retrospective,
    proposal: TurnProposal,
    *,
    stages: tuple[str, ...],
    message: str,
    drafting_action: bool = False,
    drilling: bool = False,
    complete_actions_only: bool = True,
) -> Vetting:
    """Merge the proposal into a copy of the document under the method's rules."""
    doc = review.model_copy(deep=True)
    out = Vetting(review=doc)
    allowed = {s for stage in stages for s in SECTIONS_BY_STAGE.get(stage, ())}
    for section in ("goals", "highlights", "shortfalls", "cause_chains", "reflections", "lessons", "actions"):
        items = getattr(proposal, section)
        if items and section not in allowed:
            out.rejected.append(f"{section}: not this step")
    if "goals" in allowed:
        _goals(doc, proposal.goals[:MAX_PER_SECTION], message, out)
    for section in ("highlights", "shortfalls"):
        if section in allowed:
            _findings(doc, section, getattr(proposal, section)[:MAX_PER_SECTION], message, out)
    if "cause_chains" in allowed:
        if drilling and proposal.cause_chains:
            out.rejected.append("cause_chains: the drill-down in progress owns them")
        else:
            _causes(doc, proposal.cause_chains[:MAX_PER_SECTION], message, out)
    if "reflections" in allowed:
        _reflections(doc, proposal.reflections[:MAX_PER_SECTION], out)
    if "lessons" in allowed:
        _lessons(doc, proposal.lessons[:MAX_PER_SECTION], message, out)
    if "actions" in allowed:
        if drafting_action and proposal.actions:
            out.rejected.append("actions: the action being drafted owns them")
        else:
            _actions(doc, proposal.actions[:MAX_PER_SECTION], message, out, complete_actions_only)
    return out


def _goals(doc: Retrospective, goals: list[GoalIn], message: str, out: Vetting) -> None:
    for g in goals:
        name = _clean(g.name, 200)
        if not name:
            continue
        fields = {
            "target": _clean(g.target, 200),
            "result": _clean(g.result, 200),
            "target_value": g.target_value,
            "result_value": g.result_value,
            "unit": _clean(g.unit, 20),
        }
        for i, existing in enumerate(doc.goals):
            if norm(existing.name) == norm(name):
                merged = _fill(existing, fields)
                assert isinstance(merged, Goal)
                doc.goals[i] = compute_gap(merged)
                break
        else:
            doc.goals.append(compute_gap(Goal(name=name, evidence=_evidence(g.evidence, message), **fields)))
        out.accepted.append(f"goal: {name}")


def _findings(doc: Retrospective, section: str, items: list[FindingIn], message: str, out: Vetting) -> None:
    current: list[Finding] = getattr(doc, section)
    for f in items:
        text = _clean(f.text, 300)
        if not text:
            continue
        causes = [c for c in (_clean(c, 300) for c in f.causes) if c]
        for existing in current:
            if norm(existing.text) == norm(text):
                known = {norm(c) for c in existing.causes}
                existing.causes.extend(c for c in causes if norm(c) not in known)
                break
        else:
            current.append(Finding(text=text, causes=causes, evidence=_evidence(f.evidence, message)))
        out.accepted.append(f"{section}: {text}")


def _causes(doc: Retrospective, items: list[CauseIn], message: str, out: Vetting) -> None:
    for c in items:
        phenomenon = _clean(c.phenomenon, 300)
        if not phenomenon:
            continue
        share = c.share
        if share is not None and share > 1:
            share = share / 100 if share <= 100 else None
        if share is not None and share < 0:
            share = None
        fields = {
            "surface_cause": _clean(c.surface_cause, 300),
            "root_cause": _clean(c.root_cause, 300),
            "share": share,
        }
        for i, existing in enumerate(doc.cause_chains):
            if norm(existing.phenomenon) == norm(phenomenon):
                merged = _fill(existing, fields)
                assert isinstance(merged, CauseChain)
                doc.cause_chains[i] = merged
                index = i
                break
        else:
            doc.cause_chains.append(
                CauseChain(phenomenon=phenomenon, evidence=_evidence(c.evidence, message), **fields)
            )
            index = len(doc.cause_chains) - 1
        out.accepted.append(f"cause_chain: {phenomenon}")
        if c.is_main and not any(x.is_main for x in doc.cause_chains):
            chain = doc.cause_chains[index]
            if chain.share is None or chain.root_cause is None:
                out.must_ask.append("main_cause_share")
                out.rejected.append("is_main: a main cause needs a root cause and a share")
            elif chain.share == max((x.share or 0) for x in doc.cause_chains):
                chain.is_main = True
            else:
                out.rejected.append("is_main: not the largest share")


def _reflections(doc: Retrospective, items: list[ReflectionIn], out: Vetting) -> None:
    for r in items:
        fields = {
            k: _clean(getattr(r, k), 500)
            for k in ("most_touched", "self_discovery", "do_better", "next_step")
        }
        if not any(fields.values()):
            continue
        person = _clean(r.person, 100)
        for i, existing in enumerate(doc.reflections):
            if norm(existing.person) == norm(person):
                merged = _fill(existing, fields)
                assert isinstance(merged, Reflection)
                doc.reflections[i] = merged
                break
        else:
            doc.reflections.append(Reflection(person=person, **fields))
        out.accepted.append(f"reflection: {person or '-'}")


def _lessons(doc: Retrospective, items: list[LessonIn], message: str, out: Vetting) -> None:
    known = {norm(x.text) for x in doc.lessons}
    for item in items:
        text = _clean(item.text, 300)
        dimension = _DIMENSIONS.get((item.dimension or "").strip().lower())
        action = _ACTIONS.get((item.action or "").strip().lower())
        if not text:
            continue
        if dimension is None or action is None:
            out.rejected.append(f"lesson without a type: {text}")
            continue
        if norm(text) in known:
            continue
        known.add(norm(text))
        doc.lessons.append(
            Lesson(text=text, dimension=dimension, action=action, evidence=_evidence(item.evidence, message))
        )
        out.accepted.append(f"lesson: {text}")


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((value or "").strip()[:10])
    except ValueError:
        return None


def _actions(
    doc: Retrospective, items: list[ActionIn], message: str, out: Vetting, complete_only: bool = True
) -> None:
    known = {norm(x.what) for x in doc.actions}
    for item in items:
        what = _clean(item.what, 300)
        if not what or norm(what) in known:
            continue
        how = _clean(item.how, 500)
        if how and is_vague_how(how):
            out.rejected.append(f"vague how: {how}")
            how = None
        when = _date(item.when)
        who = _clean(item.who, 100)
        needed = (("action_how", how), ("action_owner", who), ("action_date", when))
        missing = [key for key, value in needed if not value]
        if missing and complete_only:
            # Not saved until it is complete: the coach asks for what is missing first.
            out.must_ask.extend(missing)
            out.rejected.append(f"incomplete action: {what}")
            continue
        known.add(norm(what))
        doc.actions.append(
            ActionItem(
                what=what,
                how=how,
                when=when,
                when_text=_clean(item.when_text, 100),
                who=who,
                kind=_KINDS.get((item.kind or "").strip().lower()),
                evidence=_evidence(item.evidence, message),
            )
        )
        out.accepted.append(f"action: {what}")
    out.must_ask = list(dict.fromkeys(out.must_ask))
