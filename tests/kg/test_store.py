"""The knowledge graph contract, met by every store (see the `kg` fixture in conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from papergraph.core.model import Entity, EntityType, Extraction, Paper, Role
from papergraph.kg.errors import SparqlSyntaxError, StoreUnavailable
from papergraph.kg.mapping import paper_graph
from papergraph.kg.settings import GraphSettings
from papergraph.kg.store import SUPPORTED_STORES, KnowledgeGraph
from papergraph.kg.vocab import paper_graph_iri

# rdflib's own evaluator (Memory) calls its deprecated Dataset API
pytestmark = pytest.mark.filterwarnings("ignore:Dataset.*deprecated:DeprecationWarning")


def write(kg: KnowledgeGraph, *papers: tuple[Paper, Extraction]) -> None:
    for paper, extraction in papers:
        kg.replace_paper(paper.id, paper_graph(paper, extraction))


def scalar(kg: KnowledgeGraph, sparql: str) -> object:
    (row,) = list(kg.query(sparql))
    return row[0].toPython()


def test_every_supported_store_is_covered(covered_stores: list[str]) -> None:
    assert sorted(covered_stores) == sorted(SUPPORTED_STORES)


def test_empty_graph(kg: KnowledgeGraph) -> None:
    assert kg.paper_ids() == []
    assert kg.count_triples() == 0
    assert kg.entities() == []
    assert kg.entity("dataset/gsm8k") is None


def test_round_trip_counts_labels_and_roles(kg: KnowledgeGraph, paper_a, paper_b) -> None:
    write(kg, paper_a, paper_b)
    assert kg.paper_ids() == ["2201.11903", "2307.12966"]
    assert kg.count_papers() == 2
    assert kg.has_paper("2307.12966") and not kg.has_paper("nope")
    assert scalar(kg, "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a fabio:ResearchPaper }") == 2
    assert scalar(kg, "SELECT ?t WHERE { ?p pg:arxivId '2201.11903' ; dcterms:title ?t }") == (
        "Chain-of-Thought Prompting"
    )
    labels = {
        str(r.l)
        for r in kg.query(
            "SELECT DISTINCT ?l WHERE { <https://w3id.org/papergraph/entity/dataset/gsm8k> "
            "skos:prefLabel|skos:altLabel ?l }"
        )
    }
    assert labels == {"GSM8K", "GSM-8K"}
    proposers = {
        str(r.p)
        for r in kg.query("SELECT DISTINCT ?p WHERE { ?p pg:proposes ?m . ?m a pg:Method }")
    }
    assert proposers == {
        "https://w3id.org/papergraph/paper/2307.12966",
        "https://w3id.org/papergraph/paper/2201.11903",
    }


def test_paper_entities_carry_roles_salience_and_evidence(kg: KnowledgeGraph, paper_a) -> None:
    write(kg, paper_a)
    entities = {e["id"]: e for e in kg.paper_entities("2307.12966")}
    assert set(entities) == {
        "method/cotr",
        "dataset/gsm8k",
        "method/chainofthought",
        "metric/accuracy",
    }
    gsm = entities["dataset/gsm8k"]
    assert (gsm["type"], gsm["label"], gsm["aliases"], gsm["role"], gsm["salience"]) == (
        "Dataset",
        "GSM8K",
        ["GSM-8K"],
        "evaluatesOn",
        0.6,
    )
    assert gsm["evidence"] == [
        {
            "chunk_id": "2307.12966#1",
            "start": 11,
            "end": 17,
            "text": "GSM-8K",
            "extractor": "rules-v1",
            "confidence": 0.9,
        },
        {
            "chunk_id": "2307.12966#1",
            "start": 30,
            "end": 35,
            "text": "GSM8K",
            "extractor": "llm-v2",
            "confidence": 0.75,
        },
    ]
    assert entities["method/cotr"]["role"] == "proposes"
    assert entities["metric/accuracy"]["role"] == "mentions"  # named only by a result
    assert kg.paper_entities("2307.12966")[0]["id"] == "method/cotr"  # most salient


def test_citations_connect_ingested_papers(kg: KnowledgeGraph, paper_a, paper_b) -> None:
    write(kg, paper_a, paper_b)
    assert kg.query("ASK { ?a cito:cites ?b . ?b a fabio:ResearchPaper }").askAnswer is True
    assert kg.cited_by("2201.11903") == ["2307.12966"]
    assert kg.cited_by("2307.12966") == []
    assert kg.citation_edges(ingested_only=True) == [("2307.12966", "2201.11903")]
    references = kg.paper_references("2307.12966")
    assert {(r["paper_id"], r["doi"], r["title"], r["ingested"]) for r in references} == {
        ("2201.11903", None, None, True),
        (None, "10.5555/xyz", None, False),
        (None, None, "A Title-Only Reference", False),
    }


def test_citation_by_doi_reaches_the_paper_with_that_doi(kg: KnowledgeGraph, paper_a) -> None:
    write(
        kg,
        paper_a,
        (Paper(id="doi-paper", title="C", doi="10.5555/XYZ"), Extraction(paper_id="doi-paper")),
    )
    assert kg.cited_by("doi-paper") == ["2307.12966"]
    assert ("2307.12966", "doi-paper") in kg.citation_edges()
    by_doi = [r for r in kg.paper_references("2307.12966") if r["doi"]]
    assert by_doi[0]["paper_id"] == "doi-paper" and by_doi[0]["ingested"]


def test_entities_search_and_entity_detail(kg: KnowledgeGraph, paper_a, paper_b) -> None:
    write(kg, paper_a, paper_b)
    datasets = kg.entities(type=EntityType.DATASET)
    assert [(e["id"], e["paper_count"]) for e in datasets] == [("dataset/gsm8k", 2)]
    assert [e["id"] for e in kg.entities(q="gsm-8")] == ["dataset/gsm8k"]  # alias, any case
    assert [e["id"] for e in kg.entities(q="REVISITED")] == ["method/cotr"]
    assert [e["id"] for e in kg.entities(q="chain of thought")] == ["method/chainofthought"]
    assert len(kg.entities(limit=2)) == 2
    assert len(kg.entities(limit=10, offset=3)) == len(kg.entities()) - 3

    method = kg.entity("method/chainofthought")
    assert method is not None
    assert method["type"] == "Method"
    assert {method["label"], *method["aliases"]} == {"Chain of Thought", "Chain-of-Thought"}
    assert [(p["paper_id"], p["role"], p["salience"]) for p in method["papers"]] == [
        ("2201.11903", "proposes", 0.95),
        ("2307.12966", "comparesAgainst", 0.4),
    ]
    assert kg.paper_entity_keys()["2201.11903"] == {"method/chainofthought", "dataset/gsm8k"}


def test_replace_is_idempotent(kg: KnowledgeGraph, paper_a, paper_b) -> None:
    write(kg, paper_a, paper_b)
    once = kg.count_triples()
    write(kg, paper_a, paper_b)
    assert kg.count_triples() == once
    assert kg.paper_ids() == ["2201.11903", "2307.12966"]


def test_replace_drops_what_the_new_version_no_longer_says(kg: KnowledgeGraph, paper_a) -> None:
    paper, _ = paper_a
    write(kg, paper_a)
    fewer = Extraction(paper.id, entities=[Entity(EntityType.TASK, "Math QA", role=Role.USES)])
    kg.replace_paper(paper.id, paper_graph(paper, fewer))
    assert [e["id"] for e in kg.paper_entities(paper.id)] == ["task/mathqa"]
    assert kg.entity("method/cotr") is None


def test_a_graph_given_as_n_triples_is_stored_as_the_graph_itself(
    kg: KnowledgeGraph, paper_a
) -> None:
    """Ingest workers send a paper's graph serialised; every store takes it as the Graph."""
    paper, extraction = paper_a
    graph = paper_graph(paper, extraction)
    kg.replace_paper(paper.id, graph.serialize(format="nt"))
    as_text = (kg.count_triples(), kg.paper_entities(paper.id))
    kg.replace_paper(paper.id, graph)
    assert as_text == (kg.count_triples(), kg.paper_entities(paper.id))
    assert as_text[0] == len(graph) > 0 and as_text[1]


