"""Query latency of a real server at 100k chunks: p50/p99 under 1 and 8 concurrent clients.

1. Builds (or reuses, with `--corpus DIR`) a synthetic corpus: `--papers` papers of
   `--chunks-per-paper` chunks whose text is real (sentences of SciTLDR abstracts), with
   entities drawn from the project's lexicon by a Zipf law (so papers share entities and
   "related" has work to do), citations between the papers, and synthetic clustered unit
   vectors (the encoder would take hours at ~15 chunks/s). Paper-level vectors (title +
   abstract) are encoded for real, as `papergraph ingest` does (~6 min for 5,000 papers). Every store is written through its
   own API: SQLite, FAISS (which turns into HNSW past `exact_below` on save), tantivy and the
   graph, one named graph per paper as the ingester writes it.
2. Starts `papergraph serve` on it as a separate process (uvicorn, loopback).
3. Runs each request kind with 1 and with 8 clients (httpx.AsyncClient, one connection each):
   /search in each mode with distinct queries (so every query is encoded: no cache hits),
   /sparql, /papers/{id}/related, /papers/{id} and /health; a static file is the baseline (the
   floor of HTTP + uvicorn + FastAPI on this machine), measured in the same run.
4. Reports resident memory of the server process (now and peak).

    PYTHONPATH=. HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/query.py \\
        --corpus /tmp/papergraph-100k --papers 5000 --chunks-per-paper 20
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import httpx
import numpy as np

from benchmarks.shared_data import REPO, SHARED_DATA
from papergraph.core.model import (
    Chunk,
    Entity,
    EntityType,
    Evidence,
    Extraction,
    Paper,
    Reference,
    Role,
)
from papergraph.index.embed import Embedder
from papergraph.index.faiss import FaissIndex
from papergraph.index.keyword import KeywordIndex
from papergraph.index.paper_vectors import FILENAME as PAPER_VECTORS_FILE
from papergraph.index.paper_vectors import PaperVectors
from papergraph.index.settings import IndexSettings
from papergraph.index.store import ChunkStore
from papergraph.kg.mapping import paper_graph
from papergraph.kg.settings import GraphSettings
from papergraph.kg.store import KnowledgeGraph

DIMENSION = 384
TYPES = {t.value: t for t in EntityType}
SPARQL = {
    "sparql: papers using a dataset": (
        "SELECT ?paper ?title WHERE { ?paper pg:evaluatesOn|pg:uses|pg:mentions ?d . "
        "?d a pg:Dataset ; skos:prefLabel ?label . ?paper dcterms:title ?title . "
        'FILTER(?label = "{label}") } LIMIT 50'
    ),
    "sparql: top methods (GROUP BY)": (
        "SELECT ?m (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p pg:mentions ?m . ?m a pg:Method } "
        "GROUP BY ?m ORDER BY DESC(?n) LIMIT 10"
    ),
}


# ------------------------------------------------------------------ the corpus


def sentences(limit: int = 60_000) -> list[str]:
    found: list[str] = []
    with open(SHARED_DATA / "scitldr" / "train.jsonl") as rows:
        for line in rows:
            found += [s for s in json.loads(line)["source"] if len(s) > 40]
            if len(found) >= limit:
                break
    return found


def lexicon() -> list[tuple[str, EntityType]]:
    names = []
    for line in (REPO / "ingest" / "lexicon" / "generated-pwc.tsv").read_text().splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and not line.startswith("#") and parts[1] in TYPES:
            names.append((parts[0], TYPES[parts[1]]))
    return names


def synthetic_paper(
    n: int,
    chunks: int,
    rng: random.Random,
    pool: list[str],
    names: list[tuple[str, EntityType]],
    papers: int,
) -> tuple[Paper, Extraction]:
    paper_id = f"bench-{n:06d}"
    texts = [" ".join(rng.sample(pool, 8)) for _ in range(chunks)]
    paper = Paper(
        id=paper_id,
        title=texts[0][:80],
        year=2015 + n % 10,
        arxiv_id=f"2401.{n:05d}",
        abstract=texts[0],
        source="synthetic",
        content_hash=f"synthetic-{n}",
        chunks=[
            Chunk(
                f"{paper_id}#{i}",
                paper_id,
                i,
                text,
                f"{paper_id}#{i - 1}" if i else None,
                f"{paper_id}#{i + 1}" if i + 1 < chunks else None,
            )
            for i, text in enumerate(texts)
        ],
        references=[
            Reference(raw=f"cited {c}", arxiv_id=f"2401.{c:05d}")
            for c in rng.sample(range(papers), 8)
            if c != n
        ],
    )
    return paper, Extraction(paper_id, entities=_entities(paper, rng, names))


def _entities(
    paper: Paper, rng: random.Random, names: list[tuple[str, EntityType]]
) -> list[Entity]:
    picked: dict[str, Entity] = {}
    roles = [Role.PROPOSES, Role.USES, Role.EVALUATES_ON, Role.COMPARES_AGAINST, Role.MENTIONS]
    while len(picked) < 15:
        label, kind = names[min(int(rng.paretovariate(0.8)) - 1, len(names) - 1)]
        evidence = []
        for _ in range(3):
            chunk = rng.choice(paper.chunks)
            evidence.append(
                Evidence(chunk.id, 0, min(len(label), len(chunk.text)), label, "synthetic", 0.9)
            )
        picked[label] = Entity(
            kind, label, role=rng.choice(roles), salience=round(rng.random(), 3), evidence=evidence
        )
    return list(picked.values())


def clustered_vectors(
    rng: np.random.Generator, centres: np.ndarray, topic: int, n: int
) -> np.ndarray:
    block = centres[topic] + rng.normal(scale=0.35 / np.sqrt(DIMENSION), size=(n, DIMENSION))
    block /= np.linalg.norm(block, axis=1, keepdims=True)
    return block.astype(np.float32)


def build_corpus(data_dir: Path, papers: int, chunks: int, seed: int = 0) -> None:
    """Write the synthetic corpus into every store of `data_dir` (see the module docstring)."""
    rng, vector_rng = random.Random(seed), np.random.default_rng(seed)
    pool, names = sentences(), lexicon()
    centres = vector_rng.normal(size=(200, DIMENSION)).astype(np.float32)
    store = ChunkStore(data_dir / "papers.sqlite")
    vectors = FaissIndex.open(data_dir / "vectors", DIMENSION, IndexSettings())
    keywords = KeywordIndex(data_dir / "keywords")
    graph = KnowledgeGraph(GraphSettings(), data_dir)
    try:
        for start in range(0, papers, 500):
            batch = [
                synthetic_paper(n, chunks, rng, pool, names, papers)
                for n in range(start, min(start + 500, papers))
            ]
            _write_batch(batch, store, vectors, keywords, graph, vector_rng, centres)
            print(f"corpus: {start + len(batch)} / {papers} papers", file=sys.stderr, flush=True)
        vectors.save()
        # As `papergraph ingest` leaves a folder: paper-level vectors (title + abstract) encoded.
        print("corpus: encoding paper-level vectors", file=sys.stderr, flush=True)
        PaperVectors(
            data_dir / PAPER_VECTORS_FILE, store, vectors, Embedder(IndexSettings())
        ).matrix()
    finally:
        keywords.close()
        graph.close()
        store.close()


def _write_batch(
    batch: list[tuple[Paper, Extraction]],
    store: ChunkStore,
    vectors: FaissIndex,
    keywords: KeywordIndex,
    graph: KnowledgeGraph,
    vector_rng: np.random.Generator,
    centres: np.ndarray,
) -> None:
    rows, ids, blocks = [], [], []
    with store.transaction():
        for paper, _ in batch:
            rowids = store.upsert_paper(paper)
            block = clustered_vectors(
                vector_rng, centres, int(vector_rng.integers(200)), len(rowids)
            )
            store.put_vectors(rowids, block)
            ids += rowids
            blocks.append(block)
            rows += [
                (rowid, paper.id, c.text) for rowid, c in zip(rowids, paper.chunks, strict=True)
            ]
    vectors.add(np.asarray(ids, dtype=np.int64), np.concatenate(blocks))
    keywords.add(rows)
    for paper, extraction in batch:
        graph.replace_paper(paper.id, paper_graph(paper, extraction))


# ------------------------------------------------------------------ the server and the load


@dataclass
class Figure:
    name: str
    clients: int
    requests: int
    p50_ms: float
    p99_ms: float
    per_s: float
    server_cpu_ms: float = 0.0  # CPU the server's processes spent per request (user + system)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(data_dir: Path, port: int, workers: int = 1) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "PAPERGRAPH_DATA_DIR": str(data_dir),
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
    }
    command = [
        sys.executable,
        "-c",
        "from papergraph.api.cli import main; main()",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
    ]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"server exited: {server.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
        try:
            if (
                httpx.get(f"http://127.0.0.1:{port}/static/favicon.svg", timeout=5).status_code
                == 200
            ):
                return server
        except httpx.HTTPError:
            time.sleep(0.3)
    server.kill()
    raise RuntimeError("server did not answer /health within 180 s")


def memory_mb(pid: int) -> tuple[float, float]:
    """(resident, peak resident) of a server in MiB: its process and its workers, summed.
    With several workers the resident figure is the proportional share (Pss), so pages they
    share (the memory-mapped index, the libraries) count once. A worker that exits while it is
    read counts nothing."""
    pids = [pid, *_children(pid)]
    now = peak = 0.0
    key = "Pss" if len(pids) > 1 else "Rss"
    for one in pids:
        try:
            status = _fields(Path(f"/proc/{one}/status"))
            rollup = _fields(Path(f"/proc/{one}/smaps_rollup"))
        except (FileNotFoundError, ProcessLookupError):
            continue
        peak += int(status["VmHWM"].split()[0]) / 1024
        now += int(rollup[key].split()[0]) / 1024
    return now, peak


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a server: its process and its live workers."""
    total = 0
    for one in [pid, *_children(pid)]:
        try:
            stat = Path(f"/proc/{one}/stat").read_text()
        except (FileNotFoundError, ProcessLookupError):  # a worker that exited meanwhile
            continue
        fields = stat.rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime (stat fields 14 and 15)
    return total / os.sysconf("SC_CLK_TCK")


