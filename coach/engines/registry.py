"""Pick the coach engine from settings: rules (embedded default) or llm (with rules fallback)."""

from __future__ import annotations

from collections.abc import Callable

from coach.engines.base import CoachEngine
from coach.settings import Settings


def rules_engine() -> CoachEngine:
    from coach.engines.rules import RulesEngine

    return RulesEngine()  # type: ignore[no-any-return]


def engine_factory(settings: Settings) -> Callable[[], CoachEngine]:
    """rules → RulesEngine; llm, or auto with an endpoint → LLM coach that falls back to rules per turn."""
    rules = rules_engine()
    if settings.active_engine != "llm":
        return lambda: rules
    from coach.engines.llm import FallbackEngine, LLMCoachEngine

    llm = LLMCoachEngine.from_settings(settings, rules)
    engine = FallbackEngine(llm, rules, deadline_s=settings.llm_turn_deadline_s)
    return lambda: engine