def test_remove_deletes_only_that_papers_graph(kg: KnowledgeGraph, paper_a, paper_b) -> None:
    write(kg, paper_b)
    only_b = kg.count_triples()
    write(kg, paper_a)
    kg.remove_paper("2307.12966")
    assert kg.paper_ids() == ["2201.11903"]
    assert kg.count_triples() == only_b
    assert kg.entity("dataset/gsm8k")["papers"][0]["paper_id"] == "2201.11903"
    assert kg.entity("method/cotr") is None
    kg.remove_paper("never-ingested")  # no error


def test_default_graph_is_the_union_of_paper_graphs(kg: KnowledgeGraph, paper_a, paper_b) -> None:
    write(kg, paper_a, paper_b)
    # a join whose two halves live in different named graphs
    rows = list(
        kg.query(
            "SELECT DISTINCT ?citing ?title WHERE { ?citing cito:cites ?cited . "
            "?cited a fabio:ResearchPaper ; dcterms:title ?title }"
        )
    )
    assert [(str(r.title)) for r in rows] == ["Chain-of-Thought Prompting"]
    graphs = {str(r.g) for r in kg.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}
    assert graphs == {str(paper_graph_iri("2307.12966")), str(paper_graph_iri("2201.11903"))}


def test_query_init_bindings(kg: KnowledgeGraph, paper_b) -> None:
    write(kg, paper_b)
    rows = list(
        kg.query(
            "SELECT ?t WHERE { ?p dcterms:title ?t }",
            init_bindings={"p": URIRef("https://w3id.org/papergraph/paper/2201.11903")},
        )
    )
    assert [str(r.t) for r in rows] == ["Chain-of-Thought Prompting"]


