"""How the vector index's cost grows from 10k to 1M vectors: exact (Flat) vs HNSW, in one run.

For each size: build time, single-query latency (p50/p99 over the queries, one at a time, as the
server asks), recall@10 of HNSW against exact search (the baseline), the saved file's size, and
the resident memory a fresh process gains by opening the index and answering queries, read into
memory vs memory-mapped (faiss.IO_FLAG_MMAP). The structures are the ones `papergraph.index.ann` builds, with the
settings `IndexSettings` gives.

Vectors are synthetic but shaped like sentence embeddings: unit vectors around a few thousand
topic centres, so neighbours mean something (uniform random vectors in 384 dimensions have none
and are the worst case for any graph index). `--real DATA_DIR` adds a row for the embeddings a
Papergraph data folder keeps in SQLite (real chunks; queries are held-out chunks).
`--real-sentences N` adds N real embeddings: sentences of SciTLDR abstracts and SciREX papers
(up to ~74k), asked by test-split TLDRs (encoded once by the configured encoder and cached, `--sentence-cache`).

    PYTHONPATH=. .venv/bin/python benchmarks/vectors.py --sizes 10000 100000 1000000
    PYTHONPATH=. HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/vectors.py --sizes --real-sentences 60000
"""

from __future__ import annotations

import argparse
import gc
import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import faiss
import numpy as np

from benchmarks.shared_data import SCIREX_DOCS, SHARED_DATA
from papergraph.index.ann import Layout, build_empty
from papergraph.index.settings import IndexSettings

DIMENSION = 384
BUILD_THREADS = faiss.omp_get_max_threads()


@dataclass
class Row:
    data: str
    size: int
    layout: str
    build_s: float
    p50_ms: float
    p99_ms: float
    recall: float
    file_mb: float
    rss_mb: float
    mmap_rss_mb: float


RSS_PROBE = """
import os, sys, faiss, numpy as np
index = faiss.read_index(sys.argv[1], faiss.IO_FLAG_MMAP if sys.argv[2] == "mmap" else 0)
index.search(np.load(sys.argv[3]), 10)
print(int(open("/proc/self/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20)
"""


def opened_rss_mb(path: Path, queries: np.ndarray, mode: str) -> float:
    """Resident memory of a fresh process that opened the index (`mode`: read or mmap) and
    answered the queries, less that of one that only imported faiss and numpy."""
    query_file = path.with_suffix(".queries.npy")
    np.save(query_file, queries)

    def probe(*args: str) -> float:
        out = subprocess.run(
            [sys.executable, "-c", RSS_PROBE, *args], capture_output=True, text=True, check=True
        )
        return float(out.stdout.strip())

    empty = path.with_suffix(".empty.faiss")
    faiss.write_index(faiss.IndexFlatIP(queries.shape[1]), str(empty))
    return probe(str(path), mode, str(query_file)) - probe(str(empty), "read", str(query_file))


def synthetic(n: int, seed: int, centres: int = 4000, spread: float = 0.35) -> np.ndarray:
    """Unit vectors scattered around random unit centres (topic clusters, the same for every
    seed), float32."""
    centre = np.random.default_rng(12345).normal(size=(centres, DIMENSION)).astype(np.float32)
    centre /= np.linalg.norm(centre, axis=1, keepdims=True)
    rng = np.random.default_rng(seed)
    out = np.empty((n, DIMENSION), dtype=np.float32)
    step = 100_000
    for start in range(0, n, step):
        rows = min(step, n - start)
        noise = rng.normal(scale=spread / np.sqrt(DIMENSION), size=(rows, DIMENSION))
        block = centre[rng.integers(0, centres, rows)] + noise.astype(np.float32)
        out[start : start + rows] = block / np.linalg.norm(block, axis=1, keepdims=True)
    return out


def real_vectors(data_dir: Path) -> np.ndarray:
    with sqlite3.connect(data_dir / "papers.sqlite") as db:
        blobs = [row[0] for row in db.execute("SELECT vector FROM chunk_vectors ORDER BY rowid")]
    return np.stack([np.frombuffer(blob, dtype=np.float32) for blob in blobs])


def sentence_vectors(count: int, queries: int, cache: Path) -> tuple[np.ndarray, np.ndarray]:
    """`count` sentences of real papers (SciTLDR abstracts, then SciREX full texts) and
    `queries` test-split SciTLDR TLDRs (real questions to real text), encoded by the configured
    encoder and cached in `cache` (.npz)."""
    if cache.exists():
        with np.load(cache) as saved:
            if len(saved["base"]) == count and len(saved["queries"]) == queries:
                return saved["base"], saved["queries"]
    from papergraph.index.embed import Embedder

    sentences: list[str] = []
    for split in ("train", "dev", "test"):
        with open(SHARED_DATA / "scitldr" / f"{split}.jsonl") as rows:
            sentences += [s for line in rows for s in json.loads(line)["source"] if len(s) > 40]
    for path in sorted(SCIREX_DOCS.glob("*.json")):
        doc = json.loads(path.read_text("utf-8"))
        spans = (" ".join(doc["words"][start:end]) for start, end in doc["sentences"])
        sentences += [text for text in spans if len(text) > 40]
    with open(SHARED_DATA / "scitldr" / "test.jsonl") as rows:
        asked = [json.loads(line)["target"][0] for line in rows][:queries]
    if len(sentences) < count:
        raise SystemExit(f"the corpora hold {len(sentences):,} sentences, fewer than {count:,}")
    embedder = Embedder(IndexSettings())
    base = embedder.encode(sentences[:count])
    asked_vectors = embedder.encode(asked)
    np.savez(cache, base=base, queries=asked_vectors)
    return base, asked_vectors


