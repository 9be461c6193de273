"""Reading lesson files (JSON lines or CSV) for import: good lines kept, bad lines reported by number."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from coach.domain.labels import DIMENSION, LESSON_ACTION
from coach.domain.library import LessonRecord

# people write the Chinese labels in spreadsheets; accept them next to the English values
_DIMENSION_ALIASES = {labels["zh"]: d.value for d, labels in DIMENSION.items()}
_ACTION_ALIASES = {labels["zh"]: a.value for a, labels in LESSON_ACTION.items()}
FIELDS = ("id", "text", "team", "dimension", "action", "review_date", "context")


@dataclass
class ParsedFile:
    records: list[tuple[int, LessonRecord]] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)


def _decode(raw: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", errors="replace")


def _clean(item: dict[str, Any]) -> dict[str, Any]:
    out = {k: (v.strip() if isinstance(v, str) else v) for k, v in item.items() if k in FIELDS}
    out = {k: v for k, v in out.items() if v not in ("", None)}
    if isinstance(out.get("dimension"), str):
        out["dimension"] = _DIMENSION_ALIASES.get(out["dimension"], out["dimension"].lower())
    if isinstance(out.get("action"), str):
        out["action"] = _ACTION_ALIASES.get(out["action"], out["action"].lower())
    return out


def _explain(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ())) or "line"
        expected = (err.get("ctx") or {}).get("expected")
        parts.append(f"{where}: {(expected and 'must be ' + expected) or err.get('msg')}")
    return "; ".join(parts)


def _parse(number: int, item: Any, parsed: ParsedFile) -> None:
    if not isinstance(item, dict):
        parsed.errors.append((number, "not a JSON object"))
        return
    try:
        parsed.records.append((number, LessonRecord.model_validate(_clean(item))))
    except ValidationError as exc:
        parsed.errors.append((number, _explain(exc)))


def parse_lessons(raw: bytes, name: str) -> ParsedFile:
    """Parse JSON lines, or CSV with a header row (by extension; JSON lines otherwise)."""
    text = _decode(raw)
    parsed = ParsedFile()
    if name.lower().endswith(".csv"):
        reader = csv.DictReader(io.StringIO(text))
        for item in reader:
            _parse(reader.line_num, item, parsed)
        return parsed
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            parsed.errors.append((number, f"invalid JSON: {exc.msg}"))
            continue
        _parse(number, item, parsed)
    return parsed


def read_lessons(path: Path) -> ParsedFile:
    return parse_lessons(path.read_bytes(), path.name)
