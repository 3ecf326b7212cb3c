"""The SPARQL 1.1 Protocol on /sparql, /export and /.well-known/void, over every graph store.

One fixture, `store_client`, runs each test against an app whose graph lives in Memory, in
Oxigraph on disk, and in a real `oxigraph serve` process (SPARQLUpdateStore).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from rdflib import Dataset, Graph, URIRef

from papergraph.api.app import create_app
from papergraph.api.backend import Backend
from papergraph.api.config import Settings
from papergraph.kg.settings import GraphSettings
from papergraph.kg.sparql import run_query
from papergraph.kg.vocab import paper_graph_iri
from tests.api.backends import ingested

pytestmark = pytest.mark.filterwarnings(
    "ignore:(Dataset|ConjunctiveGraph).*deprecated:DeprecationWarning"
)

STORES = ["Memory", "Oxigraph", "SPARQLUpdateStore"]
TITLES = (
    "SELECT ?id ?title WHERE { ?p a fabio:ResearchPaper ; dcterms:identifier ?id ; "
    "dcterms:title ?title } ORDER BY ?id"
)
CONSTRUCT = (
    "CONSTRUCT { ?p dcterms:title ?t ; pg:mentions ?e } WHERE { ?p a fabio:ResearchPaper ; "
    "dcterms:title ?t ; pg:mentions ?e }"
)
SPARQL_JSON = "application/sparql-results+json"


@pytest.fixture(scope="module", params=STORES)
def store_backend(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, embedder, corpus_dir
) -> Iterator[Backend]:
    """The test corpus, ingested into a backend whose graph is on each store."""
    store = str(request.param)
    graph = GraphSettings(store=store)
    if store == "SPARQLUpdateStore":
        base = request.getfixturevalue("oxigraph_server")
        request.getfixturevalue("oxigraph_update")("DROP ALL")
        graph = GraphSettings(store=store, store_config=f"{base}/query,{base}/update")
    settings = Settings(data_dir=tmp_path_factory.mktemp(f"data-{store}"), graph=graph)
    with ingested(settings, embedder, corpus_dir) as backend:
        yield backend


@pytest.fixture(scope="module")
def store_client(store_backend: Backend) -> Iterator[TestClient]:
    with TestClient(create_app(store_backend.settings, store_backend)) as client:
        yield client


def local_rows(backend: Backend, query: str) -> list[dict[str, str]]:
    answer = run_query(backend.stores.graph, query, timeout_s=30, max_rows=1000)
    return [{name: str(term) for name, term in row.items()} for row in answer.rows]


def json_rows(body: dict[str, Any]) -> list[dict[str, str]]:
    return [{k: v["value"] for k, v in row.items()} for row in body["results"]["bindings"]]


def error(response: Any, status: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()["error"]
    assert body["status"] == status
    return str(body["message"])


def test_get_post_form_and_post_query_answer_alike(store_client, store_backend) -> None:
    responses = [
        store_client.get("/sparql", params={"query": TITLES}),
        store_client.post("/sparql", data={"query": TITLES}),
        store_client.post(
            "/sparql", content=TITLES, headers={"Content-Type": "application/sparql-query"}
        ),
    ]
    expected = local_rows(store_backend, TITLES)
    assert len(expected) == 5
    for response in responses:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith(SPARQL_JSON)
        assert json_rows(response.json()) == expected


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/html, */*;q=0.1", SPARQL_JSON),
        ("", SPARQL_JSON),
    ],
)
def test_select_formats_follow_accept(store_client, accept: str, media_type: str) -> None:
    response = store_client.get("/sparql", params={"query": TITLES}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media_type)
    if media_type == "text/csv":
        rows = list(csv.reader(io.StringIO(response.text)))
        assert rows[0] == ["id", "title"] and len(rows) == 6


def test_format_parameter_overrides_accept(store_client) -> None:
    response = store_client.get(
        "/sparql", params={"query": TITLES, "format": "csv"}, headers={"Accept": SPARQL_JSON}
    )
    assert response.headers["content-type"].startswith("text/csv")


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
    ],
)
def test_construct_parses_back_into_the_same_triples(
    store_client, store_backend, accept: str, rdflib_format: str
) -> None:
    response = store_client.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(accept)
    served = Graph().parse(data=response.content, format=rdflib_format)
    local = run_query(store_backend.stores.graph, CONSTRUCT, timeout_s=30, max_rows=1000).graph
    assert local is not None and len(local) > 5
    assert set(served) == set(local)


def test_unacceptable_types_are_406(store_client) -> None:
    headers = {"Accept": "text/turtle"}
    response = store_client.get("/sparql", params={"query": TITLES}, headers=headers)
    assert "Accept" in error(response, 406)
    ask = {"query": "ASK { ?s ?p ?o }"}
    error(store_client.get("/sparql", params=ask, headers={"Accept": "text/csv"}), 406)
    error(store_client.get("/sparql", params={**ask, "format": "yaml"}), 406)


def test_wrong_content_type_is_415(store_client) -> None:
    response = store_client.post("/sparql", content=TITLES, headers={"Content-Type": "text/plain"})
    assert "text/plain" in error(response, 415)


def test_malformed_query_is_400_with_the_parser_message(store_client) -> None:
    message = error(store_client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x"}), 400)
    assert "line:1" in message


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {
            "method": "POST",
            "content": "DROP ALL",
            "headers": {"Content-Type": "application/sparql-update"},
        },
        {"method": "POST", "data": {"update": "DROP ALL"}},
        {"method": "POST", "data": {"query": "DROP ALL"}},
        {"method": "GET", "params": {"update": "DROP ALL"}},
    ],
)
def test_updates_are_refused_and_change_nothing(store_client, request_kwargs) -> None:
    before = store_client.get("/health").json()["triples"]
    assert "read-only" in error(store_client.request(url="/sparql", **request_kwargs), 403)
    assert store_client.get("/health").json()["triples"] == before


def test_service_is_refused(store_client) -> None:
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    assert "SERVICE" in error(store_client.get("/sparql", params={"query": query}), 403)


def test_dataset_parameters_name_the_graphs(store_client) -> None:
    graph = str(paper_graph_iri("dpo-paper"))
    response = store_client.get("/sparql", params={"query": TITLES, "default-graph-uri": graph})
    assert [row["id"] for row in json_rows(response.json())] == ["dpo-paper"]
    graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    response = store_client.post("/sparql", data={"query": graphs, "named-graph-uri": graph})
    assert [row["g"] for row in json_rows(response.json())] == [graph]


def test_row_cap_says_it_was_hit(store_client, store_backend, monkeypatch) -> None:
    monkeypatch.setattr(store_backend.settings.graph, "max_rows", 3)
    response = store_client.get("/sparql", params={"query": TITLES})
    assert response.headers["X-Papergraph-Truncated"] == "true"
    assert response.headers["X-Papergraph-Max-Rows"] == "3"
    body = response.json()
    assert len(body["results"]["bindings"]) == 3
    assert body["papergraph"] == {"truncated": True, "max_rows": 3}
    whole = store_client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
    assert "X-Papergraph-Truncated" not in whole.headers


def test_timeout_is_504(store_client, store_backend, monkeypatch) -> None:
    monkeypatch.setattr(store_backend.settings.graph, "query_timeout_s", 0.05)
    # Three patterns over the corpus's ~10^3 triples: ~10^9 rows, far past 0.05 s yet finite (a
    # SPARQL server cannot be cancelled; four patterns kept it busy for the rest of the run).
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    assert "longer than" in error(store_client.get("/sparql", params={"query": slow}), 504)


def test_sparql_without_a_query_describes_the_service(store_client, store_backend) -> None:
    response = store_client.get("/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    described = Graph().parse(data=response.text, format="turtle")
    endpoint = URIRef("http://testserver/sparql")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert (None, URIRef(sd + "endpoint"), endpoint) in described
    void = store_client.get("/.well-known/void", headers={"Accept": "application/ld+json"})
    as_jsonld = Graph().parse(data=void.text, format="json-ld")
    void_triples = URIRef("http://rdfs.org/ns/void#triples")
    triples = as_jsonld.value(URIRef(f"{endpoint}#dataset"), void_triples)
    assert int(triples) == store_backend.stores.graph.count_triples()


def test_export_streams_named_graphs_that_round_trip(store_client, store_backend) -> None:
    response = store_client.get("/export", params={"format": "nq"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/n-quads")
    dumped = Dataset()
    dumped.parse(data=response.text, format="nquads")
    graph = store_backend.stores.graph
    for paper_id in graph.paper_ids():
        assert set(dumped.graph(paper_graph_iri(paper_id))) == set(graph.paper_rdf(paper_id))
    one = store_client.get("/export", params={"format": "ttl", "paper_id": "lora-paper"})
    parsed = Graph().parse(data=one.text, format="turtle")
    assert set(parsed) == set(graph.paper_rdf("lora-paper"))
    error(store_client.get("/export", params={"format": "rdfa"}), 406)
    error(store_client.get("/export", params={"paper_id": "no-such-paper"}), 404)


def test_load_needs_the_setting_and_the_key(
    store_client, store_backend, monkeypatch, turtle_url
) -> None:
    url, hits = turtle_url
    update = f"LOAD <{url}> INTO GRAPH <urn:side>"
    post = {"content": update, "headers": {"Content-Type": "application/sparql-update"}}
    error(store_client.post("/sparql", **post), 403)  # off by default
    monkeypatch.setattr(store_backend.settings.graph, "allow_load", True)
    monkeypatch.setattr(store_backend.settings.api, "api_key", "secret")
    assert "X-API-Key" in error(store_client.post("/sparql", **post), 403)
    assert hits == []
    post["headers"]["X-API-Key"] = "secret"
    assert store_client.post("/sparql", **post).status_code == 204
    assert hits == ["/data.ttl"]
    loaded = store_client.get(
        "/sparql", params={"query": "SELECT ?s WHERE { GRAPH <urn:side> { ?s ?p ?o } }"}
    )
    assert json_rows(loaded.json()) == [{"s": "urn:x"}]


def test_paper_page_negotiates_rdf(client: TestClient, backend: Backend) -> None:
    as_json = client.get("/papers/dpo-paper")
    assert as_json.headers["content-type"].startswith("application/json")
    assert as_json.json()["title"] == "Preference Optimization Without Reward Models"
    turtle = client.get("/papers/dpo-paper", headers={"Accept": "text/turtle"})
    assert turtle.headers["content-type"].startswith("text/turtle")
    parsed = Graph().parse(data=turtle.text, format="turtle")
    assert set(parsed) == set(backend.stores.graph.paper_rdf("dpo-paper"))
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    page = client.get("/papers/dpo-paper", headers={"Accept": browser})
    assert page.json()["paper_id"] == "dpo-paper"
