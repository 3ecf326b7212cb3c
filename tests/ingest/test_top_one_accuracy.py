"""A general accuracy column on a dataset scored by top-1 is that top-1 accuracy
(ingest/extract/usual_metrics.py `top_k_of`, applied to every table cell's result)."""

from __future__ import annotations

from papergraph.core.model import Table
from tests.ingest.tables import grid, table_rows


def _metrics(rows: list[list[str]], caption: str) -> set[tuple]:
    table = Table(grid(rows), number="4", caption=caption)
    return {(r.method, r.dataset, r.metric, r.value) for r in table_rows(table, ["NewNet"])}


def test_val_acc_on_imagenet_is_top_1_accuracy() -> None:
    found = _metrics(
        [
            ["Backbone", "#param", "FLOPs", "Val acc."],
            ["ResNet-50", "25M", "4.1G", "79.8"],
            ["NewNet-B", "89M", "15.4G", "84.6"],
        ],
        "Table 4. ImageNet-1K fine-tuning results.",
    )
    assert {(m, metric, v) for m, _, metric, v in found} == {("NewNet-B", "Top-1 Accuracy", 84.6)}


def test_accuracy_on_a_dataset_not_scored_by_top_1_stays_accuracy() -> None:
    found = _metrics(
        [["Model", "Acc."], ["ResNet-50", "93.0"], ["NewNet-B", "96.1"]],
        "Table 4. Classification results on CIFAR-10.",
    )
    assert {(m, metric, v) for m, _, metric, v in found} == {("NewNet-B", "Accuracy", 96.1)}


def test_a_table_of_top_5_accuracy_keeps_its_top_5() -> None:
    found = _metrics(
        [["Model", "Top-5 Acc."], ["NewNet-B", "97.1"]],
        "Table 4. ImageNet validation results.",
    )
    assert {metric for _, _, metric, _ in found} == {"Top-5 Accuracy"}
