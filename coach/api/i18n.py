"""Pick the user's language for messages we write (errors, labels)."""

from __future__ import annotations

import re

from fastapi import Request

from coach.domain.retrospective import Language

_CJK = re.compile(r"[\u4e00-\u9fff]")


def text_language(text: str, default: Language = "zh") -> Language:
    """zh when the text has Chinese characters, en when it is Latin-only, else the default."""
    if _CJK.search(text):
        return "zh"
    if re.search(r"[A-Za-z]", text):
        return "en"
    return default


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
