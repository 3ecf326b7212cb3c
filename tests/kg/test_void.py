"""The service description / VoID document: counts from the store, examples that run."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH, VOID

from papergraph.kg.mapping import paper_graph
from papergraph.kg.sparql import run_query
from papergraph.kg.store import KnowledgeGraph
from papergraph.kg.vocab import FABIO, PG
from papergraph.kg.void import EXAMPLE_QUERIES, SD, describe

pytestmark = pytest.mark.filterwarnings("ignore:Dataset.*deprecated:DeprecationWarning")
ENDPOINT = "http://papergraph.test/sparql"


def partition_count(graph: Graph, cls: URIRef) -> int:
    (partition,) = graph.subjects(VOID["class"], cls)
    return int(graph.value(partition, VOID.entities))


def test_description_counts_what_the_store_holds(filled: KnowledgeGraph, paper_a, paper_b) -> None:
    written = Graph()
    for paper, extraction in (paper_a, paper_b):
        written += paper_graph(paper, extraction)
    turtle = describe(filled, ENDPOINT).serialize(format="turtle")
    graph = Graph().parse(data=turtle, format="turtle")
    dataset = URIRef(f"{ENDPOINT}#dataset")
    assert graph.value(URIRef(f"{ENDPOINT}#service"), SD.endpoint) == URIRef(ENDPOINT)
    assert int(graph.value(dataset, VOID.triples)) == filled.count_triples()
    assert partition_count(graph, FABIO.ResearchPaper) == 2
    for cls in (PG.Method, PG.Dataset, PG.Metric):
        assert partition_count(graph, cls) == len(set(written.subjects(RDF.type, cls))) > 0
    assert URIRef(str(PG)) in set(graph.objects(dataset, VOID.vocabulary))


def test_example_queries_run_and_answer(filled: KnowledgeGraph) -> None:
    graph = describe(filled, ENDPOINT)
    published = {str(q) for q in graph.objects(None, SH.select)}
    assert published == {query for _, query in EXAMPLE_QUERIES}
    answers = [run_query(filled, query, timeout_s=30, max_rows=100) for query in sorted(published)]
    by_query = dict(zip(sorted(published), answers, strict=True))
    gsm8k_papers = by_query[EXAMPLE_QUERIES[0][1]]
    assert sorted(str(r["title"]) for r in gsm8k_papers.rows) == [
        "Chain of Thought Reasoning, Revisited",
        "Chain-of-Thought Prompting",
    ]
    results = by_query[EXAMPLE_QUERIES[3][1]]
    assert [float(r["value"]) for r in results.rows] == [81.5]
