"""What a user must never see, checked independently of the product's own reply checks.

The product's `reply_check` guards the model's words; these checks read the reply as the user
gets it, against the prompt files themselves, so a gap in the product's checks shows up here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from tests.helpers import ROOT

PROMPTS = ROOT / "prompts"
# fence markers of our prompts (and their escaped forms), and Markdown code fences
FENCE_MARKERS = ("```", "<<<", ">>>", "‹‹‹", "›››", "DATA name=", "END DATA")
# a copied span of prompt text this long (whitespace ignored) is an echo: ~6 Chinese words, ~5 English ones
ECHO_CHARS = {"zh": 12, "en": 30}
_PLACEHOLDER = re.compile(r"\{\{\s*[a-z_]+\s*\}\}")
_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    return _SPACE.sub("", text).lower()


@lru_cache
def prompt_bodies(language: str) -> tuple[str, ...]:
    """Every prompt file's own words in that language (front matter, section tags and placeholders out)."""
    bodies = []
    for path in sorted(PROMPTS.glob(f"*.{language}.md")):
        text = path.read_text(encoding="utf-8").split("---", 2)[-1]
        text = re.sub(r"^\[(system|user)\]\s*$", "", text, flags=re.M)
        bodies.append(squash(_PLACEHOLDER.sub("\n", text)))
    return tuple(bodies)


@lru_cache
def prompt_labels(language: str) -> tuple[str, ...]:
    """The headings of the prompts' user sections (`MUST ASK:`): prompt text however short."""
    labels: set[str] = set()
    for path in PROMPTS.glob(f"*.{language}.md"):
        user = path.read_text(encoding="utf-8").split("[user]", 1)[-1]
        for line in user.splitlines():
            line = _PLACEHOLDER.sub("", line).strip()
            if len(line) >= 5 and line.endswith((":", "：")):
                labels.add(line)
    return tuple(sorted(labels))


def fence_markers_in(text: str) -> list[str]:
    return [mark for mark in FENCE_MARKERS if mark in text]


def prompt_text_in(text: str, language: str, allowed: Iterable[str] = ()) -> str | None:
    """The first piece of prompt text in `text` that is not also in `allowed` (the method's own words)."""
    ok = "\n".join(squash(a) for a in allowed)
    for label in prompt_labels(language):
        if label in text and squash(label) not in ok:
            return label
    words, length = squash(text), ECHO_CHARS[language]
    for body in prompt_bodies(language):
        for start in range(len(words) - length + 1):
            window = words[start : start + length]
            if window in body and window not in ok:
                return window
    return None


def last_paragraph(text: str) -> str:
    return [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()][-1]
