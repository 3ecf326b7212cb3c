"""SPARQL Update: refused, except LOAD INTO a non-paper graph when an operator allows it."""

from __future__ import annotations

import pytest

from papergraph.kg.errors import QueryForbidden, SparqlSyntaxError
from papergraph.kg.load import check_loads, run_loads
from papergraph.kg.store import KnowledgeGraph
from papergraph.kg.vocab import paper_graph_iri

pytestmark = pytest.mark.filterwarnings("ignore:Dataset.*deprecated:DeprecationWarning")


def test_every_update_is_refused_by_default() -> None:
    with pytest.raises(QueryForbidden, match="read-only") as caught:
        check_loads("LOAD <http://example.org/x.ttl> INTO GRAPH <urn:g>", allow_load=False)
    assert caught.value.status == 403


@pytest.mark.parametrize(
    ("update", "reason"),
    [
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "only LOAD"),
        ("LOAD <http://example.org/x.ttl>", "INTO GRAPH"),
        (f"LOAD <http://example.org/x.ttl> INTO GRAPH <{paper_graph_iri('p1')}>", "paper"),
        ("LOAD <http://example.org/x.ttl> INTO GRAPH <urn:g> ; DROP ALL", "only LOAD"),
    ],
)
def test_only_load_into_a_side_graph_is_accepted(update: str, reason: str) -> None:
    with pytest.raises(QueryForbidden, match=reason):
        check_loads(update, allow_load=True)


def test_a_malformed_update_is_a_syntax_error() -> None:
    with pytest.raises(SparqlSyntaxError):
        check_loads("LOAD INTO", allow_load=True)


def test_allowed_load_fetches_into_the_graph(kg: KnowledgeGraph, turtle_url) -> None:
    url, hits = turtle_url
    loads = check_loads(f"LOAD <{url}> INTO GRAPH <urn:side>", allow_load=True)
    run_loads(kg, loads)
    assert hits == ["/data.ttl"]
    rows = kg.query('SELECT ?s WHERE { GRAPH <urn:side> { ?s dcterms:title "fetched" } }')
    assert [str(row[0]) for row in rows] == ["urn:x"]
