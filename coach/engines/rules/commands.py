"""Commands that work at any moment: back, skip, where are we, show summary, finish (zh and en)."""

from __future__ import annotations

import re

from coach.domain import critique
from coach.domain.labels import METHOD_STEP, METHOD_STEPS
from coach.domain.reading import cues
from coach.engines.base import Stage
from coach.engines.rules import flow
from coach.engines.rules.edits import handle_edit
from coach.engines.rules.stages.review import correct_goal
from coach.engines.rules.summary import counts, stage_label, summarize
from coach.engines.rules.text import has_words
from coach.engines.rules.turn import Turn

# Which stage a "go back to …" names.
_STAGE_WORDS: list[tuple[Stage, re.Pattern[str]]] = [
    ("followup", re.compile(r"跟进|上次(的)?行动|follow-?up|last (time|review)", re.I)),
    ("review", re.compile(r"回顾|目标|kpi|指标|goal|review|target", re.I)),
    ("analysis", re.compile(r"分析|根因|原因|亮点|不足|analysis|cause|highlight|shortfall", re.I)),
    ("reflection", re.compile(r"反思|reflect", re.I)),
    ("lessons", re.compile(r"经验|教训|总结提取|lesson", re.I)),
    ("actions", re.compile(r"行动|计划|action|plan", re.I)),
]


def handle_command(t: Turn) -> bool:
    """Run a global command if the message is one; True when it was."""
    text = t.text
    if not critique.normalize(text) and not re.search(r"\d", text):
        t.say("empty")
        t.reask()
        return True
    if critique.wants_help(text):
        t.say("help", stage=stage_label(t.state.stage, t.lang))
        t.reask()
        return True
    content = critique.without_already_said(text)
    if content != text:  # "刚说了，付款条款是验收后90天": the content is the answer, the lead is not
        if not (has_words(content) or re.search(r"\d", content)):
            t.say("already_said_missing")
            t.reask()
            return True
        t.text = text = content
    if critique.wants_status(text):
        _status(t)
        return True
    if critique.wants_summary(text):
        t.review.summary = summarize(t.review, t.lang)
        t.say("summary", summary=t.review.summary)
        t.reask()
        return True
    if critique.wants_back(text):
        _back(t)
        return True
    if critique.wants_skip(text):
        flow.handler(t.state.stage).skip(t)
        return True
    if critique.wants_finish(text) and not _is_an_answer(t):
        t.say("finishing")
        flow.go_to(t, "done")
        return True
    return correct_goal(t) or handle_edit(t)


def _is_an_answer(t: Turn) -> bool:
    """'完成'/'done' answers 'is it done?' in the follow-up and 'anything else?' in the actions.

    While an action is being asked about, "没有了，结束" answers it too (the action said so far is kept);
    a bare "结束" leaves it unfinished.
    """
    if t.state.stage == "followup":
        return True
    if t.state.stage == "reflection" and t.state.reflection.step == "person":
        # "Who's next?" "done": no one else; the review goes on to the lessons unless it is named
        return not cues.words_pattern("finish_names_review").search(t.text)
    step = t.state.actions.step
    return t.state.stage == "actions" and (
        step == "more" or (step in ("how", "who", "when") and not critique.is_bare_finish(t.text))
    )


def _status(t: Turn) -> None:
    """Step k of the method's four (the reflection is inside 分析根因; the follow-up comes before)."""
    stage = t.state.stage
    if stage == "followup":
        t.say("status_followup", counts=counts(t.review, t.lang))
    elif stage == "done":
        t.say("status_done", total=METHOD_STEPS, counts=counts(t.review, t.lang))  # never "第 5/5 步"
    else:
        t.say(
            "status",
            stage=stage_label(stage, t.lang),
            n=METHOD_STEP[stage],
            total=METHOD_STEPS,
            counts=counts(t.review, t.lang),
        )
    t.reask()


def _back(t: Turn) -> None:
    text = t.text
    target: Stage | None = None
    for stage, pattern in _STAGE_WORDS:
        if pattern.search(text) and stage in flow.stages_in_use(t):
            target = stage
            break
    target = target or flow.previous(t)
    t.state.analysis.drill = None
    t.state.actions.draft = None
    t.say("going_back", stage=stage_label(target, t.lang))
    flow.go_to(t, target)
