"""The RDF a paper becomes, checked without any store."""

from __future__ import annotations

import dataclasses

from rdflib import BNode, Literal

from papergraph.core.model import Entity, EntityType, Extraction, Paper, Result, Role, entity_key
from papergraph.kg.mapping import paper_graph
from papergraph.kg.vocab import (
    BIBO,
    CITO,
    DCTERMS,
    FABIO,
    PG,
    RDF,
    SKOS,
    doi_iri,
    entity_iri,
    paper_iri,
)


def test_paper_graph_is_deterministic_and_has_no_blank_nodes(paper_a) -> None:
    first, second = paper_graph(*paper_a), paper_graph(*paper_a)
    assert set(first) == set(second)
    assert not any(isinstance(term, BNode) for triple in first for term in triple)


def test_paper_metadata_and_citations(paper_a) -> None:
    graph = paper_graph(*paper_a)
    paper = paper_iri("2307.12966")
    assert (paper, RDF.type, FABIO.ResearchPaper) in graph
    assert set(graph.objects(paper, DCTERMS.creator)) == {
        Literal("Ada Lovelace"),
        Literal("Alan Turing"),
    }
    assert graph.value(paper, DCTERMS.issued) == Literal(2023)
    assert graph.value(paper, BIBO.doi) == Literal("10.1000/abc.123")
    cited = set(graph.objects(paper, CITO.cites))
    assert paper_iri("2201.11903") in cited
    assert doi_iri("10.5555/XYZ") in cited
    assert len(cited) == 3  # the reference with no id and no title is skipped
    titled = [c for c in cited if graph.value(c, DCTERMS.title) is not None]
    assert [str(graph.value(c, DCTERMS.title)) for c in titled] == ["A Title-Only Reference"]


def test_result_labels_resolve_to_the_papers_entities(paper_a) -> None:
    graph = paper_graph(*paper_a)
    (result,) = graph.objects(paper_iri("2307.12966"), PG.reportsResult)
    assert graph.value(result, PG.resultDataset) == entity_iri("dataset/gsm8k")
    assert graph.value(result, PG.resultMethod) == entity_iri("method/cotr")
    assert graph.value(result, PG.value) == Literal(81.5)
    metric = graph.value(result, PG.resultMetric)
    assert metric == entity_iri("metric/accuracy")
    assert (metric, RDF.type, PG.Metric) in graph
    assert graph.value(metric, SKOS.prefLabel) == Literal("Accuracy")


def test_a_value_less_result_claim_has_slots_but_no_value(paper_a) -> None:
    paper, extraction = paper_a
    claim = dataclasses.replace(extraction.results[0], value=None)
    graph = paper_graph(paper, dataclasses.replace(extraction, results=[claim]))
    (result,) = graph.objects(paper_iri("2307.12966"), PG.reportsResult)
    assert graph.value(result, PG.resultDataset) == entity_iri("dataset/gsm8k")
    assert graph.value(result, PG.value) is None


def test_only_salient_entities_are_what_the_paper_is_about(paper_a) -> None:
    paper, extraction = paper_a
    extraction = dataclasses.replace(
        extraction,
        entities=[
            dataclasses.replace(e, salient=(i == 0)) for i, e in enumerate(extraction.entities)
        ],
    )
    graph = paper_graph(paper, extraction)
    node = paper_iri(paper.id)
    about = set(graph.objects(node, PG.about))
    mentioned = set(graph.objects(node, PG.mentions))
    assert about == {entity_iri(extraction.entities[0].key)}
    assert about < mentioned


def test_a_dataset_variant_is_a_qualifier_and_a_pwc_name_links_to_lpwc(paper_a) -> None:
    from papergraph.core.model import Entity, EntityType

    paper, extraction = paper_a
    wmt = Entity(EntityType.DATASET, "Human3.6M", qualifiers=["2014 en-de"])
    graph = paper_graph(paper, dataclasses.replace(extraction, entities=[wmt]))
    node = entity_iri(wmt.key)
    assert graph.value(node, SKOS.exactMatch).toPython() == (
        "https://linkedpaperswithcode.com/dataset/human3-6m"
    )
    (mention,) = graph.objects(paper_iri(paper.id), PG.hasMention)
    assert graph.value(mention, PG.qualifier) == Literal("2014 en-de")


def test_a_result_metric_with_its_own_cut_off_is_not_the_aliased_metric() -> None:
    """A paper's "pass@k" entity lists "pass@1" and "pass@100" as aliases; a result scored by
    pass@1 names a node of its own (so pass@1 and pass@100 are two boards), while "Macro-F1"
    still resolves to the paper's "F1" entity (one measure as papers print it)."""
    paper = Paper("p", "P")
    entities = [
        Entity(EntityType.METRIC, "pass@k", ["pass@1", "pass@100"], Role.MENTIONS),
        Entity(EntityType.METRIC, "F1", ["macro-F1"], Role.MENTIONS),
    ]
    results = [
        Result("PaLM", "Code Generation", "HumanEval", "pass@1", 26.2, []),
        Result("PaLM", "Code Generation", "HumanEval", "pass@100", 76.2, []),
        Result("SciBERT", "NER", "BC5CDR", "macro-F1", 90.0, []),
    ]
    graph = paper_graph(paper, Extraction("p", entities=entities, results=results))
    metrics = {str(o) for o in graph.objects(None, PG.resultMetric)}
    names = ("pass@1", "pass@100", "F1")
    assert metrics == {str(entity_iri(entity_key(EntityType.METRIC, n))) for n in names}


def test_a_dataset_printed_without_its_version_is_the_aliased_dataset() -> None:
    """A paper's "CoNLL-2003" entity lists "CoNLL" (what its tables print) and its "SQuAD"
    entity "SQuAD 1.1": both results name the paper's entity, so they meet other papers'
    CoNLL-2003 and SQuAD rows; a dataset whose printed version differs ("CIFAR-100" listed
    under "CIFAR-10") keeps its own node."""
    paper = Paper("p", "P")
    entities = [
        Entity(EntityType.DATASET, "CoNLL-2003", ["CoNLL"], Role.MENTIONS),
        Entity(EntityType.DATASET, "SQuAD", ["SQuAD 1.1"], Role.MENTIONS),
        Entity(EntityType.DATASET, "CIFAR-10", ["CIFAR-100"], Role.MENTIONS),
    ]
    results = [
        Result("BERT", "NER", "CoNLL", "F1", 92.8, []),
        Result("BERT", "Question Answering", "SQuAD 1.1", "F1", 93.2, []),
        Result("ResNet", "Image Classification", "CIFAR-100", "Accuracy", 80.0, []),
    ]
    graph = paper_graph(paper, Extraction("p", entities=entities, results=results))
    datasets = {str(o) for o in graph.objects(None, PG.resultDataset)}
    names = ("CoNLL-2003", "SQuAD", "CIFAR-100")
    assert datasets == {str(entity_iri(entity_key(EntityType.DATASET, n))) for n in names}
