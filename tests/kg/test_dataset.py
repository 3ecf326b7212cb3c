"""A request names the dataset (protocol parameters, FROM, FROM NAMED), on every store."""

from __future__ import annotations

import pytest
from rdflib import Graph

from papergraph.kg.dataset import QueryDataset
from papergraph.kg.sparql import QueryAnswer, run_query
from papergraph.kg.store import KnowledgeGraph
from papergraph.kg.vocab import paper_graph_iri

pytestmark = pytest.mark.filterwarnings("ignore:Dataset.*deprecated:DeprecationWarning")

A = str(paper_graph_iri("2307.12966"))
B = str(paper_graph_iri("2201.11903"))
TITLES = "SELECT ?t WHERE { ?p a fabio:ResearchPaper ; dcterms:title ?t } ORDER BY ?t"
GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"


def ask(kg: KnowledgeGraph, query: str, dataset: QueryDataset | None = None) -> QueryAnswer:
    return run_query(kg, query, timeout_s=30, max_rows=1000, dataset=dataset)


def column(answer: QueryAnswer, name: str) -> list[str]:
    return [str(row[name]) for row in answer.rows if name in row]


def test_default_dataset_is_the_union_with_every_paper_named(filled: KnowledgeGraph) -> None:
    assert column(ask(filled, TITLES), "t") == [
        "Chain of Thought Reasoning, Revisited",
        "Chain-of-Thought Prompting",
    ]
    assert column(ask(filled, GRAPHS), "g") == [B, A]


def test_default_graph_uri_restricts_the_default_graph(filled: KnowledgeGraph) -> None:
    dataset = QueryDataset.from_iris([B])
    assert column(ask(filled, TITLES, dataset), "t") == ["Chain-of-Thought Prompting"]
    assert column(ask(filled, GRAPHS, dataset), "g") == []  # no named graph was named


def test_named_graph_uri_restricts_graph(filled: KnowledgeGraph) -> None:
    dataset = QueryDataset.from_iris([], [A])
    assert column(ask(filled, GRAPHS, dataset), "g") == [A]
    assert ask(filled, TITLES, dataset).rows == []  # the default graph is empty


def test_from_and_from_named_in_the_query(filled: KnowledgeGraph) -> None:
    query = (
        f"SELECT ?t ?g FROM <{A}> FROM NAMED <{B}> WHERE {{ "
        "{ ?p a fabio:ResearchPaper ; dcterms:title ?t } UNION "
        "{ GRAPH ?g { ?x a fabio:ResearchPaper } } }"
    )
    answer = ask(filled, query)
    assert column(answer, "t") == ["Chain of Thought Reasoning, Revisited"]
    assert column(answer, "g") == [B]


def test_protocol_parameters_override_from(filled: KnowledgeGraph) -> None:
    query = f"SELECT ?t FROM <{A}> WHERE {{ ?p a fabio:ResearchPaper ; dcterms:title ?t }}"
    assert column(ask(filled, query, QueryDataset.from_iris([B])), "t") == [
        "Chain-of-Thought Prompting"
    ]


def test_construct_and_ask_over_a_named_dataset(filled: KnowledgeGraph) -> None:
    dataset = QueryDataset.from_iris([A])
    answer = ask(
        filled,
        "CONSTRUCT { ?p dcterms:title ?t } WHERE { ?p a fabio:ResearchPaper ; dcterms:title ?t }",
        dataset,
    )
    assert answer.graph is not None
    assert {str(o) for o in answer.graph.objects()} == {"Chain of Thought Reasoning, Revisited"}
    other = 'ASK { ?p dcterms:title "Chain-of-Thought Prompting" }'
    assert ask(filled, other, dataset).boolean is False


def test_from_a_web_iri_is_looked_up_never_fetched(
    filled: KnowledgeGraph, turtle_url: tuple[str, list[str]]
) -> None:
    url, hits = turtle_url
    answer = ask(filled, f"SELECT ?t FROM <{url}> WHERE {{ ?s dcterms:title ?t }}")
    assert answer.rows == []
    assert hits == []  # no request left the server


def test_a_dataset_round_trips_through_rdflib_graph(filled: KnowledgeGraph) -> None:
    """The Turtle of a CONSTRUCT over one paper parses back into that paper's triples."""
    answer = ask(filled, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", QueryDataset.from_iris([B]))
    parsed = Graph().parse(data=answer.serialize("turtle"), format="turtle")
    assert set(parsed) == set(filled.paper_rdf("2201.11903"))
