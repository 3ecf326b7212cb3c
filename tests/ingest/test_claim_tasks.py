"""A value-less claim takes its dataset's task where the data is firm about it: the
distillation paper (Hinton et al.) is most about speech recognition, but its MNIST and JFT
claims are image classification; a dataset the data knows only by a few scattered boards
(PubMed, BioASQ, Wikipedia) keeps the paper's task."""

from __future__ import annotations

import pytest

from papergraph.core.model import Entity, EntityType, Evidence, Role
from papergraph.ingest.extract.claim_tasks import claim_task
from papergraph.ingest.extract.claims import ClaimSizes, claims
from papergraph.ingest.extract.hybrid import hybrid_matcher
from papergraph.ingest.extract.matcher import NameMatcher


def _entity(kind: EntityType, label: str, salience: float, role: Role = Role.MENTIONS) -> Entity:
    evidence = [Evidence("1503.02531#2", 0, len(label), label, "lexicon", 0.9)]
    return Entity(kind, label, role=role, salience=salience, evidence=evidence)


DISTILLATION = [
    _entity(EntityType.METHOD, "knowledge distillation", 0.9, Role.PROPOSES),
    _entity(EntityType.TASK, "speech recognition", 0.8),
    _entity(EntityType.DATASET, "MNIST", 0.7),
    _entity(EntityType.DATASET, "In-house Speech Set", 0.6),
    _entity(EntityType.METRIC, "accuracy", 0.8),
]
SIZES = ClaimSizes(method=1, task=1, dataset=2, metric=1)
KNOWN = {"MNIST": "image classification"}


def _known(dataset: str, task: str) -> str | None:
    return KNOWN.get(dataset)


def test_a_claim_on_a_dataset_of_firm_task_is_filed_under_that_task() -> None:
    found = claims(DISTILLATION, SIZES, _known)
    assert [(r.task, r.dataset) for r in found] == [
        ("image classification", "MNIST"),
        ("speech recognition", "In-house Speech Set"),
    ]
    mnist, speech = found
    assert "speech recognition" not in {e.text for e in mnist.evidence}  # not its evidence
    assert "speech recognition" in {e.text for e in speech.evidence}


def test_without_dataset_tasks_claims_take_the_papers_task() -> None:
    assert {r.task for r in claims(DISTILLATION, SIZES)} == {"speech recognition"}


@pytest.fixture(scope="module")
def matcher() -> NameMatcher:
    return hybrid_matcher()


@pytest.mark.parametrize(
    ("dataset", "paper_task", "task"),
    [
        ("MNIST", "speech recognition", "image classification"),  # six boards
        ("JFT-300M", "speech recognition", "image classification"),  # stated by hand
        ("TIMIT", "speech recognition", None),  # the paper's task is TIMIT's
        ("PubMed", "summarization", None),  # node classification: 2 boards, summarization 2
        ("PubMed", "question answering", None),  # 2 boards are no firm word
        ("BioASQ", "question answering", None),  # one "zero-shot text search" board
        ("Wikipedia", "question answering", None),
    ],
)
def test_the_data_decides_a_claims_task_only_where_it_is_firm(
    matcher: NameMatcher, dataset: str, paper_task: str, task: str | None
) -> None:
    assert claim_task(dataset, paper_task, matcher) == task
