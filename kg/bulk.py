"""Bulk loads of paper graphs into a SPARQL server: N-Quads shards, then the server's loader.

Ingest writes a paper's named graph with one SPARQL update (DROP + INSERT DATA) so that each
paper lands whole. For a first load of millions of papers that is one HTTP round trip and one
transaction per paper; a server's bulk loader takes the same quads far faster
(benchmarks/scale.py `triples`). This module writes papers' graphs as N-Quads shards (one named
graph per paper, as ingest writes them) and loads them:

- into a running server (`load_into_server`): per shard, one update dropping the shard's paper
  graphs, then one POST of the shard to the server's Graph Store endpoint (Oxigraph's `/store`,
  Fuseki's dataset `/data`, GraphDB's `/statements`), so loading a shard twice changes nothing;
  for Oxigraph, `/store?no_transaction` uses its bulk loader (2.3x the per-paper updates'
  rate here; not atomic: a failed shard is loaded again);
- into an Oxigraph folder with the server stopped (`load_offline`: `oxigraph load`, parallel,
  atomic per file), the fastest way to build a store from scratch.

Shards are also what a cluster ingest can emit next to its chunk Parquet, and what
`shards_from_graph` exports from an existing store to move it into a server.
"""

from __future__ import annotations

import subprocess
import urllib.request
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO
from urllib.error import URLError

from papergraph.core.closing import Closing
from papergraph.kg.errors import StoreUnavailable
from papergraph.kg.store import KnowledgeGraph
from papergraph.kg.vocab import paper_graph_iri

NQUADS = "application/n-quads"


def as_nquads(paper_id: str, ntriples: str) -> Iterator[str]:
    """The lines of a paper's N-Triples as N-Quads in the paper's named graph."""
    graph = f"<{paper_graph_iri(paper_id)}>"
    for line in ntriples.splitlines():
        statement = line.strip()
        if statement and not statement.startswith("#"):
            yield f"{statement.removesuffix('.').rstrip()} {graph} .\n"


class ShardWriter(Closing):
    """Papers' graphs into `folder/papers-00000.nq`, ...; a new shard after `max_quads` quads
    (a paper never straddles two shards)."""

    def __init__(self, folder: Path, max_quads: int = 1_000_000) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.max_quads = max_quads
        self.shards: list[Path] = []
        self._quads = 0
        self._file: TextIO | None = None

    def add(self, paper_id: str, ntriples: str) -> None:
        if self._file is None or self._quads >= self.max_quads:
            self._next_shard()
        assert self._file is not None
        lines = list(as_nquads(paper_id, ntriples))
        self._file.writelines(lines)
        self._quads += len(lines)

    def _next_shard(self) -> None:
        self.close()
        path = self.folder / f"papers-{len(self.shards):05d}.nq"
        self._file = open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed in close()
        self.shards.append(path)
        self._quads = 0

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


def shards_from_graph(kg: KnowledgeGraph, folder: Path, max_quads: int = 1_000_000) -> list[Path]:
    """Every paper's named graph of an existing store, as N-Quads shards."""
    with ShardWriter(folder, max_quads) as writer:
        for paper_id in kg.paper_ids():
            writer.add(paper_id, kg.paper_rdf(paper_id).serialize(format="nt"))
    return writer.shards


def shard_graphs(shard: Path) -> list[str]:
    """The named graphs a shard writes, in order."""
    seen: dict[str, None] = {}
    with open(shard, encoding="utf-8") as lines:
        for line in lines:
            seen.setdefault(line.rstrip().removesuffix(".").rstrip().rsplit(" ", 1)[-1], None)
    return list(seen)


def _post(url: str, body: bytes, content_type: str) -> None:
    request = urllib.request.Request(url, data=body, headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request) as answer:
            answer.read()
    except (URLError, OSError) as error:
        raise StoreUnavailable(f"bulk load to {url} failed: {error}") from error


def load_into_server(store_url: str, update_url: str, shards: Iterable[Path]) -> int:
    """POST each shard to a running server (after dropping the graphs it replaces); returns the
    number of quads sent."""
    sent = 0
    for shard in shards:
        drops = " ;\n".join(f"DROP SILENT GRAPH {name}" for name in shard_graphs(shard))
        if drops:
            _post(update_url, drops.encode("utf-8"), "application/sparql-update")
        body = shard.read_bytes()
        _post(store_url, body, NQUADS)
        sent += body.count(b"\n")
    return sent


def load_offline(binary: str, location: Path, shards: list[Path]) -> None:
    """`oxigraph load` the shards into the store folder `location` (no server may hold it);
    for building a store from scratch: it adds quads and drops nothing."""
    command = [binary, "load", "--location", str(location)]
    for shard in shards:
        command += ["--file", str(shard)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise StoreUnavailable(f"oxigraph load into {location} failed: {done.stderr.strip()}")
