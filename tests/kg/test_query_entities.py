"""Linking the entities a query names (kg.query_entities.link_query), on a hand-built lexicon."""

from __future__ import annotations

from papergraph.core.canonical import canonical
from papergraph.core.model import EntityType, fold
from papergraph.kg.query_entities import (
    CANONICAL_TYPES,
    EntityLexicon,
    NameEntry,
    canonical_keys,
    link_query,
)
from papergraph.kg.vocab import entity_iri


def lexicon_of(*names: tuple[EntityType, str]) -> EntityLexicon:
    """A lexicon holding each (type, label) under its canonical key, as extraction labels it."""
    lexicon = EntityLexicon()
    for kind, label in names:
        iri = str(entity_iri(canonical(label, kind).key))
        lexicon.types[iri], lexicon.labels[iri] = kind, label
        lexicon.aliases[iri] = {label}
        lexicon._add(fold(label), NameEntry(iri, kind, label, True))
    return lexicon


LEXICON = lexicon_of((EntityType.DATASET, "WMT"), (EntityType.TASK, "machine translation"))


def test_a_dataset_named_with_year_and_language_pair_links_through_its_canonical_name() -> None:
    linked = link_query(LEXICON, "machine translation on WMT 2014 English-German")
    by_label = {entity.label: entity for entity in linked}
    assert set(by_label) == {"WMT", "machine translation"}
    wmt = by_label["WMT"]
    assert wmt.text == "WMT 2014 English-German"  # the whole variant is the dataset's span
    assert wmt.confidence < by_label["machine translation"].confidence  # less sure than a label


def test_canonical_linking_never_swallows_the_task_joined_by_on() -> None:
    linked = link_query(LEXICON, "machine translation on WMT")
    assert [(e.label, e.text) for e in linked] == [
        ("machine translation", "machine translation"),
        ("WMT", "WMT"),
    ]
    assert all(entity.confidence == 1.0 for entity in linked)


def test_words_whose_canonical_name_the_graph_lacks_link_nothing() -> None:
    assert link_query(LEXICON, "Hutter Prize compression") == []


FAMILIES = lexicon_of(
    (EntityType.DATASET, "IWSLT"),
    (EntityType.DATASET, "CIFAR"),
    (EntityType.DATASET, "CIFAR-10"),
    (EntityType.DATASET, "Sogou news corpus"),
    (EntityType.DATASET, "GTAV"),
    (EntityType.DATASET, "Cityscapes"),
    (EntityType.TASK, "machine translation"),
)


def test_a_versioned_name_the_graph_lacks_links_its_family_less_surely() -> None:
    linked = link_query(FAMILIES, "machine translation on IWSLT2015 German-English")
    by_label = {entity.label: entity for entity in linked}
    assert set(by_label) == {"machine translation", "IWSLT"}
    assert by_label["IWSLT"].text == "IWSLT2015"
    assert by_label["IWSLT"].confidence < by_label["machine translation"].confidence


def test_a_versioned_name_the_graph_holds_links_only_that_version() -> None:
    assert [e.label for e in link_query(FAMILIES, "image classification on CIFAR-10")] == [
        "CIFAR-10"
    ]


def test_a_dataset_named_without_its_kind_word_links_the_graphs_label() -> None:
    (sogou,) = link_query(FAMILIES, "sentiment analysis on Sogou News")
    assert (sogou.label, sogou.text) == ("Sogou news corpus", "Sogou News")


def test_a_transfer_between_two_datasets_links_both() -> None:
    linked = link_query(FAMILIES, "domain adaptation on GTAV-to-Cityscapes Labels")
    assert [(e.label, e.text) for e in linked] == [("GTAV", "GTAV"), ("Cityscapes", "Cityscapes")]


def test_a_name_written_with_to_between_hyphens_still_links_whole() -> None:
    lexicon = lexicon_of((EntityType.METHOD, "sequence-to-sequence"), (EntityType.DATASET, "WMT"))
    linked = link_query(lexicon, "sequence-to-sequence on WMT")
    assert [(e.label, e.text) for e in linked] == [
        ("sequence-to-sequence", "sequence-to-sequence"),
        ("WMT", "WMT"),
    ]


NAMES = [
    "WMT 2014 English-German",
    "WMT14 En-De",
    "EN-DE on WMT 2014",
    "MS COCO dataset",
    "ImageNet benchmark",
    "GLUE benchmark dev set",
    "SQuAD v2 test split",
    "CIFAR-10",
    "GANs",
    "LSTMs",
    "Fine-Tuning",
    "Model Variants",
    "HumanEval+",
    "we propose a simple method",
    "question answering",
    "2020 results",
]


def test_a_name_resolves_as_a_benchmark_as_it_does_as_a_dataset() -> None:
    """Linking resolves a name once for the dataset family: the same IRIs as `canonical`
    gives for each type."""
    for text in NAMES:
        expected = tuple(dict.fromkeys(canonical(text, kind).key for kind in CANONICAL_TYPES))
        assert canonical_keys(text) == expected, text


def test_a_benchmark_named_with_its_split_links_to_the_benchmark() -> None:
    lexicon = lexicon_of((EntityType.BENCHMARK, "GLUE"), (EntityType.METHOD, "GAN"))
    linked = link_query(lexicon, "GLUE dev set results of GANs")
    assert [(e.label, e.type, e.text) for e in linked] == [
        ("GLUE", EntityType.BENCHMARK, "GLUE dev set"),
        ("GAN", EntityType.METHOD, "GANs"),
    ]