def test_query_syntax_error(kg: KnowledgeGraph) -> None:
    with pytest.raises(SparqlSyntaxError):
        kg.query("SELECT ?s WHERE { ?s ?p }")


def test_paper_rdf_exports_one_paper(kg: KnowledgeGraph, paper_a, paper_b) -> None:
    write(kg, paper_a, paper_b)
    exported = kg.paper_rdf("2201.11903")
    assert set(exported) == set(paper_graph(*paper_b))
    assert isinstance(
        Graph().parse(data=exported.serialize(format="turtle"), format="turtle"), Graph
    )


def test_oxigraph_persists_across_reopen(tmp_path: Path, paper_a, paper_b) -> None:
    settings = GraphSettings(store="Oxigraph")
    with KnowledgeGraph(settings, tmp_path) as kg:
        write(kg, paper_a, paper_b)
        triples = kg.count_triples()
    assert (tmp_path / "graph").is_dir()
    with KnowledgeGraph(settings, tmp_path) as reopened:
        assert reopened.paper_ids() == ["2201.11903", "2307.12966"]
        assert reopened.count_triples() == triples
        assert reopened.cited_by("2201.11903") == ["2307.12966"]


def test_oxigraph_store_config_names_the_folder(tmp_path: Path, paper_b) -> None:
    folder = tmp_path / "elsewhere"
    with KnowledgeGraph(GraphSettings(store="Oxigraph", store_config=str(folder)), tmp_path) as kg:
        write(kg, paper_b)
    assert folder.is_dir() and not (tmp_path / "graph").exists()


def test_unreachable_server_is_store_unavailable(tmp_path: Path) -> None:
    settings = GraphSettings(store="SPARQLUpdateStore", store_config="http://127.0.0.1:9/query")
    with pytest.raises(StoreUnavailable):
        KnowledgeGraph(settings, tmp_path)


def test_unknown_store_is_store_unavailable(tmp_path: Path) -> None:
    with pytest.raises(StoreUnavailable):
        KnowledgeGraph(GraphSettings(store="NoSuchStore"), tmp_path)


def test_a_citation_resolved_later_is_added_to_the_citing_papers_graph(
    kg: KnowledgeGraph, paper_a, paper_b
) -> None:
    """A paper ingested after the one citing it: the citing graph gains cito:cites, keeps the rest."""
    from papergraph.core.model import Reference
    from papergraph.kg.mapping import citation_graph

    write(kg, paper_a, paper_b)
    citing, cited = paper_a[0].id, paper_b[0].id
    before = kg.count_triples()
    reference = Reference(
        title="A title", context="As shown by [3].", context_chunk_id=f"{citing}#0"
    )
    kg.add_to_paper(
        citing, citation_graph(citing, cited, reference, "As shown by [3].").serialize(format="nt")
    )
    assert cited in [row[1] for row in kg.citation_edges() if row[0] == citing]
    assert kg.count_triples() > before
    assert kg.paper_entities(citing)  # what the graph held is still there
