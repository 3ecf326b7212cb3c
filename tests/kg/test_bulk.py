"""The bulk path: paper graphs as N-Quads shards, loaded into a real `oxigraph serve` and by
`oxigraph load`, give the store that one update per paper gives."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest

from papergraph.core.model import Extraction, Paper
from papergraph.kg.bulk import ShardWriter, load_into_server, load_offline, shard_graphs
from papergraph.kg.errors import StoreUnavailable
from papergraph.kg.mapping import paper_graph
from papergraph.kg.settings import GraphSettings
from papergraph.kg.store import KnowledgeGraph
from tests.conftest import _oxigraph_binary
from tests.servers import free_port

Papers = list[tuple[Paper, Extraction]]


@pytest.fixture
def papers(paper_a: tuple[Paper, Extraction], paper_b: tuple[Paper, Extraction]) -> Papers:
    return [paper_a, paper_b]


@pytest.fixture
def reference(papers: Papers, tmp_path: Path) -> KnowledgeGraph:
    """The papers written the ingest way, one update each."""
    kg = KnowledgeGraph(GraphSettings(store="Memory"), tmp_path)
    for paper, extraction in papers:
        kg.replace_paper(paper.id, paper_graph(paper, extraction))
    return kg


@pytest.fixture
def shards(papers: Papers, tmp_path: Path) -> list[Path]:
    with ShardWriter(tmp_path / "shards", max_quads=10) as writer:  # one paper per shard
        for paper, extraction in papers:
            writer.add(paper.id, paper_graph(paper, extraction).serialize(format="nt"))
    return writer.shards


def test_each_paper_is_whole_in_one_shard(shards: list[Path], papers: Papers) -> None:
    assert len(shards) == 2
    assert [len(shard_graphs(shard)) for shard in shards] == [1, 1]


def test_server_bulk_load_equals_per_paper_updates(
    shards: list[Path],
    reference: KnowledgeGraph,
    papers: Papers,
    oxigraph_server: str,
    oxigraph_update,
    tmp_path: Path,
) -> None:
    oxigraph_update("DROP ALL")
    sent = load_into_server(f"{oxigraph_server}/store", f"{oxigraph_server}/update", shards)
    load_into_server(f"{oxigraph_server}/store", f"{oxigraph_server}/update", shards)  # again
    config = f"{oxigraph_server}/query,{oxigraph_server}/update"
    served = KnowledgeGraph(GraphSettings(store="SPARQLUpdateStore", store_config=config), tmp_path)
    try:
        assert sent == reference.count_triples() == served.count_triples()
        for paper, _ in papers:
            assert served.paper_entities(paper.id) == reference.paper_entities(paper.id)
            assert served.paper_references(paper.id) == reference.paper_references(paper.id)
    finally:
        served.close()
        oxigraph_update("DROP ALL")


def test_offline_load_builds_the_same_store(
    shards: list[Path], reference: KnowledgeGraph, tmp_path: Path
) -> None:
    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("the `oxigraph` binary is not installed (pip install oxigraph)")
    location = tmp_path / "triples"
    load_offline(binary, location, shards)
    store = pyoxigraph.Store(str(location))
    assert len(store) == reference.count_triples()
    evidence = "SELECT ?t WHERE { GRAPH ?g { ?e <http://www.w3.org/ns/prov#value> ?t } }"
    loaded = sorted(str(row["t"].value) for row in store.query(evidence))
    assert loaded and loaded == sorted(str(row[0]) for row in reference.query(evidence))


def test_a_server_that_is_down_is_named(shards: list[Path]) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(StoreUnavailable, match="127.0.0.1"):
        load_into_server(f"{url}/store", f"{url}/update", shards)
