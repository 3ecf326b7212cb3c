"""SPARQL on each graph store: load time, memory, and five typical queries, in one run.

A synthetic paper graph in Papergraph's own shape (kg.mapping.paper_graph over generated
papers: authors, chunks, methods, datasets, benchmarks, tasks, metrics with evidence, results,
citations) is written once as N-Quads, then each store is measured in its own process:

- rdflib Memory (the baseline every ratio is against),
- Oxigraph embedded on disk (oxrdflib; bulk loaded),
- Oxigraph as a server (`oxigraph serve`, loaded over HTTP, queried through SPARQLUpdateStore).

Queries go through KnowledgeGraph.query (rdflib's Dataset over the store plugin) and every row
is read; the row counts must agree across stores. /sparql adds one rdflib parse of the query
(kg.sparql.check_query) on every store; its cost is timed on its own line.

    python benchmarks/sparql.py                    # ~1 M triples
    python benchmarks/sparql.py --triples 20000    # the CI size
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from papergraph.core.model import (  # noqa: E402
    Chunk,
    Entity,
    EntityType,
    Evidence,
    Extraction,
    Paper,
    Reference,
    Result,
    Role,
)
from papergraph.kg.export import DUMP_FORMATS, serialize_paper  # noqa: E402
from papergraph.kg.mapping import paper_graph  # noqa: E402
from papergraph.kg.vocab import paper_graph_iri  # noqa: E402

STORES = ("Memory", "Oxigraph", "oxigraph-server")
WORDS = (
    "learning deep neural sparse efficient robust language vision graph attention "
    "transformer retrieval reasoning models scalable self-supervised contrastive "
    "generative alignment benchmark evaluation adaptive federated"
).split()
POOLS = {
    EntityType.METHOD: 2000,
    EntityType.DATASET: 500,
    EntityType.BENCHMARK: 200,
    EntityType.TASK: 100,
    EntityType.METRIC: 30,
}
ROLES = (Role.PROPOSES, Role.USES, Role.EVALUATES_ON, Role.COMPARES_AGAINST, Role.MENTIONS)

#: Entities are found by label in a DISTINCT subquery: every paper that mentions an entity
#: states its type and label in its own graph, and Oxigraph's union default graph is a bag, so
#: a plain `?d a pg:Dataset ; skos:prefLabel "X"` binds ?d once per pair of those statements.
QUERIES = {
    "papers using dataset X": """
        SELECT DISTINCT ?paper ?title WHERE {
          { SELECT DISTINCT ?d WHERE { ?d a pg:Dataset ; skos:prefLabel "Dataset 3" } }
          { ?paper pg:uses ?d } UNION { ?paper pg:evaluatesOn ?d }
          ?paper dcterms:title ?title }""",
    "methods co-occurring with Y": """
        SELECT ?m (COUNT(DISTINCT ?paper) AS ?n) WHERE {
          { SELECT DISTINCT ?y WHERE { ?y a pg:Method ; skos:prefLabel "Method 3" } }
          ?paper pg:mentions ?y , ?m .
          { SELECT DISTINCT ?m WHERE { ?m a pg:Method } } FILTER(?m != ?y)
        } GROUP BY ?m ORDER BY DESC(?n) ?m LIMIT 20""",
    "2-hop citations": """
        SELECT DISTINCT ?two WHERE {
          <https://w3id.org/papergraph/paper/bench-{last}> cito:cites ?one .
          ?one cito:cites ?two }""",
    "results on benchmark Z by value": """
        SELECT DISTINCT ?paper ?r ?value WHERE {
          { SELECT DISTINCT ?z WHERE { ?z skos:prefLabel "Benchmark 3" } }
          ?r pg:resultDataset ?z ; pg:value ?value . ?paper pg:reportsResult ?r
        } ORDER BY DESC(?value) ?r LIMIT 50""",
    "title text filter": """
        SELECT ?paper ?title WHERE {
          ?paper a fabio:ResearchPaper ; dcterms:title ?title .
          FILTER(CONTAINS(LCASE(STR(?title)), "transformer retrieval")) }""",
}


# ---------------------------------------------------------------- the synthetic graph


def _zipf(rng: random.Random, size: int) -> int:
    """An index in [0, size), log-uniform: a few popular concepts and a long tail."""
    return min(int(size ** rng.random()) - 1, size - 1)


def _paper(rng: random.Random, number: int) -> tuple[Paper, Extraction]:
    paper_id = f"bench-{number}"
    title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 9))).capitalize()
    chunks = [Chunk(f"{paper_id}#{i}", paper_id, i, "text") for i in range(3)]
    cited = rng.sample(range(number), min(number, rng.randint(5, 15)))
    paper = Paper(
        id=paper_id,
        title=title,
        year=2015 + number % 10,
        authors=[f"Author {_zipf(rng, 5000)}" for _ in range(rng.randint(1, 5))],
        abstract=f"Abstract of {title}.",
        chunks=chunks,
        references=[Reference(raw=f"[{c}]", arxiv_id=f"bench-{c}") for c in cited],
    )
    entities = []
    for _ in range(rng.randint(4, 10)):
        kind = rng.choice(list(POOLS))
        label = f"{kind.value} {_zipf(rng, POOLS[kind])}"
        chunk = rng.choice(chunks).id
        entities.append(
            Entity(
                kind,
                label,
                role=rng.choice(ROLES),
                salience=rng.random(),
                evidence=[Evidence(chunk, 0, 5, label, "bench", 0.9)],
            )
        )
    results = [
        Result(
            method=f"Method {_zipf(rng, POOLS[EntityType.METHOD])}",
            task=None,
            dataset=f"Benchmark {_zipf(rng, POOLS[EntityType.BENCHMARK])}",
            metric=f"Metric {_zipf(rng, POOLS[EntityType.METRIC])}",
            value=round(rng.uniform(10, 99), 2),
        )
        for _ in range(rng.randint(0, 3))
    ]
    return paper, Extraction(paper_id, entities, results)


def write_graph(target: Path, triples: int, seed: int = 7) -> tuple[int, int]:
    """Write papers as N-Quads until `triples` statements; (papers, statements)."""
    rng, written, number = random.Random(seed), 0, 0
    nquads = DUMP_FORMATS["nq"]
    with target.open("wb") as sink:
        while written < triples:
            graph = paper_graph(*_paper(rng, number))
            sink.write(serialize_paper(graph, paper_graph_iri(f"bench-{number}"), nquads))
            written, number = written + len(graph), number + 1
    return number, written


# ---------------------------------------------------------------- one store, in its own process


def _rss_mb(pid: int | str = "self") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_oxigraph_server(folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    binary = Path(sys.executable).with_name("oxigraph")
    port = _free_port()
    process = subprocess.Popen(
        [
            str(binary if binary.exists() else shutil.which("oxigraph")),
            "serve",
            "--location",
            str(folder),
            "--bind",
            f"127.0.0.1:{port}",
            "--union-default-graph",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1).read()
            return process, base
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("oxigraph serve did not start")


def measure_store(store: str, data: Path, papers: int, repeat: int) -> dict[str, object]:
    """Load `data` into `store`, then time each query; runs in a fresh process per store."""
    import pyoxigraph

    from papergraph.kg.settings import GraphSettings
    from papergraph.kg.sparql import check_query
    from papergraph.kg.store import KnowledgeGraph

    folder = Path(tempfile.mkdtemp(prefix=f"bench-{store}-"))
    server = None
    before = _rss_mb()
    started = time.perf_counter()
    if store == "Memory":
        kg = KnowledgeGraph(GraphSettings(store="Memory"), folder)
        kg.dataset.parse(str(data), format="nquads")
    elif store == "Oxigraph":
        kg = KnowledgeGraph(GraphSettings(store="Oxigraph"), folder)
        assert kg.oxigraph is not None
        kg.oxigraph.bulk_load(path=str(data), format=pyoxigraph.RdfFormat.N_QUADS)
        kg.oxigraph.optimize()
    else:
        server, base = start_oxigraph_server(folder)
        started = time.perf_counter()
        request = urllib.request.Request(
            f"{base}/store", data=data.read_bytes(), headers={"Content-Type": "application/n-quads"}
        )
        urllib.request.urlopen(request).read()
        kg = KnowledgeGraph(
            GraphSettings(store="SPARQLUpdateStore", store_config=f"{base}/query,{base}/update"),
            folder,
        )
    load_s = time.perf_counter() - started
    memory_mb = _rss_mb(server.pid) if server else _rss_mb() - before
    timings: dict[str, dict[str, float]] = {}
    for name, template in QUERIES.items():
        query = template.replace("{last}", str(papers - 1))
        times, checks, rows = [], [], 0
        for _ in range(repeat + 1):  # the first run warms caches and is not counted
            started = time.perf_counter()
            check_query(query)
            checked = time.perf_counter()
            rows = len(list(kg.query(query)))
            times.append(time.perf_counter() - checked)
            checks.append(checked - started)
        timings[name] = {
            "median_ms": 1000 * statistics.median(times[1:] or times),
            "rows": rows,
            "check_ms": 1000 * statistics.median(checks[1:] or checks),
        }
    kg.close()
    if server:
        server.terminate()
        server.wait()
    disk = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 2**20
    shutil.rmtree(folder, ignore_errors=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "store": store,
        "load_s": load_s,
        "memory_mb": memory_mb,
        "peak_rss_mb": peak,
        "disk_mb": disk,
        "queries": timings,
    }


# ---------------------------------------------------------------- the run


def run(triples: int, repeat: int, stores: list[str]) -> dict[str, object]:
    workdir = Path(tempfile.mkdtemp(prefix="bench-sparql-"))
    data = workdir / "graph.nq"
    started = time.perf_counter()
    papers, statements = write_graph(data, triples)
    generated_s = time.perf_counter() - started
    measured = []
    for store in stores:
        command = [
            sys.executable,
            __file__,
            "--worker",
            store,
            "--data",
            str(data),
            "--papers",
            str(papers),
            "--repeat",
            str(repeat),
        ]
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        measured.append(json.loads(output.strip().splitlines()[-1]))
    shutil.rmtree(workdir, ignore_errors=True)
    return {"papers": papers, "triples": statements, "generate_s": generated_s, "stores": measured}


def report(result: dict[str, object]) -> str:
    stores = result["stores"]
    assert isinstance(stores, list)
    base = stores[0]
    lines = [
        f"synthetic paper graph: {result['papers']} papers, {result['triples']} triples "
        f"(generated in {result['generate_s']:.1f} s); baseline: {base['store']}",
        "",
    ]
    header = f"{'':42}" + "".join(f"{s['store']:>22}" for s in stores)
    lines += [
        header,
        f"{'load (s)':42}"
        + "".join(f"{s['load_s']:>14.1f}{_ratio(base['load_s'], s['load_s']):>8}" for s in stores),
    ]
    lines.append(
        f"{'memory after load (MB)':42}"
        + "".join(
            f"{s['memory_mb']:>14.0f}{_ratio(base['memory_mb'], s['memory_mb']):>8}" for s in stores
        )
    )
    lines.append(f"{'disk (MB)':42}" + "".join(f"{s['disk_mb']:>22.0f}" for s in stores))
    for name in QUERIES:
        cells = []
        for s in stores:
            ms, ref = s["queries"][name]["median_ms"], base["queries"][name]["median_ms"]
            cells.append(f"{ms:>11.1f} ms{_ratio(ref, ms):>8}")
        rows = {s["queries"][name]["rows"] for s in stores}
        lines.append(
            f"{name + f' ({min(rows)} rows)':42}"
            + "".join(cells)
            + ("" if len(rows) == 1 else f"   ROW COUNTS DIFFER: {sorted(rows)}")
        )
    checks = [s["queries"][name]["check_ms"] for s in stores for name in QUERIES]
    lines += [
        f"{'rdflib parse+check per query':42}{statistics.median(checks):>11.1f} ms "
        "(median; /sparql adds it on every store)",
        "",
        "ratio = baseline / store: above 1x the store is faster (or smaller).",
    ]
    return "\n".join(lines)


def _ratio(baseline: float, value: float) -> str:
    return f"{baseline / value:.1f}x" if value > 0 else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per query")
    parser.add_argument("--stores", default=",".join(STORES))
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--papers", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if args.worker:
        print(json.dumps(measure_store(args.worker, args.data, args.papers, args.repeat)))
        return
    result = run(args.triples, args.repeat, args.stores.split(","))
    print(json.dumps(result, indent=2) if args.json else report(result))


if __name__ == "__main__":
    main()
