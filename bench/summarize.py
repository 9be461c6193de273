"""Rules notes extractor throughput: notes/s and peak memory on 200 generated notes of ~1,500 chars.

Goal: >= 4 notes/s on a 2-core machine. Run: .venv/bin/python bench/summarize.py
"""

from __future__ import annotations

import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from coach.notes.extractor import RulesNotesExtractor
from coach.notes.reading import read_note
from coach.notes.synthetic import synthetic_note

NOTES = 200


def main() -> None:
    notes = [synthetic_note(i).encode("utf-8") for i in range(NOTES)]
    chars = sum(len(n.decode()) for n in notes) / NOTES
    extractor = RulesNotesExtractor()
    extractor.extract(read_note("warm.md", notes[0]).text, doc_id="w", title="w")  # imports, regex compile
    tracemalloc.start()
    started = time.perf_counter()
    for i, data in enumerate(notes):
        extractor.extract(read_note(f"n{i}.md", data).text, doc_id=str(i), title=f"n{i}")
    seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rate = NOTES / seconds
    print(f"notes: {NOTES} × ~{chars:.0f} chars · {seconds:.2f}s · {rate:.1f} notes/s (goal ≥ 4)")
    print(f"peak traced Python memory: {peak / 1e6:.1f} MB · peak RSS: {rss_mb:.0f} MB")


if __name__ == "__main__":
    main()
