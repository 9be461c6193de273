"""The relevance floor of lesson search, measured on the lessons eval's DEVELOPMENT set only.

For each dev query (and the off-topic complaints) the hybrid ranking at k=20, as the web asks for,
is cut by `above_floor` at several floors: recall@5, hits shown, irrelevant hits shown.

    .venv/bin/python bench/relevance_floor.py
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from coach.evaluation.lessons import DATA_DIR, load_eval_set, open_eval_library
from coach.library import LessonFilters
from coach.library.library import FLOOR_KEEPS_FIRST, RELEVANCE_FLOOR, above_floor
from coach.settings import Settings
from coach.storage.tables import DEFAULT_WORKSPACE

K_SHOWN = 20
FLOORS = (None, 0.5, 0.55, 0.58, RELEVANCE_FLOOR, 0.62, 0.65, 0.7)


def main() -> None:
    data = load_eval_set(DATA_DIR)  # the development set; the held-out set stays unseen
    offtopic = [json.loads(line)["query"] for line in (DATA_DIR / "offtopic.jsonl").open() if line.strip()]
    home = Path(tempfile.mkdtemp(prefix="floor-"))
    library, _ = open_eval_library(Settings(home=home), home, data)
    queries = []
    for query in data.queries:
        filters = LessonFilters(**{k: v for k, v in (query.get("filters") or {}).items() if v is not None})
        ranked = library.ranked(DEFAULT_WORKSPACE, query["query"], K_SHOWN, filters, "hybrid")
        queries.append((ranked, set(query["relevant"])))
    off = [library.ranked(DEFAULT_WORKSPACE, q, K_SHOWN, LessonFilters(), "hybrid") for q in offtopic]

    print(f"{len(queries)} dev queries, {len(off)} off-topic; k={K_SHOWN}", end=", ")
    print(f"the first {FLOOR_KEEPS_FIRST} always kept")
    print("floor   recall@5  shown/query  irrelevant shown  off-topic shown")
    for floor in FLOORS:

        def cut(ranked: list[tuple[str, float]], floor: float | None = floor) -> list[tuple[str, float]]:
            return ranked if floor is None else above_floor(ranked, floor)

        recall = shown = irrelevant = 0.0
        for ranked, relevant in queries:
            kept = [i for i, _ in cut(ranked)]
            recall += len(relevant & set(kept[:5])) / len(relevant)
            shown += len(kept)
            irrelevant += sum(i not in relevant for i in kept)
        off_shown = sum(len(cut(r)) for r in off) / len(off)
        n = len(queries)
        label = "none" if floor is None else f"{floor:.2f}"
        mark = "  <- RELEVANCE_FLOOR" if floor == RELEVANCE_FLOOR else ""
        figures = f"{recall / n:8.1%}  {shown / n:11.1f}  {irrelevant / n:16.1f}  {off_shown:15.1f}"
        print(f"{label:6}  {figures}{mark}")


if __name__ == "__main__":
    main()