def latencies_ms(index: faiss.Index, queries: np.ndarray, k: int) -> np.ndarray:
    times = []
    for query in queries:
        started = time.perf_counter()
        index.search(query.reshape(1, -1), k)
        times.append((time.perf_counter() - started) * 1000)
    return np.asarray(times)


def measure(
    data: str,
    base: np.ndarray,
    queries: np.ndarray,
    layout: Layout,
    settings: IndexSettings,
    truth: np.ndarray | None,
    workdir: Path,
    k: int = 10,
) -> tuple[Row, np.ndarray]:
    faiss.omp_set_num_threads(BUILD_THREADS)
    started = time.perf_counter()
    index = build_empty(base.shape[1], layout, settings)
    index.add_with_ids(base, np.arange(len(base), dtype=np.int64))
    build_s = time.perf_counter() - started
    faiss.omp_set_num_threads(1)  # one query at a time, as the server asks (see FaissIndex)
    times = latencies_ms(index, queries, k)
    _, found = index.search(queries, k)
    recall = (
        1.0
        if truth is None
        else float(np.mean([len(set(f) & set(t)) / k for f, t in zip(found, truth, strict=True)]))
    )
    path = workdir / f"{layout.value}.faiss"
    faiss.write_index(index, str(path))
    del index
    gc.collect()
    row = Row(
        data,
        len(base),
        layout.value,
        build_s,
        float(np.percentile(times, 50)),
        float(np.percentile(times, 99)),
        recall,
        path.stat().st_size / 2**20,
        opened_rss_mb(path, queries[:20], "read"),
        opened_rss_mb(path, queries[:20], "mmap"),
    )
    path.unlink()
    return row, found


def run(
    data: str, base: np.ndarray, queries: np.ndarray, settings: IndexSettings, workdir: Path
) -> list[Row]:
    flat, truth = measure(data, base, queries, Layout.FLAT, settings, None, workdir)
    hnsw, _ = measure(data, base, queries, Layout.HNSW, settings, truth, workdir)
    return [flat, hnsw]


def report(rows: list[Row]) -> str:
    lines = [
        "| data | vectors | index | build s | query p50 ms | p99 ms | recall@10 vs exact "
        "| file MB | RSS opened MB | RSS mmap-opened MB |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    lines += [
        f"| {r.data} | {r.size:,} | {r.layout} | {r.build_s:.1f} | {r.p50_ms:.2f} | "
        f"{r.p99_ms:.2f} | {r.recall:.3f} | {r.file_mb:.0f} | {r.rss_mb:.0f} | "
        f"{r.mmap_rss_mb:.0f} |"
        for r in rows
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--real", type=Path, help="A data folder whose stored embeddings to use.")
    parser.add_argument(
        "--real-sentences",
        type=int,
        default=0,
        help="Also encode this many SciTLDR sentences (TLDRs as queries).",
    )
    parser.add_argument(
        "--sentence-cache",
        type=Path,
        default=Path(tempfile.gettempdir()) / "papergraph-sentences.npz",
    )
    args = parser.parse_args()
    settings = IndexSettings()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as scratch:
        workdir = Path(scratch)
        if args.real:
            vectors = real_vectors(args.real)
            order = np.random.default_rng(0).permutation(len(vectors))
            held = min(args.queries, len(vectors) // 10)
            rows += run(
                "real chunks", vectors[order[held:]], vectors[order[:held]], settings, workdir
            )
            print(report(rows), flush=True)
        if args.real_sentences:
            base, asked = sentence_vectors(args.real_sentences, args.queries, args.sentence_cache)
            rows += run("real sentences", base, asked, settings, workdir)
            print(report(rows), flush=True)
        queries = synthetic(args.queries, seed=1)
        for size in args.sizes:
            rows += run("synthetic", synthetic(size, seed=0), queries, settings, workdir)
            print(report(rows), flush=True)
    print(
        f"faiss {faiss.__version__}, build on {BUILD_THREADS} threads, queries on 1, "
        f"HNSW M={settings.hnsw_m} efConstruction={settings.hnsw_ef_construction} "
        f"efSearch={settings.hnsw_ef_search}"
    )


if __name__ == "__main__":
    main()
