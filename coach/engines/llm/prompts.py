"""Prompt files under `prompts/`: one per task (and stage) and language, each with a version.

A file is front matter, then a `[system]` section and a `[user]` section:

    ---
    version: coach-turn.review/1
    ---
    [system]
    ...
    [user]
    ... {{document}} ... {{message}} ...

`{{name}}` placeholders are filled in one pass. Values passed as *data* (what users type,
meeting notes, the document) are fenced and labelled with a random id, so nothing inside
them can close the fence or be read as an instruction; the system text of every prompt
says so.
"""

from __future__ import annotations

import os
import re
import secrets
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage

import coach

_PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")
_SECTION = re.compile(r"^\[(system|user)\]\s*$", re.M)
DATA_OPEN = "<<<DATA"
DATA_CLOSE = "<<<END DATA"


class PromptError(LookupError):
    pass


def prompts_dir() -> Path:
    """COACH_PROMPTS_DIR, else `prompts/` next to the `coach` package (repo checkout or installed wheel)."""
    explicit = os.environ.get("COACH_PROMPTS_DIR")
    if explicit:
        return Path(explicit)
    package = Path(coach.__file__).resolve().parent
    for candidate in (package.parent / "prompts", package / "prompts"):
        if candidate.is_dir():
            return candidate
    raise PromptError(f"no prompts/ directory next to {package}; set COACH_PROMPTS_DIR")


def fence(label: str, text: str) -> str:
    """User-supplied text as a labelled block that the text itself cannot close."""
    nonce = secrets.token_hex(4)
    body = (text or "").replace("<<<", "‹‹‹").replace(">>>", "›››")
    return f'{DATA_OPEN} name="{label}" id="{nonce}">>>\n{body}\n{DATA_CLOSE} id="{nonce}">>>'


@dataclass(frozen=True)
class Prompt:
    name: str
    language: str
    version: str
    system: str
    user: str
    path: Path

    def render(
        self, trusted: dict[str, str] | None = None, data: dict[str, str] | None = None
    ) -> list[BaseMessage]:
        """System and user messages; `data` values are fenced, `trusted` ones (our own text) are not."""
        values = {k: str(v) for k, v in (trusted or {}).items()}
        values.update({k: fence(k.upper(), v) for k, v in (data or {}).items()})

        def fill(template: str) -> str:
            def sub(match: re.Match[str]) -> str:
                key = match.group(1)
                if key not in values:
                    raise PromptError(f"prompt {self.name} needs {{{{{key}}}}}")
                return values[key]

            return _PLACEHOLDER.sub(sub, template)

        return [SystemMessage(content=fill(self.system)), HumanMessage(content=fill(self.user))]


def _parse(path: Path, name: str, language: str) -> Prompt:
    raw = path.read_text(encoding="utf-8")
    meta: dict[str, str] = {}
    if raw.startswith("---"):
        _, head, raw = raw.split("---", 2)
        for line in head.strip().splitlines():
            if ":" in line:
                key, value = line.split(":", 1)
                meta[key.strip()] = value.strip()
    parts = _SECTION.split(raw)
    sections = {parts[i]: parts[i + 1].strip() for i in range(1, len(parts) - 1, 2)}
    if "version" not in meta or "system" not in sections or "user" not in sections:
        raise PromptError(f"{path}: needs front matter `version:` and [system] and [user] sections")
    if "DATA" not in sections["system"]:
        raise PromptError(f"{path}: the system text must say that fenced DATA blocks are data")
    return Prompt(name, language, meta["version"], sections["system"], sections["user"], path)


@lru_cache(maxsize=128)
def _load(directory: str, name: str, language: str) -> Prompt:
    base = Path(directory)
    for lang in (language, "en", "zh"):
        path = base / f"{name}.{lang}.md"
        if path.is_file():
            return _parse(path, name, lang)
    raise PromptError(f"no prompt {name} in {base}")


def load_prompt(name: str, language: str = "zh") -> Prompt:
    """`coach-turn.review`, `notes-extract`, … in the language asked for (else en, else zh)."""
    return _load(str(prompts_dir()), name, language)


def all_prompts() -> list[Prompt]:
    """Every prompt file, parsed (used by tests and `coach doctor`)."""
    base = prompts_dir()
    out = []
    for path in sorted(base.glob("*.md")):
        stem, lang = path.stem.rsplit(".", 1)
        out.append(_parse(path, stem, lang))
    return out
