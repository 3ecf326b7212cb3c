"""Columns whose trailing number counts examples per class ("Cifar5", "Cifar10"), not part of a
dataset's name (ingest/extract/counted_columns.py)."""

from __future__ import annotations

from papergraph.core.model import Table
from papergraph.ingest.extract.counted_columns import counted_columns
from tests.ingest.tables import grid, measured

_FEW_SHOT = "Table 4. Tabular representation of the few-shot results (%) for model NewNet."


def test_few_shot_columns_of_several_datasets_give_no_result() -> None:
    """Scaling ViT's Table 4: "Cifar10" beside "Cifar5", "INet5", "INet10" is CIFAR-100 with
    10 examples per class, not CIFAR-10; no column of the family gives a row."""
    table = Table(
        grid(
            [
                ["Model", "INet5", "INet10", "Cifar5", "Cifar10", "Pets5", "Pets10"],
                ["NewNet-g", "82.7", "84.5", "84.6", "86.5", "97.3", "97.7"],
            ]
        ),
        "4",
        _FEW_SHOT,
    )
    assert measured(table, ["NewNet"]) == set()


def test_one_name_with_several_numbers_is_a_family_of_datasets() -> None:
    """CIFAR-10 beside CIFAR-100 (one name, two numbers) are two datasets, each a result."""
    table = Table(
        grid([["Model", "CIFAR-10", "CIFAR-100"], ["NewNet-B", "99.1", "91.7"]]),
        "2",
        "Table 2. Top-1 accuracy of NewNet on CIFAR.",
    )
    assert {(d, v) for _, d, _, v in measured(table, ["NewNet"])} == {
        ("CIFAR-10", 99.1),
        ("CIFAR-100", 91.7),
    }


def test_numbered_datasets_under_a_caption_of_no_shots_are_datasets() -> None:
    """XLNet's Table 3: "Yelp-2", "Yelp-5", "Amazon-2", "Amazon-5" share numbers, yet under a
    caption of error rates, no shots, they are datasets of 2 and 5 classes."""
    table = Table(
        grid(
            [
                ["Model", "IMDB", "Yelp-2", "Yelp-5", "Amazon-2", "Amazon-5"],
                ["NewNet", "3.20", "1.37", "27.05", "2.11", "31.67"],
            ]
        ),
        "3",
        "Table 3: Comparison with state-of-the-art error rates on the test sets of several text "
        "classification datasets.",
    )
    datasets = {d for _, d, _, _ in measured(table, ["NewNet"])}
    assert {"Yelp-2", "Yelp-5", "Amazon-2", "Amazon-5"} <= datasets


def test_counts_are_columns_sharing_one_set_of_numbers_and_no_metric() -> None:
    headers = dict(enumerate(["INet5", "INet10", "Cifar5", "Cifar10", "Top-1"]))
    assert counted_columns(headers) == {0, 1, 2, 3}
    # metrics short and numbered ("B-1": BLEU-1, "R-1": ROUGE-1) are no counts
    assert counted_columns(dict(enumerate(["B-1", "B-2", "R-1", "R-2"]))) == set()
    # known names that share numbers (WMT14 beside IWSLT14) are datasets
    assert counted_columns(dict(enumerate(["WMT14", "WMT16", "IWSLT14", "IWSLT16"]))) == set()
