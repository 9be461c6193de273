"""Pick the user's language for messages we write (errors, labels)."""

from __future__ import annotations

from fastapi import Request

from coach.domain.reading.language import detect_language
from coach.domain.retrospective import Language


def text_language(text: str, default: Language = "zh") -> Language:
    """The language the text is written in (the domain's one rule), else the default."""
    return detect_language(text, default)


def request_language(request: Request, default: Language = "zh") -> Language:
    """?lang=, then Accept-Language's first tag; Chinese first."""
    explicit = request.query_params.get("lang")
    if explicit in ("zh", "en"):
        return explicit  # type: ignore[return-value]
    header = request.headers.get("accept-language", "").strip().lower()
    if header.startswith("en"):
        return "en"
    if header.startswith("zh"):
        return "zh"
    return default
