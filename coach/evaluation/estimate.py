"""What `coach eval --engine llm` will cost in time, said before it starts."""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

from coach.settings import Settings


def _dialogue_turns(path: Path) -> tuple[int, int]:
    from coach.evaluation.coach import load_dialogues

    dialogues = load_dialogues(path) if path.exists() else []
    return len(dialogues), sum(len(d["turns"]) for d in dialogues)


def _notes(eval_dir: Path) -> int:
    gold = eval_dir / "gold"
    return len(list(gold.glob("*.json"))) if gold.is_dir() else 0


def llm_estimate(settings: Settings, suites: Sequence[str]) -> str:
    """The worst case: every turn and note runs to its deadline, `llm_concurrency` dialogues at once."""
    from coach.evaluation import coach, notes

    concurrency = max(1, settings.llm_concurrency)
    seconds = 0.0
    parts = []
    if "coach" in suites:
        dialogues, turns = 0, 0
        for _, path, _ in coach.eval_sets():
            d, t = _dialogue_turns(path)
            dialogues, turns = dialogues + d, turns + t
        seconds += turns * settings.llm_turn_deadline_s / min(concurrency, max(1, dialogues))
        parts.append(f"{turns} turns × ≤{settings.llm_turn_deadline_s:g} s / {concurrency} at once")
    if "notes" in suites:
        count = _notes(notes.EVAL_DIR) + _notes(notes.EVAL_DIR / "holdout")
        seconds += count * settings.llm_note_deadline_s
        parts.append(f"{count} notes × ≤{settings.llm_note_deadline_s:g} s")
    if not parts:
        return "llm eval: nothing to estimate"
    minutes = math.ceil(seconds / 60)
    return (
        f"llm eval against {settings.llm_base_url or 'api.openai.com'} ({settings.llm_model}): "
        f"{'; '.join(parts)} → at most ~{minutes} min (each turn or note past its deadline is served"
        " by the rules engine and counted as a fallback)"
    )
