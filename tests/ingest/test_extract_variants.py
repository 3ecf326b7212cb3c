"""Kind-word variants of one concept within a paper become one entity."""

from __future__ import annotations

from papergraph.core.model import Entity, EntityType, Evidence, Role
from papergraph.ingest.extract.variants import head_form, merge_variants


def entity(kind: EntityType, label: str, salience: float, role: Role = Role.MENTIONS) -> Entity:
    evidence = [Evidence("p#0", 0, len(label), label, "gazetteer", 0.75)]
    return Entity(kind, label, role=role, salience=salience, evidence=evidence)


def test_head_form_drops_the_article_and_kind_words_only() -> None:
    assert head_form("the Cityscapes test set") == head_form("Cityscapes") == "cityscapes"
    assert head_form("link prediction task") == "linkprediction"
    assert head_form("dataset") == "dataset"  # a kind word alone stays what it is


def test_variants_merge_into_the_head_name_with_all_evidence() -> None:
    found = [
        entity(EntityType.DATASET, "Cityscapes dataset", 0.4, Role.EVALUATES_ON),
        entity(EntityType.METHOD, "ResNet", 0.9),
        entity(EntityType.BENCHMARK, "Cityscapes", 0.3),
        entity(EntityType.TASK, "link prediction task", 0.2),
        entity(EntityType.TASK, "link prediction", 0.5),
    ]
    merged = merge_variants(found)
    assert [(e.type, e.label) for e in merged] == [
        (EntityType.METHOD, "ResNet"),
        (EntityType.BENCHMARK, "Cityscapes"),
        (EntityType.TASK, "link prediction"),
    ]
    cityscapes = merged[1]
    assert cityscapes.aliases == ["Cityscapes dataset"]
    assert len(cityscapes.evidence) == 2
    assert cityscapes.role is Role.EVALUATES_ON and cityscapes.salience == 0.4


def test_different_types_and_different_names_stay_apart() -> None:
    found = [
        entity(EntityType.METHOD, "BLEU", 0.5),
        entity(EntityType.METRIC, "BLEU score", 0.5),
        entity(EntityType.DATASET, "WN18", 0.5),
        entity(EntityType.DATASET, "WN18RR", 0.5),
    ]
    assert len(merge_variants(found)) == 4
