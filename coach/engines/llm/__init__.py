"""The LLM engine: langchain prompt chains over any OpenAI-compatible chat endpoint."""

from __future__ import annotations

from coach.engines.llm.engine import FallbackEngine, LLMCoachEngine
from coach.engines.llm.notes import LLMNotesExtractor
from coach.engines.llm.provider import ModelSpec, Provider, chat_model
from coach.engines.llm.structured import StructuredCaller

__all__ = [
    "FallbackEngine",
    "LLMCoachEngine",
    "LLMNotesExtractor",
    "ModelSpec",
    "Provider",
    "StructuredCaller",
    "chat_model",
]
