"""Reciprocal rank fusion of ranked id lists."""

from __future__ import annotations

from collections.abc import Sequence

# a small k lets the first ranks count: our lists are short (top 50) and the top is what matters
RRF_K = 10


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[str]], weights: Sequence[float] | None = None, k: int = RRF_K
) -> list[tuple[str, float]]:
    """Fuse rankings (optionally weighted); scaled so an id ranked first everywhere scores 1.0."""
    if not rankings:
        return []
    weights = weights or [1.0] * len(rankings)
    scores: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    best_possible = sum(weights) / (k + 1)
    fused = sorted(scores.items(), key=lambda pair: (-pair[1], pair[0]))
    return [(item, score / best_possible) for item, score in fused]
