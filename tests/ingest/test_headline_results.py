"""Headline results: a sentence's precise own result is kept beside the paper's table rows only
where no own table row covers its dataset and metric (ingest/extract/headline.py)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from papergraph.core.model import (
    Chunk,
    Entity,
    EntityType,
    Evidence,
    Paper,
    Result,
    Role,
)
from papergraph.ingest.extract.headline import elided_k, headline_results
from papergraph.ingest.extract.results import find_results

NAMES = {
    "NewNet": EntityType.METHOD,
    "BiDAF": EntityType.METHOD,
    "Transformer": EntityType.METHOD,
    "Transformer-XL": EntityType.METHOD,
    "CIFAR-10": EntityType.DATASET,
    "One Billion Word": EntityType.DATASET,
    "ImageNet": EntityType.DATASET,
    "ILSVRC": EntityType.DATASET,
    "ADE20K": EntityType.DATASET,
    "Wikipedia": EntityType.DATASET,
    "WikiText-103": EntityType.DATASET,
    "WMT": EntityType.DATASET,
    "top-5 error": EntityType.METRIC,
    "test error": EntityType.METRIC,
    "top-1 accuracy": EntityType.METRIC,
    "accuracy": EntityType.METRIC,
    "perplexity": EntityType.METRIC,
    "mIoU": EntityType.METRIC,
    "BLEU": EntityType.METRIC,
    "F1": EntityType.METRIC,
}

#: The paper's own table rows: NewNet's ImageNet top-1 accuracy and top-5 error, WMT BLEU.
TABLE_ROWS = [
    ("ImageNet", "top-1 accuracy", 80.1),
    ("ImageNet", "top-5 error", 5.2),
    ("WMT 2014 English-German", "BLEU", 27.3),
    ("WikiText-103", "perplexity", 19.0),
    ("ADE20K", "mIoU", 50.5),
]


def _entities(text: str) -> list[Entity]:
    found = []
    for name, kind in NAMES.items():
        spans = [m for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)]
        if spans or name == "NewNet":  # the paper's own method, named elsewhere
            role = Role.PROPOSES if name == "NewNet" else Role.MENTIONS
            label = "ImageNet" if name == "ILSVRC" else name
            evidence = [Evidence("p#0", m.start(), m.end(), name, "lexicon") for m in spans]
            found.append(Entity(kind, label, role=role, salience=1.0, evidence=evidence))
    return found


def _table_rows() -> list[Result]:
    cell = Evidence("p#1", 0, 4, "", "table", table="2")
    return [Result("NewNet-L", "image classification", d, m, v, [cell]) for d, m, v in TABLE_ROWS]


def _kept(sentence: str) -> list[Result]:
    paper = Paper("p", "NewNet", chunks=[Chunk("p#0", "p", 0, sentence, pages=[7])])
    entities = _entities(sentence)
    return headline_results(paper, entities, find_results(paper, entities), _table_rows())


def _headline(sentence: str) -> list[tuple[str | None, str | None, str | None, float | str | None]]:
    return [(r.method, r.dataset, r.metric, r.value) for r in _kept(sentence)]


def test_a_headline_no_table_row_covers_is_kept_with_its_sentence() -> None:
    sentence = "We report a top-5 error of 4.9% and an accuracy of 91.2% on ILSVRC in this way."
    assert _headline("NewNet reaches 21.4 BLEU on WMT.") == []  # WMT BLEU is the table's
    kept = _headline("Here we report a test error of 4.82% (according to the ILSVRC server).")
    assert kept == [("NewNet", "ImageNet", "test error", 4.82)]
    row = _kept("Here we report a test error of 4.82% (according to the ILSVRC server).")[0]
    assert row.evidence[0].text.startswith("Here we report") and row.evidence[0].page == 7
    assert _headline(sentence) == []  # 4.9 and accuracy are the table's (ImageNet accuracy)


def test_no_headline_is_kept_where_the_tables_give_no_own_row() -> None:
    paper = Paper("p", "NewNet", chunks=[Chunk("p#0", "p", 0, "NewNet has 4.8% test error.")])
    assert headline_results(paper, [], [], []) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # the table's (dataset, metric): "WMT" inside "WMT 2014 English-German"
        "On WMT, our model establishes a new state-of-the-art BLEU score of 41.0 in 3 days.",
        # the table's value
        "We report a test error of 5.2% on ImageNet.",
        # another's method, named in a sentence of the authors
        "We compare with BiDAF, which reports a test error of 3.9% on ImageNet.",
        # a baseline it starts from, a bound, a gain
        "We lower the test error on ImageNet from 6.1% to 5.2%.",
        "NewNet lowers the test error on ImageNet by more than 1.5%.",
        # a subset
        "NewNet reaches 11.8% test error in such cases on ImageNet.",
        # a setting the row would drop
        "Our model reaches a test error of 9.5% on ImageNet with only 10 examples per class.",
        # a source, not the data the value is on
        "Our model reaches a perplexity 18.46, when retrieving from Wikipedia.",
        # a dataset that belongs to the value before it
        "NewNet obtains 87.8% top-1 accuracy on ImageNet and 56.0% mIoU on ADE20K.",
        # a measure no table row uses: a side experiment's
        "We obtain 27.6 F1 on ImageNet with our back-translation model.",
    ],
)
def test_what_is_not_a_precise_own_headline_is_left_out(sentence: str) -> None:
    assert _headline(sentence) == []


def test_a_split_measure_takes_the_k_the_sentence_said_once() -> None:
    sentence = "We report a top-5 validation error of 4.9%, and test error of 4.82%."
    assert elided_k("test error", sentence) == "top-5 test error"
    assert elided_k("test error", "We report a test error of 4.82%.") == "test error"
    assert elided_k("top-1 accuracy", sentence) == "top-1 accuracy"


def _kept_beside(sentence: str, method: str, proposes: bool = True, extra: Result | None = None):  # type: ignore[no-untyped-def]
    """`_kept` where the own rows are `method`'s, NewNet is proposed or not, and `extra` one more
    own row."""
    paper = Paper("p", "NewNet", chunks=[Chunk("p#0", "p", 0, sentence, pages=[7])])
    entities = _entities(sentence)
    if not proposes:
        entities = [replace(e, role=Role.MENTIONS) for e in entities]
    rows = [replace(r, method=method) for r in _table_rows()] + ([extra] if extra else [])
    return headline_results(paper, entities, find_results(paper, entities), rows)


@pytest.mark.parametrize(
    "sentence",
    [
        "The previous state of the art on CIFAR-10 reached an accuracy of 96.0%, which we improve.",
        "Prior work reports an accuracy of 96.0% on CIFAR-10; we set a new state of the art.",
    ],
)
def test_a_we_after_the_value_or_a_prior_result_does_not_speak_for_it(sentence: str) -> None:
    """The authors speak for a value in their own voice before it, of no previous result."""
    assert _kept_beside(sentence, "OtherNet", proposes=False) == []
    ours = _kept_beside("We reach an accuracy of 96.0% on CIFAR-10.", "OtherNet", proposes=False)
    assert [(r.method, r.dataset, r.value) for r in ours] == [("NewNet", "CIFAR-10", 96.0)]


def test_a_baseline_an_own_row_name_starts_with_is_not_own() -> None:
    """ "Transformer" is Transformer-XL's baseline; "Transformer-XL (Large)" rows are its own."""
    base = "The Transformer reaches a perplexity of 23.7 on One Billion Word."
    assert _kept_beside(base, "Transformer-XL (Large)", proposes=False) == []
    own = "Transformer-XL reaches a perplexity of 21.8 on One Billion Word."
    kept = _kept_beside(own, "Transformer-XL (Large)", proposes=False)
    assert [(r.method, r.value) for r in kept] == [("Transformer-XL", 21.8)]


def test_a_headline_takes_the_task_an_own_row_on_its_dataset_carries() -> None:
    cell = Evidence("p#1", 0, 4, "", "table", table="3")
    row = Result("NewNet-L", "few-shot classification", "CIFAR-10", "top-1 accuracy", 97.0, [cell])
    kept = _kept_beside("We reach a test error of 3.1% on CIFAR-10.", "NewNet-L", extra=row)
    assert [(r.task, r.value) for r in kept] == [("few-shot classification", 3.1)]


def test_a_metric_with_a_digit_in_its_name_keeps_its_value() -> None:
    """The "1" of "top-1" is no value between 95.1 and CIFAR-10."""
    assert _headline("NewNet reaches 95.1% top-1 accuracy on CIFAR-10.") == [
        ("NewNet", "CIFAR-10", "top-1 accuracy", 95.1)
    ]


def test_a_k_is_elided_only_where_the_sentence_says_one() -> None:
    two = "We report a top-1 error of 20.1%, a top-5 error of 4.9%, and test error of 4.82%."
    assert elided_k("test error", two) == "test error"
