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
- `triples PATH...`: triples per paper (of an ingested data folder, or of inputs read and
  extracted as ingest does), by predicate (what dominates a paper's graph), and
  writing those graphs into a real `oxigraph serve`: one SPARQL update per paper vs N-Quads
  shards through the bulk path (`papergraph.kg.bulk`).

    PYTHONPATH=. .venv/bin/python benchmarks/scale.py vectors --size 1000000
    PYTHONPATH=. HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/scale.py ingest ../shared/data/pdfs
    PYTHONPATH=. HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/scale.py triples ../shared/data/pdfs \
        ../shared/data/ai-arxiv2-sample.jsonl
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import faiss
import numpy as np

from benchmarks.vectors import synthetic
from papergraph.index.base import VectorIndex
from papergraph.index.factory import create_vector_index
from papergraph.index.settings import IndexSettings

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
    return float(
        np.mean(
            [
                len({i for i, _ in hits} & set(row)) / k
                for hits, row in zip(found, truth, strict=True)
            ]
        )
    )


def exact_neighbours(base: np.ndarray, queries: np.ndarray, k: int = 10) -> np.ndarray:
    flat = faiss.IndexFlatIP(base.shape[1])
    flat.add(base)
    return flat.search(queries, k)[1]


def measure_backend(
    name: str,
    base: np.ndarray,
    queries: np.ndarray,
    truth: np.ndarray,
    folder: Path,
    settings: IndexSettings,
) -> str:
    index = create_vector_index(
        settings.model_copy(update={"vector_index": name}), folder, DIMENSION
    )
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
    print(
        "| backend | vectors | load s | vectors/s | p50 ms 1 client | p99 ms 1 client "
        "| p50 ms 8 clients | p99 ms 8 clients | recall@10 |\n|---|---|---|---|---|---|---|---|---|",
        flush=True,
    )
    with tempfile.TemporaryDirectory(dir=args.workdir) as scratch:
        for name in args.backends:
            print(
                measure_backend(name, base, queries, truth, Path(scratch) / name, settings),
                flush=True,
            )
    print(
        f"{args.queries} queries, k=10; FAISS HNSW M={settings.hnsw_m} efSearch="
        f"{settings.hnsw_ef_search}, Milvus index {settings.milvus_index_type}"
    )


def ingest_with(engine: str, data_dir: Path, paths: list[Path], embedder: object) -> list[str]:
    """One engine's run: wall time, papers, chunks, triples, and the stats to compare."""
    from papergraph.api.backend import Backend
    from papergraph.api.config import Settings
    from papergraph.ingest.ray_engine import RayIngester

    settings = Settings(data_dir=data_dir)
    backend = Backend.open(settings, embedder=embedder)  # type: ignore[arg-type]
    try:
        started = time.perf_counter()
        ingester = backend.ingester()
        runner = (
            ingester
            if engine == "local"
            else RayIngester(ingester, settings.index, backend.embedder.dimension)
        )
        report = runner.ingest(paths)
        seconds = time.perf_counter() - started
        stats = backend.health()
    finally:
        backend.close()
    return [
        engine,
        f"{seconds:.0f}",
        str(stats["papers"]),
        str(stats["chunks"]),
        f"{stats['triples']:,}",
        f"{int(stats['chunks']) / seconds:.1f}",
        str(len(report.failed)),
    ]


def ingest(args: argparse.Namespace) -> None:
    from papergraph.index.embed import Embedder

    embedder = Embedder(IndexSettings())
    embedder.encode(["warm the model up"])
    print(
        "| engine | wall s | papers | chunks | triples | chunks/s | failed inputs |\n"
        "|---|---|---|---|---|---|---|",
        flush=True,
    )
    rows = []
    for engine in args.engines:
        folder = args.keep / engine if args.keep else Path(tempfile.mkdtemp()) / engine
        rows.append(ingest_with(engine, folder, args.paths, embedder))
        print("| " + " | ".join(rows[-1]) + " |", flush=True)
    same = len({tuple(row[2:5]) + (row[6],) for row in rows}) == 1
    print(f"same papers, chunks, triples and failures on every engine: {same}")


@contextmanager
def oxigraph_server(location: Path) -> Iterator[str]:
    """A fresh `oxigraph serve --union-default-graph` on a free port; stopped on exit."""
    from benchmarks.sparql import start_oxigraph_server

    process, base = start_oxigraph_server(location)
    try:
        yield base
    finally:
        process.terminate()
        process.wait(30)


def paper_graphs(data_dir: Path) -> dict[str, str]:
    from papergraph.kg.settings import GraphSettings
    from papergraph.kg.store import KnowledgeGraph

    kg = KnowledgeGraph(GraphSettings(), data_dir)
    try:
        return {paper: kg.paper_rdf(paper).serialize(format="nt") for paper in kg.paper_ids()}
    finally:
        kg.close()


def input_graphs(paths: list[Path]) -> dict[str, str]:
    """Every paper the inputs hold, read and extracted as ingest does (no encoding)."""
    from papergraph.ingest.extract.factory import create_extractor
    from papergraph.ingest.prepare import Prepared, Preparer
    from papergraph.ingest.settings import IngestSettings

    settings = IngestSettings()
    preparer = Preparer(settings, create_extractor(settings.extractor))
    return {
        item.paper.id: item.ntriples or ""
        for item in preparer.from_paths(paths)
        if isinstance(item, Prepared)
    }


def predicate_table(graphs: dict[str, str]) -> str:
    counts: Counter[str] = Counter()
    for ntriples in graphs.values():
        counts.update(
            line.split(" ", 2)[1].rsplit("/", 1)[-1].rsplit("#", 1)[-1].rstrip(">")
            for line in ntriples.splitlines()
            if line.strip()
        )
    total = sum(counts.values())
    per_paper = [len([x for x in g.splitlines() if x.strip()]) for g in graphs.values()]
    lines = [
        (
            f"{len(graphs)} papers, {total:,} triples, {total / len(graphs):,.0f} per paper "
            f"(median {int(np.median(per_paper)):,})"
        ),
        "| predicate | triples | share |",
        "|---|---|---|",
    ]
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:20]  # ties by name
    lines += [f"| {name} | {n:,} | {100 * n / total:.1f} % |" for name, n in ranked]
    return "\n".join(lines)


