"""The tables every extraction suite prints: per-field recall/precision/F1, then per-check rates."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence


def rate(num: int, den: int) -> str:
    """A right-aligned percentage, or a dash when there is nothing to divide by."""
    return f"{num / den:6.1%}" if den else "     —"


def field_rows(
    fields: Iterable[str], gold: Mapping[str, int], found: Mapping[str, int], matched: Mapping[str, int]
) -> list[str]:
    """One line per field: gold, found, matched, recall, precision, F1."""
    lines = [f"{'field':<12} {'gold':>5} {'found':>6} {'match':>6} {'recall':>7} {'precision':>9} {'F1':>7}"]
    for kind in fields:
        g, f, m = gold[kind], found[kind], matched[kind]
        r = m / g if g else 0.0
        p = m / f if f else 0.0
        f1 = 2 * r * p / (r + p) if r + p else 0.0
        lines.append(f"{kind:<12} {g:>5} {f:>6} {m:>6} {rate(m, g):>7} {rate(m, f):>9} {f1:>7.1%}")
    return lines


def check_rows(checks: Iterable[tuple[str, Sequence[bool]]]) -> list[str]:
    """One line per check on matched items: how many were right, of how many."""
    lines = [f"{'check (on matched items)':<28} {'ok':>5} {'of':>5} {'rate':>7}"]
    for name, oks in checks:
        lines.append(f"{name:<28} {sum(oks):>5} {len(oks):>5} {rate(sum(oks), len(oks)):>7}")
    return lines
