"""Drive the rules engine directly, the way the chat service does (state in, state out)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from coach.domain.library import LessonHit
from coach.domain.retrospective import Language, Retrospective
from coach.engines.base import (
    LessonLookup,
    LessonMatch,
    OpenAction,
    TurnContext,
    TurnResult,
    no_lessons,
    no_match,
    run_turn,
)
from coach.engines.rules import RulesEngine

REVIEW_DATE = dt.date(2026, 4, 30)


class Coaching:
    """One session with the rules coach: `say()` a message, read `last`."""

    def __init__(
        self,
        language: Language = "zh",
        open_actions: list[OpenAction] | None = None,
        lesson_lookup: LessonLookup = no_lessons,
        lesson_match: LessonMatch = no_match,
        review_date: dt.date = REVIEW_DATE,
        team: str | None = "华东销售",
    ) -> None:
        self.engine = RulesEngine()
        self.ctx = TurnContext(
            session_id="s1",
            language=language,
            review_date=review_date,
            open_actions=open_actions or [],
            lesson_lookup=lesson_lookup,
            lesson_match=lesson_match,
        )
        review = Retrospective(id="r1", title="复盘", team=team, date=review_date, language=language)
        self.last: TurnResult = self.engine.opening(review, self.ctx)
        self.history: list[TurnResult] = [self.last]

    def say(self, text: str) -> TurnResult:
        self.last = run_turn(self.engine, dict(self.last.state), self.last.review, text, self.ctx)
        self.history.append(self.last)
        return self.last

    def script(self, *texts: str) -> TurnResult:
        for text in texts:
            self.say(text)
        return self.last

    @property
    def reply(self) -> str:
        return self.last.reply

    @property
    def stage(self) -> str:
        return self.last.stage

    @property
    def step(self) -> Any:
        """The current stage's sub-step."""
        state = self.last.state
        return state[state["stage"]]["step"]


def hit(text: str, score: float, team: str = "华南销售", lesson_id: str = "L1") -> LessonHit:
    return LessonHit(
        id=lesson_id,
        text=text,
        team=team,
        dimension="organization",
        action="start",
        review_date=dt.date(2025, 12, 20),
        score=score,
        review_id="old",
    )


# Ready-made openings that bring a session to a given stage.
TO_ANALYSIS_ZH = ("回款目标1.2亿，实际9600万；新客户数目标50，实际62", "没有了", "回款")
TO_DRILL_ZH = (*TO_ANALYSIS_ZH, "没有", "回款没达成，因为大客户拖款", "没有")
TO_DRILL_EN = (
    "Revenue target 1.2M, actual 960k; new clients target 50, actual 62",
    "that's all",
    "Revenue",
    "none",
    "Revenue missed because big clients paid late",
    "none",
)
TO_LESSONS_ZH = (*TO_DRILL_ZH, "因为审批周期变长", "根本原因是没有回款跟踪机制", "是", "八成", "跳过")
TO_ACTIONS_ZH = (*TO_LESSONS_ZH, "确认")
