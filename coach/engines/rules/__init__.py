"""The rules engine: the embedded default coach (see `engine.RulesEngine`)."""

from coach.engines.rules.engine import RulesEngine

__all__ = ["RulesEngine"]
