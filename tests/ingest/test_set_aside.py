"""A task or dataset the paper says it leaves out is not shown as its topic (issue 14): SEAL's
"We do not use the entity linking ... KILT tasks" (2204.10628, p. 5), LongEval's "This
constraint excludes two popular benchmarks ...: CNN/DM ... and XSUM" (2023.eacl-main.121, p. 9)."""

from __future__ import annotations

from papergraph.core.model import Entity, EntityType, Evidence
from papergraph.ingest.extract.curate import mark_salient
from papergraph.ingest.extract.set_aside import set_aside
from tests.ingest.tables import paper_with

SEAL = (
    "KILT is a comprehensive benchmark collecting different datasets including question "
    "answering, fact checking, dialogue, slot filling, and entity linking (Petroni et al., 2021). "
    "We do not use the entity linking and ELI5 KILT tasks, where a ground truth passage is not "
    "provided in the training set."
)
LONGEVAL = (
    "In this work, we exclusively focus on summarization datasets with an average summary length "
    "of at least 150 words. This constraint excludes two popular benchmarks in summarization "
    "research over the last five years: CNN/DM (Nallapati et al., 2016) and XSUM (Narayan et "
    "al., 2018)."
)


def _entity(kind: EntityType, label: str, text: str, *, table: str | None = None) -> Entity:
    """An entity with one evidence span for each place `text` (chunk "p#0") names it."""
    spans, at = [], text.find(label)
    while at >= 0:
        spans.append(Evidence("p#0", at, at + len(label), label, "lexicon", table=table))
        at = text.find(label, at + 1)
    return Entity(kind, label, evidence=spans)


def test_a_task_the_paper_says_it_does_not_use_is_set_aside() -> None:
    texts = {"p#0": SEAL}
    assert set_aside(_entity(EntityType.TASK, "entity linking", SEAL), texts)
    assert not set_aside(_entity(EntityType.TASK, "slot filling", SEAL), texts)


def test_the_datasets_a_constraint_excludes_are_set_aside_not_the_field_it_names() -> None:
    texts = {"p#0": LONGEVAL}
    assert set_aside(_entity(EntityType.DATASET, "CNN/DM", LONGEVAL), texts)
    assert set_aside(_entity(EntityType.DATASET, "XSUM", LONGEVAL), texts)
    assert not set_aside(_entity(EntityType.TASK, "summarization", LONGEVAL), texts)


def test_a_dataset_a_table_reports_on_is_never_set_aside() -> None:
    entity = _entity(EntityType.DATASET, "CNN/DM", LONGEVAL, table="2")
    assert not set_aside(entity, {"p#0": LONGEVAL})


def test_a_set_aside_task_keeps_its_rank_but_is_not_shown() -> None:
    paper = paper_with([], "Autoregressive Search Engines", SEAL, paper_id="p")
    linking = _entity(EntityType.TASK, "entity linking", SEAL)
    filling = _entity(EntityType.TASK, "slot filling", SEAL)
    linking.salience, filling.salience = 0.9, 0.8
    ranked = mark_salient([filling, linking], paper)
    assert [e.label for e in ranked] == ["entity linking", "slot filling"]
    assert [e.salient for e in ranked] == [False, True]
