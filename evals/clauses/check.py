"""Validate the clause corpus and print counts (python3 evals/clauses/check.py)."""

import collections
import json
import pathlib
import sys

ROLES = [
    "goal",
    "highlight",
    "shortfall",
    "cause",
    "root_cause",
    "lesson",
    "action",
    "reflection",
    "meta",
    "other",
]
HERE = pathlib.Path(__file__).parent
SPLITS = {"train": [f"t{i:02d}" for i in range(1, 17)], "test": [f"t{i:02d}" for i in range(17, 25)]}
MIN = {"train": 40, "test": 16}


def load(split):
    path = HERE / f"{split}.jsonl"
    if not path.exists():
        return None
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        d = json.loads(line)
        for k in ("id", "team", "lang", "source", "text", "role"):
            assert k in d, (split, n, k)
        assert d["role"] in ROLES, (split, n, d["role"])
        assert d["lang"] in ("zh", "en"), (split, n)
        assert d["source"] in ("chat", "notes", "transcript"), (split, n)
        assert d["team"] in SPLITS[split], (split, n, d["team"])
        assert d["id"].startswith(d["team"] + "-"), (split, n)
        assert d["text"].strip(), (split, n)
        rows.append(d)
    return rows


def main():
    seen, problems, tables = set(), [], {}
    texts = {}
    for split in SPLITS:
        rows = load(split)
        if rows is None:
            continue
        for d in rows:
            if d["id"] in seen:
                problems.append(f"duplicate id {d['id']}")
            seen.add(d["id"])
            if d["text"] in texts:
                problems.append(f"duplicate text {d['id']} = {texts[d['text']]}")
            texts[d["text"]] = d["id"]
        tables[split] = rows
        c = collections.Counter(d["role"] for d in rows)
        for r in ROLES:
            if c[r] < MIN[split]:
                problems.append(f"{split}: {r} only {c[r]}")
            if c[r] > 0.25 * len(rows):
                problems.append(f"{split}: {r} above 25%")
    print("| role | train zh | train en | train | test zh | test en | test |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for r in [*ROLES, "all"]:
        cells = []
        for split in SPLITS:
            rows = tables.get(split, [])
            sel = [d for d in rows if r == "all" or d["role"] == r]
            cells += [sum(d["lang"] == "zh" for d in sel), sum(d["lang"] == "en" for d in sel), len(sel)]
        print(f"| {r} | " + " | ".join(map(str, cells)) + " |")
    print()
    print("| split | teams | chat | notes | transcript | hard | with note |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for split, rows in tables.items():
        s = collections.Counter(d["source"] for d in rows)
        hard = sum(bool(d.get("hard")) for d in rows)
        teams = len({d["team"] for d in rows})
        print(
            f"| {split} | {teams} | {s['chat']} | {s['notes']} | {s['transcript']} | "
            f"{hard} ({100 * hard / len(rows):.0f}%) | {sum('note' in d for d in rows)} |"
        )
    print()
    print(
        "per team:",
        " ".join(
            f"{t}={n}"
            for t, n in sorted(
                collections.Counter(d["team"] for rows in tables.values() for d in rows).items()
            )
        ),
    )
    if problems:
        print("\nPROBLEMS:\n" + "\n".join(problems))
        sys.exit(1)
    print("\nOK")


if __name__ == "__main__":
    main()
