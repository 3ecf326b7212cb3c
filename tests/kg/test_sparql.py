"""The read-only SPARQL endpoint over every store."""

from __future__ import annotations

import csv
import io
import json
import threading
import time

import pytest
from rdflib import Graph

from papergraph.kg.errors import QueryForbidden, QueryTimeout, SparqlSyntaxError, UnsupportedFormat
from papergraph.kg.sparql import check_query, run_query
from papergraph.kg.store import KnowledgeGraph

pytestmark = pytest.mark.filterwarnings("ignore:Dataset.*deprecated:DeprecationWarning")


def ask(kg: KnowledgeGraph, query: str, max_rows: int = 100):
    return run_query(kg, query, timeout_s=30, max_rows=max_rows)


def test_select_as_sparql_json(filled: KnowledgeGraph) -> None:
    answer = ask(
        filled,
        "SELECT ?id ?title WHERE { ?p a fabio:ResearchPaper ; "
        "dcterms:identifier ?id ; dcterms:title ?title } ORDER BY ?id",
    )
    assert not answer.truncated
    body = json.loads(answer.serialize("json"))
    assert body["head"]["vars"] == ["id", "title"]
    assert [b["id"]["value"] for b in body["results"]["bindings"]] == ["2201.11903", "2307.12966"]
    assert answer.media_type("json") == "application/sparql-results+json"


def test_select_as_csv_tsv_and_xml(filled: KnowledgeGraph) -> None:
    answer = ask(
        filled,
        "SELECT ?id WHERE { ?p a fabio:ResearchPaper ; dcterms:identifier ?id } ORDER BY ?id",
    )
    rows = list(csv.reader(io.StringIO(answer.serialize("csv").decode())))
    assert rows == [["id"], ["2201.11903"], ["2307.12966"]]
    tsv = answer.serialize("tsv").decode().splitlines()
    assert tsv[0] == "?id" and tsv[1].startswith('"2201.11903"')
    assert b"<sparql" in answer.serialize("xml")


def test_ask(filled: KnowledgeGraph) -> None:
    answer = ask(filled, "ASK { ?p pg:proposes ?m }")
    assert answer.boolean is True
    assert json.loads(answer.serialize("json"))["boolean"] is True
    with pytest.raises(UnsupportedFormat):
        answer.serialize("csv")


def test_construct_as_turtle(filled: KnowledgeGraph) -> None:
    answer = ask(
        filled,
        "CONSTRUCT { ?p dcterms:title ?t } WHERE { ?p dcterms:title ?t ; a fabio:ResearchPaper }",
    )
    graph = Graph().parse(data=answer.serialize("turtle"), format="turtle")
    assert len(graph) == 2
    assert json.loads(answer.serialize("json-ld"))
    assert answer.media_type("nt") == "application/n-triples"
    with pytest.raises(UnsupportedFormat):
        answer.serialize("csv")


def test_row_cap_truncates(filled: KnowledgeGraph) -> None:
    answer = ask(filled, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }", max_rows=5)
    assert answer.truncated and len(answer.rows) == 5
    exact = ask(filled, "SELECT ?p WHERE { ?p a fabio:ResearchPaper }", max_rows=2)
    assert not exact.truncated and len(exact.rows) == 2
    graph = ask(filled, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", max_rows=3)
    assert graph.truncated and graph.graph is not None and len(graph.graph) == 3


def test_syntax_error_carries_the_parser_message(kg: KnowledgeGraph) -> None:
    with pytest.raises(SparqlSyntaxError) as caught:
        ask(kg, "SELECT ?s WHERE { ?s ?p }")
    assert "line:1" in caught.value.message and caught.value.status == 400
    with pytest.raises(SparqlSyntaxError, match="nope"):
        ask(kg, "SELECT ?s WHERE { ?s nope:x ?o }")


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "DELETE WHERE { ?s ?p ?o }",
        "LOAD <http://example.org/data.ttl>",
        "DROP ALL",
        "PREFIX x: <urn:x#> CLEAR GRAPH <urn:g>",
    ],
)
def test_updates_are_refused(kg: KnowledgeGraph, update: str) -> None:
    with pytest.raises(QueryForbidden, match="read-only"):
        ask(kg, update)


def test_service_is_refused(kg: KnowledgeGraph) -> None:
    with pytest.raises(QueryForbidden, match="SERVICE"):
        ask(kg, "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")


def test_graph_names_a_paper(filled: KnowledgeGraph) -> None:
    answer = ask(
        filled,
        "SELECT ?t WHERE { GRAPH <https://w3id.org/papergraph/graph/paper/"
        "2201.11903> { ?p a fabio:ResearchPaper ; dcterms:title ?t } }",
    )
    assert [str(r["t"]) for r in answer.rows] == ["Chain-of-Thought Prompting"]


def test_service_runs_when_an_operator_allows_it(
    kg: KnowledgeGraph, oxigraph_server: str, oxigraph_update
) -> None:
    """SERVICE reaches a real SPARQL server (the test's oxigraph) only with allow_service."""
    oxigraph_update('INSERT DATA { GRAPH <urn:remote> { <urn:s> <urn:p> "far" } }')
    query = f"SELECT ?o WHERE {{ SERVICE <{oxigraph_server}/query> {{ <urn:s> <urn:p> ?o }} }}"
    with pytest.raises(QueryForbidden, match="allow_service"):
        ask(kg, query)
    answer = run_query(kg, query, timeout_s=30, max_rows=10, allow_service=True)
    assert [str(r["o"]) for r in answer.rows] == ["far"]


def test_timeout_stops_the_query(filled: KnowledgeGraph) -> None:
    # Four patterns: far past 0.2 s everywhere (~1 minute on Oxigraph), yet finite: a SPARQL
    # server cannot be cancelled, and a five-way product kept it busy for the rest of the run.
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    before = set(threading.enumerate())  # other tests' workers are not this query's
    with pytest.raises(QueryTimeout):
        run_query(filled, slow, timeout_s=0.2, max_rows=10)
    if filled.settings.store == "Memory":  # rdflib's evaluator is interrupted at once

        def ours() -> list[threading.Thread]:
            return [
                t for t in threading.enumerate() if t.name == "sparql-query" and t not in before
            ]

        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and ours():
            time.sleep(0.01)
        assert not ours()


def test_check_query_kinds() -> None:
    assert check_query("SELECT * WHERE { ?s ?p ?o }").kind == "SELECT"
    assert check_query("ASK { ?s ?p ?o }").kind == "ASK"
    assert check_query("CONSTRUCT WHERE { ?s ?p ?o }").kind == "CONSTRUCT"
    assert check_query("DESCRIBE <urn:x>").kind == "DESCRIBE"
    assert check_query("PREFIX x: <urn:x#> SELECT ?s WHERE { ?s x:p ?o }").kind == "SELECT"
