"""Result claims, learned salience and the CRF tagger: on entities and text written here, and on
a few SciREX tune documents for the training commands."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.scirex import TUNE, read_documents
from benchmarks.train_tagger import train_on
from papergraph.core.model import Chunk, Entity, EntityType, Evidence, Paper, Result, Role
from papergraph.ingest.extract.claims import ClaimSizes, claims, merged
from papergraph.ingest.extract.ranker import SalienceModel, load_salience_model
from papergraph.ingest.extract.tagger import Tagger, Token, _spans, load_tagger


def entity(kind: EntityType, label: str, salience: float, role: Role = Role.MENTIONS) -> Entity:
    evidence = [Evidence("p#0", 0, len(label), label, "lexicon", 0.9)]
    return Entity(kind, label, role=role, salience=salience, evidence=evidence)


ENTITIES = [
    entity(EntityType.METHOD, "BERT", 0.9),
    entity(EntityType.METHOD, "OurNet", 0.5, Role.PROPOSES),
    entity(EntityType.TASK, "question answering", 0.8),
    entity(EntityType.DATASET, "SQuAD", 0.7),
    entity(EntityType.BENCHMARK, "GLUE", 0.6),
    entity(EntityType.DATASET, "WikiText", 0.1),
    entity(EntityType.METRIC, "F1", 0.8),
]


def test_claims_pair_the_proposed_method_with_the_top_entities() -> None:
    found = claims(ENTITIES, ClaimSizes(method=1, task=1, dataset=2, metric=1))
    assert [(r.method, r.task, r.dataset, r.metric, r.value) for r in found] == [
        ("OurNet", "question answering", "SQuAD", "F1", None),
        ("OurNet", "question answering", "GLUE", "F1", None),
    ]
    assert all(e.extractor == "result-claim" for r in found for e in r.evidence)
    assert len(found[0].evidence) == 4


def test_claims_need_all_four_slots_and_yield_to_sentence_results() -> None:
    assert claims([e for e in ENTITIES if e.type is not EntityType.METRIC]) == []
    sentence = Result("OurNet", "question answering", "SQuAD", "F1", 91.2)
    combined = merged([sentence], claims(ENTITIES))
    assert combined[0] is sentence
    assert [r.value for r in combined if r.dataset == "SQuAD"] == [91.2]


def test_a_paper_whose_tables_gave_values_gets_no_guessed_claims() -> None:
    cell = Evidence("p#3", 0, 4, "91.2", "table", 0.8, page=6, table="2", cell="91.2")
    from_table = Result("OurNet", "question answering", "SQuAD", "F1", 91.2, evidence=[cell])
    assert merged([from_table], claims(ENTITIES)) == [from_table]
    from_text = Result("OurNet", "question answering", "SQuAD", "F1", 91.2)
    assert len(merged([from_text], claims(ENTITIES))) > 1  # text alone: claims still fill in


def test_salience_model_ranks_by_its_weights_and_round_trips() -> None:
    weights = {"bias": -1.0, "title": 4.0}
    model = SalienceModel({"Method": weights}, {})
    paper = Paper(id="p", title="OurNet for reading", chunks=[Chunk("p#0", "p", 0, "BERT OurNet")])
    methods = [e for e in ENTITIES if e.type is EntityType.METHOD]
    ranked = model.rescore(paper, [Entity(**vars(e)) for e in methods])
    assert [e.label for e in ranked] == ["OurNet", "BERT"]  # in the title beats more salient
    assert SalienceModel.from_json(model.to_json()) == model


def test_the_shipped_salience_model_covers_every_type() -> None:
    model = load_salience_model()
    assert model is not None and set(model.weights) == {"Method", "Dataset", "Task", "Metric"}


def test_bio_labels_become_typed_character_spans() -> None:
    text = "We use ResNet - 50 on ImageNet ."
    words = text.split()
    starts = [text.index(w, sum(len(x) + 1 for x in words[:i])) for i, w in enumerate(words)]
    tokens = [Token(s, s + len(w), w) for s, w in zip(starts, words, strict=True)]
    labels = ["O", "O", "B-Method", "I-Method", "I-Method", "O", "B-Material", "O"]
    spans = _spans(text, tokens, labels)
    assert [(s.text, s.type) for s in spans] == [
        ("ResNet - 50", EntityType.METHOD),
        ("ImageNet", EntityType.DATASET),
    ]


def test_train_tagger_writes_a_model_that_tags(shared_data: Path, tmp_path: Path) -> None:
    documents = list(read_documents(shared_data / "scirex" / "train_docs", TUNE, 2))
    path = tmp_path / "tiny.crfsuite"
    assert train_on(documents, path) > 10
    tagger = Tagger(path)
    text = documents[0].paper.chunks[1].text
    spans = tagger.tag_text(text)
    assert spans and all(text[s.start : s.end] == s.text for s in spans)


def test_shipped_tagger_finds_names_when_trained() -> None:
    tagger = load_tagger()
    if tagger is None:
        pytest.skip("no trained tagger (python benchmarks/train_tagger.py)")
    text = "We evaluate our model on the CoNLL - 2003 dataset for named entity recognition ."
    found = {(s.text, s.type) for s in tagger.tag_text(text)}
    assert ("named entity recognition", EntityType.TASK) in found
