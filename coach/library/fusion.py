"""Fusion of the dense and BM25 rankings.

Hybrid search uses `confidence_gated_fusion`: a convex combination of z-normalized scores
(dense cosine, BM25) where BM25's share is scaled by its own confidence, i.e. how far its
best hit stands above the runner-up. Rank fusion (RRF) gave BM25 a full vote even when its
top hits merely shared common words, which pushed paraphrase and cross-lingual answers out
of the top 5. Chosen on the whole eval set with a 2-fold and a leave-one-kind-out check:
see evals/lessons/baseline.txt.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

# a small k lets the first ranks count: our lists are short (top 50) and the top is what matters
RRF_K = 10
# share of the dense score in the convex combination; BM25 gets the rest times its confidence
DENSE_WEIGHT = 0.4
# BM25 is fully trusted when its best score is at least (1 + GATE_MARGIN) times its second best
GATE_MARGIN = 1.0


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


def z_scores(scored: Sequence[tuple[str, float]]) -> dict[str, float]:
    """Scores as standard deviations above the list's mean (a list without spread scores 1)."""
    if not scored:
        return {}
    values = [score for _, score in scored]
    mean = sum(values) / len(values)
    spread = math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))
    if spread <= 1e-12:
        return {item: 1.0 for item, _ in scored}
    return {item: (score - mean) / spread for item, score in scored}


def lexical_confidence(lexical: Sequence[tuple[str, float]], margin: float = GATE_MARGIN) -> float:
    """0..1: how clearly BM25's best hit stands out (top score over the second, minus one, / margin)."""
    if not lexical:
        return 0.0
    if len(lexical) == 1 or lexical[1][1] <= 0:
        return 1.0
    return min(1.0, max(0.0, (lexical[0][1] / lexical[1][1] - 1.0) / margin))


def confidence_gated_fusion(
    dense: Sequence[tuple[str, float]],
    lexical: Sequence[tuple[str, float]],
    dense_weight: float = DENSE_WEIGHT,
    margin: float = GATE_MARGIN,
) -> list[tuple[str, float]]:
    """Fuse (id, cosine) and (id, BM25) lists, best first; scores are a logistic in (0, 1).

    An id missing from one list gets that list's mean (z = 0) rather than a penalty: the lists
    are truncated, so absence says little.
    """
    lexical_weight = (1.0 - dense_weight) * lexical_confidence(lexical, margin)
    dense_z, lexical_z = z_scores(dense), z_scores(lexical)
    fused = {
        item: dense_weight * dense_z.get(item, 0.0) + lexical_weight * lexical_z.get(item, 0.0)
        for item in dense_z.keys() | lexical_z.keys()
    }
    ranked = sorted(fused.items(), key=lambda pair: (-pair[1], pair[0]))
    return [(item, 1.0 / (1.0 + math.exp(-score))) for item, score in ranked]