def triples(args: argparse.Namespace) -> None:
    from papergraph.kg.bulk import ShardWriter, load_into_server, load_offline
    from papergraph.kg.settings import GraphSettings
    from papergraph.kg.store import KnowledgeGraph

    stored = len(args.paths) == 1 and (args.paths[0] / "graph").is_dir()  # a data folder
    graphs = paper_graphs(args.paths[0]) if stored else input_graphs(args.paths)
    print(predicate_table(graphs), flush=True)
    total = sum(len([x for x in g.splitlines() if x.strip()]) for g in graphs.values())
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        with ShardWriter(Path(scratch) / "shards") as writer:
            for paper, ntriples in graphs.items():
                writer.add(paper, ntriples)
        with oxigraph_server(Path(scratch) / "server") as base:
            config = f"{base}/query,{base}/update"
            served = KnowledgeGraph(
                GraphSettings(store="SPARQLUpdateStore", store_config=config), Path(scratch)
            )
            started = time.perf_counter()
            for paper, ntriples in graphs.items():
                served.replace_paper(paper, ntriples)
            rows.append(("one SPARQL update per paper (ingest)", time.perf_counter() - started))
            served.run_update("DROP ALL")
            started = time.perf_counter()
            load_into_server(f"{base}/store", f"{base}/update", writer.shards)
            rows.append(("N-Quads shards, POST /store (kg.bulk)", time.perf_counter() - started))
            assert served.count_triples() == total, "the bulk load lost triples"
            served.run_update("DROP ALL")
            started = time.perf_counter()
            load_into_server(f"{base}/store?no_transaction", f"{base}/update", writer.shards)
            rows.append(
                (
                    "N-Quads shards, POST /store?no_transaction (Oxigraph's bulk loader)",
                    time.perf_counter() - started,
                )
            )
            assert served.count_triples() == total, "the bulk load lost triples"
            served.close()
        started = time.perf_counter()
        load_offline(
            str(Path(sys.executable).with_name("oxigraph")),
            Path(scratch) / "offline",
            writer.shards,
        )
        rows.append(
            ("N-Quads shards, oxigraph load (server stopped)", time.perf_counter() - started)
        )
    print("| write path | s | triples/s | papers/s |\n|---|---|---|---|")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.2f} | {total / seconds:,.0f} | {len(graphs) / seconds:,.1f} |")


COMMANDS: dict[str, Callable[[argparse.Namespace], None]] = {
    "vectors": vectors,
    "ingest": ingest,
    "triples": triples,
}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    vector_run = commands.add_parser("vectors", help="Milvus Lite vs FAISS at one size.")
    vector_run.add_argument("--size", type=int, default=1_000_000)
    vector_run.add_argument("--queries", type=int, default=400)
    vector_run.add_argument("--backends", nargs="+", default=["milvus", "faiss"])
    vector_run.add_argument(
        "--workdir",
        type=Path,
        default=None,
        help="Where the indexes are written (a temporary folder inside).",
    )
    ingest_run = commands.add_parser("ingest", help="--engine local vs ray on the same inputs.")
    ingest_run.add_argument("paths", type=Path, nargs="+")
    ingest_run.add_argument("--engines", nargs="+", default=["local", "ray"])
    ingest_run.add_argument("--keep", type=Path, help="Keep each engine's data folder here.")
    triples_run = commands.add_parser("triples", help="Triples per paper; update vs bulk load.")
    triples_run.add_argument(
        "paths",
        type=Path,
        nargs="+",
        help="An ingested data folder, or inputs to read and extract.",
    )
    args = parser.parse_args(argv)
    COMMANDS[args.command](args)


if __name__ == "__main__":
    main(sys.argv[1:])
