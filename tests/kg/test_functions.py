"""SPARQL extension functions registered on the graph, on every store that evaluates locally."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.term import Node

from papergraph.kg.sparql import run_query
from papergraph.kg.store import KnowledgeGraph
from papergraph.kg.vocab import PG, XSD

TITLE_LENGTH = PG.titleLength


def title_length(title: Node | None = None) -> Node | None:
    """A toy function: the length of a literal; no value for anything else."""
    if not isinstance(title, Literal):
        return None
    return Literal(len(str(title)), datatype=XSD.integer)


@pytest.fixture
def graph_with_papers(filled: KnowledgeGraph) -> KnowledgeGraph:
    filled.register_function(TITLE_LENGTH, title_length)
    return filled


def _rows(kg: KnowledgeGraph, query: str) -> list[dict[str, Node]]:
    return run_query(kg, query, timeout_s=30, max_rows=100).rows


def test_a_registered_function_binds_filters_and_orders(
    graph_with_papers: KnowledgeGraph, store_name: str
) -> None:
    if store_name == "SPARQLUpdateStore":
        pytest.skip("a remote server evaluates queries itself and knows no Python functions")
    rows = _rows(
        graph_with_papers,
        "SELECT ?paper ?n WHERE { ?paper a fabio:ResearchPaper ; dcterms:title ?t . "
        "BIND(pg:titleLength(?t) AS ?n) "
        "FILTER(pg:titleLength(?t) > 20) } ORDER BY DESC(pg:titleLength(?t))",
    )
    assert [(str(r["paper"]).rsplit("/", 1)[1], int(r["n"])) for r in rows] == [
        ("2307.12966", len("Chain of Thought Reasoning, Revisited")),
        ("2201.11903", len("Chain-of-Thought Prompting")),
    ]


def test_no_value_leaves_the_variable_unbound(
    graph_with_papers: KnowledgeGraph, store_name: str
) -> None:
    if store_name == "SPARQLUpdateStore":
        pytest.skip("a remote server evaluates queries itself and knows no Python functions")
    rows = _rows(
        graph_with_papers,
        "SELECT ?paper ?n WHERE { ?paper a fabio:ResearchPaper . "
        "BIND(pg:titleLength(?paper) AS ?n) }",
    )
    assert len(rows) == 2 and all("n" not in row for row in rows)


def test_queries_without_functions_are_unchanged(graph_with_papers: KnowledgeGraph) -> None:
    rows = _rows(
        graph_with_papers, "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a fabio:ResearchPaper }"
    )
    assert int(rows[0]["n"]) == 2
    assert URIRef(TITLE_LENGTH) in graph_with_papers.functions
