from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, Graph

from papergraph.core.model import EntityType, Role, entity_key
from papergraph.kg.vocab import (
    ENTITY_CLASS,
    PG,
    ROLE_PROPERTY,
    SKOS,
    chunk_id_from_iri,
    chunk_iri,
    entity_iri,
    entity_key_from_iri,
    paper_graph_iri,
    paper_id_from_graph_iri,
    paper_id_from_iri,
    paper_iri,
    vocabulary_turtle,
)

CLASSES = ["Method", "Dataset", "Benchmark", "Task", "Metric", "Result", "Mention"]
PROPERTIES = [
    "proposes",
    "uses",
    "evaluatesOn",
    "comparesAgainst",
    "mentions",
    "reportsResult",
    "resultMethod",
    "resultTask",
    "resultDataset",
    "resultMetric",
    "value",
    "salience",
    "hasMention",
    "entity",
    "start",
    "end",
    "confidence",
    "arxivId",
    "chunk",
    "chunkOf",
    "seq",
]


@pytest.fixture(scope="module")
def vocabulary() -> Graph:
    return Graph().parse(data=vocabulary_turtle(), format="turtle")


@pytest.mark.parametrize("name", CLASSES)
def test_vocabulary_declares_each_class(vocabulary: Graph, name: str) -> None:
    assert (PG[name], RDF.type, OWL.Class) in vocabulary
    assert vocabulary.value(PG[name], RDFS.label) is not None
    assert vocabulary.value(PG[name], RDFS.comment) is not None


@pytest.mark.parametrize("entity_type", list(EntityType))
def test_entity_classes_are_skos_concepts(vocabulary: Graph, entity_type: EntityType) -> None:
    assert (ENTITY_CLASS[entity_type], RDFS.subClassOf, SKOS.Concept) in vocabulary


@pytest.mark.parametrize("name", PROPERTIES)
def test_vocabulary_declares_each_property(vocabulary: Graph, name: str) -> None:
    types = set(vocabulary.objects(PG[name], RDF.type))
    assert types & {OWL.ObjectProperty, OWL.DatatypeProperty}
    assert vocabulary.value(PG[name], RDFS.label) is not None


@pytest.mark.parametrize("role", [r for r in Role if r is not Role.MENTIONS])
def test_roles_are_kinds_of_mentions(vocabulary: Graph, role: Role) -> None:
    assert (ROLE_PROPERTY[role], RDFS.subPropertyOf, PG.mentions) in vocabulary


def test_iris_round_trip() -> None:
    key = entity_key(EntityType.DATASET, "GSM-8K")
    assert str(entity_iri(key)) == "https://w3id.org/papergraph/entity/dataset/gsm8k"
    assert entity_key_from_iri(entity_iri(key)) == key
    assert str(paper_iri("2307.12966")) == "https://w3id.org/papergraph/paper/2307.12966"
    assert paper_id_from_iri(paper_iri("2307.12966")) == "2307.12966"
    assert "#" not in chunk_iri("2307.12966#3")
    assert chunk_id_from_iri(chunk_iri("2307.12966#3")) == "2307.12966#3"
    assert paper_id_from_graph_iri(paper_graph_iri("my paper")) == "my paper"
    with pytest.raises(ValueError):
        paper_id_from_iri(entity_iri(key))
