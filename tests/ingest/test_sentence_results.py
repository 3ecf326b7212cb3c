"""Sentence results keep only stated values: no spread, change, count, setting or figure text."""

from __future__ import annotations

import re

import pytest

from papergraph.core.model import Chunk, ChunkKind, Entity, EntityType, Evidence, Paper, Role
from papergraph.ingest.extract.results import find_results

NAMES = {
    "SQuAD": EntityType.DATASET,
    "F1": EntityType.METRIC,
    "BLEU": EntityType.METRIC,
    "WMT": EntityType.DATASET,
    "win rate": EntityType.METRIC,
    "AlpacaEval": EntityType.BENCHMARK,
    "mAP": EntityType.METRIC,
    "COCO": EntityType.DATASET,
    "QANet": EntityType.METHOD,
}


def _results(sentence: str, kind: ChunkKind = ChunkKind.BODY) -> list[tuple[str | None, float]]:
    chunk = Chunk("p#0", "p", 0, sentence, kind=kind)
    entities = [
        Entity(
            kind_,
            name,
            role=Role.PROPOSES if kind_ is EntityType.METHOD else Role.MENTIONS,
            salience=1.0,
            evidence=[
                Evidence("p#0", m.start(), m.end(), name, "lexicon")
                for m in re.finditer(re.escape(name), sentence)
            ],
        )
        for name, kind_ in NAMES.items()
        if name in sentence
    ]
    found = find_results(Paper("p", "A paper", chunks=[chunk]), entities)
    return [(r.metric, r.value) for r in found]


def test_a_stated_value_is_a_result() -> None:
    assert _results("QANet achieves 84.6 F1 on SQuAD.") == [("F1", 84.6)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Our model improves the win rate on AlpacaEval by ±2 % over the baseline.",
        "We annotate 200 randomly sampled papers and report F1 on SQuAD.",
        "This is a 28 % relative improvement in mAP on COCO.",
        "QANet matches its F1 on SQuAD using only 7% of the training steps.",
        "QANet improves F1 on SQuAD by 2.1 over the baseline.",
        "We use a dropout rate of 0.1 and report BLEU on WMT.",
    ],
)
def test_spreads_counts_changes_and_settings_are_no_results(sentence: str) -> None:
    assert _results(sentence) == []


def test_figure_text_gives_no_results() -> None:
    axis = "QANet F1 on SQuAD: 0.2 0.4"
    assert _results(axis, kind=ChunkKind.FIGURE) == []
    assert _results(axis) == [("F1", 0.2), ("F1", 0.4)]  # the same text in the body reads


def test_a_figure_caption_gives_no_results_but_a_table_caption_does() -> None:
    stated = "QANet achieves 84.6 F1 on SQuAD."
    assert _results(f"Figure 3: {stated}", kind=ChunkKind.CAPTION) == []
    assert _results(f"Fig. 2. {stated}", kind=ChunkKind.CAPTION) == []
    assert _results(f"Table 3: {stated}", kind=ChunkKind.CAPTION) == [("F1", 84.6)]


def test_a_value_needs_a_method_and_a_sentence_few_numbers() -> None:
    assert _results("The F1 on SQuAD is 84.6.") == []
    assert _results("QANet BiDAF F1 SQuAD 84.6 77.3 76.2 68.0 70.1") == []


def test_an_error_printed_as_an_error_keeps_its_direction() -> None:
    sentence = "ResNet has 3.57% top-5 error on ImageNet."
    at = sentence.index

    def entity(kind: EntityType, label: str, printed: str) -> Entity:
        start = at(printed)
        evidence = [Evidence("p#0", start, start + len(printed), printed, "lexicon")]
        return Entity(kind, label, role=Role.PROPOSES, salience=1.0, evidence=evidence)

    entities = [
        entity(EntityType.METHOD, "ResNet", "ResNet"),
        entity(EntityType.METRIC, "top-5 accuracy", "top-5 error"),  # the lexicon's fold
        entity(EntityType.DATASET, "ImageNet", "ImageNet"),
    ]
    paper = Paper("p", "A paper", chunks=[Chunk("p#0", "p", 0, sentence)])
    [result] = find_results(paper, entities)
    assert (result.metric, result.value, result.higher_is_better) == ("Top-5 Error", 3.57, False)


def test_a_version_after_a_dataset_name_is_no_value() -> None:
    assert _results("QANet reaches 84.6 F1 on SQuAD 2.0.") == [("F1", 84.6)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "QANet reaches 84.6 F1 on SQuAD (and 80.2 test accuracy).",
            [("F1", 84.6), ("test accuracy", 80.2)],
        ),
        (
            "QANet reports a F1 of 84.6 on SQuAD, and test accuracy of 80.2 here.",
            [("F1", 84.6), ("test accuracy", 80.2)],
        ),
    ],
)
def test_a_value_takes_the_metric_printed_beside_it(
    sentence: str, expected: list[tuple[str, float]]
) -> None:
    """A second value whose own metric the gazetteer does not know is not the first's metric."""
    assert _results(sentence) == expected