def _fields(path: Path) -> dict[str, str]:
    lines = path.read_text().splitlines()
    return dict(line.split(":", 1) for line in lines if ":" in line)


def _children(pid: int) -> list[int]:
    """The process's children, over its threads; a thread that ends while the list is read
    (its /proc entry gone between listing and reading) has none."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            found += [int(child) for child in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
    return found


async def _client(base: str, urls: Iterator[str], times: list[float]) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        for url in urls:
            started = time.perf_counter()
            response = await client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise RuntimeError(f"{url} answered {response.status_code}: {response.text[:300]}")


async def load(base: str, name: str, urls: list[str], clients: int) -> Figure:
    """Send `urls` from `clients` concurrent clients (each takes the next URL when done)."""
    times: list[float] = []
    shared = iter(urls)
    started = time.perf_counter()
    await asyncio.gather(*(_client(base, shared, times) for _ in range(clients)))
    elapsed = time.perf_counter() - started
    return Figure(
        name,
        clients,
        len(times),
        float(np.percentile(times, 50)),
        float(np.percentile(times, 99)),
        len(times) / elapsed,
    )


def scenarios(data_dir: Path, requests: int, queries: list[str]) -> dict[str, list[list[str]]]:
    """Per request kind, two URL lists (for 1 and 8 clients); search queries never repeat."""
    store = ChunkStore(data_dir / "papers.sqlite")
    try:
        paper_ids = [p["id"] for p in store.all_papers_minimal()]
    finally:
        store.close()
    rng = random.Random(1)
    fresh = iter(queries)
    # The baseline: a static file, the floor of HTTP + uvicorn + FastAPI on this machine. Asked
    # five times as often as the others: 200 answers at 8 clients took half a second, and one
    # pause of another process moved the floor every ratio is read against by 2x.
    kinds: dict[str, list[list[str]]] = {
        "static file (baseline)": [["/static/favicon.svg"] * (5 * requests)] * 2
    }
    kinds["health (counts papers, chunks, triples)"] = [["/health"] * max(requests // 10, 2)] * 2
    for mode in ("semantic", "keyword", "hybrid"):
        kinds[f"search {mode}"] = [
            [
                f"/search?{urlencode({'mode': mode, 'k': 10, 'q': next(fresh)})}"
                for _ in range(requests)
            ]
            for _ in range(2)
        ]
    labels = [label for label, kind in lexicon() if kind is EntityType.DATASET][:20]
    for name, template in SPARQL.items():
        kinds[name] = [
            [
                f"/sparql?{urlencode({'query': template.replace('{label}', rng.choice(labels))})}"
                for _ in range(requests)
            ]
            for _ in range(2)
        ]
    # As many as the others: a related request reads the snapshot (~3 ms in process at 5,000
    # papers); a tenth as many, as before, left too few for a p99 on a shared machine.
    kinds["related papers"] = [
        [f"/papers/{rng.choice(paper_ids)}/related?k=10" for _ in range(requests)] for _ in range(2)
    ]
    kinds["paper detail"] = [
        [f"/papers/{rng.choice(paper_ids)}" for _ in range(requests)] for _ in range(2)
    ]
    return kinds


def run(
    data_dir: Path,
    requests: int,
    concurrency: tuple[int, ...] = (1, 8),
    only: Sequence[str] = (),
    workers: int = 1,
) -> tuple[list[Figure], tuple[float, float]]:
    queries = [
        json.loads(line)["target"][0] for line in open(SHARED_DATA / "scitldr" / "train.jsonl")
    ]
    random.Random(2).shuffle(queries)
    port = free_port()
    server = start_server(data_dir, port, workers)
    figures = []
    try:
        base = f"http://127.0.0.1:{port}"
        for name, url_lists in scenarios(data_dir, requests, queries).items():
            if only and not any(part in name for part in only):
                continue
            asyncio.run(load(base, name, url_lists[0][:3], 1))  # warm this route once
            for clients, urls in zip(concurrency, url_lists, strict=True):
                cpu = cpu_seconds(server.pid)
                figures.append(asyncio.run(load(base, name, urls, clients)))
                spent = cpu_seconds(server.pid) - cpu
                figures[-1].server_cpu_ms = 1000 * spent / figures[-1].requests
                print(report(figures[-1:], header=False), file=sys.stderr, flush=True)
        memory = memory_mb(server.pid)
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
    return figures, memory


def report(figures: list[Figure], header: bool = True) -> str:
    """A table row per figure; `÷ static` is its req/s over the static file's at the same
    number of clients in the same run (blank where the static file was not measured)."""
    static = {f.clients: f.per_s for f in figures if f.name.startswith("static")}
    lines = [
        "| request | clients | requests | p50 ms | p99 ms | req/s | ÷ static | server CPU ms/req |",
        "|---|---|---|---|---|---|---|---|",
    ]
    lines = lines if header else []
    lines += [
        f"| {f.name} | {f.clients} | {f.requests} | {f.p50_ms:.1f} | {f.p99_ms:.1f} | "
        f"{f.per_s:.0f} | {_ratio(f, static)} | {f.server_cpu_ms:.1f} |"
        for f in figures
    ]
    return "\n".join(lines)


def _ratio(figure: Figure, static: dict[int, float]) -> str:
    return f"{figure.per_s / static[figure.clients]:.2f}" if figure.clients in static else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus",
        type=Path,
        required=True,
        help="Data folder of the synthetic corpus; built when it is absent.",
    )
    parser.add_argument("--papers", type=int, default=5000)
    parser.add_argument("--chunks-per-paper", type=int, default=20)
    parser.add_argument("--requests", type=int, default=200, help="Requests per kind and load.")
    parser.add_argument(
        "--only",
        nargs="*",
        default=[],
        help="Run the kinds whose name has one of these words (e.g. search related).",
    )
    parser.add_argument(
        "--workers", type=int, default=1, help="Server processes (papergraph serve --workers)."
    )
    args = parser.parse_args()
    if not (args.corpus / "papers.sqlite").exists():
        args.corpus.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        build_corpus(args.corpus, args.papers, args.chunks_per_paper)
        print(f"corpus built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    figures, (rss, peak) = run(args.corpus, args.requests, only=args.only, workers=args.workers)
    store = ChunkStore(args.corpus / "papers.sqlite")
    chunks, papers = store.count_chunks(), store.count_papers()
    store.close()
    print(
        f"corpus: {papers} papers, {chunks} chunks; server ({args.workers} worker(s)) resident "
        f"memory {rss:.0f} MiB (peak {peak:.0f} MiB)"
    )
    print(report(figures))


if __name__ == "__main__":
    main()
