"""Real SPARQL clients against a real server: `papergraph serve` in its own process.

SPARQLWrapper and rdflib's SPARQLStore speak to /sparql over HTTP on 127.0.0.1 and must get
what a local rdflib query over the same quads answers.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML, SPARQLWrapper

from papergraph.api.config import Settings
from papergraph.kg.export import export
from papergraph.kg.vocab import FABIO, RDF, SPARQL_PREFIXES, paper_graph_iri
from tests.api.backends import ingested
from tests.servers import free_port, stop, wait_until_up

pytestmark = pytest.mark.filterwarnings(
    "ignore:(Dataset|ConjunctiveGraph).*deprecated:DeprecationWarning"
)

REPO = Path(__file__).resolve().parents[2]
PREFIXES = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in SPARQL_PREFIXES.items())
TITLES = PREFIXES + (
    "SELECT ?id ?title WHERE { ?p a fabio:ResearchPaper ; dcterms:identifier ?id ; "
    "dcterms:title ?title } ORDER BY ?id"
)
MENTIONS = PREFIXES + (
    "SELECT ?paper (COUNT(DISTINCT ?e) AS ?n) WHERE { ?paper pg:mentions ?e } "
    "GROUP BY ?paper ORDER BY ?paper"
)
CONSTRUCT = PREFIXES + (
    "CONSTRUCT { ?p dcterms:title ?t ; pg:mentions ?e } WHERE { ?p a fabio:ResearchPaper ; "
    "dcterms:title ?t ; pg:mentions ?e }"
)


@pytest.fixture(scope="module")
def local(served: tuple[str, Dataset]) -> Dataset:
    return served[1]


@pytest.fixture(scope="module")
def endpoint(served: tuple[str, Dataset]) -> str:
    return served[0]


@pytest.fixture(scope="module")
def served(
    tmp_path_factory: pytest.TempPathFactory, embedder, corpus_dir: Path
) -> Iterator[tuple[str, Dataset]]:
    """(the /sparql URL of a live `papergraph serve`, the same quads in a local rdflib Dataset)."""
    data_dir = tmp_path_factory.mktemp("served")
    with ingested(Settings(data_dir=data_dir), embedder, corpus_dir) as backend:
        local = Dataset(default_union=True)
        local.parse(data=b"".join(export(backend.stores.graph, "nq")), format="nquads")
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO), "HF_HUB_OFFLINE": "1"}
    command = "from papergraph.api.cli import main; main()"
    process = subprocess.Popen(
        [sys.executable, "-c", command, "serve", "--data-dir", str(data_dir), "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{base}/health", process, timeout_s=180)
        yield f"{base}/sparql", local
    finally:
        stop(process, timeout_s=30)


def local_rows(local: Dataset, query: str) -> list[dict[str, str]]:
    result = local.query(query)
    names = [str(v) for v in result.vars or []]
    return [{n: str(row[i]) for i, n in enumerate(names) if row[i] is not None} for row in result]


def wrapper(endpoint: str, query: str, return_format: str, method: str = "GET") -> SPARQLWrapper:
    client = SPARQLWrapper(endpoint)
    client.setQuery(query)
    client.setReturnFormat(return_format)
    client.setMethod(method)
    return client


@pytest.mark.parametrize("method", ["GET", POST])
@pytest.mark.parametrize("query", [TITLES, MENTIONS])
def test_sparqlwrapper_json_matches_a_local_query(endpoint, local, query, method) -> None:
    body = wrapper(endpoint, query, JSON, method).queryAndConvert()
    rows = [{k: v["value"] for k, v in b.items()} for b in body["results"]["bindings"]]
    expected = local_rows(local, query)
    assert len(expected) >= 4
    assert rows == expected


def test_sparqlwrapper_xml_and_csv(endpoint, local) -> None:
    expected = local_rows(local, TITLES)
    document = wrapper(endpoint, TITLES, XML).queryAndConvert()
    values = [node.firstChild.data for node in document.getElementsByTagName("literal")]
    assert values == [v for row in expected for v in (row["id"], row["title"])]
    text = wrapper(endpoint, TITLES, CSV).queryAndConvert().decode("utf-8")
    assert list(csv.DictReader(io.StringIO(text))) == expected


def test_sparqlwrapper_ask(endpoint) -> None:
    assert (
        wrapper(endpoint, PREFIXES + "ASK { ?p pg:mentions ?e }", JSON).queryAndConvert()["boolean"]
        is True
    )


def test_construct_as_turtle_parses_into_the_local_triples(endpoint, local) -> None:
    answer = wrapper(endpoint, CONSTRUCT, TURTLE).query()
    assert answer.response.headers["Content-Type"].startswith("text/turtle")
    served = Graph().parse(data=answer.convert(), format="turtle")
    expected = local.query(CONSTRUCT).graph
    assert expected is not None and len(expected) > 10
    assert set(served) == set(expected)


def test_sparqlwrapper_named_default_graph(endpoint, local) -> None:
    client = wrapper(endpoint, TITLES, JSON)
    client.addDefaultGraph(str(paper_graph_iri("math-paper")))
    rows = client.queryAndConvert()["results"]["bindings"]
    assert [row["id"]["value"] for row in rows] == ["math-paper"]


def test_sparqlwrapper_update_is_refused(endpoint) -> None:
    client = SPARQLWrapper(endpoint, updateEndpoint=endpoint)
    client.setMethod(POST)
    client.setQuery("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    with pytest.raises(urllib.error.HTTPError) as caught:
        client.query()
    assert caught.value.code == 403


def test_rdflib_sparqlstore_matches_a_local_query(endpoint, local) -> None:
    remote = Graph(store="SPARQLStore")
    remote.open(endpoint)
    rows = remote.query(TITLES)
    assert [{k: str(v) for k, v in row.asdict().items()} for row in rows] == local_rows(
        local, TITLES
    )
    papers = set(remote.subjects(RDF.type, FABIO.ResearchPaper))
    assert papers == set(local.subjects(RDF.type, FABIO.ResearchPaper))
    assert len(papers) == 5
